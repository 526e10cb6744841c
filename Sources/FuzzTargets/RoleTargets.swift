import IBAKE
import MIKEY

// Each role handler fed arbitrary octets in one state of the seeded toy exchange
// (SeededExchange): a fresh role per input, brought to that state by the real calls with
// its recorded randomness and clock, so the exported messages of that exchange are valid
// inputs and mutations of them reach every check after parsing. What a role does next
// after accepting (its answer) runs too, since it works on the values just accepted.

/// Responder.receiveIMessage1, then makeRMessage1 if it accepted.
@discardableResult
public func fuzzResponderMessage1(_ data: [UInt8]) -> FuzzOutcome {
    let responder = SeededExchange.shared.freshResponder()
    return outcome {
        _ = try responder.receiveIMessage1(data)
        _ = try responder.makeRMessage1()
    }
}

/// Responder.receiveIMessage2 after it answered the seeded I_MESSAGE_1, then makeRMessage2.
@discardableResult
public func fuzzResponderMessage2(_ data: [UInt8]) -> FuzzOutcome {
    respondingToMessage2.run { responder in
        outcome {
            _ = try responder.receiveIMessage2(data)
            _ = try responder.makeRMessage2()
        }
    }
}

private let respondingToMessage2 = PreparedRole<Responder> {
    let exchange = SeededExchange.shared
    let (responder, clock) = exchange.freshResponderAndClock()
    prepare(.responderMessage2) {
        _ = try responder.receiveIMessage1(exchange.message1)
        _ = try responder.makeRMessage1()
    }
    return (responder, clock)
}

/// Initiator.receiveRMessage1 after I_MESSAGE_1, then makeIMessage2 if it accepted.
@discardableResult
public func fuzzInitiatorResponse1(_ data: [UInt8]) -> FuzzOutcome {
    let initiator = SeededExchange.shared.freshInitiator()
    prepare(.initiatorResponse1) { _ = try initiator.makeIMessage1() }
    return outcome {
        _ = try initiator.receiveRMessage1(data)
        _ = try initiator.makeIMessage2()
    }
}

/// Initiator.receiveRMessage2 after I_MESSAGE_2. R_MESSAGE_2 is protected by V:
/// whatever is accepted must carry the genuine message's MAC input.
@discardableResult
public func fuzzInitiatorResponse2(_ data: [UInt8]) -> FuzzOutcome {
    let result = awaitingResponse2.run { initiator in outcome { _ = try initiator.receiveRMessage2(data) } }
    if result.isAccepted { requireGenuineMAC(data, of: [SeededExchange.shared.response2], .initiatorResponse2) }
    return result
}

private let awaitingResponse2 = PreparedRole<Initiator> {
    let exchange = SeededExchange.shared
    let (initiator, clock) = exchange.freshInitiatorAndClock()
    prepare(.initiatorResponse2) {
        _ = try initiator.makeIMessage1()
        _ = try initiator.receiveRMessage1(exchange.response1)
        _ = try initiator.makeIMessage2()
    }
    return (initiator, clock)
}

/// KMSServer.makeRequestKeyResp answering REQUEST_KEY_PSK (fresh replay cache). V under the user's PSK:
/// whatever is accepted must carry one of the genuine requests' MAC input.
@discardableResult
public func fuzzKMS(_ data: [UInt8]) -> FuzzOutcome {
    let exchange = SeededExchange.shared
    let result = outcome { _ = try exchange.freshServer().makeRequestKeyResp(answering: data) }
    if result.isAccepted { requireGenuineMAC(data, of: [exchange.initiatorRequest, exchange.responderRequest], .kms) }
    return result
}

/// ProvisioningClient.receiveRequestKeyResp after the initiator's REQUEST_KEY_PSK. V under the
/// PSK: whatever is accepted must carry the genuine response's MAC input.
@discardableResult
public func fuzzProvisioning(_ data: [UInt8]) -> FuzzOutcome {
    let exchange = SeededExchange.shared
    let client = exchange.freshClient()
    prepare(.provisioning) { _ = try client.makeRequestKeyPSK() }
    let result = outcome { _ = try client.receiveRequestKeyResp(data, keyName: .initiatorPrivateKey) }
    if result.isAccepted { requireGenuineMAC(data, of: [exchange.initiatorKeyResponse], .provisioning) }
    return result
}

private func outcome(_ body: () throws -> Void) -> FuzzOutcome {
    do {
        try body()
        return .accepted
    } catch {
        return .rejected("\(error)")
    }
}

/// The real calls that bring a fresh role to the fuzzed state; they replay the seeded
/// exchange, so a failure is a broken harness, not a finding.
private func prepare(_ target: FuzzTarget, _ body: () throws -> Void) {
    do {
        try body()
    } catch {
        fatalError("fuzz target \(target.rawValue): the seeded exchange no longer replays: \(error)")
    }
}

/// An accepted message under V must be the genuine one in every octet V covers (RFC 3830
/// §5.2, PROFILE D8): anything else would be a forged MAC.
private func requireGenuineMAC(_ data: [UInt8], of genuine: [[UInt8]], _ target: FuzzTarget) {
    let input = try? VerificationMAC.input(forMessage: data)
    guard let input, genuine.contains(where: { (try? VerificationMAC.input(forMessage: $0)) == input }) else {
        propertyViolated(target, "accepted a message whose V-covered octets differ from the genuine message's")
    }
}
