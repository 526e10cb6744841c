import IBAKE
import IBE
import Scenarios
import Testing

/// Issue 12: each attack on the basic run, at each message where it applies, with the
/// outcome read from the branch's checks and ledger.
@Suite struct AttackTests {
    static func options() throws -> ScenarioOptions {
        ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1)
    }

    static func plain() throws -> Timeline { try Scenario.build(.basic, options: options()) }

    /// The step of the plain run that sends `kind`.
    static func sendStep(_ kind: MessageKind, in plain: Timeline) throws -> Int {
        try #require(plain.steps.first { $0.action == .send && $0.message?.kind == kind }).index
    }

    static func branch(_ actions: [(Int, AttackAction)]) throws -> Timeline {
        try Scenario.build(.basic, options: options(), attacks: actions.map { Attack(step: $0.0, action: $0.1) })
    }

    /// The first failed check of the branch and who ran it.
    static func refusal(_ timeline: Timeline) -> (check: IBAKECheck, by: PartyID)? {
        guard let step = timeline.steps.first(where: { $0.branch && $0.action == .refuse }),
              let failed = step.checks.first(where: { !$0.passed }) else { return nil }
        return (failed.check, step.actor)
    }

    static let messages: [MessageKind] = [.iMessage1, .rMessage1, .iMessage2]

    @Test(arguments: ["IBAKE.U", "IBAKE.V", "IBAKE.W"])
    func aFlipInTheIBELayerIsRefusedByDecryption(field: String) throws {
        let plain = try Self.plain()
        for kind in Self.messages {
            let timeline = try Self.branch([(try Self.sendStep(kind, in: plain), .flip(field: field, bit: nil))])
            let refusal = try #require(Self.refusal(timeline), "\(kind) \(field)")
            #expect(refusal.check == .decryption, "\(kind) \(field)")
            #expect(timeline.finalLedger?[.eve]?.interference.first?.act.isAlteration == true)
        }
    }

    @Test func aFlipOfTheVMACIsRefusedByTheMAC() throws {
        let plain = try Self.plain()
        for bit in [0, 100, 255] {
            let timeline = try Self.branch([(try Self.sendStep(.rMessage2, in: plain), .flip(field: "V.MAC", bit: bit))])
            #expect(Self.refusal(timeline)?.check == .verificationMAC)
            #expect(Self.refusal(timeline)?.by == .initiator)
        }
    }

    @Test func anUnauthenticatedSSRCPassesItsReceiverAndALaterCheckCatchesIt() throws {
        let plain = try Self.plain()
        let sent = try Self.sendStep(.iMessage1, in: plain)
        let timeline = try Self.branch([(sent, .flip(field: "HDR.SSRC_1", bit: 3))])
        // R accepts the altered I_MESSAGE_1 (nothing authenticates the CS ID map there) ...
        #expect(timeline.steps.contains { $0.branch && $0.action == .receive && $0.actor == .responder })
        // ... and I refuses R_MESSAGE_1, which copies the HDR R read (PROFILE D17).
        #expect(Self.refusal(timeline)?.check == .session && Self.refusal(timeline)?.by == .initiator)
        let outcome = BranchOutcome(timeline, attackedStep: sent)
        #expect(outcome == .refused(check: .session, by: .initiator, message: .rMessage1, attacked: false))
    }

    @Test func aReplayAfterTheCallIsRefusedByTheReplayCache() throws {
        let plain = try Self.plain()
        let timeline = try Self.branch([(plain.steps.count, .replay(.iMessage1, afterSeconds: 0))])
        #expect(Self.refusal(timeline)?.check == .replay && Self.refusal(timeline)?.by == .responder)
        #expect(timeline.finalLedger?[.eve]?.interference.contains { if case .replayed = $0.act { true } else { false } } == true)
    }

    @Test func aReplayPastTheWindowIsRefusedByTheTimestamp() throws {
        let plain = try Self.plain()
        let timeline = try Self.branch([(plain.steps.count, .replay(.iMessage1, afterSeconds: 400))])
        #expect(Self.refusal(timeline)?.check == .timestamp)
    }

    @Test func aDelayPastTheWindowIsRefusedByTheTimestampAndAShortOneIsNot() throws {
        let plain = try Self.plain()
        let sent = try Self.sendStep(.iMessage1, in: plain)
        #expect(Self.refusal(try Self.branch([(sent, .delay(seconds: 400))]))?.check == .timestamp)
        let short = try Self.branch([(sent, .delay(seconds: 10))])
        #expect(Self.refusal(short) == nil)
        #expect(BranchOutcome(short) == .completed(keysAgree: true))
    }

    /// What the engine computes for each message held past the window and replayed after
    /// the call: the responder checks T against its clock and its replay cache (PROFILE D10);
    /// the initiator checks only that an answer repeats T (RFC 6267 §4.2.2.4), so a late or
    /// replayed answer passes, and the table says so.
    @Test func delayAndReplayAtEachMessage() throws {
        let plain = try Self.plain()
        let expected: [(MessageKind, delayed: IBAKECheck?, replayed: IBAKECheck?)] = [
            (.iMessage1, .timestamp, .replay), (.rMessage1, nil, nil), (.iMessage2, .timestamp, .replay), (.rMessage2, nil, nil),
        ]
        for (kind, delayed, replayed) in expected {
            #expect(Self.refusal(try Self.branch([(try Self.sendStep(kind, in: plain), .delay(seconds: 400))]))?.check == delayed, "delay \(kind)")
            #expect(Self.refusal(try Self.branch([(plain.steps.count, .replay(kind, afterSeconds: 0))]))?.check == replayed, "replay \(kind)")
        }
    }

    @Test func aDroppedMessageStallsTheExchange() throws {
        let plain = try Self.plain()
        for kind in MessageKind.attackable {
            let timeline = try Self.branch([(try Self.sendStep(kind, in: plain), .drop)])
            guard case .stalled = BranchOutcome(timeline) else {
                Issue.record("\(kind): \(BranchOutcome(timeline))")
                continue
            }
            #expect(!timeline.steps.contains { $0.message?.kind == .srtp }, "\(kind)")
        }
    }

    @Test func aLeakedMasterSecretOpensTheRecordingsButNeverGivesAbP() throws {
        let plain = try Self.plain()
        let timeline = try Self.branch([(plain.steps.count, .leak(.masterSecret))])
        let eve = try #require(timeline.finalLedger?[.eve])
        #expect(eve.value(.masterSecret) != nil)
        #expect(eve.value(.aP) != nil && eve.value(.bP) != nil)
        #expect(eve.value(.abP) == nil && eve.value(.sessionKey) == nil)
    }

    @Test func aLeakedResponderKeyOpensOnlyWhatWasSealedToTheResponder() throws {
        let plain = try Self.plain()
        let timeline = try Self.branch([(try Self.sendStep(.iMessage1, in: plain), .leak(.responderPrivateKey))])
        let eve = try #require(timeline.finalLedger?[.eve])
        #expect(eve.value(.responderPrivateKey) != nil && eve.value(.aP) != nil)
        #expect(eve.value(.abP) == nil)
    }

    @Test func aReflectedMessageIsRefusedByTheMessageTypeAndTheExchangeStalls() throws {
        let plain = try Self.plain()
        let timeline = try Self.branch([(try Self.sendStep(.iMessage1, in: plain), .redirect(.initiator))])
        #expect(Self.refusal(timeline)?.check == .messageType && Self.refusal(timeline)?.by == .initiator)
        #expect(BranchOutcome(timeline) == .refused(check: .messageType, by: .initiator, message: .iMessage1, attacked: false))
        #expect(timeline.steps.last?.title.contains("gives up") == true)
    }

    @Test(arguments: [PartyID.initiator, .responder])
    func impersonationNeverGivesEveAbP(party: PartyID) throws {
        let plain = try Self.plain()
        for step in [try Self.sendStep(.iMessage1, in: plain), plain.steps.count] {
            let timeline = try Self.branch([(step, .impersonate(party))])
            // She cannot open the answer: it is sealed to the identity she claims.
            #expect(Self.refusal(timeline)?.check == .decryption && Self.refusal(timeline)?.by == .eve)
            let eve = try #require(timeline.finalLedger?[.eve])
            #expect(eve.value(.a) != nil, "she picked her own a")
            #expect(eve.value(.abP) == nil && eve.value(.bP) == nil && eve.value(.sessionKey) == nil)
        }
    }

    @Test func aSubstitutedShareIsRefusedByTheEcho() throws {
        let plain = try Self.plain()
        let expected: [(MessageKind, IBAKECheck, PartyID)] = [(.iMessage1, .initiatorEcho, .initiator), (.rMessage1, .initiatorEcho, .initiator),
                                                              (.iMessage2, .responderEcho, .responder)]
        for (kind, check, party) in expected {
            let timeline = try Self.branch([(try Self.sendStep(kind, in: plain), .substituteShare)])
            #expect(Self.refusal(timeline)?.check == check && Self.refusal(timeline)?.by == party, "\(kind)")
            #expect(timeline.finalLedger?[.eve]?.value(.abP) == nil, "\(kind)")
        }
        // I_MESSAGE_1 is accepted: nothing in it authenticates the caller; R_MESSAGE_1's echo does.
        let first = try Self.branch([(try Self.sendStep(.iMessage1, in: plain), .substituteShare)])
        #expect(first.steps.contains { $0.branch && $0.action == .receive && $0.actor == .responder })
    }

    @Test func aRogueKMSHoldsBothKeys() throws {
        let plain = try Self.plain()
        let timeline = try Self.branch([(1, .rogueKMS)])
        #expect(Self.refusal(timeline) == nil)
        let ledger = try #require(timeline.finalLedger)
        let kms = ledger[.kms]?.knows.filter { $0.name == .mpk }.map(\.octets) ?? []
        let initiator = try #require(ledger[.initiator]?.value(.mpk)?.octets)
        let responder = try #require(ledger[.responder]?.value(.mpk)?.octets)
        #expect(initiator != responder)
        #expect(kms.contains(initiator) && kms.contains(responder))
        #expect(ledger[.kms]?.value(.content) != nil, "the KMS reads the media")
        #expect(throws: AttackSpecError.self) {
            try Attack(step: try Self.sendStep(.rMessage1, in: plain), action: .rogueKMS).validate(against: plain, parameterSet: try ParameterSet.named("toy"))
        }
    }

    @Test(arguments: [LeakedKey.initiatorPSK, .responderPSK])
    func aLeakedPSKOpensTheRecordedProvisioningAndSoTheExchange(key: LeakedKey) throws {
        let plain = try Self.plain()
        let owner: PartyID = key == .initiatorPSK ? .initiator : .responder
        // From the step its owner asks for a key (the PSK exists by then) to after the call.
        let request = try #require(plain.steps.first { $0.message?.kind == .requestKeyPSK && $0.message?.from == owner }).index
        for step in [request, plain.steps.count] {
            let timeline = try Self.branch([(step, .leak(key))])
            let eve = try #require(timeline.finalLedger?[.eve])
            let name: ValueName = key == .initiatorPSK ? .initiatorPrivateKey : .responderPrivateKey
            #expect(eve.value(.preSharedKey) != nil)
            #expect(eve.value(name)?.octets == timeline.finalLedger?[owner]?.value(name)?.octets, "step \(step)")
            #expect(eve.value(key == .initiatorPSK ? .bP : .aP) != nil, "step \(step)")
            #expect(eve.value(.abP) == nil)
        }
    }

    @Test func theBranchIsThePlainRunUpToTheAttack() throws {
        let plain = try Self.plain()
        let sent = try Self.sendStep(.rMessage1, in: plain)
        let timeline = try Self.branch([(sent, .flip(field: "T.TS value", bit: nil))])
        let before = timeline.steps.prefix { !$0.branch }
        #expect(before.count == sent)
        for (step, original) in zip(before, plain.steps) {
            #expect(step.title == original.title && step.message?.octets == original.message?.octets)
        }
        #expect(timeline.steps.dropFirst(before.count).allSatisfy { $0.branch })
        #expect(!plain.steps.contains { $0.branch })
    }

    @Test func aRunWithoutASeedGetsOneSoTheBranchMatchesItsPlainRun() throws {
        let timeline = try Scenario.build(.basic, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: nil),
                                          attacks: [Attack(at: .send(.rMessage2, occurrence: 1), action: .flip(field: "V.MAC", bit: nil))])
        let seed = try #require(timeline.seed)
        let original = try Scenario.build(.basic, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: seed))
        for (step, before) in zip(timeline.steps.prefix { !$0.branch }, original.steps) {
            #expect(step.message?.octets == before.message?.octets)
        }
        #expect(Self.refusal(timeline)?.check == .verificationMAC)
    }

    @Test func badSpecsListWhatWouldDo() throws {
        #expect(throws: AttackSpecError.self) { try AttackAction(parsing: "zap") }
        do throws(AttackSpecError) {
            _ = try AttackAction(parsing: "zap")
        } catch {
            #expect(error.description.contains("flip:FIELD[:BIT]") && error.description.contains("leak:KEY"))
        }
        #expect(try AttackAction(parsing: "flip:IBAKE.U:3") == .flip(field: "IBAKE.U", bit: 3))
        #expect(try AttackAction(parsing: "replay:I_MESSAGE_1:60") == .replay(.iMessage1, afterSeconds: 60))
        let plain = try Self.plain()
        let sent = try Self.sendStep(.iMessage1, in: plain)
        let toy = try ParameterSet.named("toy")
        do throws(AttackSpecError) {
            try Attack(step: sent, action: .flip(field: "IBAKE.X", bit: nil)).validate(against: plain, parameterSet: toy)
            Issue.record("an unknown field passed")
        } catch {
            #expect(error.description.contains("IBAKE.U") && error.description.contains("HDR.SSRC_1"))
        }
        #expect(throws: AttackSpecError.self) {
            try Attack(step: 2, action: .replay(.rMessage2, afterSeconds: 0)).validate(against: plain, parameterSet: toy)
        }
    }

    @Test func fieldPathsReachTheCiphertextAndTheClearFields() throws {
        let plain = try Self.plain()
        let message = try #require(plain.steps[try Self.sendStep(.iMessage1, in: plain) - 1].message)
        let surface = AttackSurface(message.octets, parameterSet: try ParameterSet.named("toy"))
        for path in ["IBAKE.U", "IBAKE.V", "IBAKE.W", "RAND.RAND", "T.TS value", "HDR.CSB ID", "IDRr.ID data", "HDR.SSRC_1", "hdr.ssrc-1"] {
            #expect(surface.field(path) != nil, "\(path)")
        }
    }
}

extension Interference.Act {
    var isAlteration: Bool { if case .altered = self { true } else { false } }
}
