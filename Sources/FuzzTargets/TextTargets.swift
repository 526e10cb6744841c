import CommandInput
import Foundation
import IBE
import Primitives
import Tutorials

/// One input through the tutorial parser, as UTF-8 text (invalid sequences repaired as a
/// file read would). Properties: a failure lists at least one issue, each on a line of the
/// input; a document has at least one section.
@discardableResult
public func fuzzTutorial(_ data: [UInt8]) -> FuzzOutcome {
    let text = String(decoding: data, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    do {
        let document = try TutorialParser.parse(text, file: "fuzz.md")
        guard !document.sections.isEmpty else { propertyViolated(.tutorial, "a tutorial without sections parsed") }
        return .accepted
    } catch {
        guard !error.issues.isEmpty else { propertyViolated(.tutorial, "a failed parse reports no issue") }
        if let issue = error.issues.first(where: { !(1...lines).contains($0.line) }) {
            propertyViolated(.tutorial, "issue on line \(issue.line) of \(lines): \(issue.message)")
        }
        return .rejected(error.issues.map(\.description).joined(separator: "; "))
    }
}

/// One input through the parameter-set loader (the `name = value` text of Assets/params).
/// A set that loads with p of at most 64 bits is also validated (primality, the order of P,
/// HashToPoint of the seed), so the pairing code meets parameters nobody shipped. Property:
/// a refused file is an IBEError (no trap, whatever the numbers).
@discardableResult
public func fuzzParameterSet(_ data: [UInt8]) -> FuzzOutcome {
    do {
        let set = try ParameterSet(text: String(decoding: data, as: UTF8.self), source: "fuzz.txt")
        if set.curve.p.bitWidth <= 64 { try set.validate() }
        return .accepted
    } catch {
        return .rejected(error.description)
    }
}

/// One input through `mikey-ibake decode`'s readers. Properties: the content reader fails
/// only for empty input or for text that is all hex digits but not whole octets; what the
/// hex reader returns spells the digits given; what the base64 reader returns re-encodes
/// to base64 that decodes to the same octets.
@discardableResult
public func fuzzMessageInput(_ data: [UInt8]) -> FuzzOutcome {
    var outcome = FuzzOutcome.accepted
    do {
        _ = try MessageInput.octets(fromContent: data, source: "fuzz")
    } catch {
        let compact = String(validating: data, as: UTF8.self)?.filter { !$0.isWhitespace } ?? ""
        let oddHex = compact.utf8.count % 2 == 1 && compact.allSatisfy { $0.isASCII && $0.isHexDigit }
        guard data.isEmpty || oddHex else { propertyViolated(.input, "content refused: \(error.message)") }
        outcome = .rejected(error.message)
    }
    guard let text = String(validating: data, as: UTF8.self) else { return outcome }
    if let octets = try? MessageInput.hex(text, source: "fuzz") {
        let digits = (text.hasPrefix("0x") ? String(text.dropFirst(2)) : text).filter { !$0.isWhitespace }.lowercased()
        guard Hex.encode(octets) == digits else { propertyViolated(.input, "hex \(digits) read as \(Hex.encode(octets))") }
    }
    if let octets = try? MessageInput.base64(text) {
        guard !octets.isEmpty, Data(base64Encoded: Data(octets).base64EncodedString()) == Data(octets) else {
            propertyViolated(.input, "base64 read as octets that do not re-encode")
        }
    }
    return outcome
}
