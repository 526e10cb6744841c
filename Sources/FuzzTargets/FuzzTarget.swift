/// What one fuzz input did: accepted by the code under test, or refused with its reason.
/// A violated property never comes back as a value: it traps (see ``propertyViolated(_:_:)``).
public enum FuzzOutcome: Equatable, Sendable {
    case accepted
    case rejected(String)

    public var isAccepted: Bool { self == .accepted }
}

/// Every fuzz target: what one libFuzzer input does, by the name `scripts/fuzz` uses.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case decoder
    case subpayloads
    case responderMessage1 = "responder-i1"
    case responderMessage2 = "responder-i2"
    case initiatorResponse1 = "initiator-r1"
    case initiatorResponse2 = "initiator-r2"
    case kms
    case provisioning
    case tutorial
    case params
    case input

    /// One line for `scripts/fuzz --list`.
    public var summary: String {
        switch self {
        case .decoder: "MIKEYMessage(decoding:) and trace: located errors, encode(decode(x)) == x"
        case .subpayloads: "SubPayloadChain.decode (IBAKE, ESK, KEMAC plaintexts); the first octet is the first type"
        case .responderMessage1: "Responder.receiveIMessage1 (fresh), then R_MESSAGE_1 if accepted"
        case .responderMessage2: "Responder.receiveIMessage2 after R_MESSAGE_1 of the seeded exchange"
        case .initiatorResponse1: "Initiator.receiveRMessage1 after I_MESSAGE_1, then I_MESSAGE_2 if accepted"
        case .initiatorResponse2: "Initiator.receiveRMessage2 after I_MESSAGE_2 (V must stay unforgeable)"
        case .kms: "KMSServer.makeRequestKeyResp answering REQUEST_KEY_PSK (V must stay unforgeable)"
        case .provisioning: "ProvisioningClient.receiveRequestKeyResp after REQUEST_KEY_PSK (V must stay unforgeable)"
        case .tutorial: "TutorialParser.parse: a located issue or a document with sections"
        case .params: "ParameterSet(text:source:), then validate() for small sets"
        case .input: "decode's readers: MessageInput.octets(fromContent:), .hex, .base64"
        }
    }

    /// Builds what the target keeps for the whole process (the seeded exchange of the role targets).
    public func prepare() {
        switch self {
        case .responderMessage1, .responderMessage2, .initiatorResponse1, .initiatorResponse2, .kms, .provisioning:
            _ = SeededExchange.shared
        case .decoder, .subpayloads, .tutorial, .params, .input:
            break
        }
    }

    /// Runs one input through the target.
    @discardableResult
    public func run(_ data: [UInt8]) -> FuzzOutcome {
        switch self {
        case .decoder: fuzzDecoder(data)
        case .subpayloads: fuzzSubPayloads(data)
        case .responderMessage1: fuzzResponderMessage1(data)
        case .responderMessage2: fuzzResponderMessage2(data)
        case .initiatorResponse1: fuzzInitiatorResponse1(data)
        case .initiatorResponse2: fuzzInitiatorResponse2(data)
        case .kms: fuzzKMS(data)
        case .provisioning: fuzzProvisioning(data)
        case .tutorial: fuzzTutorial(data)
        case .params: fuzzParameterSet(data)
        case .input: fuzzMessageInput(data)
        }
    }
}

/// Stops the process: the code under test broke a property that must hold for every input.
/// libFuzzer keeps the input as a crash artifact; the regression tests replay it.
func propertyViolated(_ target: FuzzTarget, _ what: String) -> Never {
    fatalError("fuzz target \(target.rawValue): property violated: \(what)")
}
