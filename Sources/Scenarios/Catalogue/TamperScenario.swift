import IBAKE
import IBE
import MIKEY
import Primitives

/// `tamper`: an active attacker flips one bit in transit, in each message in turn,
/// and the check that catches it refuses the message (RFC 6267 §4.2.2; RFC 3830 §5.2).
enum TamperScenario {
    static let attacker = Party.activeEve

    /// Which message is changed, where, and what the narration says of it.
    struct Attack {
        let message: MessageKind
        let payload: PayloadType
        let field: String
        let offsetFromEnd: Int
    }

    static let attacks = [
        Attack(message: .iMessage1, payload: .ibake, field: "a bit of the IBAKE ciphertext", offsetFromEnd: 3),
        Attack(message: .rMessage1, payload: .ibake, field: "a bit of the IBAKE ciphertext", offsetFromEnd: 3),
        Attack(message: .iMessage2, payload: .ibake, field: "a bit of the IBAKE ciphertext", offsetFromEnd: 3),
        Attack(message: .rMessage2, payload: .verification, field: "a bit of the V MAC", offsetFromEnd: 1),
        Attack(message: .iMessage1, payload: .rand, field: "a bit of the clear RAND", offsetFromEnd: 1),
    ]

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.tamper, options, parties: [.initiator, .responder, .kms, attacker])
        return try stage.play {
            let keys = try stage.setUpCall()
            for attack in attacks {
                let exchange = StagedExchange(on: stage, keys: keys)
                try stage.untilStopped { try run(attack, exchange, on: stage) }
            }
        }
    }

    /// One exchange with one bit flipped in `attack.message`; it stops at the refusal.
    private static func run(_ attack: Attack, _ exchange: StagedExchange, on stage: Stage) throws {
        let legs: [(send: (Stage) throws -> StepRecord, receive: (Stage, StepRecord) throws -> StepRecord)] = [
            ({ try exchange.sendIMessage1($0) }, { try exchange.receiveIMessage1($0, $1) }),
            ({ try exchange.sendRMessage1($0) }, { try exchange.receiveRMessage1($0, $1) }),
            ({ try exchange.sendIMessage2($0) }, { try exchange.receiveIMessage2($0, $1) }),
            ({ try exchange.sendRMessage2($0) }, { try exchange.receiveRMessage2($0, $1) }),
        ]
        for leg in legs {
            var record = try leg.send(stage)
            if record.kind == attack.message, let sent = stage.builder.lastMessageStep(record.kind, to: exchange.receiver(of: record.kind).id),
               let flip = flip(record.message, payload: attack.payload, offsetFromEnd: attack.offsetFromEnd) {
                let place = "\(flip.field), octet +\(Hex.offset(flip.offset))"
                stage.builder.step(attacker.id, .tamper, "Eve alters \(record.kind): \(place)",
                                   interfering: [(.altered(field: flip.field, offset: flip.offset, mask: flip.mask), sent)],
                                   narration: "In transit, Eve flips \(attack.field) of \(record.kind): bit \(Hex.byte(flip.mask)) of the octet at offset +\(Hex.offset(flip.offset)), in \(flip.field). Nothing else changes.",
                                   references: [.rfc(6267, "4.2.2")])
                record = StepRecord(kind: record.kind, message: flip.octets, learned: record.learned, layers: record.layers)
            }
            _ = try leg.receive(stage, record)
        }
    }

    /// One bit flipped: the octets after, where, and in which field the decoder reads there.
    struct Flip {
        let octets: [UInt8]
        let offset: Int
        let mask: UInt8
        /// "IBAKE Encr data", "V MAC", "RAND": the payload and its field, as the inspector names them.
        let field: String
    }

    /// The message with one bit flipped, `offsetFromEnd` octets before the end of the
    /// first `payload`; `nil` when the message has no such payload.
    static func flip(_ octets: [UInt8], payload: PayloadType, offsetFromEnd: Int) -> Flip? {
        guard let element = MIKEYMessage.trace(octets).elements.first(where: { $0.description.type == payload }) else { return nil }
        let description = element.description
        let offset = description.range.upperBound - offsetFromEnd
        let field = description.fields.last { $0.range.contains(offset) }.map(\.name)
        var changed = octets
        changed[offset] ^= 0x01
        return Flip(octets: changed, offset: offset, mask: 0x01,
                    field: field.map { $0 == description.name ? $0 : "\(description.name) \($0)" } ?? description.name)
    }
}
