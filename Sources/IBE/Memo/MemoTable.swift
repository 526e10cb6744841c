import Synchronization

/// One table of an ``IBEMemo``: values by the inputs they were computed from, shared by
/// every thread that builds with the memo.
final class MemoTable<Input: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entries {
        var values: [Input: Value] = [:]
        var reused = 0
    }

    private let entries = Mutex(Entries())

    /// The value kept for `input`, else `compute()`'s, kept for next time.
    func value(for input: Input, compute: () -> Value) -> Value {
        let known = entries.withLock { entries -> Value? in
            let value = entries.values[input]
            if value != nil { entries.reused += 1 }
            return value
        }
        if let known { return known }
        // Computed outside the lock: a pairing or a scalar multiplication takes milliseconds
        // at ibe-128, and a build on another thread may want another entry meanwhile. Two
        // threads computing one input get equal values; both return the one kept first.
        let value = compute()
        return entries.withLock { entries in
            if let first = entries.values[input] { return first }
            entries.values[input] = value
            return value
        }
    }

    /// Values computed and kept, and look-ups answered from the table.
    var counts: (computed: Int, reused: Int) {
        entries.withLock { ($0.values.count, $0.reused) }
    }
}
