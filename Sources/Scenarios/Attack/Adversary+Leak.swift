import IBAKE
import IBE

extension Adversary {
    /// A long-term secret leaks to Eve at this step; she opens every IBAKE payload she
    /// recorded that it opens, with a real BF decryption (RFC 6539 §3.3: what the loss
    /// of a long-term key costs; the exchange is forward-secret, so never abP).
    func leak(_ key: LeakedKey, on stage: Stage) {
        let owner: Party, value: ValueName, octets: [UInt8]?
        switch key {
        case .masterSecret:
            (owner, value, octets) = (.kms, .masterSecret, stage.kms.masterSecret.bytes)
        case .initiatorPrivateKey:
            (owner, value, octets) = (.initiator, .initiatorPrivateKey, stage.builder.value(.kms, .initiatorPrivateKey))
        case .responderPrivateKey:
            (owner, value, octets) = (.responder, .responderPrivateKey, stage.builder.value(.kms, .responderPrivateKey))
        case .initiatorPSK:
            (owner, value, octets) = (.initiator, .preSharedKey, Party.initiator.identity.flatMap { stage.psks[$0] })
        case .responderPSK:
            (owner, value, octets) = (.responder, .preSharedKey, Party.responder.identity.flatMap { stage.psks[$0] })
        }
        guard let octets else {
            stage.builder.step(.eve, .check, "\(key.rawValue) has not been made yet",
                               narration: "Eve would take \(key.rawValue) from \(owner.tag), but at this step it does not exist yet: nothing leaks.",
                               references: [.rfc(6539, "3.3")])
            return
        }
        let phase = stage.builder.phase
        stage.builder.phase = .leak
        // The run goes on in its own phase after the leak.
        defer { stage.builder.phase = phase }
        stage.builder.step(.eve, .leak, "\(key.rawValue) leaks to Eve",
                           reveal: [(.eve, LearnedValue(value, octets, .leak))],
                           narration: "\(owner.tag)'s long-term secret \(key.rawValue) leaks to Eve at this point of the run. What can she do with it? She tries it on everything she recorded, and on what she records from now on.",
                           references: [.rfc(6539, "3.3")])
        leaked.append(key)
        openRecorded(on: stage)
    }

    /// Eve opens, with each key that leaked, every recorded message sealed to its owner
    /// that she has not opened yet (the run's end calls it again for later messages).
    func openRecorded(on stage: Stage) {
        for key in leaked where key == .initiatorPSK || key == .responderPSK {
            openProvisioning(with: key, on: stage)
        }
        for key in leaked {
            for (owner, name) in Self.opens(key) {
                guard let uri = owner.identity, let identity = try? KeyPeriod.identity(uri, atNTP: stage.env.clock.now()) else { continue }
                let privateKey = stage.kms.extractPrivateKey(for: identity)
                for kind in Self.sealed(to: owner) {
                    guard let step = stage.builder.lastMessageStep(kind, to: owner.id), !opened.contains(step) else { continue }
                    opened.insert(step)
                    stage.attemptOpen(kind, by: .eve, with: privateKey, keyName: name,
                                      narration: "Eve opens her recording of \(kind) with \(name.rawValue)\(key == .masterSecret ? ", which she computed from s" : ""): a real BF decryption.",
                                      references: [.rfc(6539, "3.3"), .rfc(5091, "5.5")])
                }
            }
        }
    }

    /// With a leaked PSK, Eve reads the private key in her recording of its owner's
    /// REQUEST_KEY_RESP (``ProvisioningWithLeakedPSK``), and from then on it opens what it
    /// would have opened had it leaked itself.
    private func openProvisioning(with key: LeakedKey, on stage: Stage) {
        let (owner, keyName, privateKey): (Party, ValueName, LeakedKey) = key == .initiatorPSK
            ? (.initiator, .initiatorPrivateKey, .initiatorPrivateKey) : (.responder, .responderPrivateKey, .responderPrivateKey)
        guard let uri = owner.identity, let psk = stage.psks[uri],
              let response = stage.builder.steps.last(where: { $0.message?.kind == .requestKeyResp && $0.message?.to == owner.id }),
              !opened.contains(response.index),
              let request = stage.builder.steps.last(where: { $0.message?.kind == .requestKeyPSK && $0.message?.from == owner.id && $0.index < response.index }),
              let requestOctets = request.message?.octets, let responseOctets = response.message?.octets else { return }
        opened.insert(response.index)
        do {
            let keys = try ProvisioningWithLeakedPSK.keys(in: responseOctets, answering: requestOctets, psk: psk, profile: stage.profile)
            stage.builder.step(.eve, .check, "Eve opens REQUEST_KEY_RESP with \(key.rawValue)",
                               reveal: keys.map { (.eve, LearnedValue(keyName, $0, .message(.requestKeyResp))) },
                               narration: "Eve derives the KEMAC keys from \(key.rawValue) and the clear CSB ID and RAND of her recording of \(owner.tag)'s REQUEST_KEY_PSK (step \(request.index)), and decrypts the KEMAC of REQUEST_KEY_RESP (step \(response.index)): \(owner.tag)'s private key for the month is hers.",
                               references: [.rfc(6267, "4.2.1"), .profile("D11"), .rfc(6539, "3.3")])
            if !leaked.contains(privateKey) { leaked.append(privateKey) }
        } catch {
            stage.builder.step(.eve, .check, "Eve cannot open REQUEST_KEY_RESP", narration: "\(error)",
                               references: [.rfc(6267, "4.2.1"), .profile("D11")])
        }
    }

    /// The private keys a leaked secret gives Eve (s gives every one, RFC 5091 §5.3).
    private static func opens(_ key: LeakedKey) -> [(Party, ValueName)] {
        switch key {
        case .masterSecret: [(.responder, .responderPrivateKey), (.initiator, .initiatorPrivateKey)]
        case .responderPrivateKey: [(.responder, .responderPrivateKey)]
        case .initiatorPrivateKey: [(.initiator, .initiatorPrivateKey)]
        // A PSK opens provisioning only (PROFILE D11); the private key read there does the rest.
        case .initiatorPSK, .responderPSK: []
        }
    }

    /// The messages of the exchange encrypted to `owner` (RFC 6267 §4.2.2).
    private static func sealed(to owner: Party) -> [MessageKind] {
        owner.id == .responder ? [.iMessage1, .iMessage2] : [.rMessage1]
    }
}
