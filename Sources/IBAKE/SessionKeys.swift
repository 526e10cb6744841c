import MIKEY

/// The keys both sides derive once they hold abP (RFC 6267 §5, RFC 3830 §4.1).
public struct SessionKeys: Sendable, Equatable {
    /// K_SESSION = SEC1(abP), uncompressed (PROFILE D6).
    public let kSession: [UInt8]
    public let mpk: [UInt8]
    public let tgk: [UInt8]
    /// auth_key from the MPK: keys R_MESSAGE_2's V (PROFILE D8).
    public let authKey: [UInt8]
    /// The SRTP master key (TEK, 128 bits) and salt (112 bits) of CS ID 1 (PROFILE D9).
    public let srtpMasterKey: [UInt8]
    public let srtpMasterSalt: [UInt8]

    /// K_SESSION -> MPK, TGK (PROFILE D6, D7); MPK -> auth_key; TGK -> SRTP key and salt.
    public init(abP: [UInt8], rand: [UInt8], csbID: UInt32, profile: IBAKEProfile) {
        kSession = abP
        let session = KeyDerivation.ibakeSessionKeys(kSession: abP, rand: rand, prf: profile.prf)
        mpk = session.mpk
        tgk = session.tgk
        authKey = KeyDerivation.messageProtectionKeys(from: session.mpk, csbID: csbID, rand: rand, prf: profile.prf,
                                                      mac: profile.macAlgorithm, encryption: .aesCM128).authenticationKey
        let srtp = KeyDerivation.srtpMasterKeys(tgk: session.tgk, csID: IBAKEProfile.cryptoSessionID, csbID: csbID,
                                               rand: rand, prf: profile.prf)
        srtpMasterKey = srtp.masterKey
        srtpMasterSalt = srtp.masterSalt
    }

    /// The keys as ledger entries.
    public func learnedValues(_ source: ValueSource) -> [LearnedValue] {
        [LearnedValue(.sessionKey, kSession, source), LearnedValue(.mpk, mpk, source), LearnedValue(.tgk, tgk, source),
         LearnedValue(.authKey, authKey, source), LearnedValue(.srtpMasterKey, srtpMasterKey, source),
         LearnedValue(.srtpMasterSalt, srtpMasterSalt, source)]
    }
}
