#if canImport(Glibc)
import Glibc
#endif
import TUI

/// The test backend: plays a fixed script of inputs and records every frame, so a
/// whole app (loop, update, render) runs in a unit test. When the script runs out
/// it reports `.closed` and the loop ends.
@MainActor
public final class ScriptedScreen: TerminalScreen {
    public private(set) var size: Size
    /// Every canvas drawn, in order.
    public private(set) var frames: [Canvas] = []
    /// The timeout of every wait, in order (nil = wait forever).
    public private(set) var requestedTimeouts: [Duration?] = []
    private var script: [ScreenInput]
    private let honoursTimeouts: Bool

    /// - Parameter honoursTimeouts: when true, a `.nothing` entry sleeps for the
    ///   requested timeout (up to one second), as a real idle terminal would; this
    ///   is what makes ticks come due.
    public init(size: Size, script: [ScreenInput], honoursTimeouts: Bool = false) {
        self.size = size
        self.script = script
        self.honoursTimeouts = honoursTimeouts
    }

    /// The last frame drawn, if any.
    public var lastFrame: Canvas? { frames.last }

    public func draw(_ canvas: Canvas) {
        frames.append(canvas)
    }

    public func nextInput(timeout: Duration?) -> ScreenInput {
        requestedTimeouts.append(timeout)
        guard !script.isEmpty else { return .closed }
        let input = script.removeFirst()
        switch input {
        case .event(.resize(let width, let height)):
            size = Size(width: width, height: height)
        case .nothing:
            if honoursTimeouts, let timeout { sleepBlocking(min(timeout, .seconds(1))) }
        default:
            break
        }
        return input
    }

    /// A plain blocking sleep: the loop is synchronous, like a real terminal read.
    private func sleepBlocking(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        // Rounded up: waking a hair early would miss a tick that is due.
        let microseconds = seconds * 1_000_000 + (attoseconds + 999_999_999_999) / 1_000_000_000_000
        usleep(useconds_t(clamping: max(0, microseconds)))
    }
}
