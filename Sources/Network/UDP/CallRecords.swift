import MIKEY
import Primitives

/// The lab's own datagrams between phones, beside the MIKEY messages (PROFILE D20): not
/// MIKEY, and never taken for it. A caller tells the devices that did not win a forked
/// call that it was taken (SIP would send CANCEL, RFC 3261 §9).
enum CallRecord: Equatable {
    /// The call of CSB ID `csbID` was answered by another device.
    case taken(csbID: UInt32)

    static let prefix = Array("mikey-ibake-lab call-taken ".utf8)

    var octets: [UInt8] {
        switch self {
        case .taken(let csbID): Self.prefix + Array(Hex.word(csbID).utf8)
        }
    }

    init?(_ bytes: [UInt8]) {
        guard bytes.starts(with: Self.prefix), let word = UInt32(String(decoding: bytes.dropFirst(Self.prefix.count), as: UTF8.self)
            .replacingOccurrences(of: "0x", with: ""), radix: 16) else { return nil }
        self = .taken(csbID: word)
    }
}

extension MIKEYMessage {
    /// The data type and CSB ID of `bytes`, when they decode as MIKEY.
    static func kindAndSession(_ bytes: [UInt8]) -> (DataType, UInt32)? {
        guard let message = try? MIKEYMessage(decoding: bytes) else { return nil }
        return (message.header.dataType, message.header.csbID)
    }
}
