import Testing
import TUI
@testable import TerminalBackend

@Suite("Colour-pair cache")
struct ColorPairCacheTests {
    typealias Key = ColorPairCache.Key

    @Test("pairs are numbered from 1 in first-use order and reused")
    func allocation() {
        var cache = ColorPairCache(colorPairs: 64)
        let a = cache.pair(for: Key(foreground: .red, background: .terminalDefault))
        let b = cache.pair(for: Key(foreground: .blue, background: .white))
        let again = cache.pair(for: Key(foreground: .red, background: .terminalDefault))
        #expect(a?.number == 1 && a?.isNew == true)
        #expect(b?.number == 2 && b?.isNew == true)
        #expect(again?.number == 1 && again?.isNew == false)
    }

    @Test("the terminal's own colours are pair 0 and never use a slot")
    func defaultPair() {
        var cache = ColorPairCache(colorPairs: 2)
        let plain = cache.pair(for: Key(foreground: .terminalDefault, background: .terminalDefault))
        #expect(plain?.number == 0 && plain?.isNew == false)
        #expect(cache.pair(for: Key(foreground: .green, background: .terminalDefault))?.number == 1)
    }

    @Test("when the terminal's pairs run out, new combinations get nil (drawn without colour)")
    func exhaustion() {
        var cache = ColorPairCache(colorPairs: 3)   // pairs 1 and 2 usable
        #expect(cache.pair(for: Key(foreground: .red, background: .black)) != nil)
        #expect(cache.pair(for: Key(foreground: .green, background: .black)) != nil)
        #expect(cache.pair(for: Key(foreground: .blue, background: .black)) == nil)
        #expect(cache.pair(for: Key(foreground: .red, background: .black))?.number == 1)
        cache.reset()
        #expect(cache.pair(for: Key(foreground: .blue, background: .black))?.number == 1)
    }

    @Test("capacity is capped to what a short holds and never negative")
    func capacity() {
        #expect(ColorPairCache(colorPairs: 65536).capacity == 32767)
        #expect(ColorPairCache(colorPairs: 0).capacity == 0)
        #expect(ColorPairCache(colorPairs: 256).capacity == 255)
    }

    @Test("every theme's colours fit in the 64 pairs of an 8-colour terminal")
    func themesFit() {
        var cache = ColorPairCache(colorPairs: 64)
        for theme in Theme.builtIn {
            for role in theme.roles {
                let key = Key(foreground: role.style.foreground, background: role.style.background)
                #expect(cache.pair(for: key) != nil, "\(theme.name).\(role.name)")
            }
        }
    }
}
