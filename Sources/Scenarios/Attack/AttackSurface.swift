import IBAKE
import MIKEY
import Primitives

/// The fields of a message Eve can flip a bit of, each named by a path built from the
/// names `decode` prints: `PAYLOAD.FIELD`, the payload as `decode` names it (an IDR as
/// its role, IDRi or IDRr; a repeated payload with `#n`), the field by its leaf name,
/// prefixed by its parent where the leaf name repeats (`SP.Encryption algorithm.Value`).
/// The Encr data of an IBAKE or ESK payload is split into the BF ciphertext's U, V and W
/// (PROFILE D2; RFC 5091 §5.4), as the inspector shows them.
public struct AttackSurface: Sendable {
    /// One field: its path and where its bits are.
    public struct Field: Sendable, Equatable {
        /// `PAYLOAD.FIELD`, e.g. `IBAKE.U`, `HDR.SSRC_1`, `SP.Encryption algorithm.Value`.
        public let path: String
        /// The octets it occupies in the message.
        public let range: Range<Int>
        /// Bits within `range` for a field narrower than its octets (numbered from 0 at
        /// the most significant bit of the first octet), else nil.
        public let bits: Range<Int>?

        /// How many bits it has.
        public var bitCount: Int { bits?.count ?? range.count * 8 }
    }

    /// The fields in wire order.
    public let fields: [Field]

    /// The fields of `octets`, a MIKEY message (none when it is not one).
    public init(_ octets: [UInt8], parameterSet: ParameterSet) {
        let descriptions = MIKEYMessage.trace(octets).elements.map(\.description)
        var labels = [String: Int]()
        let names = descriptions.map { Self.label($0) }
        var fields = [Field]()
        for (description, name) in zip(descriptions, names) {
            labels[name, default: 0] += 1
            let label = names.filter { $0 == name }.count > 1 ? "\(name)#\(labels[name] ?? 1)" : name
            var leaves = Self.leaves(description.fields, parent: nil)
            if let encrypted = leaves.firstIndex(where: { $0.field.name == "Encr data" }),
               description.type == .ibake || description.type == .esk {
                let parts = LayerOpening.ciphertextParts(leaves[encrypted].field.range, parameterSet: parameterSet)
                if !parts.isEmpty {
                    leaves.replaceSubrange(encrypted...encrypted, with: parts.map { (field: $0, parent: String?.none) })
                }
            }
            for (field, parent) in leaves where !field.range.isEmpty {
                let repeated = leaves.filter { $0.field.name == field.name }.count > 1
                let name = repeated ? "\(parent ?? "")\(parent == nil ? "" : ".")\(field.name)" : field.name
                fields.append(Field(path: "\(label).\(name)", range: field.range, bits: field.bits))
            }
        }
        self.fields = fields
    }

    /// The field at `path` (case and `_`/`-`/space insensitive), if the message has it.
    public func field(_ path: String) -> Field? {
        fields.first { Self.normalized($0.path) == Self.normalized(path) }
    }

    /// The message with bit `bit` of `field` flipped (the last bit when nil), and where.
    public func flip(_ octets: [UInt8], _ field: Field, bit: Int?) throws(AttackSpecError) -> (octets: [UInt8], offset: Int, mask: UInt8) {
        let index = bit ?? field.bitCount - 1
        guard (0..<field.bitCount).contains(index) else {
            throw AttackSpecError("\(field.path) has \(field.bitCount) bits; BIT counts from 0 to \(field.bitCount - 1)")
        }
        let absolute = (field.bits?.lowerBound ?? 0) + index
        let offset = field.range.lowerBound + absolute / 8
        let mask = UInt8(0x80) >> UInt8(absolute % 8)
        var changed = octets
        changed[offset] ^= mask
        return (changed, offset, mask)
    }

    /// The paths, for an error that lists them.
    public var paths: [String] { fields.map(\.path) }

    private static func label(_ description: PayloadDescription) -> String {
        // Two IDR payloads travel in clear: name each by its role, as decode's summary does.
        if description.name == "IDR", let role = description.summary.split(separator: ",").first { return String(role) }
        return description.name
    }

    /// The fields without children, each with its parent's name.
    private static func leaves(_ fields: [FieldDescription], parent: String?) -> [(field: FieldDescription, parent: String?)] {
        fields.flatMap { field in
            field.children.isEmpty ? [(field, parent)] : leaves(field.children, parent: field.name)
        }
    }

    private static func normalized(_ path: String) -> String {
        String(path.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }
}
