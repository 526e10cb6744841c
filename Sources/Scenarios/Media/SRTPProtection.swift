import Primitives

/// SRTP packet protection (RFC 3711) with the SRTP master key and salt the exchange
/// derived (PROFILE D9: AES-CM-128, HMAC-SHA-1, 80-bit tag): just enough to send a
/// short media sample for real and read it at the other end.
struct SRTPProtection {
    static let tagLength = 10
    private let encryptionKey: [UInt8]
    private let authenticationKey: [UInt8]
    private let salt: [UInt8]

    /// Session keys from the master key and salt (RFC 3711 §4.3.1, key derivation rate 0):
    /// key_id = label || 0^48, x = key_id XOR master salt, key = AES-CM(master key, x · 2^16).
    init(masterKey: [UInt8], masterSalt: [UInt8]) throws {
        func derive(_ label: UInt8, _ length: Int) throws -> [UInt8] {
            var x = masterSalt
            x[7] ^= label                                // label sits 48 bits from the end of the 112-bit salt
            return try AESCounterMode.apply(key: masterKey, initialCounter: x + [0, 0], to: [UInt8](repeating: 0, count: length))
        }
        encryptionKey = try derive(0x00, 16)
        authenticationKey = try derive(0x01, 20)
        salt = try derive(0x02, 14)
    }

    /// An RTP packet (RFC 3550 §5.1: version 2, payload type 0) with `payload`
    /// encrypted and the authentication tag appended (RFC 3711 §3.1, §4.1.1, §4.2.1).
    func protect(payload: [UInt8], ssrc: UInt32, sequence: UInt16, timestamp: UInt32, rolloverCounter: UInt32 = 0) throws -> [UInt8] {
        let header = Self.header(ssrc: ssrc, sequence: sequence, timestamp: timestamp)
        let encrypted = try AESCounterMode.apply(key: encryptionKey, initialCounter: counter(ssrc, sequence, rolloverCounter), to: payload)
        let tag = HMAC.authenticationCode(for: header + encrypted + rolloverCounter.bigEndianOctets, key: authenticationKey, hash: .sha1)
        return header + encrypted + tag.prefix(Self.tagLength)
    }

    /// Checks the tag, then decrypts; nil if the packet was modified or the keys differ.
    func unprotect(_ packet: [UInt8], rolloverCounter: UInt32 = 0) throws -> [UInt8]? {
        guard packet.count >= 12 + Self.tagLength else { return nil }
        let body = Array(packet.dropLast(Self.tagLength))
        let tag = HMAC.authenticationCode(for: body + rolloverCounter.bigEndianOctets, key: authenticationKey, hash: .sha1)
        guard Array(tag.prefix(Self.tagLength)) == Array(packet.suffix(Self.tagLength)) else { return nil }
        let sequence = UInt16(packet[2]) << 8 | UInt16(packet[3])
        let ssrc = Self.ssrc(of: packet) ?? 0
        return try AESCounterMode.apply(key: encryptionKey, initialCounter: counter(ssrc, sequence, rolloverCounter),
                                        to: Array(body.dropFirst(12)))
    }

    /// The SSRC in an RTP header (RFC 3550 §5.1: octets 8-11), if the packet is long enough.
    static func ssrc(of packet: [UInt8]) -> UInt32? {
        guard packet.count >= 12 else { return nil }
        return packet[8..<12].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// IV = (k_s · 2^16) XOR (SSRC · 2^64) XOR (i · 2^16), i = 2^16 · ROC + SEQ (RFC 3711 §4.1.1).
    private func counter(_ ssrc: UInt32, _ sequence: UInt16, _ rolloverCounter: UInt32) -> [UInt8] {
        let index = UInt64(rolloverCounter) << 16 | UInt64(sequence)
        var block = salt + [0, 0]
        for (offset, octet) in ssrc.bigEndianOctets.enumerated() { block[4 + offset] ^= octet }
        for (offset, octet) in index.bigEndianOctets.dropFirst(2).enumerated() {
            block[8 + offset] ^= octet
        }
        return block
    }

    private static func header(ssrc: UInt32, sequence: UInt16, timestamp: UInt32) -> [UInt8] {
        [0x80, 0x00, UInt8(sequence >> 8), UInt8(sequence & 0xff)] + timestamp.bigEndianOctets + ssrc.bigEndianOctets
    }

}
