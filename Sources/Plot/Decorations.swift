import Foundation

/// Legends and text boxes: framed boxes inside the axes, placed where they hide least data.
struct Decorations {
    /// A framed box to place: a legend or a text box.
    struct Box {
        enum Content {
            case legend([LegendEntry])
            case text([RichText])
        }

        let content: Content
        let placement: Placement
        let width: Double
        let height: Double
    }

    static let size = Style.legendSize
    static let borderPad = 0.4 * size
    static let handleLength = 2.0 * size
    static let handleGap = 0.8 * size
    static let lineHeight = 1.25 * size
    static let textPad = 0.5 * size

    /// The boxes of a panel in placing order: the legend first, then the text boxes.
    static func boxes(_ panel: Panel) -> [Box] {
        var boxes: [Box] = []
        if let placement = panel.axes.legend {
            let entries = panel.axes.series.compactMap { series in
                series.legendLabel.map { LegendEntry(series: series, label: RichText($0)) }
            }
            if !entries.isEmpty {
                let textWidth = entries.map { $0.label.width(size: size) }.max() ?? 0
                boxes.append(Box(content: .legend(entries), placement: placement,
                                 width: 2 * borderPad + handleLength + handleGap + textWidth,
                                 height: 2 * borderPad + Double(entries.count) * lineHeight))
            }
        }
        for textBox in panel.axes.textBoxes where !textBox.lines.isEmpty {
            let lines = textBox.lines.map(RichText.init)
            let width = lines.map { $0.width(size: size) }.max() ?? 0
            boxes.append(Box(content: .text(lines), placement: textBox.placement,
                             width: width + 2 * textPad, height: Double(lines.count) * lineHeight + 2 * textPad - 0.25 * size))
        }
        return boxes
    }

    /// Where the boxes go, and how much data they hide in total.
    static func place(_ boxes: [Box], panel: Panel, geometry: PanelGeometry) -> (rects: [Rect], hidden: Double) {
        var occupancy = Occupancy(panel, geometry: geometry)
        var rects: [Rect] = []
        var hidden = 0.0
        for box in boxes {
            let placed = occupancy.place(size: (box.width, box.height), in: geometry.frame, placement: box.placement)
            rects.append(placed.rect)
            hidden += placed.hidden
        }
        return (rects, hidden)
    }

    /// New automatic y limits with room above the data for the boxes, when they would
    /// otherwise hide data; nil when they already fit.
    static func headroom(_ panel: Panel, geometry: PanelGeometry) -> ClosedRange<Double>? {
        let boxes = self.boxes(panel)
        guard !boxes.isEmpty, panel.axes.y.limits == nil, panel.image == nil, panel.heatmap == nil,
              place(boxes, panel: panel, geometry: geometry).hidden > 0 else { return nil }
        // Boxes too wide to stand side by side stack up: room for all of them.
        let sideBySide = boxes.map(\.width).reduce(0, +) + Style.fontSize * Double(boxes.count + 1) <= geometry.frame.width
        let stacked = boxes.map(\.height).reduce(0, +) + Style.fontSize * 0.5 * Double(boxes.count - 1)
        let needed = (sideBySide ? boxes.map(\.height).max() ?? 0 : stacked) + Style.fontSize
        let fraction = min(0.6, needed / geometry.frame.height)
        let lower = panel.yLimits.lowerBound, upper = panel.yLimits.upperBound
        if panel.axes.y.scale == .log {
            let low = log10(lower), high = log10(upper)
            return lower...pow(10, low + (high - low) / (1 - fraction))
        }
        return lower...(lower + (upper - lower) / (1 - fraction))
    }

    /// Draws the boxes of a panel.
    static func draw(_ panel: Panel, geometry: PanelGeometry, into canvas: inout SVGCanvas) {
        let boxes = self.boxes(panel)
        guard !boxes.isEmpty else { return }
        let rects = place(boxes, panel: panel, geometry: geometry).rects
        for (box, rect) in zip(boxes, rects) {
            canvas.element("rect", [("x", NumberFormat.coordinate(rect.x)), ("y", NumberFormat.coordinate(rect.y)),
                                    ("width", NumberFormat.coordinate(rect.width)), ("height", NumberFormat.coordinate(rect.height)),
                                    ("rx", "2"), ("fill", "#ffffff"), ("fill-opacity", "0.85"),
                                    ("stroke", Colour.lightGrey.hex), ("stroke-width", "0.8")])
            switch box.content {
            case .legend(let entries):
                for (index, entry) in entries.enumerated() {
                    let middle = rect.y + borderPad + (Double(index) + 0.5) * lineHeight
                    entry.drawHandle(x: rect.x + borderPad, middle: middle, length: handleLength, into: &canvas)
                    canvas.text(entry.label, x: rect.x + borderPad + handleLength + handleGap,
                                y: middle + FontMetrics.capHeight * size / 2, size: size, role: "legend")
                }
            case .text(let lines):
                for (index, line) in lines.enumerated() {
                    let middle = rect.y + textPad + (Double(index) + 0.5) * lineHeight - 0.125 * size
                    canvas.text(line, x: rect.x + textPad, y: middle + FontMetrics.capHeight * size / 2, size: size, role: "textbox")
                }
            }
        }
    }
}

/// One line of a legend: a small picture of the series and its label.
struct LegendEntry {
    let series: Series
    let label: RichText

    func drawHandle(x: Double, middle: Double, length: Double, into canvas: inout SVGCanvas) {
        let c = NumberFormat.coordinate
        switch series {
        case .histogram(let h):
            let colour = (h.colour ?? .black).hex
            let height = 0.7 * Decorations.size
            var attributes: [(String, String)] = [("x", c(x)), ("y", c(middle - height / 2)), ("width", c(length)),
                                                  ("height", c(height)), ("stroke", colour), ("stroke-width", c(h.lineWidth))]
            if h.style == .filled {
                attributes += [("fill", colour), ("fill-opacity", c(Style.fillOpacity))]
            } else {
                attributes.append(("fill", "none"))
            }
            canvas.element("rect", attributes)
        case .line(let l):
            let colour = (l.colour ?? .black).hex
            drawLine(x: x, middle: middle, length: length, colour: colour, width: l.width, dash: l.dash, into: &canvas)
            if let marker = l.markerSize {
                canvas.element("path", [("d", "M\(c(x + length / 2)) \(c(middle))h0"), ("stroke", colour),
                                        ("stroke-width", c(marker)), ("stroke-linecap", "round")])
            }
        case .scatter(let s):
            canvas.element("path", [("d", "M\(c(x + length / 2)) \(c(middle))h0"), ("stroke", (s.colour ?? .black).hex),
                                    ("stroke-width", c(max(s.size, 4))), ("stroke-linecap", "round")])
        case .reference(let r):
            drawLine(x: x, middle: middle, length: length, colour: r.colour.hex, width: r.width, dash: r.dash, into: &canvas)
        case .image, .heatmap:
            break
        }
    }

    private func drawLine(x: Double, middle: Double, length: Double, colour: String, width: Double, dash: LineDash,
                          into canvas: inout SVGCanvas) {
        let c = NumberFormat.coordinate
        var attributes: [(String, String)] = [("d", "M\(c(x)) \(c(middle))h\(c(length))"), ("stroke", colour),
                                              ("stroke-width", c(width))]
        if let pattern = dash.pattern(width: width) { attributes.append(("stroke-dasharray", pattern)) }
        canvas.element("path", attributes)
    }
}
