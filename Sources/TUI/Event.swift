/// Everything that can happen to a UI, as data. Keys, resizes, timer ticks and
/// clicks all arrive as `Event`s, so a tutorial or an autoplay run is simply a
/// list of them and `update` can be tested without a terminal.
public enum Event: Hashable, Sendable, CustomStringConvertible {
    case key(Key)
    /// The terminal is now `width` x `height` cells.
    case resize(width: Int, height: Int)
    /// A timer tick (autoplay, animations), sent when no input arrived in time.
    case tick
    /// Primary mouse button pressed at grid cell (x, y).
    case click(x: Int, y: Int)

    public var description: String {
        switch self {
        case .key(let key): "key \(key)"
        case .resize(let width, let height): "resize \(width)x\(height)"
        case .tick: "tick"
        case .click(let x, let y): "click \(x),\(y)"
        }
    }
}

/// A key press, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (letters, digits, punctuation, space, non-ASCII text).
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab
    /// Shift-Tab.
    case backTab
    case enter, backspace, delete, insert, escape
    /// F1...F63.
    case function(Int)
    /// Ctrl plus a letter, lower case: `.control("c")` is Ctrl-C. Tab, Enter and
    /// Backspace, which share codes with Ctrl-I, Ctrl-J/M and Ctrl-H, decode as themselves.
    case control(Character)

    /// Ctrl-C. In cbreak mode the terminal turns it into SIGINT instead; it only
    /// arrives as a key in raw mode or from a script.
    public static let ctrlC = Key.control("c")

    public var description: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): "\(c)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pageup"
        case .pageDown: "pagedown"
        case .tab: "tab"
        case .backTab: "backtab"
        case .enter: "enter"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .escape: "esc"
        case .function(let n): "F\(n)"
        case .control(let c): "ctrl-\(c)"
        }
    }
}
