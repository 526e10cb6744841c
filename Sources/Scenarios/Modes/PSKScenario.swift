import IBAKE
import MIKEY

/// `mode-psk`: MIKEY-PSK (RFC 3830 §3.1). I and R share a key agreed out of band; I picks
/// the TGK and sends it under keys from the PSK; R confirms. Then the PSK leaks, and Eve
/// opens the call she recorded: a PSK protects every past call made with it.
enum PSKScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let (initiator, responder) = (Party.initiator, Party.responder)
        let stage = ModeStage(.modePSK, options, parties: [initiator, responder, .eve],
                              watch: [.eve: [.preSharedKey, .tgk, .srtpMasterKey]], reasons: reasons)
        stage.describe("AES-CM-128 PSK", details: "AES-CM-128 KEMAC under a pre-shared key")
        return try stage.play {
            let random = stage.random
            let psk = stage.agreePreSharedKey(narration: "Before any call, I and R agree on a secret key by some means outside MIKEY: typed in, provisioned with the device, or handed over in person. Every call between them will be protected by it, and only by it.",
                                              references: [.rfc(3830, "3.1")])
            let session = stage.session(from: initiator, to: responder)
            stage.builder.phase = .exchange
            let offer = try PSKMode.offer(session, psk: psk, now: stage.now, using: random)
            stage.compute(initiator, "I picks the TGK", [LearnedValue(.tgk, offer.tgk, .generated),
                                                       LearnedValue(.rand, offer.rand, .generated)],
                          narration: "I chooses the TEK generation key (TGK) alone, at random, and a fresh RAND. R will have no say in the key: MIKEY-PSK transports a key, it does not agree one.",
                          references: [.rfc(3830, "3.1"), .rfc(3830, "4.1")])
            stage.send(.preShared, offer.octets, from: initiator, to: responder, notation: "KEMAC_PSK(TGK)",
                       title: "I sends the Pre-shared message",
                       narration: "I_MESSAGE carries the TGK in a KEMAC: encrypted with AES-CM under encr_key and MACed under auth_key, both derived from the PSK with the CSB ID and RAND (RFC 3830 §4.1.4). The V flag asks R to confirm.",
                       references: [.rfc(3830, "3.1"), .rfc(3830, "5.2")])
            let answer = try stage.deliver(.preShared, to: responder, title: "R checks the KEMAC and takes the TGK",
                                           checks: [.parse, .messageType, .session, .timestamp, .kemacMAC, .replay],
                                           narration: "R derives auth_key and encr_key from the PSK as I did, checks the KEMAC MAC over the whole message, and decrypts the TGK. The MAC proves the sender holds the PSK: I is authenticated, to anyone else who holds it.",
                                           references: [.rfc(3830, "3.1"), .rfc(3830, "5.3")],
                                           learned: { [LearnedValue(.tgk, $0.tgk, .message(.preShared)), LearnedValue(.rand, $0.rand, .message(.preShared))] }) {
                () throws(IBAKEFailure) in
                try PSKMode.answer(offer.octets, session: session, psk: psk, now: stage.now, replays: ReplayCache())
            }
            stage.send(.preSharedVerification, answer.verification, from: responder, to: initiator, notation: "V_PSK",
                       title: "R sends the verification message",
                       narration: "R answers with a V payload: a MAC under the PSK's auth_key over its message, both identities and I's timestamp, so I knows the TGK reached R and R only.",
                       references: [.rfc(3830, "3.1"), .rfc(3830, "5.2")])
            try stage.deliver(.preSharedVerification, to: initiator, title: "I checks R's verification MAC",
                              checks: [.parse, .messageType, .session, .verificationMAC],
                              narration: "The V MAC verifies: R holds the PSK and answered this very message. I and R share the TGK, the one I chose.",
                              comparing: [.tgk],
                              references: [.rfc(3830, "5.2")], learned: { [] }) { () throws(IBAKEFailure) in
                try PSKMode.confirm(answer.verification, of: offer, session: session, psk: psk)
            }
            stage.deriveSRTPKeys(session: session, tgk: offer.tgk, rand: offer.rand, for: [initiator, responder])
            stage.leak([(.preSharedKey, psk)], to: .eve, title: "the PSK leaks to Eve",
                       narration: "After the call, the pre-shared key leaks to Eve: a lost phone, a careless administrator. It is the only long-term secret in this mode.")
            stage.reopen(.preShared, by: .eve, session: session, title: "Eve opens the recorded call with the PSK",
                         narration: "Eve runs R's own check on the I_MESSAGE she recorded, with the leaked PSK: the KEMAC MAC verifies and the TGK decrypts. With the RAND and CSB ID in clear she derives the SRTP keys: the recorded call is open. MIKEY-PSK has no forward secrecy.",
                         stopped: "Eve's copy of the message does not open with the PSK.",
                         references: [.rfc(3830, "9.2")]) { octets throws(IBAKEFailure) in
                let answer = try PSKMode.answer(octets, session: session, psk: psk, now: stage.now, replays: ReplayCache())
                return (answer.tgk, answer.rand)
            }
        }
    }

    /// Why Eve cannot compute a value at a step, while she cannot.
    static let reasons: ModeReasons = { name, facts in
        guard facts.exists(name), !facts.holds(name) else { return nil }
        switch name {
        case .preSharedKey:
            return "I and R agreed on it out of band; it never crosses the wire"
        case .tgk where !facts.holds(.preSharedKey):
            return "it crosses the wire only in a KEMAC encrypted under keys from the PSK, which only I and R hold"
        case .srtpMasterKey where !facts.holds(.tgk):
            return "derived from the TGK, which travels encrypted under the PSK"
        default:
            return nil
        }
    }
}
