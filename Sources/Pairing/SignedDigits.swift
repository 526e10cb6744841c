/// The width-`width` non-adjacent form of a non-negative integer, least significant
/// digit first: every non-zero digit is odd, |digit| < 2^(width-1), and any `width`
/// consecutive digits hold at most one non-zero. Width 2 is the ordinary NAF.
///
/// Scalar multiplication and exponentiation walk these digits so that a Solinas
/// number such as q = 2^159 + 2^116 - 1 costs three additions, not 117.
func windowedNAF(_ value: BigInt, width: Int) -> [Int8] {
    precondition(!value.isNegative && (2...7).contains(width), "windowedNAF needs value >= 0 and width 2...7")
    var bits = [UInt8]()
    bits.reserveCapacity(value.bitWidth + width + 1)
    for octet in value.bytes.reversed() {
        for shift in 0..<8 { bits.append((octet >> UInt8(shift)) & 1) }
    }
    bits.append(contentsOf: repeatElement(0, count: width + 1))

    let modulus = 1 << width
    var digits = [Int8]()
    digits.reserveCapacity(bits.count)
    var index = 0
    while index < bits.count {
        guard bits[index] == 1 else {
            digits.append(0)
            index += 1
            continue
        }
        var window = 0
        for offset in 0..<width { window |= Int(bits[index + offset]) << offset }
        if window >= modulus / 2 {
            window -= modulus
            // The digit is negative, so 2^width was borrowed: carry it upward.
            var carry = index + width
            while carry < bits.count, bits[carry] == 1 {
                bits[carry] = 0
                carry += 1
            }
            if carry < bits.count { bits[carry] = 1 } else { bits.append(1) }
        }
        digits.append(Int8(window))
        for _ in 1..<width { digits.append(0) }
        for offset in 0..<width { bits[index + offset] = 0 }
        index += width
    }
    while digits.last == 0 { digits.removeLast() }
    return digits
}
