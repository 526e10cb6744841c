import ArgumentParser
import IBE
import Pairing
import Primitives

struct SAKKEEncapsulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sakke-encapsulate",
        abstract: "Encapsulate an SSV for an identifier (RFC 6508 §6.2.1) and print every step.",
        discussion: """
            Prints r, R_bS, g_pow_r, mask_octets, H_octets and the Encapsulated Data R_bS || H. \
            Example (RFC 6508 Appendix A): mikey-ibake lab sakke-encapsulate --Z X,Y \
            --id-hex 323031312d30320074656c3a2b34343737303039303031323300 --ssv 123456789abcdef0123456789abcdef0
            """
    )

    @Option(name: .customLong("Z"), help: "The KMS public key, as X,Y in hex.") var kmsPublicKey: String
    @Option(name: .customLong("id-hex"), help: "The receiver's identifier b, in hex.") var idHex: String
    @Option(help: "The SSV, n/8 = 16 octets in hex.") var ssv: String

    func run() throws {
        try reportingFailures {
            let parameters = SAKKELab.parameters
            let z = try SAKKELab.point(kmsPublicKey, option: "--Z")
            let identifier = try LabInputs.octets(idHex, option: "--id-hex")
            let value = try LabInputs.octets(ssv, option: "--ssv")
            let data: SAKKEEncapsulatedData
            do throws(SAKKEError) {
                data = try parameters.encapsulate(ssv: value, to: identifier, kmsPublicKey: z)
            } catch {
                throw SAKKELab.refuse(error, option: "--ssv")
            }
            let r = parameters.ephemeral(ssv: value, identifier: identifier)
            let gToTheR = parameters.gToThe(r)
            print("r = \(r.hex)")
            SAKKELab.printPoint("R_bS", data.r)
            print("g_pow_r = \(gToTheR.hex)")
            print("mask_octets = \(Hex.encode(parameters.mask(gToTheR)))")
            print("H_octets = \(Hex.encode(data.h))")
            print("encapsulated_octets = \(Hex.encode(data.octets(parameters: parameters)))")
        }
    }
}

struct SAKKEDecapsulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sakke-decapsulate",
        abstract: "Decapsulate SAKKE Encapsulated Data with a receiver's RSK (RFC 6508 §6.2.2).",
        discussion: """
            The RSK is checked first (§6.1.2). Prints w = <R_bS, RSK> and the SSV; refuses (exit \
            status 65) when the check of §6.2.2 step 5 fails.
            """
    )

    @Option(name: .customLong("Z"), help: "The KMS public key, as X,Y in hex.") var kmsPublicKey: String
    @Option(name: .customLong("id-hex"), help: "The receiver's identifier b, in hex.") var idHex: String
    @Option(help: "The receiver's RSK K_(b,S), as X,Y in hex.") var rsk: String
    @Option(help: "The Encapsulated Data R_(b,S) || H in hex (273 octets).") var data: String

    func run() throws {
        try reportingFailures {
            let parameters = SAKKELab.parameters
            let identifier = try LabInputs.octets(idHex, option: "--id-hex")
            let key: SAKKEReceiverKey
            do {
                key = try SAKKEReceiverKey(identifier: identifier, rsk: SAKKELab.point(rsk, option: "--rsk"),
                                           kmsPublicKey: SAKKELab.point(kmsPublicKey, option: "--Z"), parameters: parameters)
            } catch let error as SAKKEError {
                throw SAKKELab.refuse(error, option: "--rsk")
            }
            do {
                let encapsulated = try SAKKEEncapsulatedData(octets: LabInputs.octets(data, option: "--data"), parameters: parameters)
                let ssv = try key.decapsulate(encapsulated)
                print("w = \(key.pairingValue(encapsulated.r).hex)")
                print("SSV_octets = \(Hex.encode(ssv))")
            } catch let error as SAKKEError {
                throw SAKKELab.refuse(error, option: "--data")
            }
        }
    }
}
