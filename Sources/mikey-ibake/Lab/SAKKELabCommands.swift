import ArgumentParser
import IBE
import Pairing
import Primitives

/// `lab sakke-*`: SAKKE (RFC 6508) at RFC 6509 parameter set 1, on numbers the user gives.
/// Every command prints `name = value` lines in lowercase hex, the names of
/// Tests/TestSupport/Vectors/rfc6508-sakke.txt, so its output can be set beside the RFC's.
enum SAKKELab {
    static let parameters = SAKKEParameters.parameterSet1

    /// A point "X,Y" in hex that must lie in the order-q subgroup of y^2 = x^3 - 3x.
    static func point(_ text: String, option: String) throws -> CurvePoint {
        try LabInputs.subgroupPoint(text, option: option, on: parameters.curve)
    }

    /// The SAKKE error as bad input data, naming the option it came from.
    static func refuse(_ error: SAKKEError, option: String? = nil) -> CommandFailure {
        .data((option.map { "\($0): " } ?? "") + error.description)
    }

    static func printPoint(_ name: String, _ point: CurvePoint) {
        print("\(name).x = \(point.x.hex)")
        print("\(name).y = \(point.y.hex)")
    }
}

struct SAKKEPairingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sakke-pairing",
        abstract: "Print the Tate-Lichtenbaum pairing <A, B> of RFC 6508 §3.2 at RFC 6509 parameter set 1.",
        discussion: """
            The curve is y^2 = x^3 - 3x over the 1024-bit p of RFC 6509 Appendix A; A and B must be \
            points of order q, written X,Y in hex. Output: `pairing = V`, the value's PF_p \
            representative Im/Re (RFC 6508 §2.1), as RFC 6508 Appendix A prints g and w.
            """
    )

    @Option(name: .customLong("A"), help: "The first point, as X,Y in hex.") var a: String
    @Option(name: .customLong("B"), help: "The second point, as X,Y in hex.") var b: String

    func run() throws {
        try reportingFailures {
            let curve = SAKKELab.parameters.curve
            let value = curve.pairing(try SAKKELab.point(a, option: "--A"), try SAKKELab.point(b, option: "--B"))
            print("pairing = \(RFC6508.representative(of: value, p: curve.p).hex)")
        }
    }
}

struct SAKKEKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sakke-key",
        abstract: "Print the KMS public key Z = [z]P (RFC 6508 §6.1) and the RSK of an identifier (§6.1.1).",
        discussion: """
            Example (RFC 6508 Appendix A): mikey-ibake lab sakke-key --z aff429d35f84b110d094803b3595a6e2998bc99f \
            --id-hex 323031312d30320074656c3a2b34343737303039303031323300
            """
    )

    @Option(help: "The KMS master secret z, in hex (in [2, q-1]).") var z: String
    @Option(name: .customLong("id-hex"), help: "The receiver's identifier b, in hex.") var idHex: String

    func run() throws {
        try reportingFailures {
            let identifier = try LabInputs.octets(idHex, option: "--id-hex")
            let kms: SAKKEKeyManagementService
            do {
                kms = try SAKKEKeyManagementService(parameters: SAKKELab.parameters, masterSecret: LabInputs.integer(z, option: "--z"))
            } catch let error as SAKKEError {
                throw SAKKELab.refuse(error, option: "--z")
            }
            SAKKELab.printPoint("Z", kms.publicKey)
            do {
                SAKKELab.printPoint("K_bS", try kms.receiverSecretKey(for: identifier))
            } catch let error as SAKKEError {
                throw SAKKELab.refuse(error, option: "--id-hex")
            }
        }
    }
}
