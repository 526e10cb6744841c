import IBAKE
import IBE
import Pairing
import Primitives
import Scenarios

/// One line of `mikey-ibake bench`: an operation at a parameter set, its median and
/// minimum time, and the median in units of one modular multiplication of the same size.
struct BenchmarkResult: Codable {
    let name: String
    let params: String
    let medianMicroseconds: Double
    let minimumMicroseconds: Double
    /// The median in modular multiplications; nil for measures that do no arithmetic (ui-*).
    let mulmods: Double?

    enum CodingKeys: String, CodingKey {
        case name, params, mulmods
        case medianMicroseconds = "median_us"
        case minimumMicroseconds = "min_us"
    }
}

extension BenchmarkResult {
    /// The line for `timing`; `unit`, the time of one modular multiplication, turns the
    /// median into mulmods (nil for the ui-* measures, which do no arithmetic).
    init(name: String, params: String, timing: Sampling.Result, unit: Duration?) {
        self.init(name: name, params: params, medianMicroseconds: timing.median.microseconds,
                  minimumMicroseconds: timing.minimum.microseconds,
                  mulmods: unit.map { timing.median.microseconds / $0.microseconds })
    }
}

/// What `bench` measures. Inputs come from a fixed seed, so every run times the same work.
struct BenchmarkSuite {
    var sampling = Sampling()

    /// The time of one mpz_mul + mpz_mod at the size of `modulus`: the best of several batches.
    func mulModTime(_ modulus: BigInt) -> Duration {
        let count = 20_000
        let batches = (0..<7).map { _ in MulModProbe.time(modulus: modulus, count: count) }
        return (batches.min() ?? .zero) / count
    }

    func run(parameterSet set: ParameterSet) throws -> [BenchmarkResult] {
        let random = HMACDRBG(seed: 1)
        let curve = set.curve
        let kms = KeyManagementService(parameterSet: set, using: random)
        let parameters = kms.publicParameters
        let identity = try IdentityWithPeriod(uri: "sip:bob@ims.example", year: 2026, month: 11)
        let identityOctets = identity.octets
        let key = kms.extractPrivateKey(for: identity)
        let message = random.bytes(16)
        let ciphertext = parameters.encrypt(message, for: identityOctets, using: random)
        let scalar = BigInt(bytes: random.bytes(curve.q.byteWidth)).modulo(curve.q)
        let a = curve.multiply(set.generator, by: scalar)
        let b = parameters.publicKey(for: identityOctets)

        let exchange = try ExchangeBenchmark(parameterSet: set, kms: kms, random: random)

        let unit = mulModTime(curve.p)
        func result(_ name: String, _ operation: () -> Void) -> BenchmarkResult {
            BenchmarkResult(name: name, params: set.name, timing: sampling.measure(operation), unit: unit)
        }
        return [
            result("pairing") { _ = curve.pairing(a, b) },
            result("bf-encrypt") { _ = parameters.encrypt(message, for: identityOctets, using: random) },
            result("bf-decrypt") { _ = try? parameters.decrypt(ciphertext, with: key) },
            result("bf-extract") { _ = kms.extractPrivateKey(for: identity) },
            result("hash-to-point") { _ = parameters.publicKey(for: identityOctets) },
            result("g1-scalar-multiply") { _ = curve.multiply(a, by: scalar) },
            result("ibake-exchange") { _ = try? exchange.run() },
        ] + timelines(set, unit: unit, result)
    }

    /// timeline-<scenario>: building each available scenario's timeline (not for the
    /// 192-bit and benchmark-only sets, where a full catalogue would take minutes).
    private func timelines(_ set: ParameterSet, unit: Duration,
                           _ result: (String, () -> Void) -> BenchmarkResult) -> [BenchmarkResult] {
        guard set.securityBits <= 128, !set.isBenchmarkOnly else { return [] }
        let options = ScenarioOptions(parameterSet: set, seed: 1)
        return ScenarioName.allCases.filter { (try? Scenario.build($0, options: options)) != nil }.map { name in
            result("timeline-\(name.rawValue)") { _ = try? Scenario.build(name, options: options) }
        } + [
            // `mikey-ibake compare` (issue 13): every mode's runs and its row.
            result("compare") { _ = try? MIKEYMode.allCases.map { try ModeComparison.measure($0, options: options) } },
        ] + attacks(options, unit: unit, result)
    }

