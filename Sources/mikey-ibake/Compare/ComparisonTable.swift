import Scenarios

/// The comparison as a table for a terminal or a document.
struct ComparisonTable {
    let rows: [ModeComparison]
    let params: String

    static let headings = ["mode", "data types", "msgs", "trips", "octets", "I ms", "R ms", "mutual auth", "key from",
                           "fwd secrecy", "escrow", "needs"]

    /// The cells of a row, as both forms print them.
    static func cells(_ row: ModeComparison) -> [String] {
        func milliseconds(_ microseconds: Int) -> String { String(format: "%.2f", Double(microseconds) / 1000) }
        let trips = row.roundTrips == row.roundTrips.rounded() ? String(Int(row.roundTrips)) : String(row.roundTrips)
        return [row.mode.title, row.dataTypes.map(String.init).joined(separator: ","), String(row.messages), trips,
                String(row.octets), milliseconds(row.initiatorMicroseconds), milliseconds(row.responderMicroseconds),
                row.mutualAuthentication ? "yes" : "no", row.contributors.joined(separator: "+"),
                row.forwardSecrecy ? "yes" : "no", row.escrow.isEmpty ? "none" : row.escrow.joined(separator: ", "),
                row.needs.joined(separator: ", ")]
    }

    static let legend = [
        "mutual auth: each end accepted the other's message only after a check that needs the other's long-term secret.",
        "key from: whose random choices make the TGK. fwd secrecy: the recorded call stays closed once the long-term keys leak.",
        "escrow: who else computed the TGK from what it holds. Times: measured in these runs (debug builds are slower).",
    ]

    var text: [String] {
        let table = [Self.headings] + rows.map(Self.cells)
        let widths = Self.headings.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        let lines = table.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return (2...6).contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingSuffix()
        }
        return ["MIKEY modes compared (--params \(params)): every cell from the runs", ""] + lines + [""] + Self.legend
    }

    var markdown: [String] {
        ["# MIKEY modes compared", "", "Parameters: `\(params)`. Every cell comes from the runs.", "",
         "| " + Self.headings.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: Self.headings.count)]
            + rows.map { "| " + Self.cells($0).joined(separator: " | ") + " |" } + [""] + Self.legend
    }
}

private extension String {
    func trimmingSuffix() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
