/// Draws each kind of series into a panel's (clipped) frame.
struct SeriesDrawing {
    let geometry: PanelGeometry

    private var xMap: AxisMap { geometry.xMap }
    private var yMap: AxisMap { geometry.yMap }

    func draw(_ series: Series, into canvas: inout SVGCanvas) {
        switch series {
        case .histogram(let h): histogram(h, into: &canvas)
        case .line(let l): line(l, into: &canvas)
        case .scatter(let s): scatter(s, into: &canvas)
        case .reference(let r): reference(r, into: &canvas)
        case .image(let image): self.image(image, into: &canvas)
        case .heatmap(let map): heatmap(map, into: &canvas)
        }
    }

    /// A point for y value `v`, kept finite and near the frame: values with no point (zero on
    /// a log axis) go just below it, where the clip hides them without breaking the path.
    private func y(_ v: Double) -> Double {
        let p = yMap(v)
        guard p.isFinite else { return yMap.beyondStart }
        return min(max(p, geometry.frame.y - 10), geometry.frame.maxY + 10)
    }

    /// The baseline a histogram stands on: zero, or the bottom of the frame when zero is
    /// below it (always on a log axis).
    private var histogramBase: Double {
        if yMap.log || yMap.lower > 0 { return yMap.beyondStart }
        return y(0)
    }

    /// The fills of filled histograms, drawn before every series so that no fill covers the
    /// outline of a histogram drawn before it.
    func drawFill(_ series: Series, into canvas: inout SVGCanvas) {
        guard case .histogram(let h) = series, h.style == .filled else { return }
        canvas.element("path", [("d", histogramPath(h).text), ("stroke", "none"), ("fill", (h.colour ?? .black).hex),
                                ("fill-opacity", NumberFormat.coordinate(Style.fillOpacity))])
    }

    /// The outline of a histogram (its fill is drawn by `drawFill`) and its error bars.
    private func histogram(_ h: HistogramSeries, into canvas: inout SVGCanvas) {
        let colour = (h.colour ?? .black).hex
        canvas.element("path", [("d", histogramPath(h).text), ("stroke", colour),
                                ("stroke-width", NumberFormat.coordinate(h.lineWidth)), ("stroke-linejoin", "miter"), ("fill", "none")])

        guard let errors = h.errors else { return }
        var bars = PathData()
        for i in h.counts.indices where errors[i] > 0 {
            let centre = xMap(xMap.log ? (h.edges[i] * h.edges[i + 1]).squareRoot() : (h.edges[i] + h.edges[i + 1]) / 2)
            bars.move(centre, y(h.counts[i] - errors[i]))
            bars.vertical(y(h.counts[i] + errors[i]))
        }
        if !bars.isEmpty {
            canvas.element("path", [("d", bars.text), ("stroke", colour), ("stroke-width", "1"), ("fill", "none")])
        }
    }

    /// One path for the whole outline (and fill), however many entries: a step per bin,
    /// merged where neighbouring bins have the same height.
    private func histogramPath(_ h: HistogramSeries) -> PathData {
        let base = histogramBase
        var path = PathData()
        path.move(xMap(h.edges[0]), base)
        var previous = NumberFormat.coordinate(base)
        for i in h.counts.indices {
            let top = y(h.counts[i])
            let formatted = NumberFormat.coordinate(top)
            if formatted != previous {
                path.vertical(top)
                previous = formatted
            }
            if i + 1 < h.counts.count {
                let next = NumberFormat.coordinate(y(h.counts[i + 1]))
                if next == formatted { continue }
            }
            path.horizontal(xMap(h.edges[i + 1]))
        }
        path.vertical(base)
        return path
    }

