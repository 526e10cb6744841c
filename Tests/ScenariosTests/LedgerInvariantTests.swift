import IBAKE
import IBE
import MIKEY
import Scenarios
import Testing

/// The invariants of issue 4, checked on the ledger (never on narration) for every
/// scenario and several seeds.
@Suite struct LedgerInvariantTests {
    static let runs: [(String, UInt64)] = [("toy", 1), ("toy", 2), ("ibe-80", 3)]

    static func timeline(_ name: ScenarioName, _ set: String, _ seed: UInt64, policy: Initiator.Policy = .continue) throws -> Timeline {
        try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named(set), seed: seed, policy: policy))
    }

    /// The answering responder's id in each honest scenario.
    static let answering: [ScenarioName: PartyID] = [
        .basic: .responder, .forking: .device(2), .retargeting: .targetC, .deferred: .mailbox,
        .eavesdropper: .responder, .curiousKMS: .responder, .forwardSecrecy: .responder,
    ]

    @Test(arguments: runs) func honestRunsAgreeOnTheKeys(set: String, seed: UInt64) throws {
        for (name, responder) in Self.answering {
            let ledger = try #require(try Self.timeline(name, set, seed).finalLedger, "\(name)")
            for value in [ValueName.abP, .sessionKey, .tgk, .srtpMasterKey] {
                let mine = try #require(ledger[.initiator]?.value(value), "\(name): initiator has no \(value)")
                #expect(ledger[responder]?.value(value)?.octets == mine.octets, "\(name): \(value) differs")
            }
        }
    }

    @Test("the four messages of every scenario's exchange are in its exchange phase, none in provisioning")
    func exchangeMessagesAreInTheExchangePhase() throws {
        let exchange: Set<MessageKind> = [.iMessage1, .rMessage1, .iMessage2, .rMessage2]
        for name in ScenarioName.ibakeScenarios where name != .group {
            let timeline = try Self.timeline(name, "toy", 1)
            for step in timeline.steps where step.action == .send && exchange.contains(step.message?.kind ?? .error) {
                #expect(step.phase == .exchange, "\(name) step \(step.index) (\(step.title)): phase \(step.phase)")
            }
        }
    }

    @Test(arguments: runs) func eveNeverKnowsTheSecrets(set: String, seed: UInt64) throws {
        for name in ScenarioName.ibakeScenarios {
            let timeline = try Self.timeline(name, set, seed)
            guard timeline.party(.eve) != nil else { continue }
            for step in timeline.steps {
                for value in [ValueName.a, .b, .abP, .sessionKey] {
                    #expect(!step.ledger.knows(.eve, value), "\(name) step \(step.index): Eve knows \(value)")
                }
            }
            let final = try #require(timeline.finalLedger?[.eve])
            if timeline.party(.eve)?.kind == .eavesdropper {
                let secret: ValueName = name == .group ? .groupKey : .abP
                #expect(final.cannot.contains { $0.name == secret && !$0.why.isEmpty }, "\(name)")
            }
        }
    }

    @Test(arguments: runs) func theCuriousKMSHasAPAndBPButNotABP(set: String, seed: UInt64) throws {
        let ledger = try #require(try Self.timeline(.curiousKMS, set, seed).finalLedger)
        let kms = try #require(ledger[.kms])
        #expect(kms.value(.aP)?.octets == ledger[.initiator]?.value(.aP)?.octets)
        #expect(kms.value(.bP)?.octets == ledger[.responder]?.value(.bP)?.octets)
        #expect(kms.value(.abP) == nil && kms.value(.a) == nil && kms.value(.b) == nil)
        #expect(kms.cannot.contains { $0.name == .abP && $0.why.contains("Diffie-Hellman") })
        // Plain IBE key transport, by contrast, hands the KMS the key.
        #expect(kms.value(.plainIBEKey)?.octets == ledger[.initiator]?.value(.plainIBEKey)?.octets)
    }

    @Test(arguments: runs) func forkingOnlyTheAnsweringDeviceHasABP(set: String, seed: UInt64) throws {
        let ledger = try #require(try Self.timeline(.forking, set, seed).finalLedger)
        for device in [PartyID.device(1), .device(2), .device(3)] {
            #expect(ledger.knows(device, .aP), "\(device) did not read aP")
        }
        #expect(ledger.knows(.device(2), .abP))
        #expect(!ledger.knows(.device(1), .abP) && !ledger.knows(.device(3), .abP))
        #expect(ledger[.device(1)]?.cannot.contains { $0.name == .abP } == true)
    }

    @Test(arguments: runs) func retargetingBNeverLearnsABP(set: String, seed: UInt64) throws {
        let ledger = try #require(try Self.timeline(.retargeting, set, seed).finalLedger)
        #expect(!ledger.knows(.responder, .abP) && !ledger.knows(.responder, .aP))
        #expect(ledger.knows(.targetC, .abP))
        let refused = try Self.timeline(.retargeting, set, seed, policy: .refuse)
        #expect(refused.steps.last?.checks.first { !$0.passed }?.check == .responderPolicy)
        let after = try #require(refused.finalLedger)
        #expect(!after.knows(.initiator, .abP) && !after.knows(.targetC, .abP))
    }

    @Test(arguments: runs) func deferredTheMailboxNeverReadsWhatItCarries(set: String, seed: UInt64) throws {
        let timeline = try Self.timeline(.deferred, set, seed)
        for step in timeline.steps {
            #expect(!step.ledger.knows(.mailbox, .secretKey) && !step.ledger.knows(.mailbox, .content))
        }
        let ledger = try #require(timeline.finalLedger)
        #expect(ledger[.responder]?.value(.secretKey)?.octets == ledger[.initiator]?.value(.secretKey)?.octets)
        #expect(ledger[.responder]?.value(.content)?.octets == ledger[.initiator]?.value(.content)?.octets)
        #expect(ledger.knows(.responder, .content))
    }

    @Test(arguments: runs) func theMaliciousKMSHoldsBothKeys(set: String, seed: UInt64) throws {
        let ledger = try #require(try Self.timeline(.maliciousKMS, set, seed).finalLedger)
        let attacker = Set((ledger[.kms]?.knows.filter { $0.name == .abP } ?? []).map(\.octets))
        let initiatorKey = try #require(ledger[.initiator]?.value(.abP)?.octets)
        let responderKey = try #require(ledger[.responder]?.value(.abP)?.octets)
        #expect(initiatorKey != responderKey)
        #expect(attacker.contains(initiatorKey) && attacker.contains(responderKey))
    }

    @Test(arguments: runs) func everyTamperedOrReplayedMessageIsRefusedByItsCheck(set: String, seed: UInt64) throws {
        func refusals(_ name: ScenarioName) throws -> [IBAKECheck] {
            try Self.timeline(name, set, seed).steps.filter { $0.action == .refuse }.compactMap { $0.checks.first?.check }
        }
        #expect(try refusals(.tamper) == [.decryption, .decryption, .decryption, .verificationMAC, .session])
        #expect(try refusals(.replay) == [.replay, .timestamp, .session])
    }

    /// PROFILE D18: a responder's refusal is answered on the wire with an Error message
    /// carrying the ERR number of the failed check, sent back to whoever sent the
    /// refused message; the initiator's refusals, parse failures and replays get none.
    @Test(arguments: runs) func refusalsTheRFCAnswersPutAnErrorMessageOnTheWire(set: String, seed: UInt64) throws {
        func answers(_ name: ScenarioName) throws -> [String] {
            let steps = try Self.timeline(name, set, seed).steps
            return try steps.indices.filter { steps[$0].action == .refuse }.map { index in
                let refused = steps[index]
                guard index + 1 < steps.count, let reply = steps[index + 1].message, reply.kind == .error else {
                    return "\(refused.actor): none"
                }
                #expect(reply.from == refused.actor)
                let errors = try MIKEYMessage(decoding: reply.octets).errors.map(\.error)
                #expect(errors == [try #require(refused.checks.first?.check.errorNumber)])
                return "\(refused.actor) -> \(reply.to): \(errors.map(\.name).joined())"
            }
        }
        #expect(try answers(.tamper) == ["responder -> initiator: Auth failure", "initiator: none",
                                         "responder -> initiator: Auth failure", "initiator: none",
                                         "responder -> initiator: Unspecified error"])
        #expect(try answers(.replay) == ["responder: none", "responder -> eve: Invalid TS", "initiator: none"])
    }

    @Test(arguments: runs) func forwardSecrecyLeakedKeysDoNotYieldABP(set: String, seed: UInt64) throws {
        let ledger = try #require(try Self.timeline(.forwardSecrecy, set, seed).finalLedger)
        #expect(ledger.knows(.eve, .initiatorPrivateKey) && ledger.knows(.eve, .masterSecret))
        #expect(ledger[.eve]?.value(.aP)?.octets == ledger[.initiator]?.value(.aP)?.octets)
        #expect(ledger[.eve]?.value(.bP)?.octets == ledger[.responder]?.value(.bP)?.octets)
        #expect(!ledger.knows(.eve, .abP))
    }

    @Test func sameSeedSameTimelineOtherSeedOther() throws {
        func fingerprint(_ timeline: Timeline) -> [[UInt8]] {
            timeline.steps.map { step in
                Array(step.title.utf8) + (step.message?.octets ?? []) + step.revealed.flatMap(\.value.octets)
            }
        }
        for name in ScenarioName.allCases {
            let first = fingerprint(try Self.timeline(name, "toy", 5))
            #expect(first == fingerprint(try Self.timeline(name, "toy", 5)), "\(name)")
            #expect(first != fingerprint(try Self.timeline(name, "toy", 6)), "\(name)")
        }
    }
}
