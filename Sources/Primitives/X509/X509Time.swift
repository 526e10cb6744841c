import COpenSSL

/// Validity times (RFC 5280 §4.1.2.5) as Unix seconds, in and out of `ASN1_TIME`, so that a
/// certificate never depends on the clock of the machine that makes it.
enum X509Time {
    /// Sets `time` to `seconds` after the Unix epoch: UTCTime through 2049, GeneralizedTime
    /// after, as RFC 5280 §4.1.2.5 asks (`ASN1_TIME_set` chooses).
    static func set(_ time: UnsafeMutablePointer<ASN1_TIME>, to seconds: UInt64, subject: String) throws(PrimitivesError) {
        guard seconds <= UInt64(Int64.max), ASN1_TIME_set(time, time_t(seconds)) != nil else {
            ERR_clear_error()
            throw PrimitivesError(.outOfRange, subject, "\(seconds) is not a time a certificate can hold")
        }
    }

    /// `time` as seconds after the Unix epoch, or `nil` if it is malformed or before 1970.
    static func seconds(_ time: UnsafePointer<ASN1_TIME>) -> UInt64? {
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else {
            ERR_clear_error()
            return nil
        }
        // Days from civil (H. Hinnant's algorithm) for the proleptic Gregorian calendar.
        let year = Int64(parts.tm_year) + 1900 - (parts.tm_mon < 2 ? 1 : 0)
        let month = Int64(parts.tm_mon) + 1
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + Int64(parts.tm_mday) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let total = days * 86_400 + Int64(parts.tm_hour) * 3600 + Int64(parts.tm_min) * 60 + Int64(parts.tm_sec)
        return total >= 0 ? UInt64(total) : nil
    }
}
