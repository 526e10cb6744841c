import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI

/// Issue 11 on screen: panes and the wire say what the ledger says at the step shown,
/// wiped values as wiped, Eve's alterations and replays as she did them.
@Suite struct LedgerPaneTests {
    func lines(_ name: ScenarioName, _ party: PartyID, step: Int) throws -> [PaneLine] {
        let model = try #require(Fixtures.model(name))
        let cast = try #require(model.timeline.party(party))
        return PaneContent.lines(for: cast, in: Fixtures.state(name, step: step))
    }

    @Test func aWipedValueShowsAsWipedWithItsStep() throws {
        let timeline = try #require(Fixtures.model(.forwardSecrecy)?.timeline)
        let wiped = try #require(timeline.finalLedger?[.initiator]?.wipe(.a))
        #expect(try lines(.forwardSecrecy, .initiator, step: wiped.step).contains(PaneLine(.wiped(name: .a, step: wiped.step, isNew: true))))
        let leak = try #require(timeline.steps.first { $0.action == .leak })
        let after = try lines(.forwardSecrecy, .initiator, step: leak.index)
        #expect(after.contains(PaneLine(.wiped(name: .a, step: wiped.step, isNew: false))))
        #expect(!after.contains(PaneLine(.value(name: .a, known: nil, isNew: false))), "a is wiped, not unknown")
        let before = try lines(.forwardSecrecy, .initiator, step: wiped.step - 1)
        #expect(before.contains { if case .value(.a, let known?, _) = $0.kind { known.step == wiped.learned } else { false } })
    }

    @Test func forkingDevicesShowNoImpossibilityBeforeSomeoneAnswers() throws {
        let timeline = try #require(Fixtures.model(.forking)?.timeline)
        let answered = try #require(timeline.step(where: .device(2), learns: .b)).index
        func cannotAbP(_ device: PartyID, _ step: Int) throws -> Bool {
            try lines(.forking, device, step: step).contains { if case .cannot(.abP, _) = $0.kind { true } else { false } }
        }
        for device in [PartyID.device(1), .device(3)] {
            #expect(try !cannotAbP(device, 1) && !cannotAbP(device, answered - 1))
            #expect(try cannotAbP(device, answered))
        }
        #expect(try !cannotAbP(.device(2), answered - 1))
    }

    @Test func evesPaneShowsWhatSheRecordedAlteredAndReplayed() throws {
        for name in [ScenarioName.tamper, .replay] {
            let model = try #require(Fixtures.model(name))
            let last = model.stepCount
            let eve = try lines(name, .eve, step: last)
            let heading = eve.first { if case .heading(let text) = $0.kind { text.hasPrefix("wire:") } else { false } }
            #expect(heading != nil && heading != PaneLine(.heading("wire: nothing yet")), "\(name)")
            let acts = try #require(model.timeline.finalLedger?[.eve]?.interference)
            #expect(!acts.isEmpty, "\(name)")
            for act in acts {
                #expect(eve.contains(PaneLine(.action(act.headline, isNew: act.step == last))), "\(name): \(act.headline)")
                if let detail = act.detail { #expect(eve.contains(PaneLine(.action("  \(detail)", isNew: false))), "\(name): \(detail)") }
            }
        }
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func theWireMarksTamperedAndRefusedMessages(size: Size) throws {
        let timeline = try #require(Fixtures.model(.tamper)?.timeline)
        let refusal = try #require(timeline.steps.first { $0.action == .refuse })
        let sent = try #require(refusal.refusedMessage)
        func screen(at step: Int) -> String {
            AppView.render(Fixtures.state(.tamper, step: step, size: size), size: size, theme: .mono, glyphs: .unicode).plainText()
        }
        #expect(!screen(at: sent).contains("tampered"))
        #expect(screen(at: refusal.index - 1).contains("I_MESSAGE_1 ! tampered "))
        #expect(screen(at: refusal.index).contains("I_MESSAGE_1 ! tampered ✗ refused "))
    }
}