    /// A polyline, broken at points with no position; points closer than 0.2 pt to the last
    /// drawn one are skipped, so dense curves (ROC over every threshold) stay small.
    private func line(_ l: LineSeries, into canvas: inout SVGCanvas) {
        let colour = (l.colour ?? .black).hex
        var path = PathData()
        var markers = PathData()
        var last: (x: Double, y: Double)?
        var pending: (x: Double, y: Double)?
        for (xv, yv) in zip(l.x, l.y) {
            let px = xMap(xv), py = yMap(yv)
            guard px.isFinite, py.isFinite else {
                if let p = pending { path.line(p.x, p.y) }
                last = nil
                pending = nil
                continue
            }
            let point = (x: clamp(px), y: clamp(py))
            if l.markerSize != nil {
                markers.move(point.x, point.y)
                markers.relativeHorizontal(0)
            }
            guard let previous = last else {
                path.move(point.x, point.y)
                last = point
                continue
            }
            if abs(point.x - previous.x) < 0.2 && abs(point.y - previous.y) < 0.2 {
                pending = point
                continue
            }
            path.line(point.x, point.y)
            last = point
            pending = nil
        }
        if let p = pending { path.line(p.x, p.y) }
        if !path.isEmpty {
            var attributes: [(String, String)] = [("d", path.text), ("stroke", colour), ("stroke-width", NumberFormat.coordinate(l.width)),
                                                  ("fill", "none"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
            if let pattern = l.dash.pattern(width: l.width) { attributes.append(("stroke-dasharray", pattern)) }
            canvas.element("path", attributes)
        }
        if let size = l.markerSize, !markers.isEmpty {
            canvas.element("path", [("d", markers.text), ("stroke", colour), ("stroke-width", NumberFormat.coordinate(size)),
                                    ("stroke-linecap", "round"), ("fill", "none")])
        }
    }

    /// Keeps far-away points finite and small; the clip hides them.
    private func clamp(_ v: Double) -> Double {
        min(max(v, -1e5), 1e5)
    }

    /// All dots as zero-length round-capped segments of one path.
    private func scatter(_ s: ScatterSeries, into canvas: inout SVGCanvas) {
        var path = PathData()
        var seen = Set<Int64>()
        let frame = geometry.frame, margin = s.size / 2
        for (xv, yv) in zip(s.x, s.y) {
            let px = xMap(xv), py = yMap(yv)
            guard px.isFinite, py.isFinite, px >= frame.x - margin, px <= frame.maxX + margin,
                  py >= frame.y - margin, py <= frame.maxY + margin else { continue }
            let key = Int64((px * 10).rounded()) << 32 | Int64((py * 10).rounded())
            guard seen.insert(key).inserted else { continue }
            path.move(px, py)
            path.relativeHorizontal(0)
        }
        guard !path.isEmpty else { return }
        var attributes: [(String, String)] = [("d", path.text), ("stroke", (s.colour ?? .black).hex),
                                              ("stroke-width", NumberFormat.coordinate(s.size)), ("stroke-linecap", "round"), ("fill", "none")]
        if s.opacity < 1 { attributes.append(("stroke-opacity", NumberFormat.coordinate(max(0, s.opacity)))) }
        canvas.element("path", attributes)
    }

    /// The line across the frame, sampled finely when an axis is logarithmic.
    private func reference(_ r: ReferenceLine, into canvas: inout SVGCanvas) {
        let samples = xMap.log || yMap.log ? 128 : 1
        var path = PathData()
        var drawing = false
        for i in 0...samples {
            let xv = xMap.value(atFraction: Double(i) / Double(samples))
            let py = yMap(r.slope * xv + r.intercept)
            guard py.isFinite else { drawing = false; continue }
            if drawing { path.line(xMap(xv), clamp(py)) } else { path.move(xMap(xv), clamp(py)) }
            drawing = true
        }
        guard !path.isEmpty else { return }
        var attributes: [(String, String)] = [("d", path.text), ("stroke", r.colour.hex), ("stroke-width", NumberFormat.coordinate(r.width)),
                                              ("fill", "none")]
        if let pattern = r.dash.pattern(width: r.width) { attributes.append(("stroke-dasharray", pattern)) }
        canvas.element("path", attributes)
    }

    /// One rectangle per run of equal colour along each row; rows from the top. Edges are
    /// drawn crisp so that neighbouring cells show no hairline seams.
    private func image(_ image: ImageSeries, into canvas: inout SVGCanvas) {
        let scale = ColourScale(image)
        let dx = (image.extent.x.upperBound - image.extent.x.lowerBound) / Double(image.columns)
        let dy = (image.extent.y.upperBound - image.extent.y.lowerBound) / Double(image.rows)
        canvas.open("g", [("shape-rendering", "crispEdges")])
        for row in 0..<image.rows {
            let top = yMap(image.extent.y.upperBound - Double(row) * dy)
            let bottom = yMap(image.extent.y.upperBound - Double(row + 1) * dy)
            var column = 0
            while column < image.columns {
                guard let colour = scale.colour(image.pixels[row * image.columns + column]) else {
                    column += 1
                    continue
                }
                var end = column + 1
                while end < image.columns, scale.colour(image.pixels[row * image.columns + end]) == colour { end += 1 }
                let left = xMap(image.extent.x.lowerBound + Double(column) * dx)
                let right = xMap(image.extent.x.lowerBound + Double(end) * dx)
                cell(left: left, top: top, right: right, bottom: bottom, fill: colour, into: &canvas)
                column = end
            }
        }
        canvas.close("g")
    }

    /// A filled cell of an image or heatmap. Its edges are snapped to the written precision
    /// before its size is taken, so that neighbouring cells share their edges exactly: sizes
    /// rounded on their own leave hairline gaps that some renderers (rsvg) show.
    private func cell(left: Double, top: Double, right: Double, bottom: Double, fill: Colour, into canvas: inout SVGCanvas) {
        let x0 = NumberFormat.snapped(left), x1 = NumberFormat.snapped(right)
        let y0 = NumberFormat.snapped(top), y1 = NumberFormat.snapped(bottom)
        canvas.element("rect", [("x", NumberFormat.coordinate(x0)), ("y", NumberFormat.coordinate(y0)),
                                ("width", NumberFormat.coordinate(x1 - x0)), ("height", NumberFormat.coordinate(y1 - y0)),
                                ("fill", fill.hex)])
    }

    /// Coloured cells with centred text in black or white, whichever contrasts more.
    private func heatmap(_ map: Heatmap, into canvas: inout SVGCanvas) {
        let rows = map.rowLabels.count
        let span = map.range.upperBound - map.range.lowerBound
        func colour(_ value: Double) -> Colour { map.colormap.colour(at: (value - map.range.lowerBound) / span) }
        let size = Style.cellTextSize
        canvas.open("g", [("shape-rendering", "crispEdges")])
        for (r, rowValues) in map.values.enumerated() {
            for (c, value) in rowValues.enumerated() {
                let left = xMap(Double(c)), right = xMap(Double(c + 1))
                let top = yMap(Double(rows - r)), bottom = yMap(Double(rows - r - 1))
                cell(left: left, top: top, right: right, bottom: bottom, fill: colour(value), into: &canvas)
            }
        }
        canvas.close("g")
        for (r, rowValues) in map.values.enumerated() {
            for (c, value) in rowValues.enumerated() {
                let left = xMap(Double(c)), right = xMap(Double(c + 1))
                let top = yMap(Double(rows - r)), bottom = yMap(Double(rows - r - 1))
                let lines = map.cellText[r][c].split(separator: "\n", omittingEmptySubsequences: false).map { RichText(String($0)) }
                let lineHeight = 1.3 * size
                let firstMiddle = (top + bottom) / 2 - Double(lines.count - 1) * lineHeight / 2
                for (index, line) in lines.enumerated() {
                    canvas.text(line, x: (left + right) / 2, y: firstMiddle + Double(index) * lineHeight + FontMetrics.capHeight * size / 2,
                                size: size, anchor: .middle, colour: colour(value).contrastingText, role: "cell")
                }
            }
        }
    }
}
