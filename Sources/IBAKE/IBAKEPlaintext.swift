import MIKEY

/// The chain inside an IBAKE payload (RFC 6267 §4.2.2): IDRi, then the initiator's
/// ECCPTi if present, then IDRr and the responder's ECCPTr if present. Each ECCPT
/// belongs to the identity before it (RFC 6267 §6.1.1).
struct IBAKEPlaintext {
    var initiator: IDRPayload
    var initiatorValue: [UInt8]?
    var responder: IDRPayload?
    var responderValue: [UInt8]?

    init(initiator: IDRPayload, initiatorValue: [UInt8]?, responder: IDRPayload?, responderValue: [UInt8]?) {
        self.initiator = initiator
        self.initiatorValue = initiatorValue
        self.responder = responder
        self.responderValue = responderValue
    }

    /// Reads a decrypted chain; the shape is checked, the points by the caller.
    init(chain: [SubPayload], message: String) throws(IBAKEFailure) {
        var initiator: IDRPayload?
        var responder: IDRPayload?
        var values: [IDRole: [UInt8]] = [:]
        var owner: IDRole?
        for item in chain {
            switch item {
            case .idr(let identity) where identity.role == .initiator && initiator == nil && responder == nil:
                initiator = identity
                owner = .initiator
            case .idr(let identity) where identity.role == .responder && responder == nil && initiator != nil:
                responder = identity
                owner = .responder
            case .eccpt(let eccpt):
                guard let role = owner, values[role] == nil else {
                    throw IBAKEFailure(.parse, "\(message): an ECCPT without its identity before it")
                }
                values[role] = eccpt.uncompressedEncoding
            default:
                throw IBAKEFailure(.parse, "\(message): unexpected \(item.type.name) in the IBAKE plaintext (IDRi, {ECCPTi}, IDRr, {ECCPTr} expected)")
            }
        }
        guard let initiator else { throw IBAKEFailure(.parse, "\(message): the IBAKE plaintext has no IDRi") }
        self.init(initiator: initiator, initiatorValue: values[.initiator], responder: responder,
                  responderValue: values[.responder])
    }

    /// The chain to encrypt, with ECCPTs for `group` carrying `mac` (ignored by IBAKE).
    func chain(group: DiffieHellmanGroup, mac: MACAlgorithm) throws(IBAKEFailure) -> [SubPayload] {
        var items: [SubPayload] = [.idr(initiator)]
        if let initiatorValue { items.append(.eccpt(try Self.eccpt(initiatorValue, group: group, mac: mac))) }
        if let responder { items.append(.idr(responder)) }
        if let responderValue { items.append(.eccpt(try Self.eccpt(responderValue, group: group, mac: mac))) }
        return items
    }

    /// An ECCPT for a SEC1 value (PROFILE D5: uncompressed). TGK len is ignored by
    /// MIKEY-IBAKE (RFC 6267 §5); it states the TGK's octets anyway.
    static func eccpt(_ value: [UInt8], group: DiffieHellmanGroup, mac: MACAlgorithm) throws(IBAKEFailure) -> ECCPointSubPayload {
        switch group {
        case .nist(let curve):
            return ECCPointSubPayload(point: try group.decodeNIST(value, curve), authAlgorithm: mac, tgkLength: 32)
        case .toy:
            return ECCPointSubPayload(value: .labToy(value), authAlgorithm: mac, tgkLength: 32)
        }
    }
}

extension ECCPointSubPayload {
    /// The point as uncompressed SEC1 octets, whatever form it was sent in.
    var uncompressedEncoding: [UInt8] {
        switch value {
        case .nist(let point): point.sec1()
        case .labToy(let octets): octets
        }
    }
}
