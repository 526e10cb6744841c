@testable import Demonstrator
import Scenarios
import Testing
import TUI
import Tutorials

/// Tutorials that show what they say: at 80x24 `t` gives the demo the screen; a
/// section's `inspect` selects its message, layer, field and mode in view; `a` shows the
/// whole answer; a section that goes back in its run says so; the text fits at 120x40.
@Suite("Demonstrator: tutorials show what they say")
struct TutorialShowsTests {
    static let large = Size(width: 120, height: 40)
    static let compact = Size(width: 80, height: 24)

    func press(_ state: AppState, _ keys: Key...) -> AppState { Fixtures.send(state, keys.map { .key($0) }) }

    func screen(_ state: AppState) -> String {
        AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode).plainText()
    }

    /// The text the tutorial panel shows, row by row, inside its frame or below its rule.
    func panelText(_ state: AppState) throws -> [String] {
        let layout = state.layout
        let area = TutorialPanel.textArea(try #require(layout.tutorial), beside: layout.tutorialIsBeside)
        let canvas = AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode)
        return (area.y..<area.maxY).map { y in
            String((area.x..<area.maxX).compactMap { canvas.cell(x: $0, y: y) }.filter { !$0.isContinuation }.map(\.character))
        }
    }

    @Test("at 80x24 t hides the text: the wire and the inspector come back, Tab and x reach them; t or the next section shows the text")
    func demoReachable() throws {
        let state = try Fixtures.tutorial("bytes", section: 1, size: Self.compact)
        #expect(state.layout.tutorial != nil && state.layout.wire == nil && state.layout.inspector == nil)
        #expect(screen(state).contains("t demo"), "the panel names the key")
        let x = press(state, .character("x"))
        #expect(x.inspector.mode == .sip && x.notice == "the text covers the inspector: t shows it",
                "x below the text says where the inspector went")
        let demo = press(state, .character("t"))
        #expect(demo.layout.tutorial == nil && demo.layout.inspector != nil && demo.layout.narration.height > 0)
        #expect(demo.focus == .inspector, "the section selected a field: the inspector is in front")
        #expect(screen(demo).contains("t text") && !screen(demo).contains("t demo"))
        var seen = Set<AppState.Focus>(), s = demo
        for _ in 0..<8 {
            s = press(s, .tab)
            seen.insert(s.focus)
            if s.focus == .wire { #expect(s.layout.wire != nil, "Tab brings the wire in front") }
        }
        #expect(seen.isSuperset(of: [.wire, .inspector, .narration]) && !seen.contains(.tutorial))
        #expect(press(demo, .character("x")).inspector.mode == .sip, "the section set hex; x goes on to the SIP carriage")
        #expect(press(demo, .character("x"), .character("x")).inspector.mode == .fields, "and x again back to fields")
        let notice = press(demo, .character("a"))
        #expect(notice.notice == "this section asks no question" && screen(notice).contains("asks no question"),
                "with the text hidden a notice shows in the narration")
        #expect(press(demo, .character("t")).layout.tutorial != nil)
        let next = press(demo, .enter)
        #expect(next.tutorial?.section == 2 && next.layout.tutorial != nil, "a new section shows its text")
        let large = press(try Fixtures.tutorial("exchange", size: Self.large), .character("t"))
        #expect(large.layout.tutorial == nil && large.layout.panes.count == 3, "beside the demo too, t gives it the width")
    }

    @Test("a section's inspect selects the message, the opened layer, the field and the mode, scrolled into view")
    func inspectsAField() throws {
        let state = try Fixtures.tutorial("bytes", section: 10, size: Self.large)   // Inside the IBAKE payload
        #expect(state.inspectedStep == Fixtures.step(.basic, .sends(.iMessage1)))
        #expect(state.inspector.openAs == .responder && state.inspector.mode == .hex && state.focus == .inspector)
        #expect(state.inspector.selection?.path?.description == "IBAKE > ECCPT")
        #expect(screen(state).contains("Inspector as R · I_MESSAGE_1"))
        #expect(screen(state).contains("0010  6d 73 2e 65 78 61 6d 70 6c 65 0e f0 04 66 cc e1"), "the ECCPT's octets in view")
        let next = press(state, .enter)
        #expect(next.inspector.openAs == .initiator && next.inspector.selection?.path?.description == "IBAKE > ECCPT#2")
        let plainSection = press(try Fixtures.tutorial("exchange", section: 2, size: Self.large), .character("x"), .enter)
        #expect(plainSection.inspector.mode == .fields && plainSection.inspector.openAs == nil && plainSection.inspector.selection == nil,
                "a section without inspect starts from fields, as sent")
    }

    @Test("every inspect of every tutorial is applied and in view, at 120x40 and at 80x24 once t shows the demo")
    func everyInspection() throws {
        let cache = TimelineCache()
        var count = 0
        for document in Fixtures.tutorials {
            let resolved = try document.resolve(with: cache)
            for size in [Self.large, Self.compact] {
                var state = try Fixtures.tutorial(document.id, size: size)
                for entry in resolved {
                    defer { state = press(state, .enter) }
                    guard let inspection = entry.section.inspection,
                          let expected = try entry.inspected(cache: cache, file: document.file) else { continue }
                    count += 1
                    let shown = state.layout.inspector == nil ? press(state, .character("t")) : state
                    let place = "\(document.id) \(entry.section.title) at \(size.width)x\(size.height)"
                    #expect(shown.inspectedStep == expected.step, "\(place)")
                    #expect(shown.inspector.openAs == inspection.party, "\(place)")
                    #expect(shown.inspector.mode == (inspection.mode == .hex ? .hex : .fields), "\(place)")
                    #expect(shown.inspector.selection == expected.line, "\(place)")
                    #expect(shown.focus == .inspector, "\(place)")
                    guard let document = shown.inspectorDocument, let frame = shown.layout.inspector else {
                        Issue.record("\(place): no inspector")
                        continue
                    }
                    let area = InspectorView.textArea(frame)
                    let rows = InspectorView.rows(document, mode: shown.inspector.mode, width: area.width, selection: shown.inspector.selection)
                    let start = min(shown.inspector.scroll, max(0, rows.count - area.height))
                    #expect(rows.dropFirst(start).prefix(area.height).contains { $0.isSelected }, "\(place): the field is in view")
                }
            }
        }
        #expect(count >= 30, "the bytes tutorial inspects in each section, at both sizes")
    }

    @Test("a shows the whole answer, at 80x24 and 120x40, in every question of every tutorial")
    func wholeAnswers() throws {
        var count = 0
        for document in Fixtures.tutorials {
            for size in [Self.large, Self.compact] {
                var state = try Fixtures.tutorial(document.id, size: size)
                for section in document.sections {
                    defer { state = press(state, .enter) }
                    guard let answer = section.answer else { continue }
                    count += 1
                    let shown = press(state, .character("a"))
                    let visible = try panelText(shown).joined().filter { !$0.isWhitespace }
                    let expected = ("Answer:" + answer).filter { !$0.isWhitespace && $0 != "`" && $0 != "*" }
                    #expect(visible.contains(expected), "\(document.id) \(section.title) at \(size.width)x\(size.height)")
                }
            }
        }
        #expect(count == 2 * Fixtures.tutorials.flatMap(\.sections).filter { $0.answer != nil }.count)
        let hidden = press(try Fixtures.tutorial("bytes", section: 4, size: Self.compact), .character("t"), .character("a"))
        #expect(hidden.layout.tutorial != nil && hidden.tutorial?.answerShown == true, "a brings the hidden text back")
    }

    @Test("a section whose step comes before the previous section's in the same run says so, in the panel and in plain text")
    func goingBack() throws {
        let escrow = try Fixtures.tutorial("escrow", section: 3, size: Self.large)
        #expect(try panelText(escrow).joined(separator: " ").split(separator: " ").joined(separator: " ")
            .contains("The demo goes back from step 22 to step 9."))
        #expect(!screen(press(escrow, .enter)).contains("goes back"), "forward again: no note")
        let cache = TimelineCache()
        var notes = 0
        for document in Fixtures.tutorials {
            let resolved = try document.resolve(with: cache)
            var state = try Fixtures.tutorial(document.id)
            for (index, entry) in resolved.enumerated() {
                defer { state = press(state, .enter) }
                let expected = index > 0 ? entry.goesBack(after: resolved[index - 1]) : nil
                let panel = try #require(state.model).timeline.steps
                #expect(state.tutorial?.goesBack(in: panel) == expected, "\(document.id) \(entry.section.title)")
                if let expected {
                    notes += 1
                    let panel = try panelText(state).joined().filter { !$0.isWhitespace }
                    #expect(panel.contains(expected.filter { !$0.isWhitespace }), "\(document.id) \(entry.section.title)")
                }
            }
        }
        #expect(notes > 0)
    }

    @Test("every section of every tutorial fits its panel at 120x40; the bytes tour fits at 80x24 too")
    func textFits() throws {
        for document in Fixtures.tutorials {
            for size in [Self.large] + (document.id == "bytes" ? [Self.compact] : []) {
                var state = try Fixtures.tutorial(document.id, size: size)
                for section in document.sections {
                    #expect(TutorialPanel.maxScroll(state) == 0, "\(document.id) \(section.title) at \(size.width)x\(size.height)")
                    state = press(state, .enter)
                }
            }
        }
    }
}
