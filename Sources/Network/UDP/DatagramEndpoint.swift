import IBAKE
import NIOCore
import NIOPosix
import Synchronization

/// One UDP socket of a party, through SwiftNIO. What arrives, and a timer, come out as one
/// stream of events (``EndpointEvent``), so a party's logic is a loop over data, like the
/// demonstrator's update; datagrams go out with ``UDPSocket/send(_:to:)``.
public enum DatagramEndpoint {
    typealias Channel = NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>
    typealias Writer = NIOAsyncChannelOutboundWriter<AddressedEnvelope<ByteBuffer>>

    /// Binds `host:port` (port 0: one the system picks) and runs `body` with the socket;
    /// the socket closes when `body` returns or throws. Ticks come every `tick`, so a loop
    /// over the events can retransmit and give up without a datagram to wake it.
    ///
    /// SwiftNIO closes a datagram channel when the system refuses a send in a way it takes
    /// for fatal (a local firewall's EPERM, say). The party must go on serving, so the
    /// socket is bound again on the same address, and its loop hears ``EndpointEvent/reopened(_:)``.
    public static func run<Result: Sendable>(host: String, port: Int, tick: Duration = .milliseconds(50),
                                             _ body: (UDPSocket) async throws -> Result) async throws -> Result {
        let first: Channel
        do {
            first = try await bind(host: host, port: port)
        } catch {
            throw NetworkError("cannot listen on UDP \(host):\(port): \(error)")
        }
        guard let address = first.channel.localAddress, let boundPort = address.port else {
            throw NetworkError("UDP \(host):\(port) has no local address")
        }
        let writer = CurrentWriter()
        let (events, continuation) = AsyncStream.makeStream(of: EndpointEvent.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var channel = first
                while true {
                    let ended = await receive(on: channel, into: continuation, writer: writer)
                    if Task.isCancelled { break }
                    do {
                        channel = try await bind(host: host, port: boundPort)
                        continuation.yield(.reopened(ended))
                    } catch {
                        continuation.yield(.closed("\(ended); binding UDP \(host):\(boundPort) again failed: \(error)"))
                        break
                    }
                }
                continuation.finish()
                writer.end()
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: tick)
                    continuation.yield(.tick(ContinuousClock.now))
                }
            }
            defer { group.cancelAll() }
            // The party's first send must find the channel's writer in place.
            await writer.opened()
            return try await body(UDPSocket(localAddress: address, events: events, writer: writer, routes: Routes()))
        }
    }

    private static func bind(host: String, port: Int) async throws -> Channel {
        try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try Channel(wrappingChannelSynchronously: channel) }
            }
    }

    /// Hands `channel`'s datagrams to the party until the channel closes (or the party is
    /// done); returns why it closed. Sends go through it meanwhile.
    private static func receive(on channel: Channel, into continuation: AsyncStream<EndpointEvent>.Continuation,
                                writer: CurrentWriter) async -> String {
        let ended: String?
        do {
            ended = try await channel.executeThenClose { inbound, outbound in
                writer.set(outbound)
                defer { writer.set(nil) }
                do {
                    for try await envelope in inbound {
                        continuation.yield(.datagram(Array(buffer: envelope.data), from: envelope.remoteAddress))
                    }
                    return nil
                } catch {
                    return String(describing: error)
                }
            }
        } catch {
            ended = String(describing: error)
        }
        return "the socket closed" + (ended.map { ": \($0)" } ?? " (the system refused a send)")
    }
}

/// A bound socket as its party's loop sees it.
public struct UDPSocket: Sendable {
    /// The address it is bound to (the port the system chose, when asked for 0).
    public let localAddress: SocketAddress
    /// Datagrams and ticks, in the order they happened.
    public let events: AsyncStream<EndpointEvent>
    let writer: CurrentWriter
    let routes: Routes

