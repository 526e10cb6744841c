import IBAKE

/// A short media sample sent under the keys the exchange derived (PROFILE D9): the
/// initiator protects one RTP packet with SRTP, the responder checks and decrypts it.
enum MediaSample {
    static let text = "Hello Bob, this audio frame is protected by SRTP under keys from abP."

    static func send(on stage: Stage, keys: SessionKeys, from sender: Party, to receiver: Party) throws {
        let content = Array(text.utf8)
        let ssrc = UInt32(0x4d49_4b45)                       // "MIKE"
        let protection = try SRTPProtection(masterKey: keys.srtpMasterKey, masterSalt: keys.srtpMasterSalt)
        let packet = try protection.protect(payload: content, ssrc: ssrc, sequence: 1, timestamp: 160)
        stage.builder.step(sender.id, .send, "\(sender.tag) sends SRTP media",
                           message: WireMessage(name: "SRTP", octets: packet, from: sender.id, to: receiver.id,
                                                notation: "SRTP(media) under SRTP_key"),
                           reveal: [(sender.id, LearnedValue(.content, content, .created))], recordedBy: stage.observers,
                           narration: "\(sender.tag) sends an RTP packet protected with SRTP: AES-CM-128 under a session key derived from the SRTP master key and salt, and an 80-bit HMAC-SHA-1 tag.",
                           references: ["RFC 3711 §3.1", "RFC 3830 §4.1.3", "PROFILE D9"])
        guard let read = try protection.unprotect(packet), read == content else {
            stage.builder.step(receiver.id, .refuse, "\(receiver.tag) rejects the media",
                               checks: [CheckOutcome(check: .verificationMAC, passed: false, detail: "SRTP tag does not verify")],
                               narration: "The SRTP tag does not verify.", references: ["RFC 3711 §3.4"])
            return
        }
        stage.builder.step(receiver.id, .receive, "\(receiver.tag) decrypts the media",
                           reveal: [(receiver.id, LearnedValue(.content, read, .message("SRTP")))],
                           narration: "\(receiver.tag) checks the tag and decrypts with the SRTP key it derived itself: \"\(text)\". The media key never travelled; both sides computed it from abP.",
                           references: ["RFC 3711 §3.3", "PROFILE D9"])
    }
}
