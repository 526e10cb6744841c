import IBAKE
import IBE
import MIKEY
import Scenarios
import Testing

/// The DH-SIGN and DHHMAC scenarios (RFC 3830 §3.3, RFC 4650): I and R end with the same
/// TGK and SRTP keys, each wipes its exponent where its part ends, and after every
/// long-term secret has leaked Eve still cannot compute the TGK (perfect forward secrecy).
@Suite struct DiffieHellmanModeScenarioTests {
    @Test(arguments: [ScenarioName.modeDHSign, .modeDHHMAC], LedgerInvariantTests.runs.map(\.1))
    func forwardSecrecyHolds(name: ScenarioName, seed: UInt64) throws {
        let timeline = try LedgerInvariantTests.timeline(name, "toy", seed)
        let ledger = try #require(timeline.finalLedger)
        for value in [ValueName.tgk, .srtpMasterKey] {
            let mine = try #require(ledger[.initiator]?.value(value), "\(name): I has no \(value)")
            #expect(ledger[.responder]?.value(value)?.octets == mine.octets, "\(name): \(value) differs")
            #expect(!ledger.knows(.eve, value), "\(name): Eve knows \(value)")
        }
        #expect(ledger[.initiator]?.value(.tgk)?.octets.count == 192)
        #expect(ledger[.initiator]?.wipe(.xi) != nil && ledger[.responder]?.wipe(.xr) != nil, "\(name)")
        #expect(!ledger.knows(.initiator, .xi) && !ledger.knows(.responder, .xr), "\(name)")
        let leaked: [ValueName] = name == .modeDHSign ? [.initiatorRSAKey, .responderRSAKey, .caKey] : [.preSharedKey]
        for value in leaked { #expect(ledger.knows(.eve, value), "\(name): \(value) did not leak") }
        let cannot = try #require(ledger[.eve]?.impossibility(.tgk), "\(name): Eve's ledger says nothing of the TGK")
        #expect(cannot.until == nil && cannot.why.contains("which I and R wiped"), "\(name): \(cannot.why)")
        #expect(timeline.steps.last?.actor == .eve && timeline.steps.last?.revealed.isEmpty == true, "\(name)")
    }
}
