import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Plot

/// Reads back a figure's SVG: its elements, ids, references, and the boxes its text covers
/// (measured with the same font widths), so tests can check the drawing, not the code.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// Classes of the enclosing groups and their shape-rendering, outermost first.
        let groups: [[String: String]]
    }

    /// A text element and the rectangle it covers (y down).
    struct TextBox {
        let role: String
        let text: String
        let panel: Int
        var x0: Double, y0: Double, x1: Double, y1: Double

        func overlaps(_ other: TextBox, tolerance: Double = 0.25) -> Bool {
            x0 < other.x1 - tolerance && other.x0 < x1 - tolerance && y0 < other.y1 - tolerance && other.y0 < y1 - tolerance
        }
    }

    private(set) var elements: [Element] = []
    private(set) var texts: [TextBox] = []
    private(set) var width = 0.0
    private(set) var height = 0.0
    private(set) var panelCount = 0
    /// The frame (axes rectangle) of each panel, by panel number from 1.
    private(set) var frames: [Int: (x: Double, y: Double, width: Double, height: Double)] = [:]

    private var groupStack: [[String: String]] = []
    private var currentText: (attributes: [String: String], chunks: [(String, Double, Double)])?
    private var tspanStack: [(size: Double, dy: Double)] = []
    private var baselineShift = 0.0

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw PlotError("SVG does not parse: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
    }

    var ids: [String] { elements.compactMap { $0.attributes["id"] } }

    /// Every `url(#…)` and `href="#…"` target.
    var references: [String] {
        elements.flatMap { element in
            element.attributes.flatMap { key, value -> [String] in
                if key == "href" || key == "xlink:href" { return value.hasPrefix("#") ? [String(value.dropFirst())] : [] }
                var found: [String] = []
                var rest = Substring(value)
                while let start = rest.range(of: "url(#") {
                    let after = rest[start.upperBound...]
                    guard let end = after.firstIndex(of: ")") else { break }
                    found.append(String(after[..<end]))
                    rest = after[end...]
                }
                return found
            }
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        elements.append(Element(name: name, attributes: attributes, groups: groupStack))
        switch name {
        case "svg":
            width = Double(attributes["viewBox"]?.split(separator: " ")[2] ?? "") ?? 0
            height = Double(attributes["viewBox"]?.split(separator: " ")[3] ?? "") ?? 0
        case "g":
            if attributes["class"] == "axes" { panelCount += 1 }
            groupStack.append(attributes)
        case "rect" where attributes["fill"] == "none" && attributes["stroke"] == "#000000" && frames[panelCount] == nil:
            frames[panelCount] = (Double(attributes["x"] ?? "") ?? 0, Double(attributes["y"] ?? "") ?? 0,
                                  Double(attributes["width"] ?? "") ?? 0, Double(attributes["height"] ?? "") ?? 0)
        case "text":
            currentText = (attributes, [])
            tspanStack = [(Double(attributes["font-size"] ?? "10") ?? 10, 0)]
            baselineShift = 0
        case "tspan":
            let size = Double(attributes["font-size"] ?? "") ?? tspanStack.last?.size ?? 10
            let dy = Double(attributes["dy"] ?? "0") ?? 0
            baselineShift += dy
            tspanStack.append((size, dy))
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard currentText != nil else { return }
        currentText?.chunks.append((string, tspanStack.last?.size ?? 10, baselineShift))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "g":
            groupStack.removeLast()
        case "tspan":
            tspanStack.removeLast()
        case "text":
            if let text = currentText { texts.append(box(text.attributes, text.chunks)) }
            currentText = nil
        default:
            break
        }
    }

    /// The box of a text element: advance widths of its chunks, each chunk's ascent and
    /// descent around its shifted baseline, turned for rotated labels.
    private func box(_ attributes: [String: String], _ chunks: [(String, Double, Double)]) -> TextBox {
        let x = Double(attributes["x"] ?? "0") ?? 0, y = Double(attributes["y"] ?? "0") ?? 0
        var width = 0.0, top = 0.0, bottom = 0.0
        for (text, size, shift) in chunks {
            width += FontMetrics.width(of: text, size: size)
            top = min(top, shift - 0.76 * size)
            bottom = max(bottom, shift + 0.24 * size)
        }
        let anchor = attributes["text-anchor"] ?? "start"
        let start = anchor == "middle" ? -width / 2 : (anchor == "end" ? -width : 0)
        let text = chunks.map(\.0).joined()
        let role = attributes["class"] ?? ""
        if attributes["transform"]?.hasPrefix("rotate(-90") == true {
            // Reading upwards: along the text is −y, above the baseline is −x.
            return TextBox(role: role, text: text, panel: panelCount, x0: x + top, y0: y - start - width, x1: x + bottom, y1: y - start)
        }
        return TextBox(role: role, text: text, panel: panelCount, x0: x + start, y0: y + top, x1: x + start + width, y1: y + bottom)
    }
}
