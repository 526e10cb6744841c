import TUI

/// Hands out curses colour-pair numbers lazily: a pair is created the first time
/// a foreground/background combination is drawn, and reused afterwards. Pure
/// bookkeeping; `CursesTerminal` calls `init_pair` when `isNew` is true.
struct ColorPairCache {
    struct Key: Hashable {
        var foreground: TerminalColor
        var background: TerminalColor
    }

    /// Highest usable pair number (COLOR_PAIRS - 1, capped to what a `short` holds).
    let capacity: Int
    private var numbers: [Key: Int16] = [:]

    init(colorPairs: Int) {
        capacity = min(max(0, colorPairs - 1), Int(Int16.max))
    }

    /// The pair for `key`: 0 for the terminal's own colours (never allocated), an
    /// existing pair, or the next free number with `isNew` set. Nil once the
    /// terminal's pairs run out; the caller then draws without colour.
    mutating func pair(for key: Key) -> (number: Int16, isNew: Bool)? {
        if key.foreground == .terminalDefault && key.background == .terminalDefault { return (0, false) }
        if let number = numbers[key] { return (number, false) }
        guard numbers.count < capacity else { return nil }
        let number = Int16(numbers.count + 1)
        numbers[key] = number
        return (number, true)
    }

    /// Forget every pair (after the terminal was reinitialised).
    mutating func reset() { numbers = [:] }
}
