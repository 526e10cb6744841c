/// What a responder device remembers to refuse old or repeated messages (PROFILE D10,
/// RFC 3830 §5.4): messages outside a clock-skew window are refused, and each
/// (CSB ID, timestamp, message hash) inside the window is accepted once. One cache
/// serves every exchange the device takes part in, so it is a reference type.
public final class ReplayCache {
    /// The clock-skew window, in seconds (default 5 minutes).
    public let window: UInt64
    private var seen: [Entry: UInt64] = [:]

    struct Entry: Hashable {
        let csbID: UInt32
        let timestamp: UInt64
        let digest: [UInt8]
    }

    public init(windowSeconds: UInt64 = 300) {
        window = windowSeconds
    }

    /// Accepts the message (and remembers it) or throws the check that refuses it.
    /// Times are NTP-UTC 64-bit values (seconds in the high 32 bits).
    public func admit(csbID: UInt32, timestamp: UInt64, digest: [UInt8], now: UInt64) throws(IBAKEFailure) {
        let sent = timestamp >> 32
        let current = now >> 32
        let skew = sent > current ? sent - current : current - sent
        guard skew <= window else {
            throw IBAKEFailure(.timestamp, "timestamp is \(skew) s from this clock; the window is ±\(window) s")
        }
        seen = seen.filter { current - min(current, $0.value) <= window }
        let entry = Entry(csbID: csbID, timestamp: timestamp, digest: digest)
        guard seen[entry] == nil else {
            throw IBAKEFailure(.replay, "CSB ID \(csbID) with this timestamp and content was already accepted")
        }
        seen[entry] = current
    }
}
