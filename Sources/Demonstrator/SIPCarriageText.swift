import Network
import Scenarios

/// What the inspector's SIP view shows for a message (PROFILE D23): the SIP request or
/// response that carries it, or why none does.
public enum SIPCarriageText: Sendable {
    /// The carrying SIP message, who sends it to whom in the scenario's tags (`I → R`),
    /// and what the capture shows of its fate: dropped or replayed by an attacker, a forked
    /// INVITE the proxy cancelled (none, in the common case).
    case carried(SIPMessage, route: String, notes: [String])
    /// No SIP message carries it: the reason, in words.
    case none(String)

    /// The SIP view of every message step of `timeline`, from its SIP dialogue.
    static func all(for timeline: Timeline) -> [Int: SIPCarriageText] {
        let dialogue: Result<[SIPMessage], Error>
        do { dialogue = .success(try SIPCarriage.dialogue(for: timeline)) } catch { dialogue = .failure(error) }
        var views = [Int: SIPCarriageText]()
        for step in timeline.steps {
            guard let message = step.message else { continue }
            let kind = message.kind
            switch (SIPCarriage.elsewhere(kind), dialogue) {
            case (.kms, _):
                views[step.index] = .none("\(kind) goes between a user and the KMS over UDP port 2269, not in SIP (PROFILE D11, D20, D23).")
            case (.labRecord, _):
                views[step.index] = .none("\(kind) is not a MIKEY message: no SIP message carries it (PROFILE D23).")
            case (nil, .failure(let error)):
                views[step.index] = .none("This run has no SIP carriage: \(error) (PROFILE D23).")
            case (nil, .success(let messages)):
                if let carrier = SIPCarriage.carrier(of: step.index, in: messages) {
                    views[step.index] = .carried(carrier, route: route(carrier, in: timeline),
                                                 notes: notes(carrier, at: step.index, in: timeline, dialogue: messages))
                } else {
                    views[step.index] = .none("\(kind) has no SIP carrier in this run (PROFILE D23).")
                }
            }
        }
        return views
    }

    private static func route(_ message: SIPMessage, in timeline: Timeline) -> String {
        "\(timeline.tag(message.from)) → \(timeline.tag(message.to))"
    }

    /// What sip.pcap shows happening to the carrier of step `index`'s message (PROFILE D23).
    private static func notes(_ carrier: SIPMessage, at index: Int, in timeline: Timeline, dialogue: [SIPMessage]) -> [String] {
        var notes = [String]()
        let what = label(carrier)
        for party in timeline.steps.last?.ledger.parties ?? [] {
            for act in party.interference where act.messageStep == index {
                switch act.act {
                case .dropped:
                    notes.append("\(timeline.tag(party.party)) keeps this \(what) from \(timeline.tag(carrier.to)) (step \(act.step)): nothing answers it.")
                case .replayed(let original):
                    notes.append("\(timeline.tag(party.party)) sends this \(what) with the MIKEY message recorded at step \(original) in its SDP.")
                default: break
                }
            }
        }
        if let answer = SIPCarriage.plainAnswer(to: carrier, in: dialogue) {
            notes.append("Step \(answer.step): \(label(answer)) \(route(answer, in: timeline)) answers it with an SDP answer "
                         + "that has no key-mgmt line, as no MIKEY message of this mode answers this one; then ACK (RFC 4567 §4).")
        }
        let ending = SIPCarriage.cancellation(of: carrier, in: dialogue)
        if let first = ending.first {
            notes.append("Step \(first.step): the call is answered on another branch, so the proxy ends this copy: "
                         + ending.map { "\(label($0)) \(route($0, in: timeline))" }.joined(separator: ", ")
                         + " (RFC 3261 §9, §16.7).")
        }
        return notes
    }

    /// What the SIP view says at each step of a mode run (PROFILE D22) that sends nothing
    /// and is no part of the call: its set-up (certificates, the KMS's keys, a pre-shared
    /// key agreed out of band) and its end (a leak, a party working on the recording).
    /// None of it is SIP traffic, so sip.pcap holds none of it (PROFILE D23).
    static func asides(for timeline: Timeline) -> [Int: String] {
        guard timeline.scenario.isMode else { return [:] }
        var asides = [Int: String]()
        for step in timeline.steps where step.message == nil && step.phase != .exchange {
            let what = "Step \(step.index) (\(step.title))"
            if step.phase == .provisioning {
                asides[step.index] = "\(what) is the mode's set-up, before any call: \(setUp(timeline.scenario)) "
                    + "It is not SIP traffic, so sip.pcap has none of it (PROFILE D22, D23)."
            } else if step.action == .leak {
                asides[step.index] = "\(what) comes after the call: a leak is no message of any protocol, "
                    + "so sip.pcap has nothing of it (PROFILE D23)."
            } else {
                asides[step.index] = "\(what) comes after the call and sends nothing: \(timeline.tag(step.actor)) works on "
                    + "the MIKEY messages recorded from the call, which sip.pcap holds in the SDP of the INVITE and, when the mode "
                    + "has a response, of its 200 OK; nothing of this step is in sip.pcap (PROFILE D23)."
            }
        }
        return asides
    }

    /// Where a mode's set-up went, since it is not in SIP.
    private static func setUp(_ scenario: ScenarioName) -> String {
        switch scenario {
        case .modePSK, .modeDHHMAC:
            "I and R agree on the pre-shared key out of band, by no protocol at all (RFC 3830 §3.1)."
        case .modePK:
            "the CA certifies each user's RSA key and I fetches R's certificate from a directory, outside the call; "
                + "I's certificate then travels in the Public-key message, in the INVITE (RFC 3830 §3.2)."
        case .modeSAKKE:
            "the KMS issues each user's keys (ECCSI signing key, SAKKE key) over its own secure channel before the call "
                + "(RFC 6509), as REQUEST_KEY goes to MIKEY-IBAKE's KMS over UDP, not in SIP."
        default:
            "the CA certifies each user's RSA key outside the call; the certificates then travel in the MIKEY messages "
                + "(CERT payloads), in the INVITE and its 200 OK."
        }
    }

    /// This view with `aside` first: what the step on screen is, when it is no SIP traffic.
    func noting(_ aside: String) -> SIPCarriageText {
        switch self {
        case .carried(let message, let route, let notes): .carried(message, route: route, notes: [aside] + notes)
        case .none(let reason): .none(aside + " " + reason)
        }
    }

    /// `CANCEL`, `200 (CANCEL)`, `487 (INVITE)`: a request's method, a response's status and the method it answers.
    private static func label(_ message: SIPMessage) -> String {
        message.status.map { "\($0) (\(message.method))" } ?? message.method
    }
}
