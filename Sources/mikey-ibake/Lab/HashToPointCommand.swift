import ArgumentParser
import IBE
import Primitives

struct HashToPointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-to-point",
        abstract: "Print HashToPoint1(p, q, id, hash) of RFC 5091 Algorithm 4.4.1 as `X Y`.",
        discussion: "Coordinates in lowercase hex without 0x or leading zeros."
    )

    @OptionGroup var curveOptions: CurveOptions
    @Option(help: "The hash function.") var hash: HashFunction
    @Option(name: .customLong("id-hex"), help: "The identity octets, in hex (e.g. 426f62 for \"Bob\").") var idHex: String

    func run() throws {
        try reportingFailures {
            let curve = try curveOptions.curve()
            guard let identity = Hex.decode(idHex) else {
                throw CommandFailure.data("--id-hex: \"\(idHex)\" is not an even number of hex digits")
            }
            print(RFC5091.hashToPoint(identity, curve: curve, hash: hash))
        }
    }
}
