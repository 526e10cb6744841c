import IBE

/// The key period a time falls in: one calendar month, UTC (PROFILE D3). Both sides
/// take it from the exchange's timestamp, so they derive the same public keys.
public enum KeyPeriod {
    /// Year and month of an NTP-UTC 64-bit time.
    public static func month(ofNTP time: UInt64) -> (year: Int, month: Int) {
        let unixSeconds = Int64(time >> 32) - Int64(ntpUnixOffset)
        return month(ofUnixSeconds: unixSeconds)
    }

    /// Year and month of a Unix time (days to civil date: H. Hinnant's algorithm).
    public static func month(ofUnixSeconds seconds: Int64) -> (year: Int, month: Int) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
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
