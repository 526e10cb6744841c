extension CommonHeader {
    /// The HDR's layout reference.
    static let reference = SpecReference.rfc(3830, "6.1")

    /// Writes the header with `next` in its next-payload field (RFC 3830 §6.1).
    func encode(into writer: inout ByteWriter, next: PayloadType) throws(MIKEYEncodingError) {
        writer.octet(Self.version)
        writer.octet(dataType.rawValue)
        writer.octet(next.rawValue)
        writer.octet((verificationRequired ? 0x80 : 0) | prf.rawValue)  // V (1 bit) || PRF func (7 bits)
        writer.uint32(csbID)
        try cryptoSessions.encode(into: &writer)
    }

    /// Reads the header and the type of the first payload after it.
    static func decode(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> (CommonHeader, next: PayloadType) {
        // RFC 3830 §6.1: version 0x01 is MIKEY as RFC 3830 defines it; no other exists.
        let version = try reader.octet("version") { "\($0)" }
        guard version == Self.version else {
            throw reader.failure(.wrongVersion, at: reader.start,
                                 "version \(version) is not supported (1 expected: MIKEY as RFC 3830 §6.1 defines it)")
        }
        let dataType = try reader.registered(DataType.self)
        let next = try reader.nextPayload()

        let flagsAt = reader.position
        let flags = try reader.take(1, for: "V and PRF func")[0]
        let verificationRequired = flags & 0x80 != 0
        reader.record("V", verificationRequired ? "1 (a response is expected)" : "0 (no response expected)",
                      flagsAt..<reader.position, bits: 0..<1)
        let prf: PRFFunction = try reader.registeredValue(flags & 0x7F, "PRF func", at: flagsAt)
        reader.record("PRF func", prf.inWords, flagsAt..<reader.position, bits: 1..<8)

        let csbID = try reader.uint32("CSB ID", describe: Words.hex32)
        let cryptoSessions = try CryptoSessionMap.decode(from: &reader)
        return (CommonHeader(dataType: dataType, verificationRequired: verificationRequired, prf: prf,
                             csbID: csbID, cryptoSessions: cryptoSessions), next)
    }
}

extension CryptoSessionMap {
    /// #CS, CS ID map type, CS ID map info (RFC 3830 §6.1).
    func encode(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        guard sessionCount <= 255 else {
            throw MIKEYEncodingError(writer.subject, "\(sessionCount) crypto sessions do not fit the 8-bit #CS field (at most 255)")
        }
        writer.octet(UInt8(sessionCount))
        writer.octet(type.rawValue)
        switch self {
        case .srtp(let sessions):
            for session in sessions {
                writer.octet(session.policyNumber)
                writer.uint32(session.ssrc)
                writer.uint32(session.roc)
            }
        case .empty:
            break
        case .generic(let sessions):
            for session in sessions { try session.encode(into: &writer) }
        }
    }

    static func decode(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> CryptoSessionMap {
        let countAt = reader.position
        let count = Int(try reader.octet("#CS"))
        let type = try reader.registered(CSIDMapType.self)
        let infoAt = reader.position
        let mark = reader.fieldMark
        let map: CryptoSessionMap
        switch type {
        case .srtpID:
            // RFC 3830 §6.1.1: 9 octets per crypto session.
            guard 9 * count <= reader.remaining else {
                throw reader.failure(.lengthOverrun, at: countAt,
                                     "#CS \(count) overruns the \(reader.container): \(count) SRTP-ID entries need \(9 * count) octets, \(Words.remain(reader.remaining))")
            }
            var sessions: [SRTPCryptoSession] = []
            for index in 0..<count {
                sessions.append(try SRTPCryptoSession.decode(csID: index + 1, from: &reader))
            }
            map = .srtp(sessions)
        case .empty:
            map = .empty(sessionCount: UInt8(count))
        case .genericID:
            var sessions: [GenericCryptoSession] = []
            for index in 0..<count {
                sessions.append(try GenericCryptoSession.decode(entry: index + 1, from: &reader))
            }
            map = .generic(sessions)
        }
        let entries = reader.removeFields(since: mark)
        let value = type == .empty ? "none (Empty map)" : "\(count) entr\(count == 1 ? "y" : "ies"), \(Words.octets(reader.position - infoAt))"
        reader.record("CS ID map info", value, infoAt..<reader.position, reference: type.definedIn, children: entries)
        return map
    }
}

extension SRTPCryptoSession {
    static func decode(csID: Int, from reader: inout PayloadReader) throws(MIKEYDecodingError) -> SRTPCryptoSession {
        let at = reader.position, mark = reader.fieldMark
        let policy = try reader.octet("Policy_no_\(csID)")
        let ssrc = try reader.uint32("SSRC_\(csID)", describe: Words.hex32)
        let roc = try reader.uint32("ROC_\(csID)")
        let parts = reader.removeFields(since: mark)
        reader.record("CS ID \(csID)", "policy \(policy), SSRC \(Words.hex32(ssrc)), ROC \(roc)", at..<reader.position,
                      reference: .rfc(3830, "6.1.1"), children: parts)
        return SRTPCryptoSession(policyNumber: policy, ssrc: ssrc, roc: roc)
    }
}

extension GenericCryptoSession {
    static let reference = SpecReference.rfc(6043, "6.1.1")

    func encode(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        guard policyNumbers.count <= 127 else {
            throw MIKEYEncodingError(writer.subject, "GENERIC-ID entry for CS ID \(csID) lists \(policyNumbers.count) policies; the 7-bit #P field holds at most 127")
        }
        writer.octet(csID)
        writer.octet(protocolType.rawValue)
        writer.octet((sFlag ? 0x80 : 0) | UInt8(policyNumbers.count))  // S (1 bit) || #P (7 bits)
        writer.append(policyNumbers)
        try writer.lengthPrefixed16(sessionData, field: "Session Data", lengthField: "Session Data Length")
        try writer.lengthPrefixed8(spi, field: "SPI", lengthField: "SPI Length")
    }

    static func decode(entry: Int, from reader: inout PayloadReader) throws(MIKEYDecodingError) -> GenericCryptoSession {
        let at = reader.position, mark = reader.fieldMark
        let csID = try reader.octet("CS ID", reference: reference)
        let protocolType = try reader.registered(ProtocolType.self, reference: reference)
        let flagsAt = reader.position
        let flags = try reader.take(1, for: "S and #P")[0]
        let count = Int(flags & 0x7F)
        reader.record("S", "\(flags >> 7)", flagsAt..<reader.position, bits: 0..<1, reference: reference)
        reader.record("#P", "\(count)", flagsAt..<reader.position, bits: 1..<8, reference: reference)
        let policies = try reader.octets("Policy_no", count: count, countedBy: "#P", reference: reference) {
            $0.isEmpty ? "none" : $0.map(String.init).joined(separator: ", ")
        }
        let sessionData = try reader.lengthPrefixed16("Session Data", lengthField: "Session Data Length", reference: reference)
        let spi = try reader.lengthPrefixed8("SPI", lengthField: "SPI Length", reference: reference)
        let parts = reader.removeFields(since: mark)
        reader.record("entry \(entry)", "CS ID \(csID), \(protocolType.name), \(Words.octets(sessionData.count)) of session data",
                      at..<reader.position, reference: reference, children: parts)
        return GenericCryptoSession(csID: csID, protocolType: protocolType, sFlag: flags & 0x80 != 0,
                                    policyNumbers: policies, sessionData: sessionData, spi: spi)
    }
}
