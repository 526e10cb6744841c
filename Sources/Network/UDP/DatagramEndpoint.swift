import IBAKE
import NIOCore
import NIOPosix
import Synchronization

/// One UDP socket of a party, through SwiftNIO. What arrives, and a timer, come out as one
/// stream of events (``EndpointEvent``), so a party's logic is a loop over data, like the
/// demonstrator's update; datagrams go out with ``UDPSocket/send(_:to:)``.
public enum DatagramEndpoint {
    /// Binds `host:port` (port 0: one the system picks) and runs `body` with the socket;
    /// the socket closes when `body` returns or throws. Ticks come every `tick`, so a loop
    /// over the events can retransmit and give up without a datagram to wake it.
    public static func run<Result: Sendable>(host: String, port: Int, tick: Duration = .milliseconds(50),
                                             _ body: (UDPSocket) async throws -> Result) async throws -> Result {
        let channel: NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>
        do {
            channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(
                            wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw NetworkError("cannot listen on UDP \(host):\(port): \(error)")
        }
        guard let address = channel.channel.localAddress else { throw NetworkError("UDP \(host):\(port) has no local address") }
        return try await channel.executeThenClose { inbound, outbound in
            let (events, continuation) = AsyncStream.makeStream(of: EndpointEvent.self)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await envelope in inbound {
                            continuation.yield(.datagram(Array(buffer: envelope.data), from: envelope.remoteAddress))
                        }
                    } catch {
                        continuation.yield(.closed(String(describing: error)))
                    }
                    continuation.finish()
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: tick)
                        continuation.yield(.tick(ContinuousClock.now))
                    }
                }
                defer { group.cancelAll() }
                return try await body(UDPSocket(localAddress: address, events: events, outbound: outbound, routes: Routes()))
            }
        }
    }
}

/// A bound socket as its party's loop sees it.
public struct UDPSocket: Sendable {
    /// The address it is bound to (the port the system chose, when asked for 0).
    public let localAddress: SocketAddress
    /// Datagrams and ticks, in the order they happened.
    public let events: AsyncStream<EndpointEvent>
    let outbound: NIOAsyncChannelOutboundWriter<AddressedEnvelope<ByteBuffer>>
    let routes: Routes

    /// Sends `octets` to `address`; a send that fails (a host unreachable) is reported,
    /// not thrown: UDP promises nothing, and the caller's timers take over.
    @discardableResult
    public func send(_ octets: [UInt8], to address: SocketAddress) async -> String? {
        if let failure = await routes.failure(to: address, from: localAddress) { return "cannot send \(octets.count) octets to \(address.hostAndPort): \(failure)" }
        do {
            try await outbound.write(AddressedEnvelope(remoteAddress: address, data: ByteBuffer(bytes: octets)))
            return nil
        } catch {
            return "cannot send \(octets.count) octets to \(address.hostAndPort): \(error)"
        }
    }
}

/// Whether this machine has a route to an address, asked once per address. SwiftNIO closes
/// a datagram channel when the system refuses a send outright (ENETUNREACH: no route), so
/// one unreachable device of a forked call, or an Error message to a forged source, would
/// end the party. A connected datagram channel to the address asks the system the same
/// question without touching the party's socket (connect on UDP sends nothing).
final class Routes: Sendable {
    private let known = Mutex<[SocketAddress: String?]>([:])

    /// Why nothing can be sent to `address` from a socket bound to `local`, or nil when
    /// there is a route.
    func failure(to address: SocketAddress, from local: SocketAddress) async -> String? {
        guard address.protocol == local.protocol else {
            return "the socket is bound to \(local.hostAndPort), another address family (listen on an address of the same family)"
        }
        if let answer = known.withLock({ $0[address] }) { return answer }
        let answer: String?
        do {
            let probe = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(to: address).get()
            try? await probe.close()
            answer = nil
        } catch {
            answer = "no route (\(error))"
        }
        known.withLock { $0[address] = .some(answer) }
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
    /// A datagram from `sender` dropped because it failed `check` (see the `String` form).
    static func dropped(_ octets: [UInt8], from sender: SocketAddress, check: IBAKECheck, reason: String,
                        message: String? = nil, reply: [UInt8]? = nil) -> NetEvent {
        dropped(octets, from: sender.hostAndPort, check: check, reason: reason, message: message, reply: reply)
    }
}
