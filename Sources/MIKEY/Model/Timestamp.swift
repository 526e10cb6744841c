/// A MIKEY timestamp value with its type (RFC 3830 §6.6; NTP-UTC-32 from RFC 6043).
/// PROFILE D10: the exchange uses NTP-UTC.
public enum Timestamp: Hashable, Sendable {
    /// NTP-UTC: 64-bit NTP format (32 bits of seconds since 1900-01-01, 32 bits of fraction), UTC.
    case ntpUTC(UInt64)
    /// NTP: the same format in local time.
    case ntp(UInt64)
    /// COUNTER: a 32-bit counter.
    case counter(UInt32)
    /// NTP-UTC-32: the 32-bit seconds part of NTP-UTC.
    case ntpUTC32(UInt32)

    /// The TS type that announces this value.
    public var type: TimestampType {
        switch self {
        case .ntpUTC: .ntpUTC
        case .ntp: .ntp
        case .counter: .counter
        case .ntpUTC32: .ntpUTC32
        }
    }

    /// The value as 64 bits, where the PRF or the KEMAC IV needs it (RFC 3830 §4.2.3,
    /// §6.6): COUNTER padded with leading zeros, NTP-UTC-32 with a zero fraction (RFC 6043).
    public var value64: UInt64 {
        switch self {
        case .ntpUTC(let value), .ntp(let value): value
        case .counter(let value): UInt64(value)
        case .ntpUTC32(let seconds): UInt64(seconds) << 32
        }
    }

    /// Seconds between the NTP epoch (1900-01-01) and the Unix epoch (1970-01-01)
    /// (RFC 5905 §6): the one definition every NTP-UTC conversion in the project uses.
    public static let ntpEpochOffset: UInt64 = 2_208_988_800
    static let ntpToUnix = Int64(ntpEpochOffset)

    /// An NTP-UTC timestamp for `unixSeconds` since 1970-01-01 UTC plus `fraction`/2^32 s.
    /// Times from 2036-02-07 on wrap into NTP era 1, as RFC 4330 §3 describes.
    public static func ntpUTC(unixSeconds: Int64, fraction: UInt32 = 0) -> Timestamp {
        let seconds = UInt32(truncatingIfNeeded: unixSeconds &+ ntpToUnix)
        return .ntpUTC(UInt64(seconds) << 32 | UInt64(fraction))
    }

    /// Seconds since 1970-01-01 for the NTP forms (the fraction dropped), `nil` for COUNTER.
    /// An NTP seconds value with its top bit clear is read as era 1 (2036-2104), set as
    /// era 0 (1968-2036), the convention of RFC 4330 §3.
    public var unixSeconds: Int64? {
        let seconds: UInt32
        switch self {
        case .ntpUTC(let value), .ntp(let value): seconds = UInt32(truncatingIfNeeded: value >> 32)
        case .ntpUTC32(let value): seconds = value
        case .counter: return nil
        }
        let era: Int64 = seconds & 0x8000_0000 == 0 ? 1 << 32 : 0
        return Int64(seconds) + era - Self.ntpToUnix
    }

    /// The value in words, for example `2026-11-03 12:00:00.500 UTC` or `counter 42`.
    public var inWords: String {
        switch self {
        case .counter(let value): return "counter \(value)"
        case .ntpUTC(let value), .ntp(let value):
            let milliseconds = Int(((value & 0xFFFF_FFFF) * 1000) >> 32)
            return CivilTime.text(unixSeconds: unixSeconds ?? 0, milliseconds: milliseconds)
                + (type == .ntp ? " local time" : " UTC")
        case .ntpUTC32:
            return CivilTime.text(unixSeconds: unixSeconds ?? 0, milliseconds: nil) + " UTC"
        }
    }
}

/// Calendar dates for timestamps, without Foundation: days since 1970-01-01 to the
/// proleptic Gregorian year, month and day (the classic era-of-400-years computation).
public enum CivilTime {
    /// The UTC date of a Unix time (the key period of PROFILE D3 is its year and month).
    public static func date(unixSeconds: Int64) -> (year: Int64, month: Int64, day: Int64) {
        date(daysSince1970: days(unixSeconds: unixSeconds))
    }

    static func text(unixSeconds: Int64, milliseconds: Int?) -> String {
        let days = Self.days(unixSeconds: unixSeconds)
        let secondOfDay = unixSeconds - days * 86_400
        let (year, month, day) = date(daysSince1970: days)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) "
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if let milliseconds { text += ".\(pad(Int64(milliseconds), 3))" }
        return text
    }

    /// Whole days since 1970-01-01, rounded down (so before 1970 too).
    private static func days(unixSeconds: Int64) -> Int64 {
        unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
    }

    static func date(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468  // days from 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // March = 0
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad<T: BinaryInteger>(_ value: T, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
