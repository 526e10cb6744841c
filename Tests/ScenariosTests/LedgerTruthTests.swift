import IBAKE
import IBE
import Scenarios
import Testing

/// Issue 11, "an honest ledger": what the ledger says at a step is true at that step.
/// A party is said to be unable to compute only what it does not learn later in the
/// run (unless the reason names what changes), and every reason's premises hold there.
@Suite struct LedgerTruthTests {
    /// Every scenario at the runs of the invariant tests, and retargeting refused.
    static func timelines(_ set: String, _ seed: UInt64) throws -> [Timeline] {
        try ScenarioName.allCases.map { try LedgerInvariantTests.timeline($0, set, seed) }
            + [try LedgerInvariantTests.timeline(.retargeting, set, seed, policy: .refuse)]
    }

    @Test(arguments: LedgerInvariantTests.runs)
    func nobodyCannotComputeWhatItLearnsLater(set: String, seed: UInt64) throws {
        for timeline in try Self.timelines(set, seed) {
            for step in timeline.steps {
                for party in step.ledger.parties {
                    for cannot in party.cannot {
                        let context = "\(timeline.scenario) step \(step.index): \(party.party) cannot \(cannot.name)"
                        #expect(party.value(cannot.name) == nil, "\(context), yet holds it")
                        let later = timeline.steps.dropFirst(step.index)
                        guard let learned = later.first(where: { $0.ledger.knows(party.party, cannot.name) }) else {
                            #expect(cannot.until == nil, "\(context): names a change that never comes")
                            continue
                        }
                        // Learned later: the reason must name the event that changes it, and say when.
                        let until = try #require(cannot.until, "\(context), learned at step \(learned.index)")
                        #expect(until.step > step.index && until.step <= learned.index, "\(context)")
                        let event = timeline.steps[until.step - 1]
                        #expect(event.action == .leak && event.revealed.contains { $0.party == party.party }, "\(context)")
                        #expect(cannot.why.contains("until \(event.title)"), "\(context): \(cannot.why)")
                    }
                }
            }
        }
    }

