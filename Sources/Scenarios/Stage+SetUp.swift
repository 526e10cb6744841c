import IBAKE
import IBE

/// What every scenario opens with: the KMS set-up, then the parties fetch their keys.
extension Stage {
    /// The KMS picks s and publishes sP with the curve and P (RFC 6267 §3.2; PROFILE D4).
    func setUpKMS() {
        builder.phase = .provisioning
        let set = profile.parameterSet
        let sP = Stage.octets(kms.publicParameters.publicKey, length: set.curve.coordinateLength)
        var reveal: [(PartyID, LearnedValue)] = [(.kms, LearnedValue(.masterSecret, kms.masterSecret.bytes, .generated)),
                                               (.kms, LearnedValue(.kmsPublicKey, sP, .computed))]
        for party in parties where party.id != .kms {
            reveal.append((party.id, LearnedValue(.kmsPublicKey, sP, .provisioned)))
        }
        builder.step(.kms, .compute, "KMS picks s, publishes sP", reveal: reveal,
                     narration: "The KMS picks its master secret s at random and publishes sP with the curve, P and the hash (\(set.name): \(set.summary)). Public keys come from identities alone, so nobody needs a certificate.",
                     references: [.rfc(6539, "2.3"), .rfc(5091, "5.1"), .profile("D4")])
    }

    /// `party` fetches K_PR for its identity with REQUEST_KEY (PSK variant, PROFILE D11):
    /// two messages, and the user's check that the key is genuine. They belong to
    /// `phase` (a newcomer's key is part of its joining).
    @discardableResult
    func provision(_ party: Party, keyName: ValueName, uri: String? = nil, phase: Phase = .provisioning) throws -> KeyRing.Entry {
        let entries = try provision(party, keyName: keyName, uri: uri, granted: [], phase: phase)
        guard let entry = entries.first else { throw IBAKEFailure(.provisioning, "REQUEST_KEY_RESP carries no key") }
        return entry
    }

    /// `party` fetches K_PR for its own identity and, in the same REQUEST_KEY_PSK, for
    /// each identity of `granted` the KMS grants it (a device's common identity, PROFILE
    /// D11, D13), in that order: one request, so one CSB ID and RAND drawn from the party's
    /// stream, as a device that is a process of its own draws them (`net phone --common`).
    func provision(_ party: Party, keyName: ValueName, uri: String? = nil, granted: [(uri: String, keyName: ValueName)],
                   phase: Phase = .provisioning) throws -> [KeyRing.Entry] {
        builder.phase = phase
        let identity = uri ?? party.identity ?? party.id.rawValue
        let psk = psks[identity] ?? env.random.bytes(32)
        psks[identity] = psk
        let others = granted.map(\.uri)
        let server = KMSServer(profile: profile, kms: kms, uri: Party.kms.identity ?? "kms", psks: [identity: psk],
                               grants: [identity: Set(others)], replayCache: ReplayCache(), clock: env.clock)
        let client = ProvisioningClient(profile: profile, uri: identity, alsoFor: others, kmsURI: Party.kms.identity ?? "kms", psk: psk,
                                        kmsParameters: kms.publicParameters, random: env.random(for: party), clock: env.clock,
                                        memo: memo)
        let request = try client.makeRequestKeyPSK()
        let answer = try server.makeRequestKeyResp(answering: request.message)
        let asked = ([identity] + others).joined(separator: " and ")
        let grant = others.isEmpty ? "" : " It names \(others.joined(separator: ", ")) too: the KMS grants \(identity) that key (PROFILE D13)."
        wire(request, from: party, to: .kms, title: "\(party.tag) asks the KMS for its private key\(others.isEmpty ? "" : "s")",
             narration: "\(party.tag) sends REQUEST_KEY_PSK for \(asked): the identit\(others.isEmpty ? "y" : "ies"), the KMS's identity, and V, a MAC under a key derived from the pre-shared key it set up with the KMS (PROFILE D11).\(grant)",
             references: [.rfc(6267, "4.2.1"), .profile("D11")])
        let keyNames = [keyName] + granted.map(\.keyName)
        let (record, entries) = try client.receiveRequestKeyResp(answer.message, keyNames: keyNames)
        let names = keyNames.map(\.rawValue).joined(separator: " and ")
        let computed = zip(keyNames, record.learned).map { (PartyID.kms, LearnedValue($0.0, $0.1.octets, .computed)) }
        let periods = entries.map { "[s]·H(\($0.identity))" }.joined(separator: " and ")
        wire(answer, from: .kms, to: party, title: "KMS returns \(names) to \(party.tag)", reveal: computed,
             narration: "The KMS checks V, computes the private key\(entries.count > 1 ? "s" : "") \(periods) for this month and returns \(entries.count > 1 ? "them" : "it") AES-CM-encrypted in a KEMAC under V. Only the KMS can compute \(entries.count > 1 ? "them" : "it"); no one else could.",
             references: [.rfc(6267, "4.2.1"), .rfc(5091, "5.3"), .profile("D3"), .profile("D11")])
        let period = entries.first.map { $0.identity.period } ?? ""
        builder.step(party.id, .check, "\(party.tag) checks and keeps \(names)",
                     reveal: record.learned.map { (party.id, $0) }, checks: outcomes(record.passed),
                     narration: "\(party.tag) verifies V, decrypts the KEMAC and checks \(entries.count > 1 ? "each" : "the") key is genuine: e'(K_PR, P) = e'(H(id), sP). \(entries.count > 1 ? "They are" : "It is") valid for \(period) only; next month brings a new key.",
                     references: [.rfc(6267, "4.2.1"), .profile("D11")])
        return entries
    }

    /// The private keys of a call's two ends, as ``Stage/setUpCall(answeredBy:)`` fetched them.
    struct CallKeys {
        let initiator: KeyRing.Entry
        let responder: KeyRing.Entry
    }

    /// The opening every two-party call shares: the KMS set-up, then the initiator and
    /// the party that answers (the responder, a retarget target, a mailbox) fetch their
    /// private keys with REQUEST_KEY, in that order.
    func setUpCall(answeredBy responder: Party = .responder) throws -> CallKeys {
        setUpKMS()
        let initiatorKey = try provision(.initiator, keyName: .initiatorPrivateKey)
        return CallKeys(initiator: initiatorKey, responder: try provision(responder, keyName: .responderPrivateKey))
    }
}
