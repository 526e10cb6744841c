import IBAKE
import IBE
import Primitives
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
        #expect(before.why.hasPrefix("until the long-term keys leak to Eve (step \(leak.index)): "))
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

    // MARK: Statements that parties hold the same value

    /// The sentences of a step (title, narration, notes) that say parties share or hold
    /// the same value, or different ones.
    static func samenessClaims(_ step: Step) -> [String] {
        let sentences = [step.title] + step.notes + step.narration.split(separator: ". ").map(String.init)
        return sentences.filter { sentence in
            sentence.range(of: #"\bshares?\b"#, options: .regularExpression) != nil
                || sentence.range(of: #"\bholds?\b.*\b(same|different)\b|\bholds? both\b"#, options: .regularExpression) != nil
        }
    }

    /// The value names a sentence mentions (not the one-letter ones, which are also words).
    static func values(in sentence: String) -> [ValueName] {
        ValueName.vocabulary.filter { $0.rawValue.count > 1 }.filter { name in
            sentence.range(of: "(^|[^A-Za-z_])\(name.rawValue)($|[^A-Za-z_])", options: .regularExpression) != nil
        }
    }

    @Test(arguments: LedgerInvariantTests.runs)
    func everySameValueStatementAgreesWithTheLedger(set: String, seed: UInt64) throws {
        for timeline in try Self.timelines(set, seed) {
            for step in timeline.steps {
                let context = "\(timeline.scenario) step \(step.index)"
                for comparison in step.comparisons {
                    #expect(comparison.parties.count >= 2, "\(context)")
                    #expect(comparison.holds(in: step.ledger), "\(context): \(comparison)")
                }
                for sentence in Self.samenessClaims(step) {
                    // A claim of sameness rests on comparisons of the ledger's octets, of the
                    // values it names (any, for "the keys"), with the polarity it states.
                    let named = Self.values(in: sentence)
                    let relevant = step.comparisons.filter { named.isEmpty || named.contains($0.value) }
                    #expect(!relevant.isEmpty, "\(context): \"\(sentence)\" rests on no comparison")
                    if sentence.contains("same") || sentence.range(of: #"\bshares?\b"#, options: .regularExpression) != nil {
                        #expect(relevant.contains { $0.same }, "\(context): \"\(sentence)\"")
                    }
                    if sentence.contains("differ") { #expect(relevant.contains { !$0.same }, "\(context): \"\(sentence)\"") }
                }
            }
        }
    }

    /// The malicious KMS: I believes it shares MPK with Bob's identity; the ledger says the KMS holds it.
    @Test func maliciousKMSSaysWhoReallyHoldsTheKeys() throws {
        let timeline = try LedgerInvariantTests.timeline(.maliciousKMS, "toy", 1)
        let answered = try #require(timeline.steps.first { $0.actor == .initiator && $0.title == "I opens R_MESSAGE_1" })
        #expect(answered.narration.contains("the side that answered is the KMS, not R: it holds the same R_PrK as R"))
        #expect(!answered.narration.contains("authenticated as"))
        let verified = try #require(timeline.steps.first { $0.actor == .initiator && $0.title == "I verifies R_MESSAGE_2" })
        #expect(verified.notes.contains("I believes it shares MPK with sip:bob@ims.example; the KMS holds it, and R holds a different MPK"))
        #expect(!verified.notes.contains { $0.contains("sip:bob@ims.example holds the same MPK") })
        let ledger = verified.ledger
        let mine = try #require(ledger[.initiator]?.value(.mpk))
        #expect(ledger[.responder]?.value(.mpk)?.octets != mine.octets)
        #expect(ledger[.kms]?.knows.contains { $0.name == .mpk && $0.octets == mine.octets } == true)
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
            case .altered, .delayed, .substituted:
                Issue.record("replay: Eve alters and holds nothing")
            }
        }
        #expect(replayed == [.iMessage1, .iMessage1, .rMessage1] && dropped == [.rMessage1])
    }

    // MARK: One base for identifiers

    /// A CSB ID that the text names is written in hex, as panes show it; decimal only as a
    /// second form after it ("0x15e6532f (367416111)").
    @Test(arguments: LedgerInvariantTests.runs)
    func identifiersAreHexEverywhere(set: String, seed: UInt64) throws {
        for timeline in try Self.timelines(set, seed) {
            let ids = Set(timeline.steps.flatMap { $0.ledger.parties.flatMap { $0.knows.filter { $0.name == .csbID }.map(\.octets) } })
            for step in timeline.steps {
                let text = ([step.title, step.narration] + step.notes + step.checks.map(\.detail)).joined(separator: "\n")
                for octets in ids where octets.count == 4 {
                    let value = octets.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    let hex = Hex.word(value)
                    let decimal = String(value)
                    let bare = text.replacingOccurrences(of: "\(hex) (\(decimal))", with: hex)
                    #expect(!bare.contains(decimal) || decimal.count < 5, "\(timeline.scenario) step \(step.index): CSB ID \(hex) in decimal")
                }
            }
        }
    }
}
