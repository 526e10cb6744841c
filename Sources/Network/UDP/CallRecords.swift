import MIKEY
import Primitives

/// The lab's own datagrams between phones, beside the MIKEY messages (PROFILE D20): not
/// MIKEY, and never taken for it. Each is a line of text, `mikey-ibake-lab KIND FIELD...`,
/// its fields separated by single spaces (a URI holds none, D19; octets are hex).
enum CallRecord: Equatable {
    /// The call of CSB ID `csbID` was answered by another device (a caller to the devices
    /// that lost a forked call; SIP would send CANCEL, RFC 3261 §9).
    case taken(csbID: UInt32)
    /// Content for the absent user of the call `csbID`, AES-128-CM under the SK of the
    /// ESK that call's I_MESSAGE_2 carried (a caller to the mailbox that answered, D12).
    case deposit(csbID: UInt32, content: [UInt8])
    /// The mailbox kept the content of call `csbID` (its answer to `deposit`).
    case kept(csbID: UInt32)
    /// The device that answered call `csbID` keeps no content for others: it is no mailbox,
    /// or that call left it no ESK (its answer to `deposit`).
    case declined(csbID: UInt32)
    /// A user asks the mailbox what it holds for `identity`.
    case pickup(identity: String)
    /// The `index`-th (1-based) of `count` deposits held for the user who asked: who left
    /// it (the clear IDRi the mailbox authenticated), the ESK, the content. With `count`
    /// 0, nothing is held (and the other fields are empty).
    case held(index: Int, count: Int, caller: String, esk: [UInt8], content: [UInt8])

    static let magic = "mikey-ibake-lab "

    /// The record on a screen's wire: its name and what it carries.
    var lab: LabRecord {
        let (name, notation) = switch self {
        case .taken: ("CALL-TAKEN", "CSB ID")
        case .deposit: ("DEPOSIT", "CSB ID, AES-CM_SK(content)")
        case .kept: ("KEPT", "CSB ID")
        case .declined: ("DECLINED", "CSB ID")
        case .pickup: ("PICKUP", "ID")
        case .held(_, let count, _, _, _): ("HELD", count == 0 ? "nothing held" : "IDRi, ESK, AES-CM_SK(content)")
        }
        return LabRecord(name: name, octets: octets, notation: notation)
    }

    var octets: [UInt8] {
        let fields: [String] = switch self {
        case .taken(let csbID): ["call-taken", Hex.word(csbID)]
        case .deposit(let csbID, let content): ["deposit", Hex.word(csbID), Hex.encode(content)]
        case .kept(let csbID): ["kept", Hex.word(csbID)]
        case .declined(let csbID): ["declined", Hex.word(csbID)]
        case .pickup(let identity): ["pickup", identity]
        case .held(let index, let count, let caller, let esk, let content):
            count == 0 ? ["held", "0/0"] : ["held", "\(index)/\(count)", caller, Hex.encode(esk), Hex.encode(content)]
        }
        return Array((Self.magic + fields.joined(separator: " ")).utf8)
    }

    init?(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix(Self.magic) else { return nil }
        let fields = text.dropFirst(Self.magic.count).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        switch (fields.first, fields.count) {
        case ("call-taken", 2):
            guard let csbID = Self.word(fields[1]) else { return nil }
            self = .taken(csbID: csbID)
        case ("deposit", 3):
            guard let csbID = Self.word(fields[1]), let content = Hex.decode(fields[2]) else { return nil }
            self = .deposit(csbID: csbID, content: content)
        case ("kept", 2):
            guard let csbID = Self.word(fields[1]) else { return nil }
            self = .kept(csbID: csbID)
        case ("declined", 2):
            guard let csbID = Self.word(fields[1]) else { return nil }
            self = .declined(csbID: csbID)
        case ("pickup", 2):
            self = .pickup(identity: fields[1])
        case ("held", 2) where fields[1] == "0/0":
            self = .held(index: 0, count: 0, caller: "", esk: [], content: [])
        case ("held", 5):
            let place = fields[1].split(separator: "/").compactMap { Int($0) }
            guard place.count == 2, (1...max(1, place[1])).contains(place[0]),
                  let esk = Hex.decode(fields[3]), let content = Hex.decode(fields[4]) else { return nil }
            self = .held(index: place[0], count: place[1], caller: fields[2], esk: esk, content: content)
        default:
            return nil
        }
    }

    /// The call a record belongs to, if it belongs to one.
    var csbID: UInt32? {
        switch self {
        case .taken(let csbID), .deposit(let csbID, _), .kept(let csbID), .declined(let csbID): csbID
        case .pickup, .held: nil
        }
    }

    /// `0x1234abcd` (as ``Hex/word(_:)`` writes it) back to its value.
    private static func word(_ text: String) -> UInt32? {
        guard text.hasPrefix("0x") else { return nil }
        return UInt32(text.dropFirst(2), radix: 16)
    }
}

extension MIKEYMessage {
    /// The data type and CSB ID of `bytes`, when they decode as MIKEY.
    static func kindAndSession(_ bytes: [UInt8]) -> (DataType, UInt32)? {
        guard let message = try? MIKEYMessage(decoding: bytes) else { return nil }
        return (message.header.dataType, message.header.csbID)
    }

    /// The identity of `role` that `bytes` name in clear (IDRi: the caller or requester;
    /// IDRr in I_MESSAGE_1: the identity called), or "?".
    static func clearIdentity(_ bytes: [UInt8], _ role: IDRole) -> String {
        (try? MIKEYMessage(decoding: bytes))?.identity(role)?.text ?? "?"
    }
}
