import IBAKE
import IBE
import MIKEY
import Primitives

/// A KMS, an initiator and a responder set up for one exchange, all from one seed.
struct ExchangeFixture {
    static let alice = "sip:alice@ims.example"
    static let bob = "sip:bob@ims.example"
    /// 2026-11-26 12:00:00 UTC.
    static let start: UInt64 = 1_795_694_400

    let profile: IBAKEProfile
    let kms: KeyManagementService
    let random: HMACDRBG
    let clock: PinnedClock
    let replayCache = ReplayCache()

    init(parameterSet name: String = "toy", prf: PRFFunction = .hmacSHA256, seed: UInt64 = 7) throws {
        let set = try ParameterSet.named(name)
        profile = IBAKEProfile(parameterSet: set, prf: prf)
        random = HMACDRBG(seed: seed)
        kms = KeyManagementService(parameterSet: set, using: random)
        clock = PinnedClock(unixSeconds: Self.start)
    }

    func keyRing(_ uri: String, also others: [String] = []) throws -> KeyRing {
        var ring = KeyRing(ownURI: uri)
        for name in [uri] + others {
            let identity = try IdentityWithPeriod(uri: name, year: 2026, month: 11)
            ring.add(kms.extractPrivateKey(for: identity), for: identity)
        }
        return ring
    }

    func initiator(target: String = bob, policy: Initiator.Policy = .continue) throws -> Initiator {
        Initiator(profile: profile, keys: try keyRing(Self.alice), kmsParameters: kms.publicParameters, target: target,
                  policy: policy, random: random, clock: clock)
    }

    /// A responder device; devices share the fixture's replay cache unless given their own.
    func responder(_ uri: String = bob, also others: [String] = [], replayCache: ReplayCache? = nil) throws -> Responder {
        Responder(profile: profile, keys: try keyRing(uri, also: others), kmsParameters: kms.publicParameters,
                  replayCache: replayCache ?? self.replayCache, random: random, clock: clock)
    }
}
