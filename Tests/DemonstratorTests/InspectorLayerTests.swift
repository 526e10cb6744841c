@testable import Demonstrator
import IBAKE
import MIKEY
import Scenarios
import Testing
import TUI
import TUITestSupport

/// `o` opens the inspected message's IBE layers as each party in turn (a real
/// decryption with the keys its ledger holds); Up/Down choose a field, which the hex
/// view highlights in place.
@Suite("Demonstrator: the inspector opens IBE layers")
struct InspectorLayerTests {
    static let look = Look(theme: .color, glyphs: .unicode, isCompact: false)

    func press(_ state: AppState, _ keys: Key...) -> AppState { Fixtures.send(state, keys.map { .key($0) }) }

    /// The basic run where R sends R_MESSAGE_1, the inspector focused.
    func atRMessage1() -> AppState {
        var state = Fixtures.state(.basic, at: .sends(.rMessage1))
        state.focus = .inspector
        return state
    }

    func layerLines(_ state: AppState) -> [InspectorDocument.Line] {
        state.inspectorDocument?.lines.filter { if case .layer = $0.kind { true } else { false } } ?? []
    }

    @Test("o opens R_MESSAGE_1 as each party in turn, then shows it as sent again")
    func cycle() throws {
        let state = atRMessage1()
        #expect(state.inspector.openAs == nil && layerLines(state).isEmpty && state.inspectorDocument?.hasIBELayers == true)
        let parties = try #require(state.model?.timeline.parties.map(\.id))
        var seen = [PartyID?]()
        var opened = [PartyID: Bool]()
        var current = state
        for _ in 0...parties.count {
            current = press(current, .character("o"))
            seen.append(current.inspector.openAs)
            if let party = current.inspector.openAs {
                let layers = try #require(current.inspector.openings?.layers, "opened for \(party)")
                opened[party] = layers.first?.opened != nil
                #expect(current.inspectorDocument?.openedAs == current.model?.tag(party))
            }
        }
        #expect(seen == parties.map { Optional($0) } + [nil], "each party, then as sent")
        #expect(current.inspector.openings == nil && layerLines(current).isEmpty)
        #expect(opened == [.initiator: true, .responder: false, .kms: true, .eve: false],
                "R_MESSAGE_1 is sealed to I: I and the KMS (which extracted I_PrK) open it")
    }

    @Test("opened as I: the plaintext chain under the IBAKE payload, bP as R computed it")
    func openedAsTheInitiator() throws {
        let opened = press(atRMessage1(), .character("o"))
        let document = try #require(opened.inspectorDocument)
        let layer = try #require(layerLines(opened).first)
        #expect(layer.kind == .layer(opened: true) && layer.name == "IBAKE as I" && layer.value.hasPrefix("opened with I_PrK"))
        let inside = document.lines.filter { $0.buffer == .plaintext(0) }
        #expect(inside.filter { $0.kind == .payload }.map(\.name) == ["IDR", "ECCPT", "IDR", "ECCPT"])
        #expect(inside.allSatisfy { $0.indent == 1 })
        let points = inside.filter { $0.name == "ECC Point" }
        let bP = try #require(points.last?.octets)
        let ledger = try #require(opened.currentStep?.ledger)
        #expect(Array(document.octets(of: .plaintext(0))[bP]) == ledger[.responder]?.value(.bP)?.octets)
        // U, V and W sit below Encr data, at message offsets.
        #expect(document.lines.filter { ["U", "V", "W"].contains($0.name) }.allSatisfy { $0.buffer == .message })
        #expect(document.sections.last?.buffer == .plaintext(0))
    }

    @Test("opened as Eve: the layer stays shut and the inspector says why")
    func refusedForEve() throws {
        let eve = press(atRMessage1(), .character("o"), .character("o"), .character("o"), .character("o"))
        #expect(eve.inspector.openAs == .eve)
        let document = try #require(eve.inspectorDocument)
        #expect(layerLines(eve).first?.kind == .layer(opened: false))
        let note = try #require(document.lines.first { $0.kind == .note })
        #expect(note.value.contains("Eve holds no IBE private key") && note.value.contains("sip:alice@ims.example"))
        #expect(document.plaintexts.isEmpty)
    }

    @Test("the party stays chosen across messages and steps; the layers are opened again for each")
    func followsTheStep() throws {
        let opened = press(atRMessage1(), .character("o"))
        let back = press(opened, .left, .left, .left)
        #expect(back.inspector.openAs == .initiator)
        let message = try #require(back.inspectedStep)
        #expect(back.inspector.openings?.key.message == message && back.inspector.openings?.key.step == back.step)
        #expect(back.inspectorDocument?.name == "I_MESSAGE_1")
        #expect(back.inspector.openings?.layers.first?.refusal?.contains("holds I_PrK") == true, "I_MESSAGE_1 is sealed to R")
    }

    @Test("Up/Down choose a field and scroll it into view; x keeps it chosen in hex")
    func selection() throws {
        let opened = press(atRMessage1(), .character("o"))
        let first = press(opened, .down)
        #expect(first.inspector.selection?.name == "HDR", "the first key chooses the first line on screen")
        let frame = try #require(first.layout.inspector)
        let height = InspectorView.textArea(frame).height
        let far = Fixtures.send(first, Array(repeating: .key(.down), count: 60))
        let chosen = try #require(far.inspector.selection)
        let document = try #require(far.inspectorDocument)
        let rows = InspectorView.fieldRows(document, width: InspectorView.textArea(frame).width, selection: chosen)
        let row = try #require(rows.firstIndex { $0.isSelected })
        #expect(row >= far.inspector.scroll && row < far.inspector.scroll + height, "the chosen field is on screen")
        #expect(press(far, .up).inspector.selection != chosen)
        let hex = press(far, .character("x"))
        #expect(hex.inspector.mode == .hex && hex.inspector.selection == chosen)
        let hexRows = InspectorView.hexRows(document, width: InspectorView.textArea(frame).width, selection: chosen)
        let highlighted = try #require(hexRows.firstIndex { $0.isSelected }, "its octets are highlighted")
        #expect(highlighted >= hex.inspector.scroll && highlighted < hex.inspector.scroll + height)
        let top = Fixtures.send(far, Array(repeating: .key(.up), count: 200))
        #expect(top.inspector.selection?.name == "HDR" && top.inspector.scroll == 0, "Up stops at the first line")
    }

    @Test("past the last field Down scrolls on: a shut layer's reason comes into view")
    func reasonInView() throws {
        let eve = press(atRMessage1(), .character("o"), .character("o"), .character("o"), .character("o"))
        let end = Fixtures.send(eve, Array(repeating: .key(.down), count: 120))
        #expect(end.inspector.selection?.kind == .layer(opened: false), "the shut layer is the last field")
        let frame = InspectorView.textArea(try #require(end.layout.inspector))
        let document = try #require(end.inspectorDocument)
        let rows = InspectorView.fieldRows(document, width: frame.width, selection: end.inspector.selection)
        #expect(end.inspector.scroll + frame.height >= rows.count, "the reason's last row is on screen")
    }

    @Test("a message without fields scrolls; a new message starts with nothing chosen")
    func scrollingStays() throws {
        let last = Fixtures.state(.basic, at: .last)
        let message = try #require(last.inspectedStep.flatMap { last.model?.inspector[$0] })
        var state = last
        state.focus = .inspector
        if !message.isMIKEY {
            let down = press(state, .down, .down)
            #expect(down.inspector.scroll == 2 && down.inspector.selection == nil)
        }
        let chosen = press(atRMessage1(), .down)
        var wire = chosen
        wire.focus = .wire
        #expect(press(wire, .up).inspector.selection == nil, "another message: nothing chosen in it yet")
    }

    // MARK: Goldens

    /// The inspector alone with `state`'s document, 76 x 22.
    func drawn(_ state: AppState) throws -> Canvas {
        var canvas = Canvas(size: Size(width: 76, height: 22))
        let document = try #require(state.inspectorDocument)
        InspectorView.draw(in: Rect(x: 0, y: 0, width: 76, height: 22), document: document,
                           step: state.inspectedStep, state: state.inspector, focused: true, look: Self.look, into: &canvas)
        return canvas
    }

    /// `state` with `name`'s line chosen (the first or the last so named), scrolled into a 20-row view.
    func choosing(_ name: String, last: Bool = false, in state: AppState, scrollFrom: Int) throws -> AppState {
        var state = state
        let document = try #require(state.inspectorDocument)
        let named = document.lines.filter { $0.name == name }
        let chosen = try #require(last ? named.last : named.first)
        state.inspector.selection = chosen
        state.inspector.scroll = InspectorView.scroll(showing: state.inspector.selection, in: document, mode: state.inspector.mode,
                                                      width: 72, height: 20, from: scrollFrom)
        return state
    }

    @Test("golden: R_MESSAGE_1 opened as I, field by field (aP chosen); its bP highlighted in hex; shut for Eve")
    func goldens() throws {
        let opened = press(atRMessage1(), .character("o"))
        let document = try #require(opened.inspectorDocument)
        let encr = try #require(InspectorView.fieldRows(document, width: 72, selection: nil).firstIndex {
            $0.line.map { document.lines[$0].name == "Encr data" } ?? false
        })
        try assertSnapshot(try drawn(try choosing("ECC Point", in: opened, scrollFrom: encr)), named: "inspector-R_MESSAGE_1-opened-as-I",
                           styles: true)
        var hex = opened
        hex.inspector.mode = .hex
        try assertSnapshot(try drawn(try choosing("ECC Point", last: true, in: hex, scrollFrom: 1000)), named: "inspector-R_MESSAGE_1-hex-bP-chosen",
                           styles: true)
        let eve = press(opened, .character("o"), .character("o"), .character("o"))
        try assertSnapshot(try drawn(try choosing("IBAKE as Eve", in: eve, scrollFrom: encr)), named: "inspector-R_MESSAGE_1-shut-for-Eve")
    }
}
