import IBAKE
import MIKEY
import Primitives

/// A short media sample sent under the keys the exchange derived (PROFILE D9): the
/// initiator protects one RTP packet with SRTP, the responder checks and decrypts it.
/// The stream is the crypto session the exchange's HDR announced: CS ID 1 of the
/// SRTP-ID map in I_MESSAGE_1 (RFC 3830 §6.1.1), whose SSRC and ROC both sides use.
enum MediaSample {
    static let text = "Hello Bob, this audio frame is protected by SRTP under keys from abP."
    static let sequence: UInt16 = 1
    static let timestamp: UInt32 = 160

    /// What the receiver made of a packet: the content, or the check that refused it.
    enum Reading: Equatable {
        case read([UInt8])
        case refused(CheckOutcome)
    }

    /// The crypto session CS ID 1 of the SRTP-ID map in `message`'s HDR (RFC 3830 §6.1.1;
    /// PROFILE D9: one crypto session): the SSRC and ROC of the media stream.
    static func announcedSession(in message: [UInt8]) throws -> SRTPCryptoSession {
        let header = try MIKEYMessage(decoding: message).header
        let index = Int(IBAKEProfile.cryptoSessionID) - 1
        guard case .srtp(let sessions) = header.cryptoSessions, sessions.indices.contains(index) else {
            throw IBAKEFailure(.session, "\(header.dataType.name)'s HDR announces no SRTP crypto session \(IBAKEProfile.cryptoSessionID)")
        }
        return sessions[index]
    }

    /// `0x5ca9b4d5`, as the inspector shows an SSRC.
    static func hex(_ value: UInt32) -> String { "0x" + Hex.encode(value.bigEndianOctets) }

    /// One RTP packet of `content` with the announced session's SSRC, protected under its ROC.
    static func protect(_ content: [UInt8], keys: SessionKeys, session: SRTPCryptoSession) throws -> [UInt8] {
        try SRTPProtection(masterKey: keys.srtpMasterKey, masterSalt: keys.srtpMasterSalt)
            .protect(payload: content, ssrc: session.ssrc, sequence: sequence, timestamp: timestamp, rolloverCounter: session.roc)
    }

    /// The receiver's side: the packet's SSRC must be the one announced for the crypto
    /// session, and its tag must verify under the announced ROC; then it decrypts.
    static func open(_ packet: [UInt8], keys: SessionKeys, announced: SRTPCryptoSession) throws -> Reading {
        guard let ssrc = SRTPProtection.ssrc(of: packet), ssrc == announced.ssrc else {
            let found = SRTPProtection.ssrc(of: packet).map(hex) ?? "none"
            return .refused(CheckOutcome(check: .srtpStream, passed: false,
                                         detail: "SSRC \(found) is not \(hex(announced.ssrc)), the SSRC announced for CS ID \(IBAKEProfile.cryptoSessionID)"))
        }
        let protection = try SRTPProtection(masterKey: keys.srtpMasterKey, masterSalt: keys.srtpMasterSalt)
        guard let read = try protection.unprotect(packet, rolloverCounter: announced.roc) else {
            return .refused(CheckOutcome(check: .srtpTag, passed: false, detail: "SRTP tag does not verify"))
        }
        return .read(read)
    }

    /// The initiator sends the sample after a completed exchange; the responder reads it
    /// with its own keys and the crypto session of the I_MESSAGE_1 it received.
    static func send(on stage: Stage, after run: StagedExchange.Completed, of exchange: StagedExchange) throws {
        let (sender, receiver) = (exchange.initiatorParty, exchange.responderParty)
        guard let senderKeys = exchange.initiator.sessionKeys, let receiverKeys = exchange.responder.sessionKeys else { return }
        let content = Array(text.utf8)
        let session = try announcedSession(in: run.sentMessage1.message)
        let packet = try protect(content, keys: senderKeys, session: session)
        let stream = "SSRC \(hex(session.ssrc)), ROC \(session.roc)"
        stage.builder.phase = .media
        stage.builder.step(sender.id, .send, "\(sender.tag) sends SRTP media",
                           message: WireMessage(.srtp, octets: packet, from: sender.id, to: receiver.id,
                                                notation: "SRTP(media) under SRTP_key"),
                           reveal: [(sender.id, LearnedValue(.content, content, .created))], recordedBy: stage.observers,
                           narration: "\(sender.tag) sends an RTP packet on the stream I_MESSAGE_1's HDR announced for CS ID \(IBAKEProfile.cryptoSessionID) (\(stream)), protected with SRTP: AES-CM-128 under a session key derived from the SRTP master key and salt, and an 80-bit HMAC-SHA-1 tag.",
                           references: [.rfc(3711, "3.1"), .rfc(3830, "4.1.3"), .rfc(3830, "6.1.1"), .profile("D9")])
        switch try open(packet, keys: receiverKeys, announced: try announcedSession(in: run.receivedMessage1.message)) {
        case .refused(let outcome):
            stage.builder.step(receiver.id, .refuse, "\(receiver.tag) rejects the media", checks: [outcome],
                               refusing: stage.builder.lastMessageStep(.srtp, to: receiver.id),
                               narration: "\(receiver.tag) rejects the packet: \(outcome.detail).",
                               references: [.rfc(3711, "3.3"), .rfc(3830, "6.1.1")])
        case .read(let read):
            let announced = try announcedSession(in: run.receivedMessage1.message)
            let passed = [CheckOutcome(check: .srtpStream, passed: true, detail: "SSRC \(hex(announced.ssrc)), as announced for CS ID \(IBAKEProfile.cryptoSessionID)"),
                          CheckOutcome(check: .srtpTag, passed: true, detail: "the tag verifies under the announced ROC \(announced.roc)")]
            stage.builder.step(receiver.id, .receive, "\(receiver.tag) decrypts the media",
                               reveal: [(receiver.id, LearnedValue(.content, read, .message(.srtp)))], checks: passed,
                               narration: "\(receiver.tag) checks the SSRC is the one announced, checks the tag under the announced ROC and decrypts with the SRTP key it derived itself: \"\(text)\". The media key never travelled; both sides computed it from abP.",
                               references: [.rfc(3711, "3.3"), .rfc(3830, "6.1.1"), .profile("D9")])
        }
    }
}
