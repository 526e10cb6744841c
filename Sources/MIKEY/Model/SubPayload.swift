/// An item of a sub-payload chain: the plaintext inside IBAKE, ESK or KEMAC encrypted
/// data (RFC 6267 §4.2, RFC 3830 §6.2). See ``SubPayloadChain``.
public enum SubPayload: Hashable, Sendable {
    /// ID (RFC 3830 §6.7): first in ESK (`ID || SK`) and in REQUEST_KEY_RESP's KEMAC.
    case id(IDPayload)
    /// IDR (RFC 6043 §6.6): IDRi and IDRr inside IBAKE.
    case idr(IDRPayload)
    /// ECCPT (RFC 6267 §6.1.4): aP or bP inside IBAKE.
    case eccpt(ECCPointSubPayload)
    /// SK (RFC 6267 §6.1.5): the secret key inside ESK.
    case sk(SecretKeySubPayload)
    /// Key data (RFC 3830 §6.13): keys inside KEMAC, K_PR in REQUEST_KEY_RESP.
    case keyData(KeyDataSubPayload)

    /// The sub-payload's type number.
    public var type: PayloadType {
        switch self {
        case .id: .id
        case .idr: .idr
        case .eccpt: .eccpt
        case .sk: .sk
        case .keyData: .keyData
        }
    }

    var body: any PayloadBody {
        switch self {
        case .id(let value): value
        case .idr(let value): value
        case .eccpt(let value): value
        case .sk(let value): value
        case .keyData(let value): value
        }
    }

    /// Reads the body of a sub-payload of `type` (a type for which
    /// ``PayloadType/mayAppearInEncryptedData`` holds).
    static func decodeBody(_ type: PayloadType, from reader: inout PayloadReader) throws(MIKEYDecodingError) -> SubPayload {
        switch type {
        case .id: .id(try IDPayload.decodeBody(from: &reader))
        case .idr: .idr(try IDRPayload.decodeBody(from: &reader))
        case .eccpt: .eccpt(try ECCPointSubPayload.decodeBody(from: &reader))
        case .sk: .sk(try SecretKeySubPayload.decodeBody(from: &reader))
        case .keyData: .keyData(try KeyDataSubPayload.decodeBody(from: &reader))
        default: throw reader.failure(.misplacedPayload, "\(type.inWords) may not appear in encrypted data")
        }
    }
}