    /// attack-*: the plain run of basic and one branch of it (what `run --attack` computes;
    /// issue 12): a flip refused at the first message, one refused at the last, and the KMS
    /// in the middle. attack-*-branch: the branch alone, its plain run built beforehand
    /// (not timed) with a new memo the branch then uses, as a branch the demonstrator
    /// builds beside its main line. At an insecure set, the whole sweep too.
    private func attacks(_ options: ScenarioOptions, unit: Duration,
                         _ result: (String, () -> Void) -> BenchmarkResult) -> [BenchmarkResult] {
        guard let plain = try? Scenario.build(.basic, options: options) else { return [] }
        func step(_ kind: MessageKind) -> Int { plain.steps.first { $0.action == .send && $0.message?.kind == kind }?.index ?? 1 }
        let branches: [(String, Attack)] = [
            ("attack-flip-i-message-1", Attack(step: step(.iMessage1), action: .flip(field: "IBAKE.U", bit: nil))),
            ("attack-flip-r-message-2", Attack(step: step(.rMessage2), action: .flip(field: "V.MAC", bit: nil))),
            ("attack-rogue-kms", Attack(step: 1, action: .rogueKMS)),
        ]
        let sweep = options.parameterSet.isInsecure
            ? [result("attack-sweep-basic") { _ = try? AttackSweep.run(.basic, options: options) }] : []
        // A new memo per run: a memo that kept a run of this branch would leave it nothing to do.
        func memoizedPlainRun() -> (ScenarioOptions, Timeline?) {
            var memoized = options
            memoized.memo = IBEMemo()
            return (memoized, try? Scenario.build(.basic, options: memoized))
        }
        func branchAlone(_ attack: Attack) -> Sampling.Result {
            sampling.measure(preparing: memoizedPlainRun) { memoized, plain in
                if let plain { _ = try? Scenario.branch(of: plain, options: memoized, attacks: [attack]) }
            }
        }
        return branches.flatMap { name, attack in [
            result(name) { _ = try? Scenario.build(.basic, options: options, attacks: [attack]) },
            BenchmarkResult(name: "\(name)-branch", params: options.parameterSet.name, timing: branchAlone(attack), unit: unit),
        ] } + sweep
    }

    /// ECDH scalar multiplication of an arbitrary point (decode, multiply, encode).
    func run(ecdh curve: NISTCurve) -> BenchmarkResult {
        let random = HMACDRBG(seed: 2)
        let peer = (try? curve.generator.multiplied(by: curve.randomScalar(using: random))) ?? curve.generator
        let scalar = curve.randomScalar(using: random)
        let timing = sampling.measure { _ = try? peer.multiplied(by: scalar) }
        let unit = mulModTime(BigInt(bytes: curve.fieldPrime))
        return BenchmarkResult(name: "ecdh-scalar-multiply", params: curve.rawValue, timing: timing, unit: unit)
    }
}

/// One MIKEY-IBAKE exchange as `bench` times it: both roles, all four messages, every
/// check, fresh roles each time (so each side prepares the other's public key anew);
/// the users' private keys are provisioned once beforehand, as they are for a month.
struct ExchangeBenchmark {
    let profile: IBAKEProfile
    let kms: KeyManagementService
    let random: RandomSource
    let initiatorKeys: KeyRing
    let responderKeys: KeyRing
    let clock = PinnedClock(unixSeconds: BasicExchange.seededStart)

    init(parameterSet: ParameterSet, kms: KeyManagementService, random: RandomSource) throws {
        profile = IBAKEProfile(parameterSet: parameterSet)
        self.kms = kms
        self.random = random
        let (year, month) = KeyPeriod.month(ofUnixSeconds: Int64(BasicExchange.seededStart))
        let cast = BasicExchange.Cast()
        var initiatorKeys = KeyRing(ownURI: cast.initiator)
        let alice = try IdentityWithPeriod(uri: cast.initiator, year: year, month: month)
        initiatorKeys.add(kms.extractPrivateKey(for: alice), for: alice)
        var responderKeys = KeyRing(ownURI: cast.responder)
        let bob = try IdentityWithPeriod(uri: cast.responder, year: year, month: month)
        responderKeys.add(kms.extractPrivateKey(for: bob), for: bob)
        self.initiatorKeys = initiatorKeys
        self.responderKeys = responderKeys
    }

    func run() throws {
        let initiator = Initiator(profile: profile, keys: initiatorKeys, kmsParameters: kms.publicParameters,
                                  target: responderKeys.ownURI, random: random, clock: clock)
        let responder = Responder(profile: profile, keys: responderKeys, kmsParameters: kms.publicParameters,
                                  replayCache: ReplayCache(), random: random, clock: clock)
        _ = try responder.receiveIMessage1(try initiator.makeIMessage1().message)
        _ = try initiator.receiveRMessage1(try responder.makeRMessage1().message)
        _ = try responder.receiveIMessage2(try initiator.makeIMessage2().message)
        _ = try initiator.receiveRMessage2(try responder.makeRMessage2().message)
    }
}
