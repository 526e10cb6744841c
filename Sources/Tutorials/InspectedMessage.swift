import Scenarios

/// A section's `inspect` directive resolved on its run: the message the inspector shows,
/// its document (IBE layers opened as the party, with the keys it holds at the
/// section's step) and the chosen line. The checker, plain text and the demonstrator
/// (which resolves the same directive on its own state) show the same thing.
public struct InspectedMessage: Sendable {
    /// The step (from 1) that put the message on the wire.
    public let step: Int
    public let document: InspectorDocument
    /// The line the directive chooses, if it chooses one.
    public let line: InspectorDocument.Line?
    /// Fields or hex, as the directive says.
    public let mode: Inspection.Mode
}

extension ResolvedSection {
    /// The section's inspection on its run; nil without an `inspect` directive. Throws
    /// what does not resolve, located in `file`: a message not (yet) on the wire, a party
    /// not in the cast, a field the inspector does not show.
    public func inspected(cache: TimelineCache, file: String) throws(TutorialIssue) -> InspectedMessage? {
        guard let inspection = section.inspection else { return nil }
        func problem(_ text: String) -> TutorialIssue {
            TutorialIssue(file: file, line: inspection.line, message: "`inspect`: " + text)
        }
        let steps = timeline.steps, name = scene.scenario.rawValue
        let index: Int
        if let reference = inspection.message {
            guard let found = reference.resolve(in: steps) else { throw problem("message=\(reference) is not a step of \(name)") }
            guard steps[found].message != nil else {
                throw problem("step \(found + 1) of \(name) (\(reference)) puts no message on the wire")
            }
            guard found <= stepIndex else {
                throw problem("message=\(reference) is step \(found + 1), after the section's step \(stepIndex + 1): not on the wire yet")
            }
            index = found
        } else {
            guard let latest = steps[...stepIndex].lastIndex(where: { $0.message != nil }) else {
                throw problem("no message is on the wire by step \(stepIndex + 1) of \(name)")
            }
            index = latest
        }
        guard let message = steps[index].message else { throw problem("step \(index + 1) of \(name) puts no message on the wire") }
        var openings = [LayerOpening]()
        if let id = inspection.party {
            guard let party = timeline.party(id) else {
                throw problem("as=\(id) is not a party of \(name) (\(timeline.parties.map(\.id.rawValue).joined(separator: ", ")))")
            }
            let set: ParameterSet
            do { set = try cache.parameterSet(named: scene.params) } catch { throw problem("parameter set \(scene.params): \(error)") }
            openings = LayerOpening.open(message, as: party, at: step, parameterSet: set)
        }
        let document = InspectorDocument(message: message, openings: openings, openedAs: inspection.party.map { timeline.tag($0) })
        if inspection.mode == .fields, !document.isMIKEY {
            throw problem("\(message.kind.name) is not MIKEY: the inspector shows it in hex only (mode=hex)")
        }
        guard let path = inspection.field else {
            return InspectedMessage(step: index + 1, document: document, line: nil, mode: inspection.mode)
        }
        guard let line = document.line(at: path) else {
            let nearby = document.selectableLines.compactMap { document.lines[$0].path }.filter { $0.parent == path.parent }
            let layer = inspection.party == nil && document.hasIBELayers && path.parent != nil ? "; a layer's contents need as=PARTY" : ""
            throw problem("\(message.kind.name) (step \(index + 1)) has no field \"\(path)\"\(layer)"
                          + (nearby.isEmpty ? "" : "; there: \(nearby.map(\.description).joined(separator: ", "))"))
        }
        return InspectedMessage(step: index + 1, document: document, line: line, mode: inspection.mode)
    }
}

extension InspectedMessage {
    /// The chosen line's octets (from the message, or from an opened layer's plaintext).
    public var octets: [UInt8] {
        guard let line, let range = line.octets else { return [] }
        let buffer = document.octets(of: line.buffer)
        return Array(buffer[range.clamped(to: 0..<buffer.count)])
    }
}
