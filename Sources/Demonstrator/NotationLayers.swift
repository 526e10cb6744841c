/// The IBE layers named in a message's notation, e.g. `IBE_R(IDRi, aP, IDRr)`: to
/// whom each is encrypted and what it carries. The notation is written by Scenarios
/// from the real plaintext of each layer, so reading it back reads the run.
enum NotationLayers {
    struct Layer: Equatable {
        /// `IBE` or `ESK`.
        let kind: String
        /// The tag of the identity it is encrypted to (`R`, `I`, `D2`).
        let recipient: String
        /// What is inside, in order: `IDRi`, `aP`, `IDRr`.
        let items: [String]
    }

    static func parse(_ notation: String) -> [Layer] {
        var layers = [Layer]()
        var rest = Substring(notation)
        while true {
            let starts = ["IBE_", "ESK_"].compactMap { rest.firstRange(of: $0) }
            guard let start = starts.min(by: { $0.lowerBound < $1.lowerBound }),
                  let open = rest[start.upperBound...].firstIndex(of: "("),
                  let close = rest[open...].firstIndex(of: ")") else { break }
            let items = rest[rest.index(after: open)..<close].split(separator: ",").map {
                String($0.drop { $0 == " " })
            }
            layers.append(Layer(kind: String(rest[start].dropLast()), recipient: String(rest[start.upperBound..<open]),
                                items: items))
            rest = rest[rest.index(after: close)...]
        }
        return layers
    }
}
