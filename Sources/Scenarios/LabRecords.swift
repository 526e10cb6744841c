import IBAKE
import MIKEY

/// The messages of the lab's own that are not MIKEY, beside the MIKEY ones IBAKE names,
/// and how each kind travels in an exported capture.
extension MessageKind {
    /// An RTP packet protected with SRTP under the exchange's keys (PROFILE D9).
    public static let srtp = MessageKind(record: "SRTP")
    /// Content under SK, deposited at the mailbox (PROFILE D12).
    public static let deposit = MessageKind(record: "DEPOSIT")
    /// What the mailbox hands the absent user later: the ESK and the deposit (PROFILE D12).
    public static let pickup = MessageKind(record: "PICKUP")
    /// A session key sent by plain IBE key transport: the curious-KMS scenario's contrast.
    public static let ibeKey = MessageKind(record: "IBE_KEY")
    /// A group frame of round 1, carrying the members' z values (PROFILE D14).
    public static let groupZ = MessageKind(record: "GROUP_Z")
    /// A group frame of round 2, carrying the members' X values (PROFILE D14).
    public static let groupX = MessageKind(record: "GROUP_X")

    /// Every kind a timeline can hold: the MIKEY messages, then the lab's records.
    public static let known: [MessageKind] = [.requestKeyPSK, .requestKeyResp, .iMessage1, .rMessage1, .iMessage2, .rMessage2,
                                              .error, .srtp, .deposit, .pickup, .ibeKey, .groupZ, .groupX,
                                              .preShared, .preSharedVerification, .publicKey, .publicKeyVerification,
                                              .diffieHellmanInit, .diffieHellmanResponse, .dhhmacInit, .dhhmacResponse,
                                              .rsaRInit, .rsaRResponse, .sakke]

    /// The kind called `name` (`I_MESSAGE_1`, `SRTP`), if a timeline can hold it.
    public init?(named name: String) {
        guard let kind = Self.known.first(where: { $0.name == name }) else { return nil }
        self = kind
    }

    /// How it travels in an exported capture: MIKEY, SRTP as RTP, or a record of the lab's own.
    public var transport: DatagramKind {
        if dataType != nil { return .mikey }
        return self == .srtp ? .rtp : .labRecord
    }
}
