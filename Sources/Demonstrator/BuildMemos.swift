import IBE
import Synchronization

/// The IBE work of a session's builds, kept per parameter set and seed: a branch built
/// in the background repeats its main line up to the attack, and finds the main line's
/// KMS set-up, private keys and recipient keys here instead of computing them again
/// (issue 12). The policy does not enter: it changes no IBE result. An unseeded
/// configuration gets none, since each of its builds draws a new master secret and
/// nothing would ever be found again. Thread-safe: the build queue's worker asks.
public final class BuildMemos: Sendable {
    private struct Configuration: Hashable {
        let parameterSet: String
        let seed: UInt64
    }

    private let memos = Mutex<[Configuration: IBEMemo]>([:])

    public init() {}

    /// The memo the builds under `config` share; nil without a seed.
    public func memo(for config: AppConfig) -> IBEMemo? {
        guard let seed = config.seed else { return nil }
        let configuration = Configuration(parameterSet: config.parameterSet.name, seed: seed)
        return memos.withLock { memos in
            if let memo = memos[configuration] { return memo }
            let memo = IBEMemo()
            memos[configuration] = memo
            return memo
        }
    }
}
