import IBAKE

/// The wire framing of the group scenario (PROFILE D14). RFC 6267 defines no group
/// exchange and MIKEY has no data type for one, so rather than invent a MIKEY data
/// type this is a small, documented frame of its own:
///
///     "BD" (0x42 0x44) | version 0x01 | round (1 = z, 2 = X) | agreement (1 octet) | count (1 octet)
///     then `count` entries:
///     sender member number (1) | recipient member number (1) | length (2, big-endian) | IBE ciphertext
///
/// Each ciphertext is BF-IBE (PROFILE D1) in the D2 layout, encrypted to the recipient
/// member's identity for the month. Its plaintext is a ``GroupPlaintext``. A member
/// uploads one frame to the server with an entry per recipient; the server relays to
/// each member one frame holding the entries addressed to it.
struct GroupFrame: Equatable {
    static let magic: [UInt8] = [0x42, 0x44]
    static let version: UInt8 = 1

    struct Entry: Equatable {
        let sender: UInt8
        let recipient: UInt8
        let ciphertext: [UInt8]
    }

    let round: UInt8
    let agreement: UInt8
    let entries: [Entry]

    /// What a frame of this round is on the wire.
    var kind: MessageKind { round == 1 ? .groupZ : .groupX }

    /// Invariant: at most 255 entries (one per member) and ciphertexts under 64 KiB (a
    /// 65-octet point under ibe-192 makes about 1.1 KiB); the octet conversions trap otherwise.
    var encoded: [UInt8] {
        var out = Self.magic + [Self.version, round, agreement, UInt8(entries.count)]
        for entry in entries {
            let length = entry.ciphertext.count
            out += [entry.sender, entry.recipient, UInt8(length >> 8), UInt8(length & 0xFF)] + entry.ciphertext
        }
        return out
    }

    /// Strict decoding (in the spirit of PROFILE D16): wrong magic or version, a length
    /// that overruns and trailing octets are errors naming the offset.
    init(decoding octets: [UInt8]) throws(GroupFailure) {
        guard octets.count >= 6, Array(octets[0..<2]) == Self.magic, octets[2] == Self.version else {
            throw .frame("offset 0: \"BD\" 0x01 and a 6-octet header expected")
        }
        round = octets[3]
        agreement = octets[4]
        var entries = [Entry]()
        var offset = 6
        for _ in 0..<Int(octets[5]) {
            guard offset + 4 <= octets.count else { throw .frame("offset \(offset): entry header overruns the frame") }
            let length = Int(octets[offset + 2]) << 8 | Int(octets[offset + 3])
            guard offset + 4 + length <= octets.count else {
                throw .frame("offset \(offset + 2): ciphertext length \(length) overruns the frame")
            }
            entries.append(Entry(sender: octets[offset], recipient: octets[offset + 1],
                                 ciphertext: Array(octets[(offset + 4)..<(offset + 4 + length)])))
            offset += 4 + length
        }
        guard offset == octets.count else { throw .frame("offset \(offset): \(octets.count - offset) trailing octets") }
        self.entries = entries
    }

    init(round: UInt8, agreement: UInt8, entries: [Entry]) {
        self.round = round
        self.agreement = agreement
        self.entries = entries
    }
}

/// What one ciphertext carries: round | agreement | sender member number | the point
/// (uncompressed SEC1 on P-256, 65 octets). The frame's clear header is repeated
/// inside, so a relay that misroutes or swaps entries is caught when the recipient
/// compares them.
struct GroupPlaintext: Equatable {
    let round: UInt8
    let agreement: UInt8
    let sender: UInt8
    let point: [UInt8]

    var encoded: [UInt8] { [round, agreement, sender] + point }

    init(round: UInt8, agreement: UInt8, sender: UInt8, point: [UInt8]) {
        self.round = round
        self.agreement = agreement
        self.sender = sender
        self.point = point
    }

    init(decoding octets: [UInt8]) throws(GroupFailure) {
        guard octets.count > 3 else { throw .frame("plaintext of \(octets.count) octets; header and point expected") }
        round = octets[0]
        agreement = octets[1]
        sender = octets[2]
        point = Array(octets[3...])
    }
}

/// Why a group message could not be read. Honest runs never raise one.
enum GroupFailure: Error, CustomStringConvertible {
    case frame(String)
    case decryption(String)
    case context(String)
    case point(String)

    var description: String {
        switch self {
        case .frame(let text): "group frame: \(text)"
        case .decryption(let text): "IBE decryption: \(text)"
        case .context(let text): "inner header: \(text)"
        case .point(let text): "P-256 value: \(text)"
        }
    }
}
