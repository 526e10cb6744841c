import IBAKE
import MIKEY

/// The moves after an exchange that every mode shares: the SRTP keys from the TGK, a
/// leak of long-term secrets, and Eve re-running a receiver's check on what she recorded.
extension ModeStage {
    /// I and R agree on a pre-shared key before the call, out of band (PSK, DHHMAC);
    /// `narration` says what the key does in the mode. Returns the key.
    func agreePreSharedKey(narration: String, references: [SpecReference]) -> [UInt8] {
        let psk = random.bytes(16)
        builder.step(.initiator, .compute, "I and R agree on a pre-shared key out of band",
                     reveal: [(.initiator, LearnedValue(.preSharedKey, psk, .outOfBand)),
                              (.responder, LearnedValue(.preSharedKey, psk, .outOfBand))],
                     narration: narration, references: references)
        return psk
    }

    /// Each of `parties` derives the SRTP master key and salt from the TGK (RFC 3830 §4.1.3).
    func deriveSRTPKeys(session: ModeSession, tgk: [UInt8], rand: [UInt8], for parties: [Party]) {
        let keys = session.srtpKeys(tgk: tgk, rand: rand)
        for party in parties {
            compute(party, "\(party.tag) derives the SRTP keys", [LearnedValue(.srtpMasterKey, keys.masterKey, .computed),
                                                                LearnedValue(.srtpMasterSalt, keys.masterSalt, .computed)],
                    narration: "\(party.tag) derives the SRTP master key and salt from the TGK with the MIKEY PRF, the crypto session's CS ID, the CSB ID and RAND.",
                    references: [.rfc(3830, "4.1.3")])
        }
    }

    /// Long-term `secrets` leak to `party` once the call is over.
    func leak(_ secrets: [(ValueName, [UInt8])], to party: PartyID, title: String, narration: String,
              references: [SpecReference] = [.rfc(3830, "9.2")]) {
        builder.phase = .leak
        builder.step(party, .leak, title, reveal: secrets.map { (party, LearnedValue($0.0, $0.1, .leak)) },
                     narration: narration, references: references)
    }

    /// `party` runs `open` on the octets of the `kind` it recorded: what it gets is the TGK
    /// and the SRTP keys (a check step that reveals them), what stops it is a step that
    /// says which check did (and the ledger says why it cannot compute them).
    func reopen(_ kind: MessageKind, by party: PartyID, session: ModeSession, title: String, narration: String,
                stopped: String, references: [SpecReference],
                _ open: ([UInt8]) throws(IBAKEFailure) -> (tgk: [UInt8], rand: [UInt8])) {
        reopen(kind, by: party, session: session, title: title, narration: narration, stopped: stopped,
               references: references) { octets throws(IBAKEFailure) in
            let (tgk, rand) = try open(octets)
            return (tgk, rand, [])
        }
    }

    /// ``reopen(_:by:session:title:narration:stopped:references:_:)`` where opening the
    /// message also yields other values (`also`: the envelope key a PKE gave up), which
    /// the step reveals before the TGK.
    func reopen(_ kind: MessageKind, by party: PartyID, session: ModeSession, title: String, narration: String,
                stopped: String, references: [SpecReference],
                _ open: ([UInt8]) throws(IBAKEFailure) -> (tgk: [UInt8], rand: [UInt8], also: [LearnedValue])) {
        guard let octets = builder.lastMessage(kind) else { return }
        do {
            let (tgk, rand, also) = try open(octets)
            let keys = session.srtpKeys(tgk: tgk, rand: rand)
            builder.step(party, .check, title, reveal: also.map { (party, $0) } + [
                (party, LearnedValue(.tgk, tgk, .message(kind))),
                (party, LearnedValue(.srtpMasterKey, keys.masterKey, .computed)),
                (party, LearnedValue(.srtpMasterSalt, keys.masterSalt, .computed)),
            ], narration: narration, references: references)
        } catch {
            builder.step(party, .check, title, checks: [CheckOutcome(check: error.check, passed: false, detail: error.reason)],
                         narration: stopped, references: references)
        }
    }
}
