import IBAKE
import IBE
import MIKEY
import Primitives
@testable import Scenarios
import Testing

/// The SRTP sample is the stream the exchange announced: the SSRC and ROC of CS ID 1 in
/// I_MESSAGE_1's SRTP-ID map (RFC 3830 §6.1.1, RFC 3711 §3.3.1).
@Suite struct MediaSampleTests {
    static let runs: [(ScenarioName, UInt64)] = [(.basic, 1), (.basic, 2), (.basic, 3), (.eavesdropper, 1), (.forwardSecrecy, 5)]

    static func build(_ name: ScenarioName, seed: UInt64) throws -> Timeline {
        try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: seed))
    }

    /// CS ID 1 of the HDR of the I_MESSAGE_1 on the wire, found by its data type.
    static func announced(in timeline: Timeline) throws -> SRTPCryptoSession {
        let message1 = try #require(timeline.steps.compactMap(\.message).first {
            (try? MIKEYMessage(decoding: $0.octets))?.header.dataType == .iMessage1
        })
        guard case .srtp(let sessions) = try MIKEYMessage(decoding: message1.octets).header.cryptoSessions else {
            Issue.record("I_MESSAGE_1 has no SRTP-ID map")
            return SRTPCryptoSession(policyNumber: 0, ssrc: 0, roc: 0)
        }
        return try #require(sessions.first)
    }

    @Test(arguments: runs) func thePacketCarriesTheAnnouncedSSRCAndROC(name: ScenarioName, seed: UInt64) throws {
        let timeline = try Self.build(name, seed: seed)
        let session = try Self.announced(in: timeline)
        let packet = try #require(timeline.steps.compactMap(\.message).first { $0.transport == .rtp }).octets
        #expect(SRTPProtection.ssrc(of: packet) == session.ssrc, "\(name) seed \(seed): the RTP header's SSRC")
        #expect(Array(packet[8..<12]) == session.ssrc.bigEndianOctets)

        // The tag verifies under the announced ROC and under no other.
        let ledger = try #require(timeline.finalLedger?[.responder])
        let key = try #require(ledger.value(.srtpMasterKey)).octets
        let salt = try #require(ledger.value(.srtpMasterSalt)).octets
        let protection = try SRTPProtection(masterKey: key, masterSalt: salt)
        #expect(try protection.unprotect(packet, rolloverCounter: session.roc) == Array(MediaSample.text.utf8))
        #expect(try protection.unprotect(packet, rolloverCounter: session.roc &+ 1) == nil)
        #expect(ledger.value(.content)?.octets == Array(MediaSample.text.utf8), "\(name) seed \(seed): the responder read it")
    }

    @Test func theReceiverUsesTheAnnouncedROCAndRefusesAnotherSSRC() throws {
        let run = try BasicExchange.run(parameterSet: try ParameterSet.named("toy"), seed: 4)
        let keys = run.responderKeys
        let content = Array("frame".utf8)
        let announced = SRTPCryptoSession(policyNumber: 0, ssrc: 0x1234_5678, roc: 7)
        let packet = try MediaSample.protect(content, keys: run.initiatorKeys, session: announced)
        #expect(try MediaSample.open(packet, keys: keys, announced: announced) == .read(content))

        var otherROC = announced
        otherROC.roc = 0
        guard case .refused(let tag) = try MediaSample.open(packet, keys: keys, announced: otherROC) else {
            Issue.record("a packet protected under ROC 7 was read under ROC 0")
            return
        }
        #expect(tag.check == .srtpTag)

        var otherSSRC = announced
        otherSSRC.ssrc = 0x4d49_4b45
        guard case .refused(let ssrc) = try MediaSample.open(packet, keys: keys, announced: otherSSRC) else {
            Issue.record("a packet for SSRC 0x12345678 was accepted for 0x4d494b45")
            return
        }
        #expect(ssrc.check == .srtpStream && ssrc.detail.contains("0x12345678"))
    }
}
