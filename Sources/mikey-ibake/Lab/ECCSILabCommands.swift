import ArgumentParser
import IBE
import Pairing
import Primitives

/// `lab eccsi-*`: ECCSI (RFC 6507) on P-256 with SHA-256, on numbers the user gives. Output
/// lines are `name = value` in lowercase hex, the names of rfc6507-eccsi.txt.
struct ECCSIProvisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eccsi-provision",
        abstract: "Print KPAK = [KSAK]G and the PVT, HS and SSK a KMS issues for an identifier (RFC 6507 §5.1.1).",
        discussion: """
            The SSK is then validated as a signer would (§5.1.2). Example (RFC 6507 Appendix A): \
            mikey-ibake lab eccsi-provision --ksak 12345 --id-hex 323031312d30320074656c3a2b34343737303039303031323300 --v 23456
            """
    )

    @Option(help: "The KMS Secret Authentication Key, in hex (in [1, q-1]).") var ksak: String
    @Option(name: .customLong("id-hex"), help: "The signer's identifier, in hex.") var idHex: String
    @Option(help: "The KMS's ephemeral v, in hex (in [1, q-1]).") var v: String

    func run() throws {
        try reportingFailures {
            let identifier = try LabInputs.octets(idHex, option: "--id-hex")
            do {
                let kms = try ECCSIKeyManagementService(ksak: LabInputs.integer(ksak, option: "--ksak"))
                let material = try kms.provision(identifier, v: LabInputs.integer(v, option: "--v"))
                _ = try ECCSISigningKey(material, kpak: kms.kpak)
                print("KPAK_octets = \(Hex.encode(kms.kpak.sec1()))")
                print("PVT_octets = \(Hex.encode(material.pvt.sec1()))")
                print("HS_octets = \(Hex.encode(material.hs))")
                print("SSK_octets = \(Hex.encode(material.ssk))")
            } catch let error as ECCSIError {
                throw CommandFailure.data(error.description)
            }
        }
    }
}

struct ECCSISignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eccsi-sign",
        abstract: "Validate an SSK (RFC 6507 §5.1.2) and sign a message with a given j (§5.2.1).",
        discussion: "Prints HS, r, HE, s and the signature r || s || PVT."
    )

    @OptionGroup var signed: ECCSISignedMessage
    @Option(help: "The Secret Signing Key, 32 octets in hex.") var ssk: String
    @Option(help: "The Public Validation Token, SEC1 hex.") var pvt: String
    @Option(help: "The ephemeral j, in hex (in [1, q-1]).") var j: String

    func run() throws {
        try reportingFailures {
            let (kpak, identifier, message) = try signed.values()
            let key: ECCSISigningKey
            do {
                key = try ECCSISigningKey(identifier: identifier, ssk: LabInputs.octets(ssk, option: "--ssk"),
                                          pvt: LabInputs.p256Point(pvt, option: "--pvt"), kpak: kpak)
            } catch let error as ECCSIError {
                throw CommandFailure.data("--ssk: \(error)")
            }
            do {
                let signature = try key.sign(message, j: LabInputs.integer(j, option: "--j"))
                print("HS_octets = \(Hex.encode(key.hs))")
                print("r_octets = \(Hex.encode(signature.r))")
                print("HE_octets = \(Hex.encode(ECCSI.he(hs: key.hs, r: signature.r, message: message)))")
                print("s_octets = \(Hex.encode(signature.s))")
                print("Sig_octets = \(Hex.encode(signature.octets))")
            } catch let error as ECCSIError {
                throw CommandFailure.data("--j: \(error)")
            }
        }
    }
}

struct ECCSIVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eccsi-verify",
        abstract: "Verify an ECCSI signature (RFC 6507 §5.2.2).",
        discussion: "Prints `valid`, or refuses (exit status 65) naming the step that failed."
    )

    @OptionGroup var signed: ECCSISignedMessage
    @Option(help: "The signature r || s || PVT, 129 octets in hex.") var signature: String

    func run() throws {
        try reportingFailures {
            let (key, identifier, message) = try signed.values()
            do {
                let parsed = try ECCSISignature(octets: LabInputs.octets(signature, option: "--signature"))
                try ECCSI.verify(parsed, of: message, identifier: identifier, kpak: key)
                print("valid")
            } catch let error as ECCSIError {
                throw CommandFailure.data("--signature: \(error)")
            }
        }
    }
}

/// What signing and verifying share: the KMS's public key, the signer's identifier and
/// the message, as the user types them.
struct ECCSISignedMessage: ParsableArguments {
    @Option(help: "The KMS Public Authentication Key, SEC1 hex (04 || X || Y).") var kpak: String
    @Option(name: .customLong("id-hex"), help: "The signer's identifier, in hex.") var idHex: String
    @Option(name: .customLong("message-hex"), help: "The message, in hex.") var messageHex: String

    func values() throws -> (kpak: ECPoint, identifier: [UInt8], message: [UInt8]) {
        (try LabInputs.p256Point(kpak, option: "--kpak"), try LabInputs.octets(idHex, option: "--id-hex"),
         try LabInputs.octets(messageHex, option: "--message-hex"))
    }
}
