import ArgumentParser

/// Whole numbers on the command line. Options that take them are parsed with
/// `.unconditional`, so that `--seed -1` reaches these checks instead of reading as a
/// missing value followed by an unknown flag; the message then says what was expected.
enum WholeNumber {
    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    /// An integer from `range`; the parser's message names the option and the value, this
    /// says what was expected.
    static func parse<Number: FixedWidthInteger>(_ text: String, in range: ClosedRange<Number>, expected: String) throws -> Number {
        guard let value = Number(text), range.contains(value) else {
            throw Refused(description: "expected \(expected)")
        }
        return value
    }

    /// A seed (PROFILE D15): 0 to 2^64 - 1.
    static func seed(_ text: String) throws -> UInt64 {
        try parse(text, in: 0...UInt64.max, expected: "a non-negative integer (0 to \(UInt64.max))")
    }

    /// A step: 1 or more (the scenario's length is checked once its timeline is built).
    static func step(_ text: String) throws -> Int {
        try parse(text, in: 1...Int.max, expected: "a step number, 1 or more")
    }

    /// A size in bits: 0 (the toy set's nominal security) to 65536.
    static func bits(_ text: String) throws -> Int {
        try parse(text, in: 0...65_536, expected: "a number of bits, 0 to 65536")
    }

    /// A time as `300ms`, `2s` or `0`: whole milliseconds or seconds, at most 600 s.
    static func duration(_ text: String) throws -> Duration {
        let expected = "a time such as 300ms or 2s (0 to 600s)"
        if text == "0" { return .zero }
        let (digits, scale) = text.hasSuffix("ms") ? (text.dropLast(2), 1) : (text.hasSuffix("s") ? (text.dropLast(1), 1000) : ("", 0))
        guard scale > 0, !digits.isEmpty else { throw Refused(description: "expected \(expected)") }
        let milliseconds = try parse(String(digits), in: 0...(600_000 / scale), expected: expected) * scale
        return .milliseconds(milliseconds)
    }
}

/// `--step N` against the scenario's length, known once its timeline is built.
struct StepRange {
    let step: Int

    /// A usage failure when `step` is beyond the `count` steps of `scenario`.
    func check(steps count: Int, scenario: String) -> CommandFailure? {
        guard step > count else { return nil }
        return .usage("--step \(step) is beyond the \(count) steps of scenario \(scenario): give 1 to \(count)")
    }
}
