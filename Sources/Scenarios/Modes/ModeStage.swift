import IBAKE
import MIKEY
import Primitives

/// Where a scenario of one of MIKEY's other key-management modes plays (issue 13): the
/// run's randomness and clock, the timeline builder, and the moves every mode is made of
/// (the authority issues long-term keys, a message crosses the wire, its receiver checks
/// it or refuses it, keys leak). The protocol work is the IBAKE module's mode code; this
/// only records who did what and who learned what.
final class ModeStage {
    let builder: TimelineBuilder
    let env: RunEnvironment
    let profile: IBAKEProfile

    init(_ scenario: ScenarioName, _ options: ScenarioOptions, parties: [Party], watch: [PartyID: [ValueName]],
         reasons: @escaping ModeReasons) {
        builder = TimelineBuilder(scenario: scenario, options: options, parties: parties, watch: watch)
        builder.reasons = reasons
        env = RunEnvironment(seed: options.seed)
        profile = IBAKEProfile(parameterSet: options.parameterSet)
    }

    var random: RandomSource { env.random }

    /// The session of a call from `initiator` to `responder` under the run's profile (it
    /// draws the CSB ID from the run's randomness).
    func session(from initiator: Party, to responder: Party) -> ModeSession {
        ModeSession(initiator: initiator.identity ?? "", responder: responder.identity ?? "", profile: profile, using: random)
    }

    /// States what the run used in place of the IBE parameter set (PROFILE D22): `brief`
    /// for a status line, `details` and the profile's MAC and PRF for a run's header.
    func describe(_ brief: String, details: String) {
        builder.cryptography = Timeline.Cryptography(
            summary: "\(details), \(profile.macAlgorithm.name), PRF: \(profile.prf.name) (from --params \(profile.parameterSet.name); no IBE)",
            brief: brief)
    }

    /// The RSA key size of the run's certificates, as the status line names it.
    var rsa: String { "RSA-\(LabPKI.keyBits(for: profile.parameterSet))" }
    var now: UInt64 { env.clock.now() }

    /// Outsiders on the path record every message.
    private var observers: [PartyID] { builder.parties.filter(\.kind.isOutsider).map(\.id) }

    /// A message on the wire from `sender` to `receiver`: observers record it and read
    /// what it carries in clear (`clear`: RAND, CSB ID, a certificate, a DH value). The
    /// sender wipes `forget` as it sends (its part done, like xr in DH-SIGN).
    @discardableResult
    func send(_ kind: MessageKind, _ octets: [UInt8], from sender: Party, to receiver: Party, notation: String,
              title: String, clear: [LearnedValue] = [], sealed: [IBELayerRecord] = [], forget: [ValueName] = [],
              narration: String, references: [SpecReference]) -> Int {
        let message = WireMessage(kind, octets: octets, from: sender.id, to: receiver.id, notation: notation, sealedLayers: sealed)
        var revealed = [(PartyID, LearnedValue)]()
        for observer in observers { revealed += (Self.headerValues(octets, kind) + clear).map { (observer, $0) } }
        return builder.step(sender.id, .send, title, message: message, reveal: revealed,
                            forget: forget.map { (sender.id, $0) }, recordedBy: observers,
                            narration: narration, references: references)
    }

    /// Delivers the last `kind` sent to `party`: `receive` runs the receiver's checks
    /// (listed in `checks` when they pass) and returns what it learned; a refusal is a
    /// refuse step and stops the exchange (``ExchangeStopped``). `comparing` names the
    /// values the narration says I and R now share.
    @discardableResult
    func deliver<Result>(_ kind: MessageKind, to party: Party, title: String, checks: [IBAKECheck], narration: String,
                         comparing: [ValueName] = [], references: [SpecReference], learned: (Result) -> [LearnedValue],
                         _ receive: () throws(IBAKEFailure) -> Result) throws(ExchangeStopped) -> Result {
        do {
            let result = try receive()
            let revealed = learned(result).map { (party.id, $0) }
            builder.step(party.id, .receive, title, reveal: revealed,
                         checks: checks.map { CheckOutcome(check: $0, passed: true, detail: "") },
                         comparing: comparing.map { builder.compare($0, [.initiator, .responder], revealing: revealed) },
                         narration: narration, references: references)
            return result
        } catch {
            builder.step(party.id, .refuse, "\(party.tag) refuses \(kind)",
                         checks: [CheckOutcome(check: error.check, passed: false, detail: error.reason)],
                         refusing: builder.lastMessageStep(kind, to: party.id),
                         narration: "\(party.tag) refuses \(kind): the \(error.check.title) check fails (\(error.reason)). The exchange stops here.",
                         references: references)
            throw ExchangeStopped(refused: kind, by: party.id)
        }
    }

    /// Values `party` chose or computed on its own, as their own step.
    func compute(_ party: Party, _ title: String, _ values: [LearnedValue], narration: String, references: [SpecReference]) {
        builder.step(party.id, .compute, title, reveal: values.map { (party.id, $0) }, narration: narration, references: references)
    }

    /// Plays `script` and returns the timeline; a refusal ends it there.
    func play(_ script: () throws -> Void) throws -> Timeline {
        do {
            try script()
        } catch is ExchangeStopped {}
        return builder.timeline
    }

    /// What anyone reads in the HDR and the clear payloads: the CSB ID, and RAND.
    private static func headerValues(_ octets: [UInt8], _ kind: MessageKind) -> [LearnedValue] {
        guard let message = try? MIKEYMessage(decoding: octets) else { return [] }
        var values = [LearnedValue(.csbID, message.header.csbID.bigEndianOctets, .message(kind))]
        if let rand = message.rand { values.append(LearnedValue(.rand, rand, .message(kind))) }
        return values
    }
}

/// Why a party of a mode's run cannot compute a value at a step, given what holds
/// there, or nil when no reason is true: each mode states its own (the TGK of MIKEY-PSK
/// falls to the PSK, that of DH-SIGN to nobody).
typealias ModeReasons = @Sendable (ValueName, LedgerFacts) -> String?
