import IBAKE
import IBE

/// `forking`: one call to a user with three devices. Each device holds its own key and
/// the key of the user's common identity, so all three read aP; one answers, and only
/// it and the initiator end with abP (RFC 6267 §3.1, §7.3; PROFILE D13).
enum ForkingScenario {
    static let common = Party.responder.identity ?? "sip:bob@ims.example"
    static let devices = [
        Party(id: .device(1), name: "Bob's phone", identity: "sip:bob-phone@ims.example", kind: .device, tag: "D1"),
        Party(id: .device(2), name: "Bob's laptop", identity: "sip:bob-laptop@ims.example", kind: .device, tag: "D2"),
        Party(id: .device(3), name: "Bob's tablet", identity: "sip:bob-tablet@ims.example", kind: .device, tag: "D3"),
    ]

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        var watch = [PartyID: [ValueName]]()
        for device in devices { watch[device.id] = [.abP, .sessionKey] }
        let stage = Stage(.forking, options, parties: [.initiator] + devices + [.kms, .eve], watch: watch)
        return try stage.play {
            stage.aliases[common] = "B"
            stage.setUpKMS()
            let initiatorKey = try stage.provision(.initiator, keyName: .initiatorPrivateKey)
            var rings = [KeyRing]()
            for device in devices {
                // One REQUEST_KEY_PSK for the device's own identity, then the common one the
                // KMS grants it: what `net phone --identity URI --common URI` fetches.
                let entries = try stage.provision(device, keyName: .responderPrivateKey,
                                                  granted: [(uri: common, keyName: .commonPrivateKey)])
                rings.append(stage.keyRing(device.identity ?? "", entries: entries))
            }

            let answering = 1
            let initiator = Initiator(profile: stage.profile, keys: stage.keyRing(Party.initiator.identity ?? "", entries: [initiatorKey]),
                                      kmsParameters: stage.kms.publicParameters, target: common, policy: options.policy,
                                      random: stage.env.random(for: .initiator), clock: stage.env.clock, memo: stage.memo)
            let others = devices.indices.filter { $0 != answering }.map { index in
                Responder(profile: stage.profile, keys: rings[index], kmsParameters: stage.kms.publicParameters,
                          replayCache: ReplayCache(), random: stage.env.random(for: devices[index]), clock: stage.env.clock,
                          memo: stage.memo)
            }
            let answeringDevice = Responder(profile: stage.profile, keys: rings[answering], kmsParameters: stage.kms.publicParameters,
                                            replayCache: ReplayCache(), random: stage.env.random(for: devices[answering]),
                                            clock: stage.env.clock, memo: stage.memo)
            let staged = StagedExchange(initiator: initiator, responder: answeringDevice, initiatorParty: .initiator,
                                        responderParty: devices[answering])

            stage.builder.phase = .exchange
            let m1 = try staged.initiator.makeIMessage1()
            stage.compute(m1, by: .initiator, title: "I picks a, computes aP",
                          narration: "I picks a and computes aP, then calls \(common): the user, not a device.",
                          references: [.rfc(6267, "4.2.2.1")])
            var receivers = others
            receivers.insert(answeringDevice, at: answering)
            for (index, device) in devices.enumerated() {
                stage.wire(m1, from: .initiator, to: device, title: index == 0 ? "I sends I_MESSAGE_1 to \(common)" : "the call forks to \(device.tag)",
                           narration: index == 0
                            ? "I_MESSAGE_1 is encrypted to the common identity \(common). The signalling network forks the call: every device of the user gets the same message."
                            : "A copy of the same I_MESSAGE_1 reaches \(device.tag).",
                           references: [.rfc(6267, "3.1")])
                // A device that refused would leave the others to answer: the fork goes on.
                _ = try? stage.deliver(m1, from: .initiator, to: device, title: "\(device.tag) opens I_MESSAGE_1",
                                       narration: "\(device.tag) opens the IBAKE payload with the common identity's key and reads aP.",
                                       references: [.rfc(6267, "4.2.2.2"), .rfc(6267, "7.3")], receivers[index].receiveIMessage1)
            }
            try staged.receiveRMessage1(stage, try staged.sendRMessage1(stage))
            try staged.receiveIMessage2(stage, try staged.sendIMessage2(stage))
            try staged.receiveRMessage2(stage, try staged.sendRMessage2(stage))
            let silent = devices.indices.filter { $0 != answering }.map { devices[$0].tag }.joined(separator: " and ")
            // The title says who shares abP with I only as far as the ledger bears it out.
            let shares = devices.map { stage.builder.compare(.abP, [.initiator, $0.id]) }
            let sharing = zip(devices, shares).filter { $0.1.same }.map(\.0.tag)
            let title = sharing == [devices[answering].tag] ? "only \(sharing[0]) shares abP with I"
                : "\(sharing.isEmpty ? "no device" : sharing.joined(separator: " and ")) shares abP with I"
            stage.builder.step(devices[answering].id, .check, title, comparing: shares,
                               narration: "\(devices[answering].tag) answered with its own identity \(devices[answering].identity ?? ""), so I encrypted I_MESSAGE_2 to that device alone. \(silent) read aP but never sent a b of their own and were never sent bP: they cannot compute abP. Each device's own identity keeps the answering device's key to itself.",
                               references: [.rfc(6267, "7.3")])
        }
    }
}
