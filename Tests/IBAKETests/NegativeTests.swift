import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// Each check of RFC 6267 §4.2.2 (and PROFILE D8, D10) refuses what it must, with the right reason.
@Suite struct NegativeTests {
    typealias Exchange = (initiator: Initiator, responder: Responder, m1: StepRecord)

    private func start(_ fixture: ExchangeFixture) throws -> Exchange {
        let initiator = try fixture.initiator()
        let responder = try fixture.responder()
        return (initiator, responder, try initiator.makeIMessage1())
    }

    private func refusal(_ check: IBAKECheck, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("accepted; \(check) expected to refuse")
        } catch let failure as IBAKEFailure {
            #expect(failure.check == check, "\(failure)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func flippedBitInEachIBELayerIsCaught() throws {
        let fixture = try ExchangeFixture(parameterSet: "ibe-80")
        // I_MESSAGE_1's IBAKE: R cannot open it.
        var run = try start(fixture)
        let m1 = try Tampering.flipBit(in: run.m1.message, payload: .ibake)
        refusal(.decryption) { _ = try run.responder.receiveIMessage1(m1) }
        // R_MESSAGE_1's IBAKE: I cannot open it.
        run = try start(fixture)
        _ = try run.responder.receiveIMessage1(run.m1.message)
        let m2 = try Tampering.flipBit(in: try run.responder.makeRMessage1().message, payload: .ibake)
        refusal(.decryption) { _ = try run.initiator.receiveRMessage1(m2) }
        // I_MESSAGE_2's IBAKE: R cannot open it.
        run = try start(fixture)
        _ = try run.responder.receiveIMessage1(run.m1.message)
        _ = try run.initiator.receiveRMessage1(try run.responder.makeRMessage1().message)
        let m3 = try Tampering.flipBit(in: try run.initiator.makeIMessage2().message, payload: .ibake)
        refusal(.decryption) { _ = try run.responder.receiveIMessage2(m3) }
    }

    @Test func badVMACIsCaught() throws {
        let fixture = try ExchangeFixture(parameterSet: "ibe-80")
        let run = try start(fixture)
        _ = try run.responder.receiveIMessage1(run.m1.message)
        _ = try run.initiator.receiveRMessage1(try run.responder.makeRMessage1().message)
        _ = try run.responder.receiveIMessage2(try run.initiator.makeIMessage2().message)
        var m4 = try run.responder.makeRMessage2().message
        m4[m4.count - 1] ^= 0x80
        refusal(.verificationMAC) { _ = try run.initiator.receiveRMessage2(m4) }
    }

    @Test func replayedMessage1IsRefused() throws {
        let fixture = try ExchangeFixture()
        let run = try start(fixture)
        _ = try run.responder.receiveIMessage1(run.m1.message)
        // The same device (same replay cache), a new exchange object, the recorded bytes again.
        let again = try fixture.responder()
        refusal(.replay) { _ = try again.receiveIMessage1(run.m1.message) }
    }

    @Test func staleTimestampIsRefused() throws {
        let fixture = try ExchangeFixture()
        let run = try start(fixture)
        fixture.clock.advance(seconds: 301)
        refusal(.timestamp) { _ = try run.responder.receiveIMessage1(run.m1.message) }
    }

    @Test func wrongInnerIdentityIsCaught() throws {
        // A holder of Bob's key rewrites IDRi inside I_MESSAGE_1: the clear and inner IDRi differ.
        let fixture = try ExchangeFixture()
        let run = try start(fixture)
        let bob = try IdentityWithPeriod(uri: ExchangeFixture.bob, year: 2026, month: 11)
        let forged = try Tampering.rewriteIBAKE(run.m1.message, key: fixture.kms.extractPrivateKey(for: bob), recipient: bob,
                                                parameters: fixture.kms.publicParameters, random: fixture.random) { chain in
            chain.map { item in
                if case .idr(let identity) = item, identity.role == .initiator {
                    return .idr(IDRPayload(role: .initiator, uri: "sip:mallory@ims.example"))
                }
                return item
            }
        }
        refusal(.innerIdentity) { _ = try run.responder.receiveIMessage1(forged) }
    }

    @Test func wrongEchoesAreCaught() throws {
        let fixture = try ExchangeFixture()
        let alice = try IdentityWithPeriod(uri: ExchangeFixture.alice, year: 2026, month: 11)
        let bob = try IdentityWithPeriod(uri: ExchangeFixture.bob, year: 2026, month: 11)
        let other = try fixture.profile.group.publicValue(for: fixture.profile.group.randomSecret(using: fixture.random))
        func replaceValue(of role: IDRole) -> ([SubPayload]) -> [SubPayload] {
            { chain in
                var owner: IDRole?
                return chain.map { item in
                    if case .idr(let identity) = item { owner = identity.role }
                    if case .eccpt(let eccpt) = item, owner == role {
                        var changed = eccpt
                        changed.value = .labToy(other)
                        return .eccpt(changed)
                    }
                    return item
                }
            }
        }
        // R_MESSAGE_1 echoing another aP: the initiator's check fails.
        var run = try start(fixture)
        _ = try run.responder.receiveIMessage1(run.m1.message)
        let m2 = try Tampering.rewriteIBAKE(try run.responder.makeRMessage1().message, key: fixture.kms.extractPrivateKey(for: alice),
                                            recipient: alice, parameters: fixture.kms.publicParameters, random: fixture.random,
                                            replaceValue(of: .initiator))
        refusal(.initiatorEcho) { _ = try run.initiator.receiveRMessage1(m2) }
        // I_MESSAGE_2 echoing another bP: the responder's check fails.
        run = try start(fixture)
        _ = try run.responder.receiveIMessage1(run.m1.message)
        _ = try run.initiator.receiveRMessage1(try run.responder.makeRMessage1().message)
        let m3 = try Tampering.rewriteIBAKE(try run.initiator.makeIMessage2().message, key: fixture.kms.extractPrivateKey(for: bob),
                                            recipient: bob, parameters: fixture.kms.publicParameters, random: fixture.random,
                                            replaceValue(of: .responder))
        refusal(.responderEcho) { _ = try run.responder.receiveIMessage2(m3) }
    }

    @Test func changedRandIsCaught() throws {
        let fixture = try ExchangeFixture()
        let run = try start(fixture)
        _ = try run.responder.receiveIMessage1(run.m1.message)
        _ = try run.initiator.receiveRMessage1(try run.responder.makeRMessage1().message)
        var message = try MIKEYMessage(decoding: try run.initiator.makeIMessage2().message)
        message.payloads = message.payloads.map { payload in
            if case .rand(let rand) = payload { return .rand(RANDPayload(rand.value.map { $0 ^ 0xff })) }
            return payload
        }
        let m3 = try message.encode()
        refusal(.session) { _ = try run.responder.receiveIMessage2(m3) }
    }

    @Test func garbageIsAParseRefusal() throws {
        let fixture = try ExchangeFixture()
        let responder = try fixture.responder()
        refusal(.parse) { _ = try responder.receiveIMessage1([1, 22, 5]) }
        refusal(.parse) { _ = try responder.receiveIMessage1([]) }
    }
}
