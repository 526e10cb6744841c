import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

@Suite struct ExchangeTests {
    /// The positive run: four messages, every check passes, both ends hold the same keys.
    @Test(arguments: [("toy", PRFFunction.hmacSHA256), ("ibe-80", .hmacSHA256), ("ibe-80", .mikey1), ("ibe-112", .hmacSHA256)])
    func basicExchangeAgrees(set: String, prf: PRFFunction) throws {
        let fixture = try ExchangeFixture(parameterSet: set, prf: prf)
        let initiator = try fixture.initiator()
        let responder = try fixture.responder()

        let m1 = try initiator.makeIMessage1()
        let r1 = try responder.receiveIMessage1(m1.message)
        #expect(r1.learned.contains { $0.name == .aP })
        let m2 = try responder.makeRMessage1()
        #expect(m2.learned.contains { $0.name == .abP })   // R knows abP after sending R_MESSAGE_1
        let i2 = try initiator.receiveRMessage1(m2.message)
        #expect(i2.learned.contains { $0.name == .abP })
        let m3 = try initiator.makeIMessage2()
        _ = try responder.receiveIMessage2(m3.message)
        let m4 = try responder.makeRMessage2()
        _ = try initiator.receiveRMessage2(m4.message)

        let mine = try #require(initiator.sessionKeys)
        let theirs = try #require(responder.sessionKeys)
        #expect(mine == theirs)
        #expect(mine.kSession.first == 0x04)                                    // PROFILE D6
        #expect(mine.mpk.count == 32 && mine.tgk.count == 32)                   // PROFILE D7
        #expect(mine.srtpMasterKey.count == 16 && mine.srtpMasterSalt.count == 14)  // PROFILE D9

        // The messages are what RFC 6267 §4.2.2 lists.
        let types = try [m1, m2, m3, m4].map { try MIKEYMessage(decoding: $0.message).payloads.map(\.type) }
        #expect(types[0] == [.timestamp, .rand, .idr, .idr, .securityPolicy, .ibake])
        #expect(types[1] == [.timestamp, .idr, .idr, .ibake])
        #expect(types[2] == [.timestamp, .rand, .idr, .idr, .ibake])
        #expect(types[3] == [.timestamp, .idr, .idr, .verification])
        let headers = try [m1, m2, m3, m4].map { try MIKEYMessage(decoding: $0.message).header }
        #expect(headers.map(\.dataType) == [.iMessage1, .rMessage1, .iMessage2, .rMessage2])
        #expect(headers.map(\.verificationRequired) == [true, true, true, false])
        #expect(Set(headers.map(\.csbID)).count == 1)
    }
}
