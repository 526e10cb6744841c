import Scenarios

// Checking an `inspect` directive against the run (`ResolvedSection.inspected` says what
// does not resolve), and the octets the section's text quotes against what the
// inspector shows.
extension TutorialChecker {
    static func checkInspection(_ entry: ResolvedSection, file: String, cache: TimelineCache, issue: (Int, String) -> Void) {
        do {
            guard let inspected = try entry.inspected(cache: cache, file: file) else { return }
            checkQuotedOctets(entry.section, in: inspected.document, issue: issue)
        } catch {
            issue(error.line, error.message)
        }
    }

    /// Every code span of the section's text that reads as octets in hex (`01 16 05 81`,
    /// `ee92cf90 147ae144`, `0e f0 04 … 00`) occurs in the inspected message or in a layer
    /// opened as the party: the text quotes what the inspector shows, not what it once did.
    static func checkQuotedOctets(_ section: TutorialSection, in document: InspectorDocument, issue: (Int, String) -> Void) {
        let buffers = [document.octets] + document.plaintexts
        for (line, span) in ProseCheck.split(section).code {
            guard let runs = HexQuote.runs(span) else { continue }
            if runs.contains(where: { run in !buffers.contains { $0.contains(run) } }) {
                issue(line, "`\(span)` is not in \(document.name) as the inspector shows it")
            }
        }
    }
}

/// Octets quoted in a tutorial's text: a code span of hex pairs (`01 16 05 81`) or longer
/// even runs of hex digits (`ee92cf90`), `…` or `|` between the parts.
enum HexQuote {
    /// The runs of octets the span quotes, each to be found whole; nil when the span is
    /// not such a quote (words, a number, an odd run of digits).
    static func runs(_ span: String) -> [[UInt8]]? {
        var runs = [[UInt8]](), current = [UInt8]()
        let tokens = span.split(separator: " ")
        // One short token is more likely a number (`2026`) than a quote.
        guard tokens.count > 1 || (tokens.first?.count ?? 0) >= 8 else { return nil }
        for token in tokens {
            if token == "…" || token == "..." || token == "|" || token == "‖" {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            guard token.count % 2 == 0, token.allSatisfy(\.isHexDigit) else { return nil }
            var index = token.startIndex
            while index < token.endIndex {
                let next = token.index(index, offsetBy: 2)
                guard let octet = UInt8(token[index..<next], radix: 16) else { return nil }
                current.append(octet)
                index = next
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs.isEmpty ? nil : runs
    }
}
