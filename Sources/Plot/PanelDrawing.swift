/// Draws one panel: grid, clipped series, frame, ticks, labels, title, legend, text boxes
/// and colour bar.
struct PanelDrawing {
    let panel: Panel
    let geometry: PanelGeometry

    private var frame: Rect { geometry.frame }
    private let size = Style.fontSize
    private let c = NumberFormat.coordinate

    func draw(into canvas: inout SVGCanvas) {
        canvas.open("g", [("class", "axes")])
        if panel.axes.grid { grid(into: &canvas) }

        let clip = canvas.newID("clip")
        canvas.define("<clipPath id=\"\(clip)\"><rect x=\"\(c(frame.x))\" y=\"\(c(frame.y))\" width=\"\(c(frame.width))\" height=\"\(c(frame.height))\"/></clipPath>\n")
        canvas.open("g", [("clip-path", "url(#\(clip))")])
        let drawing = SeriesDrawing(geometry: geometry)
        for series in panel.axes.series { drawing.drawFill(series, into: &canvas) }
        for series in panel.axes.series { drawing.draw(series, into: &canvas) }
        canvas.close("g")

        canvas.element("rect", [("x", c(frame.x)), ("y", c(frame.y)), ("width", c(frame.width)), ("height", c(frame.height)),
                                ("fill", "none"), ("stroke", "#000000"), ("stroke-width", c(Style.frameWidth))])
        xAxis(into: &canvas)
        yAxis(into: &canvas)
        var top = frame.y
        if let multiplier = geometry.yTicks.multiplier ?? geometry.colourBar?.ticks.multiplier {
            top -= multiplier.ascent(size: size) + multiplier.descent(size: size) + 3
        }
        notes(above: top, into: &canvas)
        top -= Layout.notesHeight(panel)
        if let title = panel.axes.title.map(RichText.init) {
            let baseline = top - Style.titlePad - title.descent(size: Style.titleSize)
            let titleSize = Self.fitted(title, size: Style.titleSize, width: centredRoom(frame.midX, within: geometry.cell.x, geometry.cell.maxX))
            canvas.text(title, x: frame.midX, y: baseline, size: titleSize, anchor: .middle, role: "title")
        }
        Decorations.draw(panel, geometry: geometry, into: &canvas)
        if let bar = geometry.colourBar { colourBar(bar, into: &canvas) }
        canvas.close("g")
    }

    /// The notes, last line lowest, centred over the frame and no wider than it (so clear of
    /// the y axis's labels and the colour bar), ending `bottom` points down the page.
    private func notes(above bottom: Double, into canvas: inout SVGCanvas) {
        var baseline = bottom
        for line in panel.axes.notes.reversed().map(RichText.init) {
            let noteSize = Self.fitted(line, size: Style.legendSize, width: frame.width)
            baseline -= Style.notePad + line.descent(size: Style.legendSize)
            canvas.text(line, x: frame.midX, y: baseline, size: noteSize, anchor: .middle, role: "note")
            baseline -= line.ascent(size: Style.legendSize)
        }
    }

    /// The width a label centred on `centre` may take between `low` and `high`.
    private func centredRoom(_ centre: Double, within low: Double, _ high: Double) -> Double {
        2 * max(0, min(centre - low, high - centre))
    }

    /// `size`, or a smaller one (down to half) at which `text` fits in `width`: a label too
    /// long for its panel shrinks rather than being cut off by the figure's edge.
    static func fitted(_ text: RichText, size: Double, width: Double) -> Double {
        let natural = text.width(size: size)
        guard natural > width, natural > 0 else { return size }
        return max(size / 2, size * width / natural)
    }

    private func grid(into canvas: inout SVGCanvas) {
        var path = PathData()
        for mark in geometry.xTicks.marks where mark.major {
            path.move(geometry.xMap(mark.value), frame.y)
            path.vertical(frame.maxY)
        }
        for mark in geometry.yTicks.marks where mark.major {
            path.move(frame.x, geometry.yMap(mark.value))
            path.horizontal(frame.maxX)
        }
        if !path.isEmpty {
            canvas.element("path", [("d", path.text), ("stroke", Style.gridColour.hex), ("stroke-width", "0.6"), ("fill", "none")])
        }
    }

    /// Tick marks pointing out of the frame: majors in one path, minors in another.
    private func tickMarks(_ ticks: AxisTicks, position: (Double) -> Double, horizontal: Bool, edge: Double,
                           into canvas: inout SVGCanvas) {
        for major in [true, false] {
            var path = PathData()
            let length = major ? Style.majorTickLength : Style.minorTickLength
            for mark in ticks.marks where mark.major == major {
                let p = position(mark.value)
                if horizontal {
                    path.move(p, edge)
                    path.relativeVertical(length)
                } else {
                    path.move(edge, p)
                    path.relativeHorizontal(-length)
                }
            }
            guard !path.isEmpty else { continue }
            canvas.element("path", [("d", path.text), ("stroke", "#000000"),
                                    ("stroke-width", c(major ? Style.majorTickWidth : Style.minorTickWidth))])
        }
    }

