import Scenarios

/// The comparison as a table for a terminal or a document.
struct ComparisonTable {
    let rows: [ModeComparison]
    let params: String

    var text: [String] {
        ["MIKEY modes compared (--params \(params)): every cell from the runs", ""]
            + ModeTable.lines(rows.map { ($0.mode, $0) }, width: .max, measuring: "") + [""] + ModeTable.legend
    }

    var markdown: [String] {
        let headings = ModeTable.columns.map(\.heading)
        return ["# MIKEY modes compared", "", "Parameters: `\(params)`. Every cell comes from the runs.", "",
                "| " + headings.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: headings.count)]
            + rows.map { row in "| " + ModeTable.columns.map { $0.cell(row) }.joined(separator: " | ") + " |" } + [""] + ModeTable.legend
    }
}
