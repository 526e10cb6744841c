import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, results in the original order.
    ///
    /// For the pure, costly IBE work of a group round (encryptions with their rho already
    /// drawn, decryptions), which dominates the scenario's time. The transform must not
    /// touch shared state: every random choice is drawn before, in a fixed order, so a
    /// seeded run stays byte-for-byte repeatable.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = Mutex<[T?]>(Array<T?>(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = transform(self[index])
            results.withLock { $0[index] = value }
        }
        // Invariant: concurrentPerform returns after every iteration has stored its value.
        return results.withLock { $0.compactMap { $0 } }
    }
}
