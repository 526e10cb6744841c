import Primitives

/// Every key MIKEY-IBAKE derives, each a ``MIKEYPRF`` output under a label built from a
/// 32-bit constant (nine digits of e, RFC 3830 §4.1.3) and the exchange's CSB ID and RAND.
///
/// ```
/// K_SESSION ──(RFC 6267 §5)──> MPK ──(RFC 3830 §4.1.4)──> auth_key, encr_key, salt_key
///          └─────────────────> TGK ──(RFC 3830 §4.1.3)──> TEK (SRTP master key), salt
/// PSK ─────(RFC 3830 §4.1.4, REQUEST_KEY)──────────────> auth_key, encr_key, salt_key
/// ```
public enum KeyDerivation {
    /// The label constants.
    public enum Constant: UInt32, CaseIterable, Sendable {
        /// TEK from the TGK (RFC 3830 §4.1.3): the SRTP master key (PROFILE D9).
        case tek = 0x2AD0_1C64
        /// An authentication key from the TGK, for protocols that derive none (RFC 3830 §4.1.3).
        case tgkAuthenticationKey = 0x1B5C_7973
        /// An encryption key from the TGK, likewise (RFC 3830 §4.1.3).
        case tgkEncryptionKey = 0x1579_8CEF
        /// The salting key from the TGK (RFC 3830 §4.1.3): the SRTP master salt.
        case tgkSaltingKey = 0x39A2_C14B
        /// encr_key from the MPK, PSK or envelope key (RFC 3830 §4.1.4).
        case encryptionKey = 0x1505_33E1
        /// auth_key, likewise (RFC 3830 §4.1.4).
        case authenticationKey = 0x2D22_AC75
        /// salt_key, likewise (RFC 3830 §4.1.4).
        case saltKey = 0x29B8_8916
        /// The MPK from K_SESSION (RFC 6267 §5).
        case mpk = 0x220E_99A2
        /// The TGK from K_SESSION (RFC 6267 §5).
        case tgk = 0x1F4D_675B

        /// What the constant derives, for example `TEK`.
        public var name: String {
            switch self {
            case .tek: "TEK"
            case .tgkAuthenticationKey: "authentication key (from TGK)"
            case .tgkEncryptionKey: "encryption key (from TGK)"
            case .tgkSaltingKey: "salting key (from TGK)"
            case .encryptionKey: "encr_key"
            case .authenticationKey: "auth_key"
            case .saltKey: "salt_key"
            case .mpk: "MPK"
            case .tgk: "TGK"
            }
        }

        /// Where the constant is defined.
        public var definedIn: SpecReference {
            switch self {
            case .tek, .tgkAuthenticationKey, .tgkEncryptionKey, .tgkSaltingKey: .rfc(3830, "4.1.3")
            case .encryptionKey, .authenticationKey, .saltKey: .rfc(3830, "4.1.4")
            case .mpk, .tgk: .rfc(6267, "5")
            }
        }

        var octets: [UInt8] { rawValue.bigEndianOctets }
    }

    // MARK: Labels

    /// `constant || 0xFF || 0xFFFFFFFF || RAND`: MPK and TGK from K_SESSION (RFC 6267 §5).
    public static func sessionLabel(_ constant: Constant, rand: [UInt8]) -> [UInt8] {
        constant.octets + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + rand
    }

    /// `constant || 0xFF || CSB ID || RAND`: keys that protect MIKEY messages (RFC 3830 §4.1.4).
    public static func messageKeyLabel(_ constant: Constant, csbID: UInt32, rand: [UInt8]) -> [UInt8] {
        constant.octets + [0xFF] + csbID.bigEndianOctets + rand
    }

    /// `constant || CS ID || CSB ID || RAND`: keys of crypto session `csID` (RFC 3830 §4.1.3).
    public static func cryptoSessionLabel(_ constant: Constant, csID: UInt8, csbID: UInt32, rand: [UInt8]) -> [UInt8] {
        constant.octets + [csID] + csbID.bigEndianOctets + rand
    }

    // MARK: Derivations

