import IBAKE

extension Adversary {
    /// Eve picks her own secret e, computes eP and seals an IBAKE payload to the message's
    /// recipient with eP where the layout has a share (``OutsiderForgery``). The receiver's
    /// checks decide: the echoes exist for this (RFC 6267 §4.2.2.4, §4.2.2.6).
    func substituteShare(_ message: StepRecord, sent: Int, to receiver: Party, on stage: Stage) -> StepRecord {
        let kind = message.kind
        let forger = OutsiderForgery(profile: stage.profile, kmsParameters: stage.kms.publicParameters, random: stage.env.random,
                                     memo: stage.memo)
        let secret = stage.profile.group.randomSecret(using: stage.env.random)
        guard let share = try? stage.profile.group.publicValue(for: secret),
              let forged = try? forger.substitutingShares(in: message.message, with: share) else { return message }
        let echo = kind == .iMessage1 ? "" : " She cannot read the echo it carries, so her eP stands in for it too."
        stage.builder.step(.eve, .tamper, "Eve puts her own share in \(kind)", interfering: [(.substituted, sent)],
                           narration: "Eve picks her own e, computes eP and replaces the IBAKE payload of \(kind) with one she sealed herself to the same identity, eP inside: anyone can encrypt to an identity.\(echo) The clear payloads are unchanged; \(receiver.tag) runs its usual checks.",
                           references: [.rfc(6267, "4.2.2"), .rfc(6539, "3.3")])
        return StepRecord(kind: kind, message: forged, learned: message.learned, layers: message.layers)
    }
}
