import IBAKE
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
}
