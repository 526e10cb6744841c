import Foundation

/// The comparison's columns, as the command line and the demonstrator print them: one
/// definition, so both say the same (issue 13).
public enum ModeTable {
    public struct Column: Sendable {
        public let heading: String
        /// Numbers are right-aligned.
        public let numeric: Bool
        /// Which columns a narrow screen keeps first (0: always).
        public let rank: Int
        public let cell: @Sendable (ModeComparison) -> String
    }

    public static let columns: [Column] = [
        Column(heading: "mode", numeric: false, rank: 0) { $0.mode.title },
        Column(heading: "data types", numeric: false, rank: 3) { $0.dataTypes.map(String.init).joined(separator: ",") },
        Column(heading: "msgs", numeric: true, rank: 1) { String($0.messages) },
        Column(heading: "trips", numeric: true, rank: 2) { row in
            row.roundTrips == row.roundTrips.rounded() ? String(Int(row.roundTrips)) : String(row.roundTrips)
        },
        Column(heading: "octets", numeric: true, rank: 1) { String($0.octets) },
        Column(heading: "I ms", numeric: true, rank: 2) { milliseconds($0.initiatorMicroseconds) },
        Column(heading: "R ms", numeric: true, rank: 2) { milliseconds($0.responderMicroseconds) },
        Column(heading: "mutual auth", numeric: false, rank: 0) { $0.mutualAuthentication ? "yes" : "no" },
        Column(heading: "key from", numeric: false, rank: 0) { $0.contributors.joined(separator: "+") },
        Column(heading: "fwd secrecy", numeric: false, rank: 0) { $0.forwardSecrecy ? "yes" : "no" },
        Column(heading: "escrow", numeric: false, rank: 0) { $0.escrow.isEmpty ? "none" : $0.escrow.joined(separator: ", ") },
        Column(heading: "needs", numeric: false, rank: 1) { $0.needs.joined(separator: ", ") },
    ]

    /// What the columns mean, a sentence each.
    public static let legend = [
        "mutual auth: each end accepted the other's message only after a check that needs the other's long-term secret.",
        "key from: whose random choices make the TGK. fwd secrecy: the recorded call stays closed once the long-term keys leak.",
        "escrow: who else computed the TGK from what it holds. Times: measured in these runs.",
    ]

    static func milliseconds(_ microseconds: Int) -> String { String(format: "%.2f", Double(microseconds) / 1000) }

    /// The columns that fit `width` with `gap` columns between them, most important
    /// first kept, in table order; `rows` are the cells' texts per column.
    public static func fitting(_ width: Int, gap: Int, widths: [Int]) -> [Int] {
        var kept = Array(columns.indices)
        func total(_ chosen: [Int]) -> Int { chosen.map { widths[$0] }.reduce(0, +) + gap * max(0, chosen.count - 1) }
        while total(kept) > width, let drop = kept.filter({ columns[$0].rank > 0 }).max(by: { columns[$0].rank < columns[$1].rank }) {
            kept.removeAll { $0 == drop }
        }
        return kept
    }

    /// Lines of the table: headings, then a row per comparison (nil: "measuring").
    public static func lines(_ rows: [(MIKEYMode, ModeComparison?)], width: Int, measuring: String) -> [String] {
        let cells = rows.map { mode, row in row.map { row in columns.map { $0.cell(row) } } ?? [mode.title, measuring] }
        let widths = columns.indices.map { column in
            ([columns[column].heading] + cells.compactMap { $0.count > column ? $0[column] : nil }).map(\.count).max() ?? 0
        }
        let kept = fitting(width, gap: 2, widths: widths)
        func line(_ texts: [String]) -> String {
            if texts.count == 2 { return texts[0].padding(toLength: widths[0] + 2, withPad: " ", startingAt: 0) + texts[1] }
            return kept.map { column in
                let text = texts[column], pad = String(repeating: " ", count: max(0, widths[column] - text.count))
                return columns[column].numeric ? pad + text : text + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return [line(columns.map(\.heading))] + cells.map(line)
    }
}
