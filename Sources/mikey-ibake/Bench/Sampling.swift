/// Repeated timing of one operation: median and minimum over enough runs to fill a
/// time budget (at least `minimumRuns`), after one warm-up run.
struct Sampling {
    var budget: Duration = .milliseconds(400)
    var minimumRuns = 7
    var maximumRuns = 2_000

    struct Result {
        let median: Duration
        let minimum: Duration
        let runs: Int
    }

    func measure(_ operation: () -> Void) -> Result {
        measure(preparing: {}, operation)
    }

    /// Times `operation` alone, each run on what a fresh `prepare()` returns (not timed):
    /// for an operation whose first run would leave later ones less to do.
    func measure<Prepared>(preparing prepare: () -> Prepared, _ operation: (Prepared) -> Void) -> Result {
        let clock = ContinuousClock()
        operation(prepare())
        var samples = [Duration]()
        let start = clock.now
        while samples.count < minimumRuns || (clock.now - start < budget && samples.count < maximumRuns) {
            let prepared = prepare()
            let begin = clock.now
            operation(prepared)
            samples.append(clock.now - begin)
        }
        samples.sort()
        return Result(median: samples[samples.count / 2], minimum: samples[0], runs: samples.count)
    }
}

extension Duration {
    /// The duration in microseconds.
    var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }
}
