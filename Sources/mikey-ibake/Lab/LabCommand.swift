import ArgumentParser

struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Run single RFC 5091, RFC 6507 (ECCSI) and RFC 6508 (SAKKE) algorithms on numbers you give (for checking other implementations).",
        subcommands: [PairingCommand.self, HashToPointCommand.self, GenerateParametersCommand.self,
                      SAKKEPairingCommand.self, SAKKEKeyCommand.self, SAKKEEncapsulateCommand.self, SAKKEDecapsulateCommand.self,
                      ECCSIProvisionCommand.self, ECCSISignCommand.self, ECCSIVerifyCommand.self]
    )
}

struct PairingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairing",
        abstract: "Print the modified Tate pairing e'(A, B) of RFC 5091 §4.5 as `REAL IMAG`.",
        discussion: """
            The curve is y^2 = x^3 + 1 over F_p with p ≡ 11 (mod 12) and a subgroup of prime \
            order q dividing p + 1. A and B must be points of order q. Output: the real and \
            imaginary parts of the value in F_p^2, lowercase hex without 0x or leading zeros.
            Example (RFC 5091 §7.3): mikey-ibake lab pairing --p bffffffffffffffffffffffffffcffff3 \
            --q fffffffffffffffffffffffffffbffff --A 489a03c58dcf7fcfc97e99ffef0bb4634,510c6972d795ec0c2b081b81de767f808 \
            --B 40e98b9382e0b1fa6747dcb1655f54f75,b497a6a02e7611511d0db2ff133b32a3f
            """
    )

    @OptionGroup var curveOptions: CurveOptions
    @Option(name: .customLong("A"), help: "The first point, as X,Y in hex.") var a: String
    @Option(name: .customLong("B"), help: "The second point, as X,Y in hex.") var b: String

    func run() throws {
        try reportingFailures {
            let curve = try curveOptions.curve()
            let first = try LabInputs.subgroupPoint(a, option: "--A", on: curve)
            let second = try LabInputs.subgroupPoint(b, option: "--B", on: curve)
            print(curve.pairing(first, second))
        }
    }
}
