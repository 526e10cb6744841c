import CGMP

/// A pointer to one GMP integer. Internal: no other module sees GMP.
typealias MPZ = UnsafeMutablePointer<__mpz_struct>

/// A block of GMP integers allocated once and released (wiped first) together.
///
/// Hot loops (the Miller loop, scalar multiplication) work on pointers into one of
/// these, so no arithmetic step allocates a Swift object. Passing the same pointer as
/// result and operand is allowed by GMP, which Swift's exclusivity rules forbid for
/// inout `__mpz_struct` values; pointers side-step that.
final class GMPScratch {
    private let base: MPZ
    private let count: Int

    /// `count` integers, each preallocated for `bits` bits so the loop never reallocates.
    init(count: Int, bits: Int) {
        self.count = count
        base = MPZ.allocate(capacity: count)
        for index in 0..<count {
            __gmpz_init2(base + index, mp_bitcnt_t(max(bits, 64)))
        }
    }

    deinit {
        for index in 0..<count {
            wipeAndClear(base + index)
        }
        base.deallocate()
    }

    /// The integer at `index` (0 ..< count).
    subscript(index: Int) -> MPZ {
        precondition(index >= 0 && index < count, "GMPScratch index out of range")
        return base + index
    }
}

/// Overwrites an integer's limbs with zeros, then frees them: values held here may be secrets.
func wipeAndClear(_ z: MPZ) {
    let allocated = Int(z.pointee._mp_alloc)
    if allocated > 0, let limbs = z.pointee._mp_d {
        limbs.update(repeating: 0, count: allocated)
    }
    __gmpz_clear(z)
}

@inline(__always) func isNegative(_ z: MPZ) -> Bool { z.pointee._mp_size < 0 }
@inline(__always) func isZero(_ z: MPZ) -> Bool { z.pointee._mp_size == 0 }