    private func xAxis(into canvas: inout SVGCanvas) {
        let ticks = geometry.xTicks
        let map = geometry.xMap
        tickMarks(ticks, position: { map($0) }, horizontal: true, edge: frame.maxY, into: &canvas)
        var y = frame.maxY + Style.majorTickLength
        if !ticks.labels.isEmpty {
            let baseline = y + Style.tickPad + ticks.maxLabelAscent(size: size)
            for mark in ticks.marks {
                guard let label = mark.label else { continue }
                canvas.text(label, x: map(mark.value), y: baseline, size: size, anchor: .middle, role: "xtick")
            }
            y = baseline + ticks.maxLabelDescent(size: size)
        }
        let label = panel.axes.x.label.map(RichText.init)
        let row = label ?? ticks.multiplier
        guard let row else { return }
        let baseline = y + Style.labelPad + row.ascent(size: size)
        if let label {
            let labelSize = Self.fitted(label, size: size, width: centredRoom(frame.midX, within: geometry.cell.x, geometry.cell.maxX))
            canvas.text(label, x: frame.midX, y: baseline, size: labelSize, anchor: .middle, role: "xlabel")
        }
        if let multiplier = ticks.multiplier {
            var multiplierBaseline = baseline
            if let label, Layout.multiplierNeedsOwnRow(label: label, multiplier: multiplier, frameWidth: frame.width) {
                multiplierBaseline += label.descent(size: size) + 2 + multiplier.ascent(size: size)
            }
            canvas.text(multiplier, x: frame.maxX, y: multiplierBaseline, size: size, anchor: .end, role: "multiplier")
        }
    }

    private func yAxis(into canvas: inout SVGCanvas) {
        let ticks = geometry.yTicks
        let map = geometry.yMap
        tickMarks(ticks, position: { map($0) }, horizontal: false, edge: frame.x, into: &canvas)
        var x = frame.x - Style.majorTickLength
        if !ticks.labels.isEmpty {
            x -= Style.tickPad
            for mark in ticks.marks {
                guard let label = mark.label else { continue }
                canvas.text(label, x: x, y: map(mark.value) + FontMetrics.capHeight * size / 2, size: size, anchor: .end, role: "ytick")
            }
            x -= ticks.maxLabelWidth(size: size)
        }
        if let label = panel.axes.y.label.map(RichText.init) {
            let labelSize = Self.fitted(label, size: size, width: centredRoom(frame.midY, within: geometry.cell.y, geometry.cell.maxY))
            canvas.text(label, x: x - Style.labelPad - label.descent(size: size), y: frame.midY, size: labelSize,
                        anchor: .middle, rotated: true, role: "ylabel")
        }
        if let multiplier = ticks.multiplier {
            canvas.text(multiplier, x: frame.x, y: frame.y - 3 - multiplier.descent(size: size), size: size, role: "multiplier")
        }
    }

    /// A gradient bar with the colour map, its own value ticks on the right, and a label.
    private func colourBar(_ bar: ColourBarGeometry, into canvas: inout SVGCanvas) {
        let gradient = canvas.newID("colourbar")
        var stops = ""
        let count = 32
        for i in 0...count {
            let t = Double(i) / Double(count)
            stops += "<stop offset=\"\(c(t))\" stop-color=\"\(bar.scale.colormap.colour(at: t).hex)\"/>"
        }
        canvas.define("<linearGradient id=\"\(gradient)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\(stops)</linearGradient>\n")
        let rect = bar.rect
        canvas.element("rect", [("x", c(rect.x)), ("y", c(rect.y)), ("width", c(rect.width)), ("height", c(rect.height)),
                                ("fill", "url(#\(gradient))"), ("stroke", "#000000"), ("stroke-width", c(Style.frameWidth))])
        for major in [true, false] {
            var path = PathData()
            let length = major ? Style.majorTickLength : Style.minorTickLength
            for mark in bar.ticks.marks where mark.major == major {
                path.move(rect.maxX, bar.map(mark.value))
                path.relativeHorizontal(length)
            }
            guard !path.isEmpty else { continue }
            canvas.element("path", [("d", path.text), ("stroke", "#000000"),
                                    ("stroke-width", c(major ? Style.majorTickWidth : Style.minorTickWidth))])
        }
        let x = rect.maxX + Style.majorTickLength + Style.tickPad
        for mark in bar.ticks.marks {
            guard let label = mark.label else { continue }
            canvas.text(label, x: x, y: bar.map(mark.value) + FontMetrics.capHeight * size / 2, size: size, role: "cbtick")
        }
        if let multiplier = bar.ticks.multiplier {
            canvas.text(multiplier, x: rect.x, y: rect.y - 3 - multiplier.descent(size: size), size: size, role: "multiplier")
        }
        if let label = bar.label {
            let labelX = x + bar.ticks.maxLabelWidth(size: size) + Style.labelPad + label.ascent(size: size)
            let labelSize = Self.fitted(label, size: size, width: centredRoom(rect.midY, within: geometry.cell.y, geometry.cell.maxY))
            canvas.text(label, x: labelX, y: rect.midY, size: labelSize, anchor: .middle, rotated: true, role: "cblabel")
        }
    }
}
