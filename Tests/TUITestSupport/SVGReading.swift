import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TUI

/// What an SVG image of a canvas holds (`Canvas.svg`), read back with Foundation's
/// XMLParser: parsing fails on XML that is not well-formed. Shared by the SVG writer's
/// tests and `mikey-ibake snapshot`'s.
public final class SVGReading: NSObject, XMLParserDelegate {
    public struct Piece {
        public var column: Int
        public var row: Int
        public var text = ""
        public var fill: String
        public var bold: Bool
    }

    /// Each run of text, at its cell.
    public private(set) var pieces: [Piece] = []
    /// Each rectangle's attributes, the background first.
    public private(set) var rects: [[String: String]] = []
    public private(set) var title = ""
    /// The `<svg>` element's attributes.
    public private(set) var root: [String: String] = [:]
    private var text: (y: Int, fill: String, bold: Bool)?
    private var inTitle = false
    private var current: Piece?

    public static func parse(_ svg: String) throws -> SVGReading {
        let reading = SVGReading()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reading
        guard parser.parse() else {
            throw Malformed(reason: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber)
        }
        return reading
    }

    public struct Malformed: Error {
        public let reason: String
        public let line: Int
    }

    public func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                       attributes: [String: String] = [:]) {
        switch element {
        case "svg": root = attributes
        case "title": inTitle = true
        case "rect": rects.append(attributes)
        case "text":
            let y = Int(attributes["y"] ?? "") ?? -1
            text = (y, attributes["fill"] ?? "", attributes["font-weight"] == "bold")
        case "tspan":
            guard let text, let x = Double(attributes["x"] ?? "") else { return }
            let column = Int((x * 10 / Double(SVGGrid.cellWidthTenths)).rounded())
            current = Piece(column: column, row: (text.y - SVGGrid.baseline) / SVGGrid.cellHeight, fill: text.fill, bold: text.bold)
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
        current?.text += string
    }

    public func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
                       qualifiedName: String?) {
        switch element {
        case "title": inTitle = false
        case "tspan":
            if let current { pieces.append(current) }
            current = nil
        case "text": text = nil
        default: break
        }
    }

    /// The text put back on a `width` x `height` grid, as `Canvas.plainText` writes it.
    public func grid(width: Int, height: Int) -> String {
        var rows = Array(repeating: Array(repeating: " ", count: width), count: height)
        for piece in pieces {
            var column = piece.column
            for character in piece.text {
                rows[piece.row][column] = String(character)
                if TextWidth.columns(character) == 2 { rows[piece.row][column + 1] = "" }
                column += TextWidth.columns(character) == 2 ? 2 : 1
            }
        }
        return rows.map { row in
            var line = row.joined()
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
