import Primitives

/// What a device remembers to refuse old or repeated messages (PROFILE D10; RFC 3830
/// §5.3, §5.4). Freshness is checked first and cheaply: a timestamp more than the
/// clock-skew window away from this clock is refused. Only a message that then passed
/// authentication is remembered, keyed on a digest of what was authenticated (the IBE
/// ciphertext of an IBAKE payload, or a message under a V MAC), so changing an octet
/// nothing authenticates (an SSRC in the HDR, say) does not make a replay look new. An
/// entry stays until the message's own timestamp leaves the window, so a forward-dated
/// message cannot be accepted twice. One cache serves every exchange a device takes
/// part in, so it is a reference type.
public final class ReplayCache {
    /// The clock-skew window, in seconds (default 5 minutes).
    public let window: UInt64
    /// Digest of the authenticated octets -> the NTP second after which its entry may go.
    private var seen: [[UInt8]: UInt64] = [:]

    public init(windowSeconds: UInt64 = 300) {
        window = windowSeconds
    }

    /// Refuses a timestamp more than `window` seconds from `now`. Both are 64-bit NTP
    /// values (seconds in the high 32 bits), NTP-UTC or NTP (PROFILE D10).
    public func checkFreshness(_ timestamp: UInt64, now: UInt64) throws(IBAKEFailure) {
        let sent = timestamp >> 32
        let current = now >> 32
        let skew = sent > current ? sent - current : current - sent
        guard skew <= window else {
            throw IBAKEFailure(.timestamp, "timestamp is \(skew) s from this clock; the window is ±\(window) s")
        }
    }

    /// Refuses `authenticated` if a message with the same authenticated octets was
    /// accepted and its timestamp is still inside the window. A lookup only: it may run
    /// before the costly checks, since only authenticated messages are ever remembered.
    public func checkNotReplayed(_ authenticated: [UInt8], now: UInt64) throws(IBAKEFailure) {
        forgetExpired(now: now)
        guard seen[Self.digest(authenticated)] == nil else {
            throw IBAKEFailure(.replay, "a message with this authenticated content was already accepted")
        }
    }

    /// Remembers an authenticated message until its timestamp leaves the window.
    public func remember(_ authenticated: [UInt8], timestamp: UInt64, now: UInt64) {
        forgetExpired(now: now)
        seen[Self.digest(authenticated)] = (timestamp >> 32) + window
    }

    /// Whether any entry is held (for tests and the narration).
    public var isEmpty: Bool { seen.isEmpty }

    private func forgetExpired(now: UInt64) {
        let current = now >> 32
        seen = seen.filter { current <= $0.value }
    }

    private static func digest(_ octets: [UInt8]) -> [UInt8] {
        HashFunction.sha256.digest(octets)
    }
}
