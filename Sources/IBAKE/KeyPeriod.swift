import IBE
import MIKEY

/// The key period a time falls in: one calendar month, UTC (PROFILE D3). Both sides
/// take it from the exchange's timestamp, so they derive the same public keys.
public enum KeyPeriod {
    /// Year and month of an NTP-UTC 64-bit time.
    public static func month(ofNTP time: UInt64) -> (year: Int, month: Int) {
        let unixSeconds = Int64(time >> 32) - Int64(Timestamp.ntpEpochOffset)
        return month(ofUnixSeconds: unixSeconds)
    }

    /// Year and month of a Unix time, UTC.
    public static func month(ofUnixSeconds seconds: Int64) -> (year: Int, month: Int) {
        let date = CivilTime.date(unixSeconds: seconds)
        return (Int(date.year), Int(date.month))
    }

    /// The identity-with-period for `uri` in the month of `time` (PROFILE D3).
    public static func identity(_ uri: String, atNTP time: UInt64) throws(IBAKEFailure) -> IdentityWithPeriod {
        let (year, month) = month(ofNTP: time)
        do {
            return try IdentityWithPeriod(uri: uri, year: year, month: month)
        } catch {
            throw IBAKEFailure(.innerIdentity, "identity \"\(uri)\": \(error)")
        }
    }
}
