/// The plaintext of one IBE layer a party made or opened: what a transcript shows and
/// what an adversary with the right key could read.
public struct IBELayerRecord: Sendable, Equatable {
    /// The payload that carries it: IBAKE, ESK (or KEMAC for provisioning).
    public let payload: String
    /// The identity it is encrypted to.
    public let recipient: String
    /// The sub-payload chain (or key data) before encryption.
    public let plaintext: [UInt8]
    /// The octets on the wire.
    public let ciphertext: [UInt8]
}

/// What one role did at one step: the message it sent or read, the values it
/// computed or learned, the IBE layers it made or opened, and remarks worth showing.
public struct StepRecord: Sendable {
    /// I_MESSAGE_1, R_MESSAGE_1, ... REQUEST_KEY_PSK, REQUEST_KEY_RESP.
    public let kind: MessageKind
    /// The message's octets (sent or received).
    public let message: [UInt8]
    public let learned: [LearnedValue]
    public let layers: [IBELayerRecord]
    /// Observations in words, e.g. "answered by sip:bob-phone@ims.example, not the identity called".
    public let notes: [String]
    /// The checks a received message passed, in the order they ran.
    public let passed: [IBAKECheck]
    /// The secrets the role erased at this step (RFC 6539 §3.2: a or b once the exchange is over).
    public let wiped: [ValueName]

    public init(kind: MessageKind, message: [UInt8], learned: [LearnedValue] = [], layers: [IBELayerRecord] = [],
                notes: [String] = [], passed: [IBAKECheck] = [], wiped: [ValueName] = []) {
        self.kind = kind
        self.message = message
        self.learned = learned
        self.layers = layers
        self.notes = notes
        self.passed = passed
        self.wiped = wiped
    }
}
