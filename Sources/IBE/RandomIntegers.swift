import Pairing
import Primitives

extension RandomSource {
    /// A uniform integer in [lowerBound, upperBound), by rejection sampling on
    /// just enough random octets (no modulo bias).
    func integer(in range: Range<BigInt>) -> BigInt {
        precondition(range.lowerBound < range.upperBound, "empty range")
        let width = range.upperBound - range.lowerBound
        let bits = width.bitWidth
        let octets = (bits + 7) / 8
        let excessBits = octets * 8 - bits
        while true {
            var sample = bytes(octets)
            sample[0] &= UInt8(0xff >> excessBits)
            let candidate = BigInt(bytes: sample)
            if candidate < width { return range.lowerBound + candidate }
        }
    }
}