    /// MPK and TGK from K_SESSION, the SEC1 encoding of abP (RFC 6267 §5; PROFILE D6, D7:
    /// uncompressed point, 256-bit MPK and TGK). inkey_len is K_SESSION's length; RAND is
    /// I_MESSAGE_1's.
    public static func ibakeSessionKeys(kSession: [UInt8], rand: [UInt8], prf: PRFFunction,
                                        mpkBits: Int = 256, tgkBits: Int = 256) -> IBAKESessionKeys {
        IBAKESessionKeys(
            mpk: MIKEYPRF.derive(prf, inkey: kSession, label: sessionLabel(.mpk, rand: rand), outputBits: mpkBits),
            tgk: MIKEYPRF.derive(prf, inkey: kSession, label: sessionLabel(.tgk, rand: rand), outputBits: tgkBits))
    }

    /// auth_key, encr_key and salt_key from `key` (the MPK, or a PSK or envelope key in
    /// REQUEST_KEY) (RFC 3830 §4.1.4): auth_key as long as `mac`'s hash output, encr_key
    /// and salt_key as `encryption` needs (for AES-CM-128: 128 and 112 bits).
    public static func messageProtectionKeys(from key: [UInt8], csbID: UInt32, rand: [UInt8], prf: PRFFunction,
                                             mac: MACAlgorithm, encryption: EncryptionAlgorithm) -> MessageProtectionKeys {
        func derive(_ constant: Constant, _ octets: Int) -> [UInt8] {
            MIKEYPRF.derive(prf, inkey: key, label: messageKeyLabel(constant, csbID: csbID, rand: rand), outputBits: 8 * octets)
        }
        return MessageProtectionKeys(authenticationKey: derive(.authenticationKey, mac.macLength),
                                     encryptionKey: derive(.encryptionKey, encryption.keyLength),
                                     saltKey: derive(.saltKey, encryption.saltLength))
    }

    /// The SRTP master key (the TEK) and master salt of crypto session `csID` from the TGK
    /// (RFC 3830 §4.1.3; PROFILE D9: 128-bit key, 112-bit salt).
    public static func srtpMasterKeys(tgk: [UInt8], csID: UInt8, csbID: UInt32, rand: [UInt8], prf: PRFFunction,
                                      keyBits: Int = 128, saltBits: Int = 112) -> SRTPMasterKeys {
        SRTPMasterKeys(
            masterKey: MIKEYPRF.derive(prf, inkey: tgk, label: cryptoSessionLabel(.tek, csID: csID, csbID: csbID, rand: rand),
                                       outputBits: keyBits),
            masterSalt: MIKEYPRF.derive(prf, inkey: tgk, label: cryptoSessionLabel(.tgkSaltingKey, csID: csID, csbID: csbID, rand: rand),
                                        outputBits: saltBits))
    }

}

/// The keys RFC 6267 §5 derives from K_SESSION.
public struct IBAKESessionKeys: Hashable, Sendable {
    /// The MIKEY-IBAKE master key, from which R_MESSAGE_2's auth_key comes.
    public let mpk: [UInt8]
    /// The TEK generation key.
    public let tgk: [UInt8]
}

/// The keys that protect MIKEY messages (RFC 3830 §4.1.4).
public struct MessageProtectionKeys: Hashable, Sendable {
    /// auth_key: keys the V and KEMAC MACs.
    public let authenticationKey: [UInt8]
    /// encr_key: encrypts KEMAC data.
    public let encryptionKey: [UInt8]
    /// salt_key: enters the KEMAC IV (RFC 3830 §4.2.3).
    public let saltKey: [UInt8]
}

/// An SRTP crypto session's master key and salt (RFC 3830 §4.1.3, RFC 3711 §8.2).
public struct SRTPMasterKeys: Hashable, Sendable {
    /// The SRTP master key: the TEK (constant 0x2AD01C64).
    public let masterKey: [UInt8]
    /// The SRTP master salt: the salting key (constant 0x39A2C14B).
    public let masterSalt: [UInt8]
}
