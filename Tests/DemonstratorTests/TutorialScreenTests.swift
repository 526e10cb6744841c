import Demonstrator
import Scenarios
import Testing
import TUI
import TUITestSupport

/// Golden screens of a tutorial played in the demonstrator: the exchange tutorial at
/// two sections (one with its answer revealed) at 120x40 and 80x24, and in presenter
/// mode. Reviewed when recorded, as the other golden screens.
@Suite("Demonstrator: tutorial screens")
struct TutorialScreenTests {
    static let large = Size(width: 120, height: 40)
    static let compact = Size(width: 80, height: 24)

    func render(_ state: AppState, theme: Theme = .color, glyphs: Glyphs = .unicode) -> Canvas {
        AppView.render(state, size: state.size, theme: theme, glyphs: glyphs)
    }

    @Test("exchange, section 3 with its answer revealed and section 5, at 120x40 and 80x24")
    func exchange() throws {
        for (size, name) in [(Self.large, "120x40"), (Self.compact, "80x24")] {
            let question = try Fixtures.tutorial("exchange", section: 2, size: size)
            let revealed = AppUpdate.update(question, .key(.character("a"))).state
            try assertSnapshot(render(revealed), named: "tutorial-exchange-3-answer-\(name)")
            let abP = try Fixtures.tutorial("exchange", section: 4, size: size)
            try assertSnapshot(render(abP), named: "tutorial-exchange-5-\(name)")
        }
    }

    @Test("exchange, section 7 (I holds abP) in presenter mode, the text beside it")
    func presenter() throws {
        let state = try Fixtures.tutorial("exchange", section: 6, size: Self.large, presenter: true)
        try assertSnapshot(render(state), named: "tutorial-exchange-7-presenter-120x40")
    }

    @Test("the modes tutorial's table, as columns at 80x24 and as rows beside the demo; ASCII")
    func markdown() throws {
        let top = try Fixtures.tutorial("modes", section: 0, size: Self.compact)
        let compact = AppUpdate.update(top, .key(.pageDown)).state
        #expect(render(compact).plainText().contains("MIKEY-DHHMAC   RFC 4650       mode-dhhmac"))
        let large = try Fixtures.tutorial("modes", section: 0, size: Self.large)
        #expect(render(large).plainText().contains("• MIKEY-PSK - defined in: RFC 3830"))
        let ascii = render(try Fixtures.tutorial("exchange", section: 4, size: Self.compact), theme: .mono, glyphs: .ascii)
        #expect(ascii.plainText().allSatisfy { $0.isASCII })
        #expect(ascii.plainText().contains("ok The responder holds b, bP, abP and K_SESSION."))
    }

    @Test("bytes at 80x24: the text below the demo, then t: the demo with the inspector's chosen field in hex")
    func bytesCompact() throws {
        let text = try Fixtures.tutorial("bytes", section: 10, size: Self.compact)
        try assertSnapshot(render(text), named: "tutorial-bytes-11-80x24")
        let demo = AppUpdate.update(text, .key(.character("t"))).state
        try assertSnapshot(render(demo), named: "tutorial-bytes-11-demo-80x24")
    }

    @Test("bytes at 120x40: the ECCPT inside I_MESSAGE_1, opened as the responder, selected in hex")
    func bytesHex() throws {
        let canvas = render(try Fixtures.tutorial("bytes", section: 10, size: Self.large))
        try assertSnapshot(canvas, named: "tutorial-bytes-11-hex-120x40")
        // The ECCPT's 16 octets are highlighted where they are, and only they.
        let rows = canvas.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = try #require(rows.firstIndex { $0.contains("0010  6d 73 2e 65 78 61 6d 70 6c 65 0e f0 04 66 cc e1") })
        let x = try #require(rows[y].range(of: "0e f0")).lowerBound.utf16Offset(in: rows[y])
        #expect(canvas.cell(x: x, y: y)?.style == Theme.color.selection, "the ECCPT's first octet")
        #expect(canvas.cell(x: x - 3, y: y)?.style != Theme.color.selection, "the IDR's last octet before it")
    }

    @Test("the help overlay lists the tutorial's keys")
    func help() throws {
        let state = AppUpdate.update(try Fixtures.tutorial("exchange", size: Self.compact), .key(.character("?"))).state
        try assertSnapshot(render(state), named: "tutorial-help-80x24")
    }
}
