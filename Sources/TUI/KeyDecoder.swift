/// What the curses input call returned, before any interpretation: either a
/// character (`wget_wch` returned OK) or a key code (it returned KEY_CODE_YES).
public enum RawKey: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// A mouse report as `getmouse` gives it: cell position and button-state bits.
public struct MouseReport: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var buttons: UInt

    public init(x: Int, y: Int, buttons: UInt) {
        self.x = x
        self.y = y
        self.buttons = buttons
    }
}

/// Turns raw curses input into `Event`s. Pure: the numeric ncurses constants come
/// in through `KeyCodes`, so the decoder is tested here without a terminal and
/// the backend's test checks that `KeyCodes.ncurses` matches the real header.
public struct KeyDecoder: Sendable {
    public var codes: KeyCodes

    public init(codes: KeyCodes = .ncurses) {
        self.codes = codes
    }

    /// The event for `raw`, or nil for input with no meaning here (unknown key codes,
    /// stray control characters, mouse reports other than a primary click).
    /// - Parameters:
    ///   - screenSize: the size after the input; used for resize codes.
    ///   - mouse: the pending mouse report when `raw` is the mouse key code.
    public func decode(_ raw: RawKey, screenSize: Size, mouse: MouseReport? = nil) -> Event? {
        switch raw {
        case .character(let value):
            return decodeCharacter(value)
        case .keyCode(let code):
            return decodeKeyCode(code, screenSize: screenSize, mouse: mouse)
        }
    }

    private func decodeCharacter(_ value: UInt32) -> Event? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26:
            // Ctrl-A is 1 ... Ctrl-Z is 26: the letter is 0x60 + value, always ASCII.
            return .key(.control(Character(Unicode.Scalar(UInt8(truncatingIfNeeded: 0x60 + value)))))
        case 0..<32, 0x80..<0xA0:
            return nil   // other C0 and C1 controls: nothing a user means by a key
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func decodeKeyCode(_ code: Int32, screenSize: Size, mouse: MouseReport?) -> Event? {
        switch code {
        case codes.up: return .key(.up)
        case codes.down: return .key(.down)
        case codes.left: return .key(.left)
        case codes.right: return .key(.right)
        // xterm's terminfo gives Home/End as kfnd/kslt (`\E[1~`, `\E[4~`) in some
        // modes, which ncurses reports as Find/Select; they mean Home/End.
        case codes.home, codes.find: return .key(.home)
        case codes.end, codes.select: return .key(.end)
        case codes.pageUp: return .key(.pageUp)
        case codes.pageDown: return .key(.pageDown)
        case codes.backTab: return .key(.backTab)
        case codes.enter: return .key(.enter)
        case codes.backspace: return .key(.backspace)
        case codes.delete: return .key(.delete)
        case codes.insert: return .key(.insert)
        case codes.resize: return .resize(width: screenSize.width, height: screenSize.height)
        case codes.mouse:
            guard let mouse, mouse.buttons & codes.primaryClickMask != 0 else { return nil }
            return .click(x: mouse.x, y: mouse.y)
        case (codes.function0 + 1)...(codes.function0 + 63):
            return .key(.function(Int(code - codes.function0)))
        default:
            return nil
        }
    }
}
