import IBAKE
import MIKEY

/// One row of `mikey-ibake compare`: what a mode's runs showed, every cell read from the
/// runs' messages, checks and ledgers, none typed in (issue 13).
public struct ModeComparison: Sendable, Encodable {
    public let mode: MIKEYMode
    /// The HDR data types of the exchange's messages, in the order sent.
    public let dataTypes: [UInt8]
    public let messages: Int
    /// Messages there and back: half a round trip for a single message.
    public let roundTrips: Double
    /// The octets of the exchange's MIKEY messages.
    public let octets: Int
    /// What the initiator and the responder computed during the exchange, measured in
    /// this run (microseconds).
    public let initiatorMicroseconds: Int
    public let responderMicroseconds: Int
    /// Whether each of I and R accepted a message from the other only after a check
    /// that needs the other's long-term secret (a signature, a MAC, an echo only the
    /// other could decrypt).
    public let mutualAuthentication: Bool
    /// The parties whose random choices go into the TGK.
    public let contributors: [String]
    /// Whether the call stays closed once the long-term keys leak after it.
    public let forwardSecrecy: Bool
    /// Parties other than I and R that computed the TGK.
    public let escrow: [String]
    /// What must exist before the call: a pre-shared key, a CA, a KMS.
    public let needs: [String]

    /// The row of `mode`, from its runs at `options`.
    public static func measure(_ mode: MIKEYMode, options: ScenarioOptions) throws -> ModeComparison {
        var built = [ScenarioName: Timeline]()
        for name in mode.runs where built[name] == nil { built[name] = try Scenario.build(name, options: options) }
        // Invariant: `built` holds every run of `mode.runs`, built just above.
        guard let row = ModeComparison(mode, runs: built) else { preconditionFailure("a run of \(mode) was not built") }
        return row
    }

    /// The row of `mode` from its runs (``MIKEYMode/runs``, by scenario), or nil while
    /// one is missing: the demonstrator fills its table as the runs arrive.
    public init?(_ mode: MIKEYMode, runs: [ScenarioName: Timeline]) {
        guard let exchange = runs[mode.exchange], let leak = runs[mode.leak], let escrow = runs[mode.escrow] else { return nil }
        let steps = exchange.steps.filter { $0.phase == .exchange }
        let sent = steps.compactMap { step -> WireMessage? in
            guard step.action == .send, let message = step.message, let type = message.kind.dataType, type != .error else { return nil }
            return message
        }
        func spent(_ party: PartyID) -> Int {
            let total = steps.filter { $0.actor == party }.reduce(Duration.zero) { $0 + $1.elapsed }
            return Int(total / .microseconds(1))
        }
        let knowers = escrow.finalLedger?.parties.filter { ![.initiator, .responder, .eve].contains($0.party) && $0.value(.tgk) != nil }
        self.mode = mode
        dataTypes = sent.compactMap { $0.kind.dataType?.rawValue }
        messages = sent.count
        roundTrips = Double(sent.count) / 2
        octets = sent.reduce(0) { $0 + $1.octets.count }
        initiatorMicroseconds = spent(.initiator)
        responderMicroseconds = spent(.responder)
        mutualAuthentication = Self.authenticates(.initiator, in: steps) && Self.authenticates(.responder, in: steps)
        contributors = Self.contributors(exchange)
        forwardSecrecy = leak.finalLedger?.knows(.eve, .tgk) == false
        self.escrow = (knowers ?? []).map { escrow.tag($0.party) }
        needs = Self.needs(exchange)
    }

    /// The checks that need the sender's long-term secret (or a secret only it could
    /// have decrypted): passing one authenticates the sender.
    static let authenticating: Set<IBAKECheck> = [.signature, .kemacMAC, .verificationMAC, .initiatorEcho, .responderEcho]

    /// Whether `party` passed an authenticating check on a message from the other end.
    private static func authenticates(_ party: PartyID, in steps: [Step]) -> Bool {
        steps.contains { step in
            step.actor == party && step.action == .receive
                && step.checks.contains { $0.passed && authenticating.contains($0.check) }
        }
    }

    /// The values whose random choice makes the key: a transported TGK, a Diffie-Hellman secret.
    static let contributions: Set<ValueName> = [.tgk, .a, .b, .xi, .xr]

    private static func contributors(_ timeline: Timeline) -> [String] {
        var found = [PartyID]()
        for step in timeline.steps where step.phase == .exchange {
            for revelation in step.revealed where revelation.value.source == .generated
                && contributions.contains(revelation.value.name) && !found.contains(revelation.party) {
                found.append(revelation.party)
            }
        }
        return found.map(timeline.tag)
    }

    /// What the run's set-up had to provide, from where the parties' long-term values came.
    private static func needs(_ timeline: Timeline) -> [String] {
        var needs = [String]()
        for step in timeline.steps where step.phase == .provisioning {
            for revelation in step.revealed {
                let need: String? = switch revelation.value.source {
                case .outOfBand: "pre-shared key"
                case .issued(let authority): authority
                case .provisioned: "KMS"
                default: nil
                }
                if let need, !needs.contains(need) { needs.append(need) }
            }
        }
        return needs
    }

    enum CodingKeys: String, CodingKey {
        case mode, messages, octets, contributors, escrow, needs
        case dataTypes = "data_types", roundTrips = "round_trips", initiatorMicroseconds = "initiator_us"
        case responderMicroseconds = "responder_us", mutualAuthentication = "mutual_auth", forwardSecrecy = "forward_secrecy"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode.title, forKey: .mode)
        try container.encode(dataTypes, forKey: .dataTypes)
        try container.encode(messages, forKey: .messages)
        try container.encode(roundTrips, forKey: .roundTrips)
        try container.encode(octets, forKey: .octets)
        try container.encode(initiatorMicroseconds, forKey: .initiatorMicroseconds)
        try container.encode(responderMicroseconds, forKey: .responderMicroseconds)
        try container.encode(mutualAuthentication, forKey: .mutualAuthentication)
        try container.encode(contributors, forKey: .contributors)
        try container.encode(forwardSecrecy, forKey: .forwardSecrecy)
        try container.encode(escrow, forKey: .escrow)
        try container.encode(needs, forKey: .needs)
    }
}
