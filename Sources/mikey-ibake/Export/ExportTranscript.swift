import IBAKE
import IBE
import Pairing
import Primitives

/// `transcript.json`: everything needed to check an exported run independently.
struct ExportTranscript: Encodable {
    struct Point: Encodable {
        let x: String
        let y: String
        init(_ point: CurvePoint) {
            x = point.x.hex
            y = point.y.hex
        }
    }

    struct Parameters: Encodable {
        let name: String
        let insecure: Bool
        let p: String
        let q: String
        let P: Point
        let P_pub: Point
        let hash: String
        let ecdh_group: String
        let prf: String
        let mac: String
    }

    struct Layer: Encodable {
        let payload: String
        let recipient: String
        let plaintext: String
        let ciphertext_octets: Int
    }

    struct Message: Encodable {
        let index: Int
        let file: String
        let name: String
        let from: String
        let to: String
        let octets: Int
        let hex: String
        let ibe_layers: [Layer]
        let notes: [String]
    }

    let tool = "MIKEY-IBAKE Lab"
    let seed: UInt64?
    let note: String
    let parameter_set: Parameters
    let identities: [String: String]
    let kms_master_secret: String?
    let private_keys: [String: Point]?
    let values: [String: String]
    let both_sides_agree: Bool
    let messages: [Message]

    init(_ run: BasicExchange, seed: UInt64?, files: [String]) {
        self.seed = seed
        note = seed == nil
            ? "Unseeded run: fresh randomness; the master secret and private keys are not written."
            : "Seeded run (PROFILE D15): every value repeats for this seed on every machine. For demonstration, not for use."
        let set = run.profile.parameterSet
        parameter_set = Parameters(
            name: set.name, insecure: set.isInsecure, p: set.curve.p.hex, q: set.curve.q.hex, P: Point(set.generator),
            P_pub: Point(run.kms.publicParameters.publicKey), hash: set.hash.displayName, ecdh_group: run.profile.group.name,
            prf: run.profile.prf.name, mac: run.profile.macAlgorithm.name)
        identities = ["initiator": run.initiatorKey.identity.description, "responder": run.responderKey.identity.description,
                      "kms": run.cast.kms]
        kms_master_secret = seed == nil ? nil : run.kms.masterSecret.hex
        private_keys = seed == nil ? nil : ["initiator": Point(run.initiatorKey.key.point), "responder": Point(run.responderKey.key.point)]
        var values = [String: String]()
        for (name, octets) in run.values where ![.initiatorPrivateKey, .responderPrivateKey].contains(name) {
            values[name.rawValue] = Hex.encode(octets)
        }
        for value in run.initiatorKeys.learnedValues(.computed) { values[value.name.rawValue] = Hex.encode(value.octets) }
        self.values = values
        both_sides_agree = run.initiatorKeys == run.responderKeys
        messages = run.transfers.enumerated().map { index, transfer in
            Message(index: index + 1, file: files[index], name: transfer.kind.name, from: transfer.sender, to: transfer.receiver,
                    octets: transfer.sent.message.count, hex: Hex.encode(transfer.sent.message),
                    ibe_layers: (transfer.sent.layers + transfer.received.layers).map {
                        Layer(payload: $0.payload, recipient: $0.recipient, plaintext: Hex.encode($0.plaintext),
                              ciphertext_octets: $0.ciphertext.count)
                    },
                    notes: transfer.sent.notes + transfer.received.notes)
        }
    }
}
