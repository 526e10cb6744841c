/// SP: a security policy (RFC 3830 §6.10): `next payload || Policy no || Prot type ||
/// Policy param length (16 bits) || Policy param`, the parameters being TLVs
/// `Type || Length || Value`. PROFILE D9: I_MESSAGE_1 carries one SRTP policy after IDRr
/// (``srtp(policyNumber:)``), which the SRTP-ID map entry refers to.
public struct SecurityPolicyPayload: Hashable, Sendable {
    /// The `Policy no` that CS ID map entries refer to.
    public var policyNumber: UInt8
    /// The security protocol the policy is for.
    public var protocolType: ProtocolType
    /// The parameter TLVs, in wire order.
    public var parameters: [PolicyParameter]

    /// A policy with the given parameters.
    public init(policyNumber: UInt8, protocolType: ProtocolType, parameters: [PolicyParameter]) {
        self.policyNumber = policyNumber
        self.protocolType = protocolType
        self.parameters = parameters
    }

    /// PROFILE D9's SRTP policy, AES_CM_128_HMAC_SHA1_80: AES-CM with a 16-octet session
    /// key and 14-octet salt, HMAC-SHA-1 with a 20-octet key and a 10-octet (80-bit) tag,
    /// the AES-CM key-derivation PRF, encryption and authentication on (RFC 3830 §6.10.1).
    public static func srtp(policyNumber: UInt8) -> SecurityPolicyPayload {
        let values: [(SRTPPolicyParameterType, UInt8)] = [
            (.encryptionAlgorithm, SRTPEncryptionAlgorithm.aesCM.rawValue),
            (.sessionEncryptionKeyLength, 16),
            (.authenticationAlgorithm, SRTPAuthenticationAlgorithm.hmacSHA1.rawValue),
            (.sessionAuthenticationKeyLength, 20),
            (.sessionSaltKeyLength, 14),
            (.pseudoRandomFunction, SRTPPseudoRandomFunction.aesCM.rawValue),
            (.srtpEncryption, 1),
            (.srtcpEncryption, 1),
            (.srtpAuthentication, 1),
            (.authenticationTagLength, 10),
        ]
        return SecurityPolicyPayload(policyNumber: policyNumber, protocolType: .srtp,
                                     parameters: values.map { PolicyParameter($0.0, [$0.1]) })
    }
}

/// One policy parameter TLV. The type is kept as a number: its meaning depends on the
/// protocol (``SRTPPolicyParameterType`` for SRTP), and unregistered types are still
/// well-formed TLVs.
public struct PolicyParameter: Hashable, Sendable {
    /// The parameter type number.
    public var type: UInt8
    /// At most 255 octets.
    public var value: [UInt8]

    /// A parameter of any type number.
    public init(type: UInt8, value: [UInt8]) {
        self.type = type
        self.value = value
    }

    /// An SRTP parameter.
    public init(_ type: SRTPPolicyParameterType, _ value: [UInt8]) {
        self.init(type: type.rawValue, value: value)
    }

    /// The SRTP parameter type, if registered.
    public var srtpType: SRTPPolicyParameterType? { SRTPPolicyParameterType(rawValue: type) }
}

extension SecurityPolicyPayload: PayloadBody {
    var summary: String { "policy \(policyNumber), \(protocolType.name), \(parameters.count) parameters" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        var block = ByteWriter(subject: writer.subject)
        for parameter in parameters {
            block.octet(parameter.type)
            try block.lengthPrefixed8(parameter.value, field: "parameter \(parameter.type) value", lengthField: "Length")
        }
        writer.octet(policyNumber)
        writer.octet(protocolType.rawValue)
        try writer.lengthPrefixed16(block.bytes, field: "Policy param", lengthField: "Policy param length")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> SecurityPolicyPayload {
        let number = try reader.octet("Policy no")
        let protocolType = try reader.registered(ProtocolType.self)
        let length = Int(try reader.uint16("Policy param length") { Words.octets(Int($0)) })
        guard length <= reader.remaining else {
            throw reader.failure(.lengthOverrun, "Policy param length \(length) overruns the \(reader.container) (\(Words.remain(reader.remaining)))")
        }
        let at = reader.position, mark = reader.fieldMark
        let saved = reader.narrow(to: length, container: "Policy param field")
        var parameters: [PolicyParameter] = []
        while reader.remaining > 0 {
            parameters.append(try PolicyParameter.decode(protocolType: protocolType, from: &reader))
        }
        reader.widen(saved)
        let children = reader.removeFields(since: mark)
        reader.record("Policy param", "\(parameters.count) parameters", at..<reader.position, children: children)
        return SecurityPolicyPayload(policyNumber: number, protocolType: protocolType, parameters: parameters)
    }
}

extension PolicyParameter {
    static func decode(protocolType: ProtocolType, from reader: inout PayloadReader) throws(MIKEYDecodingError) -> PolicyParameter {
        let at = reader.position, mark = reader.fieldMark
        let srtp = protocolType == .srtp
        let reference: SpecReference = srtp ? .rfc(3830, "6.10.1") : protocolType.definedIn
        let type = try reader.octet("Type", reference: reference) { raw in
            srtp ? SRTPPolicyParameterType.inWords(raw) : "\(raw)"
        }
        let value = try reader.lengthPrefixed8("Value", lengthField: "Length", reference: reference) { value in
            srtp ? Self.srtpValueInWords(type: type, value) : Words.hex(value)
        }
        let parameter = PolicyParameter(type: type, value: value)
        let parts = reader.removeFields(since: mark)
        let name = srtp ? parameter.srtpType?.name ?? "parameter \(type)" : "parameter \(type)"
        reader.record(name, parts.last?.value ?? "", at..<reader.position,
                      reference: parameter.srtpType?.definedIn ?? reference, children: parts)
        return parameter
    }

    /// An SRTP parameter value in words, by the registries of RFC 3830 §6.10.1.
    static func srtpValueInWords(type: UInt8, _ value: [UInt8]) -> String {
        guard value.count == 1, let parameter = SRTPPolicyParameterType(rawValue: type) else {
            return value.count <= 4 && !value.isEmpty ? "\(PayloadReader.integer(value))" : Words.hex(value)
        }
        let number = value[0]
        switch parameter {
        case .encryptionAlgorithm: return SRTPEncryptionAlgorithm.inWords(number)
        case .authenticationAlgorithm, .srtpAuthenticationAlgorithm, .srtcpAuthenticationAlgorithm:
            return SRTPAuthenticationAlgorithm.inWords(number)
        case .pseudoRandomFunction: return SRTPPseudoRandomFunction.inWords(number)
        case .fecOrder: return SRTPFECOrder.inWords(number)
        case .srtpEncryption, .srtcpEncryption, .srtpAuthentication:
            return number == 0 ? "0 (off)" : number == 1 ? "1 (on)" : "\(number) (unassigned)"
        case .sessionEncryptionKeyLength, .sessionAuthenticationKeyLength, .sessionSaltKeyLength,
             .authenticationTagLength, .srtpPrefixLength, .srtpSessionAuthenticationKeyLength,
             .srtcpSessionAuthenticationKeyLength, .srtpAuthenticationTagLength, .srtcpAuthenticationTagLength,
             .aeadAuthenticationTagLength:
            return Words.octets(Int(number))
        case .keyDerivationRate, .rocTransmissionRate:
            return "\(number)"
        }
    }
}
