import Primitives
import Testing

@Suite("Hex")
struct HexTests {
    @Test("encode gives two lowercase digits per octet; decode inverts it")
    func roundTrip() {
        let octets: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xAB, 0xFF]
        #expect(Hex.encode(octets) == "00017f80abff")
        #expect(Hex.decode("00017f80abff") == octets)
        #expect(Hex.decode("00017F80ABFF") == octets)
        #expect(Hex.encode([]) == "" && Hex.decode("") == [])
        #expect(Hex.byte(0x05) == "0x05" && Hex.byte(0xC3) == "0xc3")
    }

    @Test("odd lengths, prefixes and non-hex characters decode to nil", arguments: ["0", "abc", "0x00", "zz", "0 1", "é0"])
    func rejects(text: String) {
        #expect(Hex.decode(text) == nil)
    }
}
