import IBAKE
import MIKEY
import Scenarios

/// Why a timeline's MIKEY messages cannot be put in SIP as PROFILE D23 maps them: the
/// step, what arrived, and what the mapping expected there.
public struct SIPCarriageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let step: Int
    public let description: String

    init(step: Int, _ what: String) {
        self.step = step
        description = "step \(step): \(what)"
    }
}

/// The SIP/SDP carriage of a timeline's MIKEY-IBAKE messages (PROFILE D23, RFC 4567,
/// RFC 6267 §1 and §3): each message rides in the SDP body of a SIP request or response,
/// with the SIP messages between them that the dialogue needs.
///
/// - I_MESSAGE_1: the offer of the INVITE (RFC 3261 §13, RFC 3264 §5); a forked INVITE
///   (the same I_MESSAGE_1 to several devices) keeps its Call-ID and From tag, each copy
///   with the proxy's Via on top (RFC 3261 §16.6).
/// - R_MESSAGE_1: the answer in a reliable 183 Session Progress (RFC 3262), which opens
///   an early dialog with the answering device's To tag and names the answering identity
///   in P-Asserted-Identity (RFC 3325); the caller acknowledges it with PRACK, answered 200.
/// - I_MESSAGE_2: the offer of an UPDATE in that early dialog (RFC 3311 §5.1).
/// - R_MESSAGE_2: the answer in the 200 OK to the UPDATE; then the 200 OK to the INVITE
///   and its ACK, and the proxy's CANCEL of each forked copy no device answered, with its
///   200, the copy's 487 and that 487's ACK (RFC 3261 §9, §16.7).
/// - A replayed R_MESSAGE_1: a 183 with the headers of the one the attacker kept from the
///   caller (the kept one is answered by nothing), the recording in its SDP.
/// - Error: the SDP of a 488 Not Acceptable Here (RFC 3261 §21.4.26) to the request
///   whose message was refused (acknowledged with ACK when that was the INVITE).
/// - REQUEST_KEY and its response go to the KMS over UDP, and the lab's own records
///   (SRTP, mailbox, group frames) are not MIKEY: none rides in SIP.
/// - MIKEY's other modes (PROFILE D22) take one offer/answer, as RFC 4567 §4 has it: the
///   initiator's message (Pre-shared, Public key, D-H init, DHHMAC init, RSA-R I_MSG,
///   SAKKE msg) in the INVITE's offer, the responder's (a verification message, D-H resp,
///   DHHMAC resp, RSA-R R_MSG) in the answer of the 200 OK to the INVITE, then ACK. A mode
///   with no responder's message (MIKEY-SAKKE, a PSK or PK message without the V flag)
///   is answered in a 200 OK whose SDP has no key-mgmt line, once the callee accepted it.
public enum SIPCarriage {
    /// SIP's port on UDP, both ways (RFC 3261 §19.1.2).
    public static let port: UInt16 = 5060
    /// The proxy that forks and retargets (RFC 6267 §3): it appears in the Via of the
    /// requests it forwarded, not as a host of the capture.
    public static let proxy = "proxy.ims.example"

    /// The IPv4 address of `party` in the lab's captures: 127.0.0.N for the N-th party
    /// of the timeline (`capture.pcap` and `sip.pcap` alike, PROFILE D20).
    public static func address(of party: PartyID, in timeline: Timeline) -> [UInt8] {
        let index = timeline.parties.firstIndex { $0.id == party } ?? 250
        return [127, 0, 0, UInt8(index + 1)]
    }

    /// Where a message that no SIP message carries goes instead (PROFILE D23).
    public enum Elsewhere: Sendable, Equatable {
        /// REQUEST_KEY and its response: between a user and the KMS over UDP (PROFILE D11, D20).
        case kms
        /// A record of the lab's own, not MIKEY (SRTP, a mailbox deposit, a group frame).
        case labRecord
    }

    /// Where a message of `kind` goes when PROFILE D23 puts it in no SIP message; nil for
    /// a MIKEY message of the call (which rides in SIP if ``ridesInSIP(_:)``).
    public static func elsewhere(_ kind: MessageKind) -> Elsewhere? {
        guard let type = kind.dataType else { return .labRecord }
        return [.requestKeyPSK, .requestKeyPKE, .requestKeyResponse].contains(type) ? .kms : nil
    }

    /// Whether a message of `kind` rides in SIP under PROFILE D23.
    public static func ridesInSIP(_ kind: MessageKind) -> Bool {
        [MessageKind.iMessage1, .rMessage1, .iMessage2, .rMessage2, .error].contains(kind)
            || modeOffers.contains(kind) || modeAnswers.contains(kind)
    }

    /// The initiator's message of each other MIKEY mode (PROFILE D22): the INVITE's offer.
    public static let modeOffers: Set<MessageKind> = [.preShared, .publicKey, .diffieHellmanInit, .dhhmacInit, .rsaRInit, .sakke]
    /// The responder's message of each other MIKEY mode: the answer in the 200 OK to the INVITE.
    public static let modeAnswers: Set<MessageKind> = [
        .preSharedVerification, .publicKeyVerification, .diffieHellmanResponse, .dhhmacResponse, .rsaRResponse,
    ]

    /// The SIP messages that carry `timeline`'s MIKEY messages, in order, with those
    /// between them. Throws when a message does not fit the mapping (a mode's message,
    /// an answer with no offer before it), naming the step.
    public static func dialogue(for timeline: Timeline) throws -> [SIPMessage] {
        var builder = DialogueBuilder(timeline: timeline)
        for step in timeline.steps {
            guard let message = step.message else {
                builder.accept(step)
                continue
            }
            try builder.add(message, at: step.index)
        }
        return builder.messages
    }

    /// The SIP message that carries the message of step `step`, if one does.
    public static func carrier(of step: Int, in dialogue: [SIPMessage]) -> SIPMessage? {
        dialogue.first { $0.carries == step }
    }

    /// The 200 OK that answers `invite` with an SDP answer but no MIKEY message (MIKEY-SAKKE,
    /// PROFILE D23); nil for a response, another request, or an INVITE answered otherwise.
    public static func plainAnswer(to invite: SIPMessage, in dialogue: [SIPMessage]) -> SIPMessage? {
        guard invite.status == nil, invite.method == "INVITE" else { return nil }
        return dialogue.first {
            $0.status == 200 && $0.method == "INVITE" && $0.header("Call-ID") == invite.header("Call-ID")
                && $0.body != nil && $0.body?.keyManagementData == nil
        }
    }

    /// How the proxy ended `invite`, a forked copy no device answered: its CANCEL, the 200
    /// to it, the INVITE's 487 and the ACK, all on the INVITE's top Via (RFC 3261 §9.1,
    /// §17.1.1.3); empty for an INVITE that was not cancelled.
    public static func cancellation(of invite: SIPMessage, in dialogue: [SIPMessage]) -> [SIPMessage] {
        let branch = invite.header("Via"), call = invite.header("Call-ID")
        guard invite.status == nil, invite.method == "INVITE",
              let start = dialogue.firstIndex(where: { $0.startLine == .request(method: "CANCEL", uri: invite.requestURI ?? "")
                  && $0.header("Via") == branch && $0.header("Call-ID") == call }) else { return [] }
        return dialogue[start...].filter { $0.header("Via") == branch && $0.header("Call-ID") == call }
    }
}