    /// Sends `octets` to `address`; a send that fails (a host unreachable) is reported,
    /// not thrown: UDP promises nothing, and the caller's timers take over.
    @discardableResult
    public func send(_ octets: [UInt8], to address: SocketAddress) async -> String? {
        if let failure = await routes.failure(to: address, from: localAddress) { return "cannot send \(octets.count) octets to \(address.hostAndPort): \(failure)" }
        guard let outbound = writer.current else {
            return "cannot send \(octets.count) octets to \(address.hostAndPort): the socket is being opened again"
        }
        do {
            try await outbound.write(AddressedEnvelope(remoteAddress: address, data: ByteBuffer(bytes: octets)))
            return nil
        } catch {
            return "cannot send \(octets.count) octets to \(address.hostAndPort): \(error)"
        }
    }
}

/// The writer of the channel a socket has now: none while it is being bound again.
final class CurrentWriter: Sendable {
    private let writer = Mutex<DatagramEndpoint.Writer?>(nil)
    private let openings: AsyncStream<Void>
    private let opening: AsyncStream<Void>.Continuation

    init() {
        (openings, opening) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    var current: DatagramEndpoint.Writer? { writer.withLock { $0 } }

    func set(_ new: DatagramEndpoint.Writer?) {
        writer.withLock { $0 = new }
        if new != nil { opening.yield() }
    }

    /// Returns once a channel's writer has been set (or the socket is done with).
    func opened() async {
        for await _ in openings { return }
    }

    /// No channel will follow.
    func end() { opening.finish() }
}

/// Whether this machine has a route to an address, asked once per address. SwiftNIO closes
/// a datagram channel when the system refuses a send outright (ENETUNREACH: no route), so
/// one unreachable device of a forked call, or an Error message to a forged source, would
/// end the party. A connected datagram channel to the address asks the system the same
/// question without touching the party's socket (connect on UDP sends nothing).
final class Routes: Sendable {
    /// The answers so far, by host (a route does not depend on the port); forgotten all at
    /// once past `capacity` hosts, so forged sources cannot grow it without end.
    private let known = Mutex<[String: String?]>([:])
    private let capacity = 4096

    /// Why nothing can be sent to `address` from a socket bound to `local`, or nil when
    /// there is a route.
    func failure(to address: SocketAddress, from local: SocketAddress) async -> String? {
        guard address.protocol == local.protocol else {
            return "the socket is bound to \(local.hostAndPort), another address family (listen on an address of the same family)"
        }
        let host = address.ipAddress ?? address.description
        if let answer = known.withLock({ $0[host] }) { return answer }
        let answer: String?
        do {
            let probe = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(to: address).get()
            try? await probe.close()
            answer = nil
        } catch {
            answer = "no route (\(error))"
        }
        known.withLock { known in
            if known.count >= capacity { known.removeAll() }
            known[host] = .some(answer)
        }
        return answer
    }
}

/// What a party's loop reacts to.
public enum EndpointEvent: Sendable {
    /// A datagram arrived from `from`.
    case datagram([UInt8], from: SocketAddress)
    /// The timer ticked.
    case tick(ContinuousClock.Instant)
    /// The socket closed, with the reason.
    case closed(String)
    /// The socket closed (the system refused a send), and is open again on the same address.
    case reopened(String)
}

/// Why a network command could not go on: what, where, and what was expected.
public struct NetworkError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension SocketAddress {
    /// `127.0.0.1:2269`, `[::1]:2269`: as a user types it after --at.
    public var hostAndPort: String {
        let host = ipAddress ?? "?"
        let port = port.map(String.init) ?? "?"
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension NetEvent {
    /// The socket was bound again after the system refused a send (``EndpointEvent/reopened(_:)``).
    static func reopened(_ reason: String) -> NetEvent {
        NetEvent("reopened", [("reason", reason), ("why", "the system refused a send and SwiftNIO closed the socket; it listens again on the same address")])
    }

    /// A datagram from `sender` dropped because it failed `check` (see the `String` form).
    static func dropped(_ octets: [UInt8], from sender: SocketAddress, check: IBAKECheck, reason: String,
                        message: String? = nil, reply: [UInt8]? = nil) -> NetEvent {
        dropped(octets, from: sender.hostAndPort, check: check, reason: reason, message: message, reply: reply)
    }
}
