@testable import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI
import TUITestSupport

/// Golden output of each component alone, drawn from its own inputs into a canvas of
/// its own size: a change to one component shows in its golden file only, and a
/// whole-screen golden (ScreenSnapshotTests) is left for how the parts fit together.
/// Toy parameters, seed 1; re-record with SNAPSHOT_RECORD=1 and review the diff.
@Suite("Demonstrator: golden components")
struct ComponentSnapshotTests {
    static let look = Look(theme: .color, glyphs: .unicode, isCompact: false)
    static let compactLook = Look(theme: .color, glyphs: .unicode, isCompact: true)

    /// A canvas of `width` x `height` with one component drawn over all of it.
    func drawn(_ width: Int, _ height: Int, _ draw: (Rect, inout Canvas) -> Void) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: height))
        draw(Rect(x: 0, y: 0, width: width, height: height), &canvas)
        return canvas
    }

    func state(_ name: ScenarioName = .basic, at moment: Fixtures.Moment, keys: [Key] = []) -> AppState {
        Fixtures.send(Fixtures.state(name, at: moment), keys.map { .key($0) })
    }

    // MARK: Panes

    /// `party`'s pane of `state` alone, in a frame of `width` x `height`.
    func pane(_ party: Party, _ state: AppState, width: Int, height: Int, look: Look = look) -> Canvas {
        drawn(width, height) { rect, canvas in
            let viewport = PaneViewport(lines: PaneContent.lines(for: party, in: state), isRecording: party.id == state.model?.eve?.id,
                                        rect: rect, rowsPerLine: 1, focus: state.paneFocus(party.id))
            let title = PaneView.Title(party, in: state)
            PaneView.draw(viewport, in: rect, title: title.text(width: width, look: look), focused: title.focused, look: look,
                          into: &canvas)
        }
    }

    @Test("pane: the responder as it computes abP (new values marked), and with a line selected")
    func responderPane() throws {
        let atAbP = state(at: .learns(.responder, .abP))
        try assertSnapshot(pane(.responder, atAbP, width: 40, height: 20), named: "pane-responder-abP", styles: true)
        let selected = Fixtures.send(atAbP, Fixtures.keys(.tab, .down, .down))
        #expect(selected.focus == .party(.responder))
        try assertSnapshot(pane(.responder, selected, width: 40, height: 20), named: "pane-responder-abP-selected", styles: true)
    }

    @Test("pane: Eve's recording and what she cannot compute; the KMS in the curious view")
    func adversaryPanes() throws {
        let eveView = state(at: Fixtures.keyAgreed, keys: [.character("e")])
        try assertSnapshot(pane(.eve, eveView, width: 44, height: 24), named: "pane-eve-keyAgreed")
        let kmsView = state(at: Fixtures.keyAgreed, keys: [.character("k")])
        try assertSnapshot(pane(.kms, kmsView, width: 44, height: 24), named: "pane-kms-curious-view-keyAgreed")
    }

    @Test("pane titles: full, shortened identity, compact, focused, the curious view, Eve's recording")
    func titles() throws {
        let eve = state(at: Fixtures.keyAgreed, keys: [.character("e")])
        let recording = try #require(PaneView.Title(.eve, in: eve).recording)
        let cases: [(String, PaneView.Title, Int, Look)] = [
            ("initiator, 40 wide", PaneView.Title(.initiator, focused: false), 40, Self.look),
            ("initiator, 30 wide", PaneView.Title(.initiator, focused: false), 30, Self.look),
            ("KMS, 30 wide", PaneView.Title(.kms, focused: false), 30, Self.look),
            ("initiator, compact", PaneView.Title(.initiator, focused: false), 26, Self.compactLook),
            ("responder, focused", PaneView.Title(.responder, focused: true), 40, Self.look),
            ("KMS, curious view", PaneView.Title(.kms, focused: false, view: " (curious view)"), 60, Self.look),
            ("Eve, recording, 44 wide", PaneView.Title(.eve, focused: false, recording: recording), 44, Self.look),
            ("Eve, recording, 30 wide", PaneView.Title(.eve, focused: false, recording: recording), 30, Self.look),
        ]
        let text = cases.map { "\($0.0): \($0.1.text(width: $0.2, look: $0.3))" }.joined(separator: "\n")
        try assertSnapshot(text, named: "pane-titles")
    }

    // MARK: Wire and inspector

    @Test("wire: every message of the basic run, large and compact, the inspected one marked")
    func wire() throws {
        let last = state(at: .last)
        let model = try #require(last.model)
        for (name, look, width) in [("wire-basic-last-118", Self.look, 118), ("wire-basic-last-78-compact", Self.compactLook, 78)] {
            let canvas = drawn(width, 12) { rect, canvas in
                let marks = WireMarks(current: last.step, inspected: last.inspectedStep, focused: true)
                WireView.draw(in: rect, model, rows: last.wireRows(frame: rect, compact: look.isCompact), marks: marks, look: look,
                              into: &canvas)
            }
            try assertSnapshot(canvas, named: name, styles: name.hasSuffix("118"))
        }
    }

    /// The inspector on the message of `moment`, in `mode`.
    func inspector(at moment: Fixtures.Moment, mode: InspectorState.Mode, scroll: Int = 0) throws -> Canvas {
        let state = state(at: moment)
        let model = try #require(state.model)
        let document = try #require(model.inspector[state.step])
        var inspector = InspectorState()
        inspector.mode = mode
        inspector.scroll = scroll
        return drawn(76, 22) { rect, canvas in
            InspectorView.draw(in: rect, document: document, step: state.step, sip: model.sip[state.step], state: inspector,
                               focused: false, look: Self.look, into: &canvas)
        }
    }

    @Test("inspector: R_MESSAGE_1 field by field, then in hex, then its SIP carriage; I_MESSAGE_1 scrolled")
    func inspector() throws {
        try assertSnapshot(try inspector(at: .sends(.rMessage1), mode: .sip), named: "inspector-R_MESSAGE_1-sip", styles: true)
        try assertSnapshot(try inspector(at: .sends(.rMessage1), mode: .fields), named: "inspector-R_MESSAGE_1-fields", styles: true)
        try assertSnapshot(try inspector(at: .sends(.rMessage1), mode: .hex), named: "inspector-R_MESSAGE_1-hex")
        try assertSnapshot(try inspector(at: .sends(.iMessage1), mode: .fields, scroll: 10), named: "inspector-I_MESSAGE_1-scrolled")
    }

    // MARK: Narration and status line

    func narration(_ content: NarrationContent, width: Int = 118, height: Int = 8, look: Look = look) -> Canvas {
        drawn(width, height) { rect, canvas in NarrationView.draw(content, in: rect, look: look, into: &canvas) }
    }

    @Test("narration: a receive step with its checks, a refusal, a build in progress, a notice")
    func narration() throws {
        try assertSnapshot(narration(NarrationContent(state(at: .learns(.responder, .abP)))), named: "narration-abP-at-R", styles: true)
        try assertSnapshot(narration(NarrationContent(state(.tamper, at: .firstRefusal))), named: "narration-tamper-first-refusal")
        let step = try #require(state(at: Fixtures.keyAgreed).currentStep)
        let building = NarrationContent(body: .step(step, stepCount: 19, actorTag: "I"),
                                        bottom: .building(.forking, parameterSet: "toy", spinnerTick: 3))
        try assertSnapshot(narration(building, width: 78, height: 6, look: Self.compactLook), named: "narration-building-compact")
        let notice = NarrationContent(body: .about(.group), bottom: .notice("the group scenario could not be built: out of memory"))
        try assertSnapshot(narration(notice, width: 78, height: 6), named: "narration-about-notice")
    }

    @Test("status line: the demo at 120 and 80 columns, autoplay, a tutorial, presenter mode")
    func statusLine() throws {
        let demo = state(at: Fixtures.keyAgreed)
        let states: [(String, AppState)] = [
            ("demo", demo),
            ("autoplay", Fixtures.send(demo, Fixtures.keys(.character("P")))),
            ("tutorial", try Fixtures.tutorial("exchange", section: 2)),
            ("presenter", Fixtures.send(demo, Fixtures.keys(.character("z")))),
        ]
        var lines = [String]()
        for (name, state) in states {
            for width in [120, 80] {
                let canvas = drawn(width, 1) { rect, canvas in
                    StatusLine.draw(StatusContent(state, separator: "·"), in: rect, look: Self.look, into: &canvas)
                }
                lines.append("\(name), \(width):")
                lines.append(canvas.plainText())
            }
        }
        try assertSnapshot(lines.joined(separator: "\n"), named: "status-lines")
    }

    // MARK: Overlays, drawn over an empty screen

    @Test("help in the demo and in a tutorial; the scenario menu with one scenario unavailable")
    func overlays() throws {
        try assertSnapshot(drawn(100, 36) { _, canvas in HelpOverlay.draw(keysOf: [.demo], look: Self.look, into: &canvas) },
                           named: "overlay-help-demo")
        try assertSnapshot(drawn(80, 24) { _, canvas in HelpOverlay.draw(keysOf: [.tutorial], look: Self.compactLook, into: &canvas) },
                           named: "overlay-help-tutorial-80x24")
        let menu = drawn(100, 20) { _, canvas in
            ScenarioMenuOverlay.draw(selected: 2, current: .basic, unavailable: [.group: "out of memory"], look: Self.look,
                                     into: &canvas)
        }
        try assertSnapshot(menu, named: "overlay-scenario-menu", styles: true)
    }

    @Test("value detail: a value the responder holds; a value Eve cannot compute, with the reason")
    func valueDetail() throws {
        let atAbP = state(at: Fixtures.keyAgreed)
        let lines = PaneContent.lines(for: .responder, in: atAbP)
        let abP = try #require(lines.first { PaneView.name($0) == "abP" })
        try assertSnapshot(drawn(100, 20) { _, canvas in ValueDetailOverlay.draw(party: .responder, line: abP, look: Self.look, into: &canvas) },
                           named: "overlay-value-detail-abP-at-R")
        let eve = PaneContent.lines(for: .eve, in: Fixtures.send(atAbP, Fixtures.keys(.character("e"))))
        let cannot = try #require(eve.first { if case .cannot(.abP, _) = $0.kind { true } else { false } })
        try assertSnapshot(drawn(100, 20) { _, canvas in ValueDetailOverlay.draw(party: .eve, line: cannot, look: Self.look, into: &canvas) },
                           named: "overlay-value-detail-eve-cannot-abP")
    }

    // MARK: Tutorial panel and presenter

    @Test("tutorial panel: beside the demo, and below it with the answer shown")
    func tutorialPanel() throws {
        let section = try Fixtures.tutorial("exchange", section: 3)
        let beside = try #require(TutorialPanelContent(section))
        try assertSnapshot(drawn(40, 34) { rect, canvas in TutorialPanel.draw(beside, in: rect, beside: true, look: Self.look, into: &canvas) },
                           named: "tutorial-panel-exchange-4-beside")
        let answered = try #require(TutorialPanelContent(Fixtures.send(section, Fixtures.keys(.character("a")))))
        try assertSnapshot(drawn(80, 12) { rect, canvas in
            TutorialPanel.draw(answered, in: rect, beside: false, look: Self.compactLook, into: &canvas)
        }, named: "tutorial-panel-exchange-4-below-answered")
    }

    @Test("presenter: the slide where I learns abP")
    func presenter() throws {
        let state = state(at: Fixtures.keyAgreed)
        let slide = try #require(PresenterSlide(state: state))
        let model = try #require(state.model)
        let look = Look(theme: .presenter, glyphs: .unicode, isCompact: false)
        try assertSnapshot(drawn(100, 30) { rect, canvas in PresenterView.draw(slide, of: model, in: rect, look: look, into: &canvas) },
                           named: "presenter-slide-abP-at-I")
    }
}
