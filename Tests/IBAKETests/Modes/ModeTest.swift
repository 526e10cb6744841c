import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// What the tests of MIKEY's other modes share: the users, the clock of a call, and the
/// check that refused a message.
enum ModeTest {
    static let alice = "sip:alice@ims.example"
    static let bob = "sip:bob@ims.example"
    static let carol = "sip:carol@ims.example"
    /// The NTP time every test call runs at.
    static let now: UInt64 = 0xEBFE_6F2D_0000_0000
    /// Unix seconds of `now`, a day back: the certificates' start.
    static let notBefore = (now >> 32) - Timestamp.ntpEpochOffset - 86_400

    /// The check that refused what `body` received (a refusal that is not an IBAKEFailure
    /// counts as parse); nil when it was accepted.
    static func refusal(_ body: () throws -> Void) -> IBAKECheck? {
        do {
            try body()
            return nil
        } catch let failure as IBAKEFailure {
            return failure.check
        } catch {
            return .parse
        }
    }

    /// The payload types of `octets`, in order.
    static func types(_ octets: [UInt8]) throws -> [PayloadType] {
        try MIKEYMessage(decoding: octets).payloads.map(\.type)
    }

    /// Expects `receive` to refuse each copy of `octets` that has one octet flipped, for
    /// every octet from `start` on; `name` says which message a failure is about.
    static func expectEveryFlipRefused(
        _ octets: [UInt8], from start: Int, named name: String,
        sourceLocation: SourceLocation = #_sourceLocation, by receive: ([UInt8]) throws -> Void
    ) {
        for index in start..<octets.count {
            var flipped = octets
            flipped[index] ^= 0x01
            #expect(refusal { try receive(flipped) } != nil, "\(name): a flip of octet \(index) was accepted", sourceLocation: sourceLocation)
        }
    }

    /// Where the HDR of `octets` ends.
    static func headerEnd(_ octets: [UInt8]) -> Int { MIKEYMessage.trace(octets).descriptions.first?.range.upperBound ?? 0 }

    /// The alice → bob session of the toy profile, its CSB ID and SSRC drawn from `random`.
    static func session(using random: RandomSource) throws -> ModeSession {
        ModeSession(initiator: alice, responder: bob, profile: IBAKEProfile(parameterSet: try ParameterSet.named("toy")), using: random)
    }

    /// What a certificate mode's test call starts from: the stream of `seed`, a lab CA
    /// with 1024-bit keys and a holder per URI of `uris` (valid from `notBefore`), then the
    /// session, drawn in that order.
    static func certifiedLab(seed: UInt64, uris: [String]) throws -> (random: HMACDRBG, pki: LabPKI, session: ModeSession) {
        let random = HMACDRBG(seed: seed)
        let pki = try LabPKI(uris: uris, bits: 1024, notBefore: notBefore, using: random)
        return (random, pki, try session(using: random))
    }

    /// The DH values that confine the secret (RFC 3526 §8): 1 and p - 1 of OAKLEY 5.
    static var degenerateDHValues: [[UInt8]] {
        let length = MODPGroup.oakley5.primeOctets.count
        var pMinus1 = MODPGroup.oakley5.primeOctets
        pMinus1[length - 1] -= 1  // p is odd: its last octet is at least 1
        return [Array(repeating: UInt8(0), count: length - 1) + [1], pMinus1]
    }

    /// `payloads` with the `index`-th DH payload's value replaced by `value`.
    static func replacingDH(_ index: Int, with value: [UInt8]) -> (inout [Payload]) -> Void {
        { payloads in
            let positions = payloads.indices.filter { if case .dh = payloads[$0] { true } else { false } }
            payloads[positions[index]] = .dh(DHPayload(group: .oakley5, value: value))
        }
    }
}

/// A test call of a certificate mode (MIKEY-PK, DH-SIGN, RSA-R): its lab CA's holders.
protocol CertifiedModeCall {
    var pki: LabPKI { get }
}

extension CertifiedModeCall {
    func holder(_ uri: String) throws -> LabPKI.Holder { try #require(pki[uri]) }
    var authority: X509Certificate { pki.authority.certificate }
}
