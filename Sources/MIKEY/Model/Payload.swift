/// A payload of a MIKEY message, after the common header. The next-payload octets are not
/// stored: the order of ``MIKEYMessage/payloads`` determines them.
public enum Payload: Hashable, Sendable {
    case kemac(KEMACPayload)
    case pke(PKEPayload)
    case dh(DHPayload)
    /// SIGN: always the last payload (RFC 3830 §6.5).
    case sign(SignaturePayload)
    case timestamp(TimestampPayload)
    case id(IDPayload)
    case cert(CertificatePayload)
    case chash(CertificateHashPayload)
    case verification(VerificationPayload)
    case securityPolicy(SecurityPolicyPayload)
    case rand(RANDPayload)
    case error(ErrorPayload)
    case tr(TimestampWithRolePayload)
    case idr(IDRPayload)
    case randr(RANDWithRolePayload)
    case generalExtension(GeneralExtensionPayload)
    /// IBAKE (RFC 6267 §6.1.1).
    case ibake(EncryptedDataPayload)
    /// ESK (RFC 6267 §6.1.2).
    case esk(EncryptedDataPayload)
    case sakke(SAKKEPayload)

    /// The payload's type number.
    public var type: PayloadType {
        switch self {
        case .kemac: .kemac
        case .pke: .pke
        case .dh: .dh
        case .sign: .sign
        case .timestamp: .timestamp
        case .id: .id
        case .cert: .cert
        case .chash: .chash
        case .verification: .verification
        case .securityPolicy: .securityPolicy
        case .rand: .rand
        case .error: .error
        case .tr: .tr
        case .idr: .idr
        case .randr: .randr
        case .generalExtension: .generalExtension
        case .ibake: .ibake
        case .esk: .esk
        case .sakke: .sakke
        }
    }

    var body: any PayloadBody {
        switch self {
        case .kemac(let value): value
        case .pke(let value): value
        case .dh(let value): value
        case .sign(let value): value
        case .timestamp(let value): value
        case .id(let value): value
        case .cert(let value): value
        case .chash(let value): value
        case .verification(let value): value
        case .securityPolicy(let value): value
        case .rand(let value): value
        case .error(let value): value
        case .tr(let value): value
        case .idr(let value): value
        case .randr(let value): value
        case .generalExtension(let value): value
        case .ibake(let value), .esk(let value): value
        case .sakke(let value): value
        }
    }

    /// Reads the body of a clear payload of `type`.
    static func decodeBody(_ type: PayloadType, from reader: inout PayloadReader) throws(MIKEYDecodingError) -> Payload {
        switch type {
        case .kemac: .kemac(try KEMACPayload.decodeBody(from: &reader))
        case .pke: .pke(try PKEPayload.decodeBody(from: &reader))
        case .dh: .dh(try DHPayload.decodeBody(from: &reader))
        case .sign: .sign(try SignaturePayload.decodeBody(from: &reader))
        case .timestamp: .timestamp(try TimestampPayload.decodeBody(from: &reader))
        case .id: .id(try IDPayload.decodeBody(from: &reader))
        case .cert: .cert(try CertificatePayload.decodeBody(from: &reader))
        case .chash: .chash(try CertificateHashPayload.decodeBody(from: &reader))
        case .verification: .verification(try VerificationPayload.decodeBody(from: &reader))
        case .securityPolicy: .securityPolicy(try SecurityPolicyPayload.decodeBody(from: &reader))
        case .rand: .rand(try RANDPayload.decodeBody(from: &reader))
        case .error: .error(try ErrorPayload.decodeBody(from: &reader))
        case .tr: .tr(try TimestampWithRolePayload.decodeBody(from: &reader))
        case .idr: .idr(try IDRPayload.decodeBody(from: &reader))
        case .randr: .randr(try RANDWithRolePayload.decodeBody(from: &reader))
        case .generalExtension: .generalExtension(try GeneralExtensionPayload.decodeBody(from: &reader))
        case .ibake: .ibake(try EncryptedDataPayload.decodeBody(from: &reader))
        case .esk: .esk(try EncryptedDataPayload.decodeBody(from: &reader))
        case .sakke: .sakke(try SAKKEPayload.decodeBody(from: &reader))
        case .tp, .ticket:
            throw reader.failure(.unsupportedPayload, at: reader.start,
                                 "\(type.inWords) is registered (\(type.definedIn)) but this decoder has no layout for it")
        case .last, .keyData, .sk, .eccpt:
            throw reader.failure(.misplacedPayload, at: reader.start, "\(type.inWords) may appear only inside encrypted data")
        }
    }
}
