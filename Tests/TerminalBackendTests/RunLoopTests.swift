import Testing
import TUI
@testable import TerminalBackend

/// The run loop driven by the scripted test screen: no terminal involved.
@MainActor
@Suite("Run loop")
struct RunLoopTests {
    /// A counter app: `+` adds one, `q` quits, ticks count separately.
    struct Counter: Equatable {
        var count = 0
        var ticks = 0
        var seen: [Event] = []
    }

    static func update(_ s: Counter, _ event: Event) -> Transition<Counter> {
        var s = s
        s.seen.append(event)
        switch event {
        case .key(.character("q")): return .quit(s)
        case .key(.character("+")): s.count += 1
        case .tick: s.ticks += 1
        default: break
        }
        return .next(s)
    }

    static func render(_ s: Counter, _ size: Size) -> Canvas {
        var c = Canvas(size: size)
        c.put("count \(s.count) at \(size)", x: 0, y: 0)
        return c
    }

    @Test("renders first, once per event, and stops when update says quit")
    func quits() {
        let screen = ScriptedScreen(size: Size(width: 30, height: 2), script: [
            .event(.key(.character("+"))), .event(.key(.character("+"))), .event(.key(.character("q"))),
            .event(.key(.character("+"))),   // never read
        ])
        let final = screen.run(initial: Counter(), update: Self.update, render: Self.render)
        #expect(final.count == 2)
        #expect(screen.frames.count == 3)   // initial + two updates; none after quit
        #expect(screen.frames.first?.plainText() == "count 0 at 30x2\n")
        #expect(screen.lastFrame?.plainText() == "count 2 at 30x2\n")
    }

    @Test("ends when input closes, returning the state so far")
    func closes() {
        let screen = ScriptedScreen(size: Size(width: 20, height: 1), script: [.event(.key(.character("+")))])
        let final = screen.run(initial: Counter(), update: Self.update, render: Self.render)
        #expect(final.count == 1)
    }

    @Test("a resize re-renders at the new size even when the app ignores it")
    func resize() {
        let screen = ScriptedScreen(size: Size(width: 20, height: 1), script: [.event(.resize(width: 25, height: 3))])
        screen.run(
            initial: Counter(), messages: { event -> Event? in
                if case .resize = event { return nil }
                return event
            },
            update: Self.update, render: Self.render
        )
        #expect(screen.frames.map(\.size) == [Size(width: 20, height: 1), Size(width: 25, height: 3)])
        #expect(screen.lastFrame?.plainText() == "count 0 at 25x3\n\n")
    }

    @Test("idle waits produce no frames; unmapped events produce no update")
    func idle() {
        let screen = ScriptedScreen(size: Size(width: 20, height: 1), script: [.nothing, .nothing, .event(.key(.up))])
        let final = screen.run(
            initial: Counter(), messages: { event -> Event? in event == .key(.up) ? nil : event },
            update: Self.update, render: Self.render
        )
        #expect(final.seen.isEmpty)
        #expect(screen.frames.count == 2)   // initial, and the (harmless) redraw after the key
        #expect(screen.requestedTimeouts == [nil, nil, nil, nil])   // no tick: wait forever
    }

    @Test("ticks come due while the screen is idle, and are offered as .tick")
    func ticks() {
        let screen = ScriptedScreen(
            size: Size(width: 20, height: 1), script: Array(repeating: .nothing, count: 4), honoursTimeouts: true
        )
        let final = screen.run(initial: Counter(), tick: .milliseconds(5), update: Self.update, render: Self.render)
        // Each idle wait is as long as the time to the next tick, so each one ends in a tick.
        #expect(final.ticks == 4)
        #expect(screen.requestedTimeouts.dropLast().allSatisfy { ($0 ?? .seconds(1)) <= .milliseconds(5) })
    }

    @Test("messages posted to the inbox reach update, and can quit")
    func inbox() {
        enum Message: Sendable { case add(Int), stop, key }
        let inbox = MessageInbox<Message>()
        inbox.post(.add(5))
        inbox.post(.add(2))
        let screen = ScriptedScreen(size: Size(width: 20, height: 1), script: [.event(.key(.character("x"))), .nothing])
        var order: [String] = []
        let final = screen.run(
            initial: 0, inbox: inbox, inboxPollInterval: .milliseconds(1),
            messages: { _ in Message.key },
            update: { (n: Int, message: Message) -> Transition<Int> in
                switch message {
                case .add(let k):
                    order.append("add \(k)")
                    return .next(n + k)
                case .key:
                    order.append("key")
                    inbox.post(.stop)
                    return .next(n)
                case .stop:
                    order.append("stop")
                    return .quit(n)
                }
            },
            render: { n, size in Canvas(size: size) }
        )
        #expect(final == 7)
        #expect(order == ["add 5", "add 2", "key", "stop"])
        // With an inbox, no wait is longer than the poll interval.
        #expect(screen.requestedTimeouts.allSatisfy { $0 == .milliseconds(1) })
    }

    @Test("the inbox drains oldest first and empties")
    func inboxDrain() {
        let inbox = MessageInbox<Int>()
        for i in 1...3 { inbox.post(i) }
        #expect(inbox.drain() == [1, 2, 3])
        #expect(inbox.drain().isEmpty)
    }
}
