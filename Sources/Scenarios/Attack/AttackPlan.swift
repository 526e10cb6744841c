import IBAKE
import IBE

/// An attack placed on the plain run: the step its reference names and, for an action
/// in transit, the step that put its message on the wire (plain numbering, 1-based).
struct PlannedAttack: Sendable {
    let attack: Attack
    let step: Int
    let messageStep: Int?
}

extension Attack {
    /// The step (1-based) of `steps`, a plain run, that the attack's reference names; nil
    /// when it names none.
    public func step(in steps: [Step]) -> Int? {
        at.resolve(in: steps).map { steps[$0].index }
    }

    /// The step of `steps` (a plain run) that sends the message this attack acts on (one of
    /// ``MessageKind/attackable``): the one sent at its step, or received or refused there,
    /// or else the next one sent; nil when none is sent from there on.
    public func messageStep(in steps: [Step]) -> Int? {
        guard let index = at.resolve(in: steps) else { return nil }
        let at = steps[index]
        let sends = steps.filter { $0.action == .send && MessageKind.attackable.contains($0.message?.kind ?? .error) }
        if at.action == .send, sends.contains(where: { $0.index == at.index }) { return at.index }
        if at.action == .receive || at.action == .refuse {
            let received = at.refusedMessage.flatMap { index in steps.first { $0.index == index } }
                ?? steps.last { $0.index < at.index && $0.action == .send && $0.message?.to == at.actor }
            if let received, sends.contains(where: { $0.index == received.index }) { return received.index }
        }
        // A step with no such message of its own (a compute step, provisioning, media): the next one sent.
        return sends.first { $0.index > at.index }?.index
    }

    /// Checks the attack against the plain run it branches from: the step exists, an
    /// action in transit has a message, a flipped field is in it, a replayed message was
    /// recorded by then. The error lists what would do.
    /// Returns the step (1-based) the attack acts at.
    @discardableResult
    public func validate(against plain: Timeline, parameterSet: ParameterSet) throws(AttackSpecError) -> Int {
        if let refusal = plain.scenario.attackRefusal { throw AttackSpecError(refusal) }
        guard let step = step(in: plain.steps) else {
            throw AttackSpecError("step \(at) is not in the run (\(plain.steps.count) steps)")
        }
        if action.actsInTransit {
            guard let sent = messageStep(in: plain.steps), let message = plain.steps[sent - 1].message else {
                throw AttackSpecError("no message in transit at or after step \(step) that Eve can reach (\(MessageKind.attackable.map(\.name).joined(separator: ", ")))")
            }
            if case .flip(let path, let bit) = action {
                let surface = AttackSurface(message.octets, parameterSet: parameterSet)
                guard let field = surface.field(path) else {
                    throw AttackSpecError("\(message.kind.name) (step \(sent)) has no field \"\(path)\"; fields: \(surface.paths.joined(separator: ", "))")
                }
                _ = try surface.flip(message.octets, field, bit: bit)
            }
            if case .redirect(let party) = action, party == message.to || !plain.parties.contains(where: { $0.id == party }) {
                throw AttackSpecError("redirect: \(party) is \(party == message.to ? "already the receiver of \(message.kind.name)" : "not in this run"); parties: \(plain.parties.map(\.id.rawValue).joined(separator: ", "))")
            }
            if action == .substituteShare, !action.applies(to: message.kind) {
                throw AttackSpecError("substitute-share: \(message.kind.name) carries no Diffie-Hellman share (I_MESSAGE_1, R_MESSAGE_1 and I_MESSAGE_2 do)")
            }
            if action == .rogueKMS, !action.applies(to: message.kind) {
                throw AttackSpecError("rogue-kms: the KMS takes over from I_MESSAGE_1; at step \(step) the message in transit is \(message.kind.name) (use a step up to the one that sends I_MESSAGE_1)")
            }
        }
        if case .impersonate(let party) = action, plain.party(party)?.identity == nil {
            throw AttackSpecError("impersonate: \(party) is not in this run with an identity")
        }
        if case .replay(let kind, _) = action,
           !plain.steps.contains(where: { $0.index <= step && $0.action == .send && $0.message?.kind == kind }) {
            let recorded = Set(plain.steps.filter { $0.index <= step && $0.action == .send }.compactMap { $0.message?.kind.name })
            throw AttackSpecError("Eve has recorded no \(kind.name) by step \(step); recorded by then: \(recorded.isEmpty ? "nothing" : recorded.sorted().joined(separator: ", "))")
        }
        return step
    }
}

extension AttackAction {
    /// Whether it can act on a message of `kind` in transit (actions that do not depend
    /// on the message: true).
    public func applies(to kind: MessageKind) -> Bool {
        switch self {
        // Eve's share travels inside an IBAKE payload; R_MESSAGE_2 has none (RFC 6267 §4.2.2.7).
        case .substituteShare: [MessageKind.iMessage1, .rMessage1, .iMessage2].contains(kind)
        // The KMS can stand in for each side only from the first message on (RFC 6539 §4).
        case .rogueKMS: kind == .iMessage1
        default: true
        }
    }
}

extension Scenario {
    /// The branch of `name` under `attacks` (issue 12): the plain run is built first to
    /// place each attack (its step reference resolved against the plain run's steps), then
    /// the run again with the adversary acting; identical up to the first attack, since a
    /// seeded run is deterministic (PROFILE D15). A run without a seed gets a random one,
    /// so the two runs match. Both runs use `options.memo` (a new one when nil), so the
    /// branch finds the plain run's IBE work done. A spec that does not fit the run throws
    /// ``AttackSpecError``.
    public static func build(_ name: ScenarioName, options: ScenarioOptions, attacks: [Attack]) throws -> Timeline {
        if let refusal = name.attackRefusal { throw AttackSpecError(refusal) }
        var options = options
        options.seed = options.seed ?? UInt64.random(in: .min ... .max)
        options.memo = options.memo ?? IBEMemo()
        return try branch(of: try build(name, options: options), options: options, attacks: attacks)
    }

    /// The branch of `plain` under `attacks`, where `plain` is the run `options` builds
    /// (``build(_:options:)``, seeded): each attack is placed on its steps, then the run is
    /// played again with the adversary acting. With the memo `plain` was built with, the
    /// branch does none of the IBE work `plain` did. A plain run without a seed, or of
    /// another parameter set, cannot be repeated and throws ``AttackSpecError``, as does a
    /// spec that does not fit it.
    public static func branch(of plain: Timeline, options: ScenarioOptions, attacks: [Attack]) throws -> Timeline {
        guard let seed = plain.seed, options.seed == nil || options.seed == seed,
              plain.parameterSet == options.parameterSet.name else {
            throw AttackSpecError("the plain run (seed \(plain.seed.map(String.init) ?? "none"), \(plain.parameterSet)) is not the run of these options (seed \(options.seed.map(String.init) ?? "none"), \(options.parameterSet.name)): a branch must repeat its plain run")
        }
        var branch = options
        branch.seed = seed
        branch.plan = try attacks.map { attack throws(AttackSpecError) in
            let step = try attack.validate(against: plain, parameterSet: options.parameterSet)
            return PlannedAttack(attack: attack, step: step,
                                 messageStep: attack.action.actsInTransit ? attack.messageStep(in: plain.steps) : nil)
        }
        return try build(plain.scenario, options: branch)
    }
}
