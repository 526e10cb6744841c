import ArgumentParser
import Foundation
import MIKEY

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print a MIKEY message (RFC 3830, 6043, 6267) as a tree of payloads and fields.",
        discussion: """
            Each payload is shown with its byte offset and defining RFC section, each field with its \
            value in words and its octets in hex. IBAKE and ESK contents are IBE ciphertexts and stay \
            opaque. A KEMAC is opened below the message: its Key data sub-payloads (type, KV, key, \
            salt) when its encryption is NULL, as RTSP servers and ONVIF cameras send MIKEY-PSK, or \
            with --psk when it is AES-CM encrypted, after its MAC is verified (a MAC that does not \
            verify exits with status 1). A malformed message prints what was understood, then the error with its offset, \
            and exits with status 1; input that is not hex or base64, or a file that cannot be read, \
            exits with status 65. Input: a hex argument, --base64, --file (hex, base64 or binary), \
            or - for standard input.
            """
    )

    @Argument(help: "The message in hex, or - to read standard input.") var hex: String?
    @Option(help: "The message in base64.") var base64: String?
    @Option(help: "A file holding the message (raw, hex or base64).", completion: .file()) var file: String?
    @Option(help: "MIKEY-PSK's pre-shared key in hex: verify the KEMAC's MAC and decrypt it (RFC 3830 §3.1).")
    var psk: String?
    @Flag(help: "Print the same tree as JSON.") var json = false

    func validate() throws {
        let given = [hex != nil, base64 != nil, file != nil].filter { $0 }.count
        guard given == 1 else { throw ValidationError("give the message once: HEX, --base64 B64, --file PATH or -") }
    }

    func run() throws {
        var octets: [UInt8] = []
        // Input that is not hex or base64, or a file that cannot be read: bad data (65).
        try reportingFailures {
            octets = try input()
        }
        let trace = MIKEYMessage.trace(octets)
        var key: [UInt8]?
        try reportingFailures {
            key = try psk.map { text throws(InputError) in try MessageInput.hex(text, source: "--psk") }
        }
        // Only a message that decodes has a KEMAC to open; a wrong key or MAC is a failure (1).
        var kemac: Result<KEMACOpening?, KEMACOpeningError> = .success(nil)
        if trace.isComplete {
            kemac = Result { () throws(KEMACOpeningError) in try KEMACOpening.open(octets, psk: key) }
        }
        if json {
            print(try DecodeJSON(octets: octets, trace: trace, kemac: kemac).text())
        } else {
            MessageTree(octets: octets).lines(for: trace).forEach { print($0) }
            switch kemac {
            case .success(let opening?): KEMACTree(opening).lines.forEach { print($0) }
            case .success(nil): break
            case .failure(let error): print("\nKEMAC not opened: \(error)")
            }
        }
        if !trace.isComplete { throw ExitCode(1) }
        if case .failure = kemac, key != nil { throw ExitCode(1) }
    }

    private func input() throws -> [UInt8] {
        if let base64 { return try MessageInput.base64(base64) }
        if let file { return try MessageInput.file(file) }
        if hex == "-" { return try MessageInput.standardInput() }
        return try MessageInput.hex(hex ?? "", source: "HEX")
    }
}

/// The decode tree as JSON: the payload descriptions, and the error if decoding stopped.
struct DecodeJSON: Encodable {
    let length: Int
    let complete: Bool
    let payloads: [PayloadDescription]
    let error: Failure?

    struct Failure: Encodable {
        let payload: String
        let offset: Int
        let fieldOffset: Int
        let message: String

        enum CodingKeys: String, CodingKey {
            case payload, offset, message
            case fieldOffset = "field_offset"
        }
    }

    /// The KEMAC opened (NULL encryption, or --psk): how, and its sub-payloads.
    let kemac: KEMACJSON?

    struct KEMACJSON: Encodable {
        let opened: String?
        let integrity: String?
        let payloads: [PayloadDescription]
        let error: String?
    }

    init(octets: [UInt8], trace: DecodeTrace<MessageElement>, kemac: Result<KEMACOpening?, KEMACOpeningError> = .success(nil)) {
        switch kemac {
        case .success(let opening?):
            self.kemac = KEMACJSON(opened: KEMACTree.how(opening), integrity: KEMACTree.integrity(opening),
                                   payloads: opening.trace.descriptions, error: opening.trace.failure?.description)
        case .success(nil): self.kemac = nil
        case .failure(let error): self.kemac = KEMACJSON(opened: nil, integrity: nil, payloads: [], error: error.description)
        }
        length = octets.count
        complete = trace.isComplete
        payloads = trace.descriptions
        error = trace.failure.map {
            Failure(payload: $0.payloadName, offset: $0.offset, fieldOffset: $0.fieldOffset, message: $0.description)
        }
    }

    func text() throws -> String {
        String(decoding: try prettyJSON(), as: UTF8.self)
    }
}
