import Foundation
import MIKEY

/// Where a role reads the time for T payloads and freshness checks (PROFILE D10).
/// Values are NTP-UTC 64-bit: seconds since 1900-01-01 in the high 32 bits,
/// the binary fraction in the low 32 (RFC 3830 §6.6, RFC 5905 §6).
public protocol ProtocolClock: AnyObject {
    func now() -> UInt64
}

/// The machine's clock.
public final class SystemClock: ProtocolClock, Sendable {
    public init() {}

    public func now() -> UInt64 {
        let unix = Date().timeIntervalSince1970
        let seconds = UInt64(unix)
        let fraction = UInt64((unix - Double(seconds)) * 4_294_967_296.0)
        return (seconds + Timestamp.ntpEpochOffset) << 32 | fraction
    }
}

/// A pinned clock for seeded runs, so transcripts repeat byte for byte: it starts
/// at a fixed instant and moves forward a fixed step each time it is read.
public final class PinnedClock: ProtocolClock {
    private var current: UInt64
    private let step: UInt64

    /// Starts at `unixSeconds` and advances `stepMilliseconds` per reading.
    public init(unixSeconds: UInt64, stepMilliseconds: UInt64 = 20) {
        current = (unixSeconds + Timestamp.ntpEpochOffset) << 32
        step = (stepMilliseconds << 32) / 1000
    }

    public func now() -> UInt64 {
        defer { current &+= step }
        return current
    }

    /// Moves the clock forward by whole seconds (to show a stale message).
    public func advance(seconds: UInt64) {
        current &+= seconds << 32
    }
}
