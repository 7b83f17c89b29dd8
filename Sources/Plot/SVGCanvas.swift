/// Accumulates the SVG text of a figure.
///
/// Element ids are written with a placeholder prefix; `Figure.svg()` replaces it with a hash
/// of the finished document, so ids are stable for the same figure and do not collide when
/// different figures are inlined into one HTML page.
struct SVGCanvas {
    /// Stands for the id prefix until the document is finished. `RichText` drops control
    /// characters, so label text can never contain it.
    static let idPlaceholder = "\u{1}"

    private(set) var body = ""
    private(set) var defs = ""
    private var nextID = 0

    init() {
        body.reserveCapacity(1 << 16)
    }

    /// A new unique id of the form "<prefix>-kindN".
    mutating func newID(_ kind: String) -> String {
        nextID += 1
        return Self.idPlaceholder + "-" + kind + String(nextID)
    }

    mutating func define(_ text: String) {
        defs += text
    }

    /// `<name a="v" …/>` or with content; attribute values are escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        body += "<" + name
        for (key, value) in attributes {
            body += " " + key + "=\"" + XML.escape(value) + "\""
        }
        if let content {
            body += ">" + content + "</" + name + ">\n"
        } else {
            body += "/>\n"
        }
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        body += "<" + name
        for (key, value) in attributes {
            body += " " + key + "=\"" + XML.escape(value) + "\""
        }
        body += ">\n"
    }

    mutating func close(_ name: String) {
        body += "</" + name + ">\n"
    }

    /// A one-line label. `anchor` is the SVG text-anchor; `rotated` turns it to read upwards
    /// about its anchor point.
    mutating func text(_ text: RichText, x: Double, y: Double, size: Double, anchor: TextAnchor = .start,
                       rotated: Bool = false, colour: Colour = .black, role: String) {
        let px = NumberFormat.coordinate(x), py = NumberFormat.coordinate(y)
        var attributes: [(String, String)] = [("class", role), ("x", px), ("y", py)]
        if size != Style.fontSize { attributes.append(("font-size", NumberFormat.coordinate(size))) }
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if rotated { attributes.append(("transform", "rotate(-90 \(px) \(py))")) }
        if colour != .black { attributes.append(("fill", colour.hex)) }
        element("text", attributes, content: text.svgContent(size: size))
    }
}

enum TextAnchor: String {
    case start, middle, end
}

/// Path data with compact number formatting.
struct PathData {
    private(set) var text = ""
    private(set) var isEmpty = true

    mutating func move(_ x: Double, _ y: Double) {
        text += "M" + NumberFormat.coordinate(x) + " " + NumberFormat.coordinate(y)
        isEmpty = false
    }

    mutating func line(_ x: Double, _ y: Double) {
        text += "L" + NumberFormat.coordinate(x) + " " + NumberFormat.coordinate(y)
    }

    mutating func horizontal(_ x: Double) {
        text += "H" + NumberFormat.coordinate(x)
    }

    mutating func vertical(_ y: Double) {
        text += "V" + NumberFormat.coordinate(y)
    }

    /// A relative horizontal segment (a dot when `dx` is 0 and the cap is round).
    mutating func relativeHorizontal(_ dx: Double) {
        text += "h" + NumberFormat.coordinate(dx)
    }

    mutating func relativeVertical(_ dy: Double) {
        text += "v" + NumberFormat.coordinate(dy)
    }
}
