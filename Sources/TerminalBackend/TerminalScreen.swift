import TUI

/// What a run loop needs from a screen: its size, a way to show a canvas, and the
/// next input. `CursesTerminal` is the real one; `ScriptedScreen` is the test
/// backend (ratatui's `TestBackend`), so whole-app behaviour is tested without a TTY.
@MainActor
public protocol TerminalScreen: AnyObject {
    /// The current size in cells; a `resize` event has already updated it.
    var size: Size { get }
    /// Shows `canvas` (rendered at `size`).
    func draw(_ canvas: Canvas)
    /// Waits at most `timeout` (forever when nil) for input.
    func nextInput(timeout: Duration?) -> ScreenInput
}

/// One result of waiting for input.
public enum ScreenInput: Hashable, Sendable {
    /// Something happened.
    case event(Event)
    /// The timeout passed, or input arrived that means nothing (an unknown key).
    case nothing
    /// No more input will come (end of a script, input closed): the loop ends.
    case closed
}
