import Scenarios

/// What `attacks --sweep` prints: one row per flipped field, then the counts by outcome
/// and by check (issue 12).
struct SweepTable {
    let scenario: ScenarioName
    let options: ScenarioOptions
    let rows: [AttackSweep.Row]

    var lines: [String] {
        let width = max(24, (rows.map(\.field.count).max() ?? 0) + 2)
        var lines = ["Sweep of scenario \(scenario.rawValue), params \(options.parameterSet.name), seed \(options.seed.map(String.init) ?? "none"): "
                        + "the last bit of each field of each message flipped in transit, one branch each.",
                     "", "step  message      " + "field".padding(toLength: width, withPad: " ", startingAt: 0) + "outcome"]
        for row in rows {
            lines.append(String(row.step).padding(toLength: 6, withPad: " ", startingAt: 0)
                + row.message.name.padding(toLength: 13, withPad: " ", startingAt: 0)
                + row.field.padding(toLength: width, withPad: " ", startingAt: 0) + row.outcome.description)
        }
        var counts = [String: Int]()
        for row in rows {
            let key: String
            switch row.outcome {
            case .refused(let check, _, _, true): key = "refused at receipt by \(check.title)"
            case .refused(let check, _, _, false): key = "caught later by \(check.title)"
            case .stalled: key = "stalled"
            case .completed: key = "not caught"
            }
            counts[key, default: 0] += 1
        }
        lines += ["", "\(rows.count) flips in \(Set(rows.map(\.step)).count) messages:"]
        lines += counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "  \($0.value)  \($0.key)" }
        return lines
    }
}
