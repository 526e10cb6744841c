import Foundation
import MIKEY
import Primitives
import Testing

/// Field-level descriptions for the inspector: names, values in words, byte ranges, RFC sections.
@Suite("Descriptions")
struct DescriptionTests {
    /// Fields tile `range` in wire order: each starts where the previous ended, or shares the
    /// previous field's octets (sub-octet fields such as V and PRF func); children tile their parent.
    static func checkTiling(_ fields: [FieldDescription], _ range: Range<Int>, _ context: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        var end = range.lowerBound
        var previous: FieldDescription?
        for field in fields {
            let sharesOctets = previous.map { $0.range == field.range && $0.bits != nil && field.bits != nil } ?? false
            #expect(sharesOctets || field.range.lowerBound == end, "\(context): \(field.name) at \(field.range)", sourceLocation: sourceLocation)
            if let bits = field.bits { #expect(bits.upperBound <= 8 * field.range.count, sourceLocation: sourceLocation) }
            if !field.children.isEmpty { checkTiling(field.children, field.range, "\(context) > \(field.name)", sourceLocation: sourceLocation) }
            end = field.range.upperBound
            previous = field
        }
        #expect(end == range.upperBound, "\(context): fields end at \(end), not \(range.upperBound)", sourceLocation: sourceLocation)
    }

    @Test("every field of every fixture tiles its payload")
    func tiling() throws {
        for message in [Fixtures.iMessage1, Fixtures.rMessage2, Fixtures.requestKeyResponse, Fixtures.everyPayload] {
            for description in try message.describe() {
                Self.checkTiling(description.fields, description.range, description.name)
                #expect(!description.summary.isEmpty)
            }
        }
        for chain in [Fixtures.ibakePlaintext(curve: .p521, compressed: true), Fixtures.eskPlaintext, Fixtures.kemacPlaintext] {
            let trace = SubPayloadChain.trace(try SubPayloadChain.encode(chain), first: chain[0].type)
            #expect(trace.isComplete)
            for element in trace.elements {
                Self.checkTiling(element.description.fields, element.description.range, element.description.name)
                #expect(element.description.isSubPayload)
            }
        }
    }

    @Test("the header in words")
    func header() throws {
        let hdr = try #require(try Fixtures.iMessage1.describe().first)
        #expect(hdr.name == "HDR" && hdr.type == nil && hdr.range == 0..<19 && hdr.reference.description == "RFC 3830 §6.1")
        #expect(hdr.fields.map(\.name) == ["version", "data type", "next payload", "V", "PRF func", "CSB ID", "#CS", "CS ID map type", "CS ID map info"])
        #expect(hdr.fields.map(\.value) == ["1", "22 (I_MESSAGE_1)", "5 (T)", "1 (a response is expected)", "1 (PRF-HMAC-SHA-256)",
                                            "0xcd177e50 (3440868944)", "1", "0 (SRTP-ID)", "1 entry, 9 octets"])
        #expect(hdr.fields[3].range == 3..<4 && hdr.fields[3].bits == 0..<1)
        #expect(hdr.fields[4].range == 3..<4 && hdr.fields[4].bits == 1..<8)
        let entry = try #require(hdr.fields[8].children.first)
        #expect(entry.name == "CS ID 1" && entry.value == "policy 0, SSRC 0x12345678 (305419896), ROC 0" && entry.range == 10..<19)
        #expect(entry.children.map(\.name) == ["Policy_no_1", "SSRC_1", "ROC_1"])
        #expect(hdr.summary == "I_MESSAGE_1, CSB ID 0xcd177e50 (3440868944), PRF-HMAC-SHA-256, V=1, 1 crypto session (SRTP-ID)")
    }

    @Test("payloads in words: T, RAND, IDR, SP, IBAKE, ESK")
    func payloads() throws {
        let descriptions = try Fixtures.iMessage1.describe()
        #expect(descriptions.map(\.name) == ["HDR", "T", "RAND", "IDR", "IDR", "SP", "IBAKE", "ESK"])
        #expect(descriptions.map(\.range.lowerBound) == [0, 19, 29, 47, 73, 97, 132, 255])
        let t = descriptions[1]
        #expect(t.fields.map(\.value) == ["11 (RAND)", "0 (NTP-UTC)", "2026-11-03 12:00:00.500 UTC (0xee944b4080000000)"])
        #expect(t.summary == "NTP-UTC 2026-11-03 12:00:00.500 UTC" && t.reference.description == "RFC 3830 §6.6")
        let idri = descriptions[3]
        #expect(idri.title == "Identity with role" && idri.reference.description == "RFC 6043 §6.6")
        #expect(idri.fields.map(\.name) == ["next payload", "ID Role", "ID Type", "ID len", "ID data"])
        #expect(idri.fields.map(\.value) == ["14 (IDR)", "1 (Initiator (IDRi))", "1 (URI)", "21 octets", "\"sip:alice@ims.example\""])
        #expect(idri.summary == "IDRi, URI \"sip:alice@ims.example\"")
        let sp = descriptions[5]
        let parameters = try #require(sp.fields.last)
        #expect(parameters.name == "Policy param" && parameters.children.count == 10)
        #expect(parameters.children.prefix(3).map(\.name) == ["Encryption algorithm", "Session Encr. key length", "Authentication algorithm"])
        #expect(parameters.children.prefix(3).map(\.value) == ["1 (AES-CM)", "16 octets", "1 (HMAC-SHA-1)"])
        #expect(parameters.children[6].value == "1 (on)" && parameters.children[9].value == "10 octets")
        #expect(parameters.children[0].children.map(\.name) == ["Type", "Length", "Value"])
        #expect(parameters.children[0].reference.description == "RFC 3830 §6.10.1")
        let ibake = descriptions[6]
        #expect(ibake.fields.map(\.name) == ["next payload", "Encr data len", "Encr data"])
        #expect(ibake.fields[2].value == "120 octets of IBE ciphertext (opaque to MIKEY; PROFILE D2)")
        #expect(ibake.reference.description == "RFC 6267 §6.1.1" && descriptions[7].reference.description == "RFC 6267 §6.1.2")
    }

    @Test("sub-payloads in words: ECCPT, SK, Key data")
    func subPayloads() throws {
        let trace = SubPayloadChain.trace(try SubPayloadChain.encode(Fixtures.ibakePlaintext()), first: .idr)
        let eccpt = try #require(trace.elements.dropFirst().first?.description)
        #expect(eccpt.name == "ECCPT" && eccpt.range == 26..<98 && eccpt.reference.description == "RFC 6267 §6.1.4")
        #expect(eccpt.fields.map(\.name) == ["next payload", "ECC Curve", "ECC Point", "Padding", "Auth alg", "TGK len", "Reserved", "KV"])
        #expect(eccpt.fields[1].value == "P-256 (8)")
        #expect(eccpt.fields[2].value == "P-256 point, uncompressed, 65 octets" && eccpt.fields[2].range == 28..<93)
        #expect(eccpt.fields[2].children.map(\.name) == ["prefix", "x", "y"])
        #expect(eccpt.fields[2].children[1].value == Hex.encode(Fixtures.point().x))
        #expect(eccpt.fields[3].value == "1 octet, zero" && eccpt.fields[3].reference == .profile("D5"))
        #expect(eccpt.fields[4].value == "2 (HMAC-SHA-256-256) (ignored, RFC 6267 §6.1.4)")
        #expect(eccpt.fields[7].value == "0 (Null)" && eccpt.fields[7].bits == 4..<8)

        let esk = SubPayloadChain.trace(try SubPayloadChain.encode(Fixtures.eskPlaintext), first: .id)
        let sk = try #require(esk.elements.last?.description)
        #expect(sk.fields.map(\.name) == ["next payload", "Type", "KV", "Key data len", "Key data", "KV data"])
        #expect(sk.fields[1].value == "1 (Secret Key (SK))" && sk.fields[2].value == "2 (Interval)")
        #expect(sk.fields[5].value == "from \"2026-11\" to \"2026-11\"")
        #expect(sk.fields[5].children.map(\.name) == ["VF Length", "Valid From", "VT Length", "Valid To"])

        let kemac = SubPayloadChain.trace(try SubPayloadChain.encode(Fixtures.kemacPlaintext), first: .id)
        let kpr = try #require(kemac.elements.dropFirst().first?.description)
        #expect(kpr.fields[1].value == "7 (K_PR)" && kpr.summary == "K_PR, 65 octets, validity from \"2026-11\" to \"2026-11\"")
        let tek = try #require(kemac.elements.last?.description)
        #expect(tek.fields.map(\.name) == ["next payload", "Type", "KV", "Key data len", "Key data", "Salt len", "Salt data"])
    }

    @Test("a failed decode keeps what it understood and the fields of the payload it stopped in")
    func partial() throws {
        let bytes = Fixtures.encode(Fixtures.iMessage1)
        let trace = MIKEYMessage.trace(Array(bytes[0..<60]))  // inside IDRi's ID data
        #expect(trace.elements.map(\.description.name) == ["HDR", "T", "RAND"])
        #expect(trace.elements.map(\.offset) == [0, 19, 29] && trace.elements.map(\.length) == [19, 10, 18])
        #expect(trace.failure?.description == "IDR payload at offset 47: ID len 21 overruns the message (8 octets remain)")
        #expect(trace.partial?.fields.map(\.name) == ["next payload", "ID Role", "ID Type", "ID len"])
        #expect(trace.partial?.summary == "" && trace.partial?.range == 47..<52)
        #expect(trace.descriptions.count == 4)
        if case .header(let header)? = trace.elements.first?.value { #expect(header == Fixtures.iMessage1.header) }
        else { Issue.record("first element is not the header") }
    }

    @Test("descriptions are data: they encode to JSON and back")
    func codable() throws {
        let descriptions = try Fixtures.everyPayload.describe()
        let json = try JSONEncoder().encode(descriptions)
        #expect(try JSONDecoder().decode([PayloadDescription].self, from: json) == descriptions)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"document\":\"RFC 3830\"") && text.contains("\"name\":\"SIGN\""))
    }

    @Test("timestamps in words")
    func timestamps() {
        #expect(Fixtures.timestamp.inWords == "2026-11-03 12:00:00.500 UTC")
        #expect(Timestamp.ntpUTC(unixSeconds: 0).inWords == "1970-01-01 00:00:00.000 UTC")
        #expect(Timestamp.ntpUTC(0x8000_0000 << 32).inWords == "1968-01-20 03:14:08.000 UTC")  // era 0
        #expect(Timestamp.ntpUTC(0).inWords == "2036-02-07 06:28:16.000 UTC")  // era 1 (RFC 4330 §3)
        #expect(Timestamp.ntpUTC32(0xEE94_4B40).inWords == "2026-11-03 12:00:00 UTC")
        #expect(Timestamp.ntp(0xEE94_4B40_0000_0000).inWords == "2026-11-03 12:00:00.000 local time")
        #expect(Timestamp.counter(7).inWords == "counter 7")
        // RFC 4330 §3: seconds with the top bit clear are era 1, after 2036-02-07.
        #expect(Timestamp.ntpUTC(unixSeconds: 2_208_988_800 + 1).inWords == "2040-01-01 00:00:01.000 UTC")
        #expect(Timestamp.ntpUTC(unixSeconds: 2_208_988_800 + 1).unixSeconds == 2_208_988_801)
        #expect(Fixtures.timestamp.unixSeconds == 1_793_707_200 && Timestamp.counter(1).unixSeconds == nil)
        #expect(Timestamp.ntpUTC(unixSeconds: 951_782_400).inWords == "2000-02-29 00:00:00.000 UTC")  // a leap day
    }
}
