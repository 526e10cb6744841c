@testable import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI

/// Every step of every scenario, rendered at 80x24 and 120x40, as a student would
/// read it: what the step is about is on the screen or one key away, never cut.
@Suite("Demonstrator: legibility audit")
struct LegibilityAuditTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    static func rows(_ state: AppState) -> [String] {
        AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode).plainText()
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Text with every space removed: wrapping may break a sentence anywhere between words.
    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// The narration as the reader can reach it: the screen as it is, then the
    /// narration focused and scrolled through to its end.
    static func reachableNarration(_ state: AppState) -> String {
        var text = rows(state).joined(separator: " ")
        var focused = state
        focused.focus = .narration
        for scroll in 0...NarrationView.maxScroll(focused) {
            focused.narration.scroll = scroll
            let area = focused.layout.narration
            text += " " + rows(focused)[area.y..<min(area.maxY, focused.size.height)].joined(separator: " ")
        }
        return squeezed(text)
    }

    /// The values a notation names inside its layers: what a message carries (a MAC's
    /// key, `V = MAC(auth_key)`, is not carried).
    static func values(in notation: String) -> [String] {
        var values = [String]()
        var depth = 0, token = ""
        let carried = WireNotation.topLevelItems(notation).filter { !WireNotation.isMAC($0) }.joined(separator: ", ")
        for character in carried + " " {
            if character.isLetter || character.isNumber || character == "_" {
                if depth > 0 { token.append(character) }
                continue
            }
            if !token.isEmpty, !WireNotation.identities.contains(token), !values.contains(token) { values.append(token) }
            token = ""
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
        }
        return values
    }

    @Test(arguments: ScenarioName.allCases)
    func everyStepIsLegible(_ name: ScenarioName) throws {
        let model = try #require(Fixtures.model(name))
        for size in Self.sizes {
            for index in 1...model.stepCount {
                let state = Fixtures.state(name, step: index, size: size)
                let step = try #require(state.currentStep)
                let screen = Self.rows(state)
                let at = "\(name.rawValue) step \(index) at \(size.width)x\(size.height)"

                // How to step is on the status line.
                #expect(screen.last?.contains("←→ step") == true, "\(at): no stepping hint")

                // Every note and check of the step: on screen, or in the focused narration.
                let reachable = Self.reachableNarration(state)
                for note in step.notes {
                    #expect(reachable.contains(Self.squeezed(note)), "\(at): note out of reach: \(note)")
                }
                for check in step.checks {
                    #expect(reachable.contains(Self.squeezed(check.check.title)), "\(at): check out of reach: \(check.check.title)")
                }

                // The values the step's message carries are on its wire line.
                if let message = step.message, let wire = state.layout.wire {
                    // The wire's own columns: the inspector beside it names messages too.
                    let lines = screen[wire.y..<wire.maxY].map { String(Array($0).dropFirst(wire.x).prefix(wire.width)) }
                        .filter { $0.contains(message.kind.name) }
                    let line = try #require(lines.last, "\(at): \(message.kind.name) not on the wire")
                    for value in Self.values(in: message.notation) {
                        #expect(line.contains(value), "\(at): \(message.kind.name) lost \(value): \(line)")
                    }
                }

                // No pane repeats a label without saying which value it is.
                for party in state.visiblePanes {
                    let values = PaneContent.lines(for: party, in: state).filter {
                        if case .value(_, _?, _) = $0.kind { return true }
                        return false
                    }
                    let repeated = Dictionary(grouping: values) { PaneView.name($0) ?? "" }.filter { $0.value.count > 1 }
                    for (label, lines) in repeated {
                        #expect(lines.allSatisfy { $0.qualifier != nil }, "\(at): \(party.name) shows \(label) \(lines.count) times unqualified")
                    }
                }
            }
        }
    }
}
