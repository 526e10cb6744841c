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
            if kind.name.hasPrefix("REQUEST_KEY") {
                views[step.index] = .none("\(kind) goes between a user and the KMS over UDP port 2269, not in SIP (PROFILE D11, D20, D23).")
            } else if kind.dataType == nil {
                views[step.index] = .none("\(kind) is not a MIKEY message: no SIP message carries it (PROFILE D23).")
            } else {
                switch dialogue {
                case .failure(let error):
                    views[step.index] = .none("This run has no SIP carriage: \(error) (PROFILE D23).")
                case .success(let messages):
                    if let carrier = SIPCarriage.carrier(of: step.index, in: messages) {
                        views[step.index] = .carried(carrier, route: route(carrier, in: timeline),
                                                     notes: notes(carrier, at: step.index, in: timeline, dialogue: messages))
                    } else {
                        views[step.index] = .none("\(kind) has no SIP carrier in this run (PROFILE D23).")
                    }
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
        let ending = SIPCarriage.cancellation(of: carrier, in: dialogue)
        if let first = ending.first {
            notes.append("Step \(first.step): the call is answered on another branch, so the proxy ends this copy: "
                         + ending.map { "\(label($0)) \(route($0, in: timeline))" }.joined(separator: ", ")
                         + " (RFC 3261 §9, §16.7).")
        }
        return notes
    }

    /// `CANCEL`, `200 (CANCEL)`, `487 (INVITE)`: a request's method, a response's status and the method it answers.
    private static func label(_ message: SIPMessage) -> String {
        message.status.map { "\($0) (\(message.method))" } ?? message.method
    }
}
