/// A MIKEY number space (an IANA "MIKEY Payload Name Spaces" registry, RFC 3830 §10 and
/// RFC 6309): each case is one registered value with its name and the RFC that defines it.
///
/// Only registered values are cases. A decoder meeting an unregistered, unassigned or
/// private-use value refuses the message (PROFILE D16) and names the values it expected.
public protocol MIKEYRegistry: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == UInt8 {
    /// The registry's name as the RFCs spell the field, for example `data type`.
    static var registryName: String { get }
    /// The value's name as the registry spells it, for example `I_MESSAGE_1`.
    var name: String { get }
    /// The RFC (and section, where known) that defines this value.
    var definedIn: SpecReference { get }
    /// The value in words, for example `22 (I_MESSAGE_1)`; curves read `P-256 (8)`.
    var inWords: String { get }
}

extension MIKEYRegistry {
    /// The value in words: the number, then the name, for example `22 (I_MESSAGE_1)`.
    public var inWords: String { "\(rawValue) (\(name))" }

    /// The registered values as compact ranges, for example `0-17, 20-26`.
    public static var registeredValues: String {
        let values = allCases.map { Int($0.rawValue) }.sorted()
        var ranges: [String] = []
        var index = 0
        while index < values.count {
            var last = index
            while last + 1 < values.count && values[last + 1] == values[last] + 1 { last += 1 }
            ranges.append(last == index ? "\(values[index])" : "\(values[index])-\(values[last])")
            index = last + 1
        }
        return ranges.joined(separator: ", ")
    }

    /// The name of `raw` in this registry, or `unassigned` when it has none, for example
    /// `5 (SEED-GCM)` or `200 (unassigned)`. For values an inspector shows without refusing
    /// them (security-policy parameter values).
    public static func inWords(_ raw: UInt8) -> String {
        Self(rawValue: raw)?.inWords ?? "\(raw) (unassigned)"
    }
}