    @Test(arguments: LedgerInvariantTests.runs)
    func everyReasonIsTrueAtItsStep(set: String, seed: UInt64) throws {
        for timeline in try Self.timelines(set, seed) {
            var held = Set<ValueName>()
            var byParty = [PartyID: Set<ValueName>]()
            for step in timeline.steps {
                for party in step.ledger.parties {
                    held.formUnion(party.knows.map(\.name))
                    byParty[party.party, default: []].formUnion(party.knows.map(\.name))
                }
                for party in step.ledger.parties {
                    for cannot in party.cannot {
                        let context = "\(timeline.scenario) step \(step.index): \(party.party) cannot \(cannot.name): \(cannot.why)"
                        // A value nobody has held yet is not known yet; "cannot" says nothing true of it.
                        #expect(held.contains(cannot.name), "\(context): nobody has it yet")
                        let holds = { (name: ValueName) in party.value(name) != nil }
                        if cannot.why.contains("read aP") { #expect(holds(.aP), "\(context)") }
                        if cannot.why.contains("did not answer") {
                            let answered = byParty.contains { $0.key != party.party && $0.value.contains(.b) }
                            #expect(answered && !holds(.b), "\(context): nobody else answered")
                        }
                        if cannot.why.contains("knowing aP and bP") { #expect(holds(.aP) && holds(.bP), "\(context)") }
                        if cannot.why.contains("holds neither a nor b") { #expect(!holds(.a) && !holds(.b), "\(context)") }
                        if cannot.why.contains("which this party cannot compute") {
                            #expect(party.impossibility(.abP) != nil || party.impossibility(.sessionKey) != nil, "\(context)")
                        }
                        if cannot.why.contains("needs a private key that only the KMS can derive") {
                            #expect(![.initiatorPrivateKey, .responderPrivateKey, .masterSecret].contains(where: holds), "\(context)")
                        }
                    }
                }
            }
        }
    }

    /// The defects issue 11 reported, at toy seed 1.
    @Test func forkingStatesAbPOnlyOnceSomeoneAnswered() throws {
        let timeline = try LedgerInvariantTests.timeline(.forking, "toy", 1)
        let answered = try #require(timeline.step(where: .device(2), learns: .b))
        for step in timeline.steps {
            #expect(step.ledger[.device(2)]?.impossibility(.abP) == nil, "step \(step.index): the laptop answers later")
            for device in [PartyID.device(1), .device(3)] {
                let stated = step.ledger[device]?.impossibility(.abP) != nil
                #expect(stated == (step.index >= answered.index), "step \(step.index): \(device)")
            }
        }
    }

    @Test func forwardSecrecyEveCannotOpenUntilTheKeysLeak() throws {
        let timeline = try LedgerInvariantTests.timeline(.forwardSecrecy, "toy", 1)
        let leak = try #require(timeline.steps.first { $0.action == .leak })
        let sent = try #require(timeline.steps(sending: .iMessage1).first)
        let before = try #require(timeline.steps[sent.index - 1].ledger[.eve]?.impossibility(.aP))
        #expect(before.until?.step == leak.index)
        #expect(before.why.hasSuffix("until the long-term keys leak to Eve (step \(leak.index))"))
        // Holding R_PrK, she can open her recording: from the leak on, aP is only not known yet.
        #expect(leak.ledger[.eve]?.impossibility(.aP) == nil && !leak.ledger.knows(.eve, .aP))
        #expect(timeline.finalLedger?[.eve]?.impossibility(.abP)?.until == nil)
    }

    /// RFC 6539 §3.2: each end wipes its secret once the exchange is over, and the ledger says so.
    @Test(arguments: LedgerInvariantTests.runs)
    func theEndsWipeAAndBWhenTheExchangeEnds(set: String, seed: UInt64) throws {
        for name in [ScenarioName.basic, .forwardSecrecy] {
            let timeline = try LedgerInvariantTests.timeline(name, set, seed)
            let sent = try #require(timeline.steps(sending: .rMessage2).first)
            let verified = try #require(timeline.steps.first { $0.index > sent.index && $0.actor == .initiator && $0.action == .receive })
            let final = try #require(timeline.finalLedger)
            #expect(final[.responder]?.wipe(.b)?.step == sent.index, "\(name)")
            #expect(final[.initiator]?.wipe(.a)?.step == verified.index, "\(name)")
            #expect(!final.knows(.initiator, .a) && !final.knows(.responder, .b), "\(name)")
            #expect(final[.initiator]?.wipe(.a)?.learned == timeline.step(where: .initiator, learns: .a)?.index, "\(name)")
            // The keys stay: the session still needs them.
            #expect(final.knows(.initiator, .srtpMasterKey) && final.knows(.responder, .srtpMasterKey), "\(name)")
        }
    }

    // MARK: What an active attacker did

    @Test(arguments: LedgerInvariantTests.runs)
    func tamperEveRecordsWhatSheAlteredAndTheWireMarksIt(set: String, seed: UInt64) throws {
        let timeline = try LedgerInvariantTests.timeline(.tamper, set, seed)
        let eve = try #require(timeline.finalLedger?[.eve])
        #expect(eve.recorded.contains(.iMessage1) && eve.recorded.contains(.rMessage2))
        var fields = [String]()
        for act in eve.interference {
            guard case .altered(let field, let offset, let mask) = act.act else {
                Issue.record("tamper: Eve only alters, not \(act)")
                continue
            }
            fields.append(field)
            let sent = try #require(timeline.steps.first { $0.index == act.messageStep }?.message)
            #expect(sent.kind == act.message && sent.from != .eve && offset < sent.octets.count && mask == 0x01)
            #expect(act.step > act.messageStep)
            // The wire marks it from the step she altered it, not before.
            #expect(timeline.marks(ofMessageAt: act.messageStep, through: act.step - 1).isEmpty)
            #expect(timeline.marks(ofMessageAt: act.messageStep, through: act.step) == [.tampered])
            let step = try #require(timeline.steps.first { $0.index == act.step })
            #expect(step.title.contains(act.message.name) && step.title.contains(field))
        }
        #expect(fields == ["IBAKE Encr data", "IBAKE Encr data", "IBAKE Encr data", "V MAC", "RAND"])
        // The first four are refused as they arrive; the altered RAND only at I_MESSAGE_2.
        let last = timeline.steps.count
        let refused = eve.interference.map { timeline.marks(ofMessageAt: $0.messageStep, through: last).contains(.refused) }
        #expect(refused == [true, true, true, true, false])
        let lastRefusal = try #require(timeline.steps.last { $0.action == .refuse })
        let refusedMessage = try #require(lastRefusal.refusedMessage)
        #expect(timeline.steps[refusedMessage - 1].message?.kind == .iMessage2)
        #expect(timeline.marks(ofMessageAt: refusedMessage, through: last) == [.refused])
    }

    @Test(arguments: LedgerInvariantTests.runs)
    func replayEveReplaysWhatSheRecorded(set: String, seed: UInt64) throws {
        let timeline = try LedgerInvariantTests.timeline(.replay, set, seed)
        let last = timeline.steps.count
        let eve = try #require(timeline.finalLedger?[.eve])
        var replayed: [MessageKind] = [], dropped: [MessageKind] = []
        for act in eve.interference {
            switch act.act {
            case .replayed(let original):
                replayed.append(act.message)
                // She replays a copy of a message she recorded before.
                let recording = try #require(timeline.steps.first { $0.index == original })
                #expect(recording.message?.kind == act.message && original < act.step)
                #expect(recording.ledger[.eve]?.recorded.contains(act.message) == true)
                #expect(timeline.steps[act.messageStep - 1].message?.octets == recording.message?.octets)
                #expect(timeline.marks(ofMessageAt: act.messageStep, through: last) == [.replayed, .refused])
            case .dropped:
                dropped.append(act.message)
                #expect(timeline.marks(ofMessageAt: act.messageStep, through: last) == [.dropped])
            case .altered:
                Issue.record("replay: Eve alters nothing")
            }
        }
        #expect(replayed == [.iMessage1, .iMessage1, .rMessage1] && dropped == [.rMessage1])
    }
}
