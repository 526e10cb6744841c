import Pairing
import Primitives

extension SAKKEParameters {
    /// The sender's algorithm (RFC 6508 §6.2.1) with a fresh random SSV (step 1): the SSV
    /// and the Encapsulated Data that carries it to the identifier b under the KMS public key Z.
    public func encapsulate(to identifier: [UInt8], kmsPublicKey: CurvePoint,
                            using random: RandomSource) throws(SAKKEError) -> (ssv: [UInt8], data: SAKKEEncapsulatedData) {
        let ssv = random.bytes(ssvLength)
        return (ssv, try encapsulate(ssv: ssv, to: identifier, kmsPublicKey: kmsPublicKey))
    }

    /// The sender's algorithm (RFC 6508 §6.2.1) for a given SSV of n bits (known-answer tests,
    /// `mikey-ibake lab`; an SSV must never repeat in real use).
    ///
    /// - Throws: ``SAKKEError/outOfRange(_:)`` for an SSV of the wrong length,
    ///   ``SAKKEError/curve(what:_:)`` when Z is not a point of order q.
    public func encapsulate(ssv: [UInt8], to identifier: [UInt8], kmsPublicKey: CurvePoint) throws(SAKKEError) -> SAKKEEncapsulatedData {
        guard ssv.count == ssvLength else {
            throw .outOfRange("SSV of \(ssv.count) octets; n/8 = \(ssvLength) expected (RFC 6508 §6.2.1 step 1)")
        }
        let kmsTable = try table(ofKMSPublicKey: kmsPublicKey)
        let r = ephemeral(ssv: ssv, identifier: identifier)                       // step 2
        let data = SAKKEEncapsulatedData(
            r: receiverPoint(r: r, identifier: identifier, kmsTable: kmsTable),   // step 3
            h: zip(ssv, mask(gToThe(r))).map { $0 ^ $1 })                          // step 4
        return data                                                               // step 5: R_(b,S) || H
    }

    /// Checks the KMS public key Z (on the curve, of order q) and builds its table of
    /// multiples once: what a sender does when provisioned, so each encapsulation after
    /// it costs only its own scalar multiplications.
    public func prepare(kmsPublicKey: CurvePoint) throws(SAKKEError) {
        _ = try table(ofKMSPublicKey: kmsPublicKey)
    }

    /// R_(b,S) = [r]([b]P + Z) (RFC 6508 §6.2.1 step 3), computed as [r·b]P + [r]Z from the
    /// tables of P and of Z (both fixed per KMS), with no doubling at all.
    public func receiverPoint(r: BigInt, identifier: [UInt8], kmsPublicKey: CurvePoint) throws(SAKKEError) -> CurvePoint {
        receiverPoint(r: r, identifier: identifier, kmsTable: try table(ofKMSPublicKey: kmsPublicKey))
    }

    private func receiverPoint(r: BigInt, identifier: [UInt8], kmsTable: FixedBaseTable) -> CurvePoint {
        let rb = (r * identifierInteger(identifier)).modulo(curve.q)
        return curve.add(multiplyGenerator(rb), kmsTable.multiply(by: r))
    }

    /// The process-wide table of multiples of Z, built on first use; Z must be a point of
    /// order q, which the table itself tells once built (no scalar multiplication per call).
    private func table(ofKMSPublicKey z: CurvePoint) throws(SAKKEError) -> FixedBaseTable {
        do throws(CurveError) {
            guard !z.isInfinity else { throw .pointAtInfinity }
            try curve.validateOnCurve(z)
            let table = FixedBaseTables.table(curve: curve, point: z)
            guard table.hasOrderQ else { throw .notInSubgroup(z) }
            return table
        } catch {
            throw .curve(what: "SAKKE KMS public key Z", error)
        }
    }
}
