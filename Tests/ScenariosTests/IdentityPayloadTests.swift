import IBAKE
import IBE
import MIKEY
import Scenarios
import Testing

/// Every ID and IDR payload of type URI holds an absolute URI (RFC 3830 §6.7, RFC 6267
/// §6.2), in every MIKEY message of every scenario: the clear payloads, and those inside
/// the IBAKE, ESK and KEMAC plaintexts the senders sealed.
@Suite struct IdentityPayloadTests {
    /// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
    static func isAbsoluteURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].unicodeScalars
        guard let first = scheme.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return scheme.dropFirst().allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }

    /// The identities a sealed layer's plaintext carries: IBAKE starts with IDRi, ESK and KEMAC with ID.
    static func identities(in layer: IBELayerRecord) throws -> [(IDType, [UInt8])] {
        let chain = try SubPayloadChain.decode(layer.plaintext, first: layer.payload == "IBAKE" ? .idr : .id)
        return chain.compactMap { item in
            switch item {
            case .id(let id): (id.type, id.data)
            case .idr(let idr): (idr.type, idr.data)
            default: nil
            }
        }
    }

    static func identities(in message: MIKEYMessage) -> [(IDType, [UInt8])] {
        message.payloads.compactMap { payload in
            switch payload {
            case .id(let id): (id.type, id.data)
            case .idr(let idr): (idr.type, idr.data)
            default: nil
            }
        }
    }

    @Test func theSchemeRuleOfRFC3986() {
        for uri in ["sip:alice@ims.example", "https://kms.ims.example", "tel:+15551234", "a1+-.:x"] {
            #expect(Self.isAbsoluteURI(uri), "\(uri)")
        }
        for text in ["kms.ims.example", "alice@ims.example", ":x", "1sip:x", "s p:x", "kms.ims.example/x", ""] {
            #expect(!Self.isAbsoluteURI(text), "\(text)")
        }
    }

    @Test(arguments: ScenarioName.ibakeScenarios) func everyURIIdentityIsAnAbsoluteURI(name: ScenarioName) throws {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        var clear = 0
        var sealed = 0
        for step in timeline.steps {
            guard let wire = step.message, let message = try? MIKEYMessage(decoding: wire.octets) else { continue }
            let inner = try wire.sealedLayers.flatMap { try Self.identities(in: $0) }
            let outer = Self.identities(in: message)
            clear += outer.count
            sealed += inner.count
            for (type, data) in outer + inner where type == .uri {
                let text = String(decoding: data, as: UTF8.self)
                #expect(Self.isAbsoluteURI(text), "\(name) step \(step.index) \(wire.kind): \"\(text)\" is not an absolute URI")
            }
        }
        #expect(clear > 0 && sealed > 0, "\(name): \(clear) clear and \(sealed) sealed identities checked")
    }
}
