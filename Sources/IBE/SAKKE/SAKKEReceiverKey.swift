import Pairing
import Primitives

/// A receiver's Receiver Secret Key K_(b,S), checked (RFC 6508 §6.1.2) and prepared once,
/// as BF private keys are: its Miller lines for the pairing <R_(b,S), K_(b,S)> of every
/// decapsulation, and a table of multiples of [b]P + Z_S for the check of §6.2.2 step 5.
public final class SAKKEReceiverKey: Sendable {
    public let parameters: SAKKEParameters
    /// b, the receiver's identifier.
    public let identifier: [UInt8]
    /// Z_S, the public key of the KMS that provisioned the key.
    public let kmsPublicKey: CurvePoint
    /// K_(b,S).
    public let rsk: CurvePoint
    /// K_(b,S) as the pairing's first argument: <R, K> = <K, R>, since both lie in the
    /// cyclic subgroup of order q and the pairing is symmetric there.
    private let preparedKey: PreparedPairingArgument
    /// [k]([b]P + Z_S).
    private let identityTable: FixedBaseTable

    /// Checks the RSK as RFC 6508 §6.1.2 asks of a receiver before using it: K_(b,S) is a
    /// point of order q and <[b]P + Z_S, K_(b,S)> = g; then prepares it.
    ///
    /// - Throws: ``SAKKEError/curve(what:_:)`` for a point that is not of order q,
    ///   ``SAKKEError/invalidReceiverKey(_:)`` when the pairing check fails.
    public init(identifier: [UInt8], rsk: CurvePoint, kmsPublicKey: CurvePoint, parameters: SAKKEParameters) throws(SAKKEError) {
        let curve = parameters.curve
        do {
            try curve.validateSubgroupPoint(kmsPublicKey)
        } catch {
            throw .curve(what: "SAKKE KMS public key Z", error)
        }
        do {
            try curve.validateSubgroupPoint(rsk)
        } catch {
            throw .curve(what: "SAKKE Receiver Secret Key K_(b,S)", error)
        }
        let identityPoint = curve.add(parameters.multiplyGenerator(parameters.identifierInteger(identifier)), kmsPublicKey)
        let prepared = PreparedPairingArgument(curve: curve, point: rsk)
        guard RFC6508.representative(of: curve.pairing(prepared, identityPoint), p: curve.p) == parameters.g else {
            throw .invalidReceiverKey("<[b]P + Z, K_(b,S)> is not g: the key does not belong to identifier "
                                      + "\(Hex.encode(identifier)) under this KMS public key (RFC 6508 §6.1.2)")
        }
        self.parameters = parameters
        self.identifier = identifier
        self.kmsPublicKey = kmsPublicKey
        self.rsk = rsk
        preparedKey = prepared
        identityTable = FixedBaseTable(curve: curve, point: identityPoint)
    }

    /// w = <R_(b,S), K_(b,S)> as its PF_p representative (RFC 6508 §6.2.2 step 2), for a
    /// point R already checked to lie on the curve.
    public func pairingValue(_ r: CurvePoint) -> BigInt {
        RFC6508.representative(of: parameters.curve.pairing(preparedKey, r), p: parameters.curve.p)
    }

    /// The receiver's algorithm (RFC 6508 §6.2.2): the SSV of Encapsulated Data sent to b.
    ///
    /// - Throws: ``SAKKEError/curve(what:_:)`` when R_(b,S) is not a point of the curve,
    ///   ``SAKKEError/decapsulationFailed`` when step 5's check fails.
    public func decapsulate(_ data: SAKKEEncapsulatedData) throws(SAKKEError) -> [UInt8] {
        let curve = parameters.curve
        // Step 1: parse R_(b,S) and H (done by SAKKEEncapsulatedData); R must be a finite curve
        // point. Its order is not checked here: step 5 compares it with a point of order q.
        do throws(CurveError) {
            guard !data.r.isInfinity else { throw .pointAtInfinity }
            try curve.validateOnCurve(data.r)
        } catch {
            throw .curve(what: "SAKKE R_(b,S)", error)
        }
        guard data.h.count == parameters.ssvLength else {
            throw .malformedEncapsulatedData("H has \(data.h.count) octets; n/8 = \(parameters.ssvLength) expected")
        }
        let w = pairingValue(data.r)                                           // step 2: w = <R, K> = g^r
        let ssv = zip(data.h, parameters.mask(w)).map { $0 ^ $1 }              // step 3: SSV = H XOR mask(w)
        let r = parameters.ephemeral(ssv: ssv, identifier: identifier)         // step 4
        guard identityTable.multiply(by: r) == data.r else {                   // step 5: [r]([b]P + Z) = R?
            throw .decapsulationFailed
        }
        return ssv                                                             // step 6
    }
}
