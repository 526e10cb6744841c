import Foundation
import Scenarios

/// The sentences a tutorial says about its demo, built once for the demonstrator's panel
/// and for plain text, so a reader meets the same words in both: a claim ("Eve cannot
/// compute aP.") and a section whose demo goes back in its run.
public enum TutorialSentences {
    /// A claim as a sentence: "The initiator holds a and aP.", "The KMS does not hold a
    /// or b.", "Eve cannot compute abP." The party is named as `timeline` casts it, else by its id.
    public static func claim(_ claim: Claim, in timeline: Timeline?) -> String {
        let predicate = switch claim.statement {
        case .values(.knows, let values): "holds " + list(values.map(\.rawValue), "and")
        case .values(.lacks, let values): "does not hold " + list(values.map(\.rawValue), "or")
        case .values(.cannot, let values): "cannot compute " + list(values.map(\.rawValue), "or")
        case .refuses(let kind, let check): "refuses \(kind.name): its \(check.title) check fails"
        case .accepts(let kind): "accepts \(kind.name): every check passes"
        }
        return "\(subject(claim.party, in: timeline)) \(predicate)."
    }

    /// The party as a sentence's subject: the roles with an article ("The initiator",
    /// "The KMS", "The mailbox"), people and devices by name ("Eve", "Carol", "Bob's
    /// phone"); a cast's remark in parentheses ("KMS (curious)") is left to the panes.
    public static func subject(_ party: PartyID, in timeline: Timeline?) -> String {
        let cast = timeline?.party(party)?.name ?? party.rawValue.replacingOccurrences(of: "-", with: " ")
        let name = cast.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? cast
        guard roles.contains(party), let first = name.split(separator: " ").first else {
            return name.prefix(1).uppercased() + name.dropFirst()
        }
        // An acronym keeps its capitals: "The KMS", but "The conference server".
        let lead = first.allSatisfy(\.isUppercase) && first.count > 1 ? String(first) : first.lowercased()
        return "The " + ([lead] + name.split(separator: " ").dropFirst().map(String.init)).joined(separator: " ")
    }

    /// The note of a section whose step comes before the previous section's in the same
    /// run: the demo moves backwards, which a reader should not have to notice alone.
    public static func goesBack(from previous: Int, to step: Int) -> String {
        "The demo goes back from step \(previous) to step \(step)."
    }

    /// Parties named by their role, so a sentence gives them an article.
    private static let roles: Set<PartyID> = [.initiator, .responder, .kms, .mailbox, .server]

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String], _ conjunction: String) -> String {
        guard let last = items.last else { return "" }
        let rest = items.dropLast()
        return rest.isEmpty ? last : rest.joined(separator: ", ") + " \(conjunction) " + last
    }
}
