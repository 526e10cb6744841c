import IBAKE
import IBE
import MIKEY

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
            if record.kind == attack.message {
                let changed = flip(record.message, payload: attack.payload, offsetFromEnd: attack.offsetFromEnd)
                stage.builder.step(attacker.id, .tamper, "Eve flips \(attack.field) of \(record.kind)",
                                   narration: "In transit, Eve flips \(attack.field) of \(record.kind). Nothing else changes.",
                                   references: [.rfc(6267, "4.2.2")])
                record = StepRecord(kind: record.kind, message: changed, learned: record.learned, layers: record.layers)
            }
            _ = try leg.receive(stage, record)
        }
    }

    /// The message with one bit flipped, `offsetFromEnd` octets before the end of the first `payload`.
    static func flip(_ octets: [UInt8], payload: PayloadType, offsetFromEnd: Int) -> [UInt8] {
        guard let element = MIKEYMessage.trace(octets).elements.first(where: { $0.description.type == payload }) else { return octets }
        var changed = octets
        changed[element.description.range.upperBound - offsetFromEnd] ^= 0x01
        return changed
    }
}
