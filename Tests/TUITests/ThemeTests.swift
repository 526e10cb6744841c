import Testing
import TUI

@Suite("Themes")
struct ThemeTests {
    @Test("the mono theme uses no colour and no dim: bold, reverse and underline only")
    func monoHasNoColour() {
        for role in Theme.mono.roles {
            #expect(!role.style.usesColor, "\(role.name) uses colour")
            #expect(!role.style.dim, "\(role.name) is dim")
        }
    }

    @Test("roles that must be told apart differ in every theme, and in mono by attributes alone", arguments: Theme.builtIn)
    func distinguishable(theme: Theme) {
        let pairs: [(String, Style, Style)] = [
            ("focusedBorder/border", theme.focusedBorder, theme.border),
            ("newValue/value", theme.newValue, theme.value),
            ("selection/value", theme.selection, theme.value),
            ("error/text", theme.error, theme.text),
            ("warning/text", theme.warning, theme.text),
            ("statusBar/text", theme.statusBar, theme.text),
            ("newValue/selection", theme.newValue, theme.selection),
            ("error/warning", theme.error, theme.warning),
            ("secret/value", theme.secret, theme.value),
            ("error/newValue", theme.error, theme.newValue),
            ("secret/warning", theme.secret, theme.warning),
        ]
        for (name, a, b) in pairs {
            #expect(a != b, "\(theme.name): \(name) look the same")
            // Never by colour alone: the attributes differ too.
            var a2 = a, b2 = b
            a2.foreground = .terminalDefault; a2.background = .terminalDefault
            b2.foreground = .terminalDefault; b2.background = .terminalDefault
            #expect(a2 != b2, "\(theme.name): \(name) differ only by colour")
        }
    }

    @Test("the presenter theme has no dim text and no blue, black or white text on the default background")
    func presenterContrast() {
        for role in Theme.presenter.roles {
            #expect(!role.style.dim, "\(role.name) is dim")
            if role.style.background == .terminalDefault {
                #expect(![.blue, .black, .white].contains(role.style.foreground), "\(role.name) is hard to see on a projector")
            }
        }
    }

    @Test("the colour theme carries the mono theme's attributes (dim aside), so no meaning rests on colour")
    func colourOverMono() {
        for (color, mono) in zip(Theme.color.roles, Theme.mono.roles) {
            #expect(color.style.bold == mono.style.bold, "\(color.name)")
            #expect(color.style.reverse == mono.style.reverse, "\(color.name)")
            #expect(color.style.underline == mono.style.underline, "\(color.name)")
        }
    }

    @Test("themes are found by name and have distinct names")
    func names() {
        #expect(Theme.named("mono") == .mono)
        #expect(Theme.named("presenter") == .presenter)
        #expect(Theme.named("sepia") == nil)
        #expect(Set(Theme.builtIn.map(\.name)).count == Theme.builtIn.count)
    }

    @Test("the glyph sets: ASCII is 7-bit, Unicode is one column per glyph")
    func glyphs() {
        let ascii = Glyphs.ascii
        let asciiText = [ascii.horizontal, ascii.vertical, ascii.topLeft, ascii.topRight, ascii.bottomLeft,
                         ascii.bottomRight, ascii.arrowHeadLeft, ascii.arrowHeadRight, ascii.block, ascii.bullet]
            .map(String.init).joined() + ascii.arrowLeft + ascii.arrowRight + ascii.ellipsis
        #expect(asciiText.allSatisfy { $0.isASCII })
        #expect(ascii.ellipsis == "..." && ascii.arrowRight == "->")
        let u = Glyphs.unicode
        let unicodeText = [u.horizontal, u.vertical, u.topLeft, u.topRight, u.bottomLeft, u.bottomRight,
                           u.arrowHeadLeft, u.arrowHeadRight, u.block, u.bullet].map(String.init).joined()
            + u.arrowLeft + u.arrowRight + u.ellipsis
        #expect(unicodeText.allSatisfy { TextFit.cellCharacter($0) == $0 })
        #expect(u.ellipsis.count == 1)
    }
}
