import Scenarios

/// What presenter mode says about a step, as data: the headline and what goes under it.
///
/// - A step that sends a message: the message's name; who sends it to whom, its notation.
/// - A step that reveals a value that matters ("R learns abP"): the value's name; who
///   learned it, the value, where it came from, and for each party the ledger says
///   cannot compute it, the ledger's reason.
/// - A refusal on a "what if" branch: "refused: " and the check that caught the attack.
/// - Any other step (a check, a refusal, a leak): its title.
struct PresenterSlide {
    enum Kind {
        case message(WireMessage)
        /// The value's name, who learned it (with what they hold), who cannot compute it.
        case reveal(ValueName, learned: [(party: Party, value: KnownValue)], cannot: [(party: Party, why: String)])
        case title
    }

    let step: Step
    let kind: Kind
    let headline: String

    /// Values that make a headline, most telling first: the shared key before the
    /// Diffie-Hellman values, before private keys, before what only follows from them.
    /// Header values (RAND, CSB ID, identities) never do: every message reveals them.
    static let headlineOrder: [ValueName] = [
        .abP, .groupKey, .plainIBEKey, .content, .secretKey, .aP, .bP,
        .initiatorPrivateKey, .responderPrivateKey, .commonPrivateKey, .eavesdropperPrivateKey,
        .kmsPublicKey, .masterSecret, .a, .b, .sessionKey, .srtpMasterKey, .tgk, .mpk,
    ]

    /// The slide for the current step of `state`, nil while nothing is built.
    init?(state: AppState) {
        guard let model = state.model, let step = state.currentStep else { return nil }
        self.step = step
        // What a "what if" branch comes to is the point of it: the check that caught Eve (issue 12).
        if step.branch, step.action == .refuse, let failed = step.checks.first(where: { !$0.passed }) {
            kind = .title
            headline = "refused: \(failed.check.title)"
            return
        }
        if let message = step.message {
            kind = .message(message)
            headline = message.kind.name
            return
        }
        // A tutorial's focus value wins when this step reveals it.
        let focused = state.tutorial?.current.focus.map(\.value) ?? []
        let revealed = Set(step.revealed.map(\.value.name))
        let order = focused + Self.headlineOrder
        guard let name = order.first(where: revealed.contains) else {
            kind = .title
            headline = step.title
            return
        }
        var learned = [(party: Party, value: KnownValue)]()
        for revelation in step.revealed where revelation.value.name == name {
            guard let party = model.timeline.party(revelation.party),
                  let value = step.ledger[revelation.party]?.knows.last(where: { $0.name == name }) else { continue }
            learned.append((party, value))
        }
        var cannot = [(party: Party, why: String)]()
        for ledger in step.ledger.parties {
            guard let why = ledger.impossibility(name)?.why,
                  let party = model.timeline.party(ledger.party) else { continue }
            cannot.append((party, why))
        }
        kind = .reveal(name, learned: learned, cannot: cannot)
        headline = name.rawValue
    }

    /// The narration's first sentence, and the second when the first is short:
    /// presenter mode says less, but "I decrypts with its private key." alone says too little.
    var shortNarration: String {
        var short = ""
        var rest = Substring(step.narration)
        while !rest.isEmpty, short.count < 60 {
            let end = rest.range(of: ". ").map { $0.lowerBound } ?? rest.endIndex
            let sentence = rest[..<end] + (end < rest.endIndex ? "." : "")
            short += (short.isEmpty ? "" : " ") + sentence
            rest = end < rest.endIndex ? rest[rest.index(end, offsetBy: 2)...] : ""
        }
        return short
    }
}
