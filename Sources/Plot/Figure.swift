import Foundation

/// A figure: one panel or a grid of panels, drawn as a standalone SVG 1.1 document.
///
/// Sizes are in points (1/72 inch). The same figure always gives the same bytes.
public struct Figure: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    /// Panels in reading order (row by row); a grid may have empty places at the end.
    public var panels: [Axes]
    public var title: String?
    public var width: Double
    public var height: Double
    /// Panels in one column share x limits; only the lowest shows x tick labels and x label.
    public var sharesX: Bool
    /// Panels in one row share y limits; only the leftmost shows y tick labels and y label.
    public var sharesY: Bool

    /// A figure of one panel, by default matplotlib's 6.4 × 4.8 inches.
    public init(_ axes: Axes, title: String? = nil, width: Double = 460.8, height: Double = 345.6) {
        self.init(rows: 1, columns: 1, panels: [axes], title: title, width: width, height: height)
    }

    /// A grid of panels, by default 320 × 240 points per panel.
    public init(rows: Int, columns: Int, panels: [Axes], title: String? = nil, width: Double? = nil,
                height: Double? = nil, sharesX: Bool = false, sharesY: Bool = false) {
        self.rows = rows
        self.columns = columns
        self.panels = panels
        self.title = title
        self.width = width ?? 320 * Double(max(1, columns))
        self.height = height ?? 240 * Double(max(1, rows)) + (title == nil ? 0 : 20)
        self.sharesX = sharesX
        self.sharesY = sharesY
    }

    /// The SVG document. Throws a `PlotError` naming the panel and series of bad input.
    public func svg() throws -> String {
        try validate()
        var resolved = panels.map(Panel.init)
        share(&resolved)
        var layout = Layout.arrange(self, panels: resolved)
        // Legends and text boxes that would hide data get room above it, then the layout
        // is settled again. Room for the tallest box may not do when two boxes cannot stand
        // side by side (a legend and a wide text box): then a second round adds more.
        for _ in 0..<3 {
            var extended = false
            for index in resolved.indices where !sharesY {
                if let limits = Decorations.headroom(resolved[index], geometry: layout.geometries[index]) {
                    resolved[index].yLimits = limits
                    extended = true
                }
            }
            guard extended else { break }
            layout = Layout.arrange(self, panels: resolved)
        }

        var canvas = SVGCanvas()
        if let title = title.map(RichText.init) {
            canvas.text(title, x: width / 2, y: layout.titleBaseline, size: Style.figureTitleSize, anchor: .middle, role: "suptitle")
        }
        for index in resolved.indices {
            PanelDrawing(panel: resolved[index], geometry: layout.geometries[index]).draw(into: &canvas)
        }
        let c = NumberFormat.coordinate
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        document += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(c(width))pt\" height=\"\(c(height))pt\""
        document += " viewBox=\"0 0 \(c(width)) \(c(height))\" font-family=\"\(FontMetrics.fontFamily)\""
        document += " font-size=\"\(c(Style.fontSize))\" xml:space=\"preserve\">\n"
        document += "<rect width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>\n"
        if !canvas.defs.isEmpty { document += "<defs>\n" + canvas.defs + "</defs>\n" }
        document += canvas.body
        document += "</svg>\n"
        let prefix = "jnb" + Self.hash(document)
        return document.replacingOccurrences(of: SVGCanvas.idPlaceholder, with: prefix)
    }

    /// Panels that share an axis get the union of their limits.
    private func share(_ panels: inout [Panel]) {
        if sharesX {
            for column in 0..<columns {
                let members = panels.indices.filter { $0 % columns == column }
                guard let lower = members.map({ panels[$0].xLimits.lowerBound }).min(),
                      let upper = members.map({ panels[$0].xLimits.upperBound }).max(),
                      let lowest = members.max() else { continue }
                for index in members {
                    panels[index].xLimits = lower...upper
                    panels[index].showsXTickLabels = index == lowest
                    if index != lowest { panels[index].axes.x.label = nil }
                }
            }
        }
        if sharesY {
            for row in 0..<rows {
                let members = panels.indices.filter { $0 / columns == row }
                guard let lower = members.map({ panels[$0].yLimits.lowerBound }).min(),
                      let upper = members.map({ panels[$0].yLimits.upperBound }).max(),
                      let leftmost = members.min() else { continue }
                for index in members {
                    panels[index].yLimits = lower...upper
                    panels[index].showsYTickLabels = index == leftmost
                    if index != leftmost { panels[index].axes.y.label = nil }
                }
            }
        }
    }

    /// 32-bit FNV-1a of the text as 8 hex digits: a stable id prefix for this document.
    private static func hash(_ text: String) -> String {
        var h: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        let digits = String(h, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
