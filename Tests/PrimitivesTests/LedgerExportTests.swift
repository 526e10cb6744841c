import Primitives
import Testing

/// The copies of private values the lab's ledger shows: a MODP exponent (RSA keys: RSATests).
@Suite("Exports for the ledger")
struct LedgerExportTests {
    @Test("a MODP exponent is copied at the prime's length, the same for the same seed, and lies in 2 … p-2")
    func modpExponent() throws {
        let group = MODPGroup.oakley5
        let first = try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 1))
        let again = try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 1))
        let exponent = first.exportedExponent()
        #expect(exponent.count == group.primeOctets.count)
        #expect(exponent == again.exportedExponent())
        #expect(exponent != (try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 2))).exportedExponent())
        // x is a valid peer value too, which is the check that 1 < x < p - 1.
        _ = try first.sharedSecret(with: exponent)
    }
}
