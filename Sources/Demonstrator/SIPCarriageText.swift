import Network
import Scenarios

/// What the inspector's SIP view shows for a message (PROFILE D23): the SIP request or
/// response that carries it, or why none does.
public enum SIPCarriageText: Sendable {
    /// The carrying SIP message, and who sends it to whom in the scenario's tags (`I → R`).
    case carried(SIPMessage, route: String)
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
                        views[step.index] = .carried(carrier, route: "\(timeline.tag(carrier.from)) → \(timeline.tag(carrier.to))")
                    } else {
                        views[step.index] = .none("\(kind) has no SIP carrier in this run (PROFILE D23).")
                    }
                }
            }
        }
        return views
    }
}
