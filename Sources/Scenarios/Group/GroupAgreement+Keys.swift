import IBAKE
import IBE
import Primitives

/// What one member read in one round: the points by sender number.
struct Received {
    let points: [UInt8: ECPoint]

    func point(_ sender: UInt8) throws(GroupFailure) -> ECPoint {
        guard let point = points[sender] else { throw .context("no value from M\(sender)") }
        return point
    }
}

extension GroupAgreement {
    /// Every member's decryption of the frames relayed to it, run concurrently before the
    /// steps are recorded (decryption is deterministic, so the order does not matter).
    /// Per ring position, the plaintexts in entry order.
    func decryptAll(_ wire: [[UInt8]]) throws -> [[Result<[UInt8], GroupFailure>]] {
        let parameters = stage.kms.publicParameters
        var jobs = [OpenJob]()
        for (j, octets) in wire.enumerated() {
            for entry in try GroupFrame(decoding: octets).entries {
                jobs.append(OpenJob(recipient: j, ciphertext: entry.ciphertext, key: ring[j].key.key))
            }
        }
        let results = jobs.concurrentMap { job in
            do throws(IBEError) {
                return Result<[UInt8], GroupFailure>.success(
                    try parameters.decrypt(try BFCiphertext(decoding: job.ciphertext, parameters: parameters), with: job.key))
            } catch {
                return .failure(.decryption(error.description))
            }
        }
        var perMember = Array(repeating: [Result<[UInt8], GroupFailure>](), count: n)
        for (job, result) in zip(jobs, results) { perMember[job.recipient].append(result) }
        return perMember
    }

    private struct OpenJob: Sendable {
        let recipient: Int
        let ciphertext: [UInt8]
        let key: BFPrivateKey
    }

    /// A member reads a relayed frame: the decryption with its private key (done in
    /// ``decryptAll(_:)``), the header inside against the frame, each point on P-256.
    func open(_ octets: [UInt8], plaintexts: [Result<[UInt8], GroupFailure>], at j: Int, round: UInt8) throws -> Received {
        let member = ring[j]
        let frame = try GroupFrame(decoding: octets)
        guard frame.round == round, frame.agreement == number, frame.entries.count == plaintexts.count else {
            throw GroupFailure.context("frame of round \(frame.round), agreement \(frame.agreement); round \(round), agreement \(number) expected")
        }
        var points = [UInt8: ECPoint]()
        for (entry, result) in zip(frame.entries, plaintexts) {
            guard entry.recipient == member.number else { throw GroupFailure.context("entry for M\(entry.recipient) relayed to \(member.party.tag)") }
            let inner = try GroupPlaintext(decoding: try result.get())
            guard inner.round == frame.round, inner.agreement == frame.agreement, inner.sender == entry.sender else {
                throw GroupFailure.context("inside: round \(inner.round), agreement \(inner.agreement), sender M\(inner.sender); the frame says otherwise")
            }
            do {
                points[entry.sender] = try ECPoint(sec1: inner.point, curve: BurmesterDesmedt.curve)
            } catch {
                throw GroupFailure.point(error.description)
            }
        }
        let names = frame.entries.map { "\(round == 1 ? "z" : "X")\($0.sender)" }.joined(separator: ", ")
        stage.builder.step(member.party.id, .receive, "\(member.party.tag) opens \(names)", checks: Self.checks,
                           narration: "\(member.party.tag) decrypts each ciphertext with its private key (the Fujisaki-Okamoto check passes), checks that the round, agreement and sender inside match the frame, and that each value is a valid P-256 point. It now holds \(names).",
                           references: [.profile("D14"), .profile("D1"), .rfc(5091, "5.5")])
        return Received(points: points)
    }

    private static let checks = [
        CheckOutcome(check: .decryption, passed: true, detail: "BF decryption with the member's private key"),
        CheckOutcome(check: .innerIdentity, passed: true, detail: "round, agreement and sender inside match the frame"),
        CheckOutcome(check: .diffieHellmanValue, passed: true, detail: "a valid P-256 point"),
    ]

    /// Member i checks that all X sum to zero (they telescope: Σ r_i·z_{i+1} − Σ r_i·z_{i−1}),
    /// computes K and reveals group_key to itself. The last member's step also states the
    /// outcome of the whole agreement, from the keys computed so far.
    func computeKey(_ i: Int, _ own: BurmesterDesmedt.Contribution, previous before: ECPoint, crossValues: [ECPoint],
                    last: ECPoint, keys: [PartyID: [UInt8]]) throws -> [UInt8] {
        guard try BurmesterDesmedt.sumsToZero(crossValues + [last]) else {
            throw GroupFailure.point("\(tag(i))'s X values do not sum to zero: one was changed on the way")
        }
        let key = BurmesterDesmedt.groupKey(try BurmesterDesmedt.key(own, previous: before, crossValues: crossValues))
        let k = ring[i].number
        let terms = ["\(n)·r\(k)·z\(ring[previous(i)].number)"]
            + (0..<(n - 1)).map { j in "\(n - 1 - j)·X\(ring[(i + j) % n].number)" }
        let products = ring.indices.map { m in "r\(ring[m].number)r\(ring[next(m)].number)·P" }
        var narration = "\(tag(i)) checks that the \(n) X values sum to zero, as they must, then computes K = \(terms.joined(separator: " + ")), which equals \(products.joined(separator: " + ")), and takes group_key = SHA-256 of K's uncompressed SEC1 encoding (32 octets)."
        var comparisons = [SameValue]()
        if i == n - 1 {
            let all = keys.values.map { $0 } + [key]
            narration += " " + summary(all)
            // The summary's "same group_key", stated for the ledger to check once this step reveals the last key.
            comparisons.append(SameValue(value: .groupKey, parties: ring.map(\.party.id), same: Set(all).count == 1))
        }
        stage.builder.step(ring[i].party.id, .compute, "\(tag(i)) computes the group key",
                           reveal: [(ring[i].party.id, LearnedValue(.groupKey, key, .computed))], comparing: comparisons,
                           narration: narration, references: [.profile("D14")])
        return key
    }

    /// What the agreement achieved, said only as far as the keys bear it out.
    private func summary(_ all: [[UInt8]]) -> String {
        var text = Set(all).count == 1
            ? "All \(n) members now hold the same group_key."
            : "The members' keys differ: the agreement failed."
        text += " The server relayed every value and cannot compute it: it saw only IBE ciphertexts, encrypted to identities whose private keys only the KMS and their members hold; and even the z and X values in clear would not give K without some member's r (against a passive observer Burmester-Desmedt rests on the Diffie-Hellman assumption on P-256)."
        if let key = all.first, !earlier.isEmpty {
            text += earlier.contains(key)
                ? " This key equals an earlier one."
                : " It is a new key, unrelated to the earlier ones: fresh r values, a fresh agreement."
        }
        return text
    }
}
