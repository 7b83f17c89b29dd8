/// How much data lies where inside a panel, on a coarse grid over the frame, so that legends
/// and text boxes can go where they hide the least.
struct Occupancy {
    static let cells = 48
    /// Weights per cell, row 0 at the bottom, in fractions of the frame.
    private var weights = [Double](repeating: 0, count: cells * cells)

    init(_ panel: Panel, geometry: PanelGeometry) {
        let xMap = geometry.xMap, yMap = geometry.yMap
        for series in panel.axes.series {
            switch series {
            case .histogram(let h):
                addHistogram(h, xMap: xMap, yMap: yMap)
            case .line(let l):
                addPolyline(zip(l.x, l.y).map { (xMap.fraction($0), yMap.fraction($1)) })
            case .scatter(let s):
                for (x, y) in zip(s.x, s.y) { add(xMap.fraction(x), yMap.fraction(y), weight: 1) }
            case .reference(let r):
                let points = (0...64).map { i -> (Double, Double) in
                    let x = xMap.value(atFraction: Double(i) / 64)
                    return (Double(i) / 64, yMap.fraction(r.slope * x + r.intercept))
                }
                addPolyline(points)
            case .image, .heatmap:
                for i in weights.indices { weights[i] += 1 }
            }
        }
    }

    /// The area under a histogram counts as covered.
    private mutating func addHistogram(_ h: HistogramSeries, xMap: AxisMap, yMap: AxisMap) {
        let n = Self.cells
        var heights = [Double](repeating: 0, count: n)
        for i in h.counts.indices {
            let top = h.counts[i] + (h.errors?[i] ?? 0)
            let fy = min(1, max(0, yMap.fraction(top)))
            guard fy > 0 else { continue }
            let first = Int(max(0, min(Double(n - 1), xMap.fraction(h.edges[i]) * Double(n))))
            let last = Int(max(0, min(Double(n - 1), xMap.fraction(h.edges[i + 1]) * Double(n))))
            for column in first...max(first, last) { heights[column] = max(heights[column], fy) }
        }
        for column in 0..<n {
            let rows = Int((heights[column] * Double(n)).rounded(.up))
            for row in 0..<min(n, rows) { weights[row * n + column] += 1 }
        }
    }

    /// Line segments mark the cells they pass through.
    private mutating func addPolyline(_ points: [(Double, Double)]) {
        var previous: (Double, Double)?
        for point in points {
            guard point.0.isFinite, point.1.isFinite else { previous = nil; continue }
            if let p = previous {
                let length = max(abs(point.0 - p.0), abs(point.1 - p.1))
                let steps = min(200, Int(length * Double(Self.cells) * 2) + 1)
                for s in 1...steps {
                    let t = Double(s) / Double(steps)
                    add(p.0 + (point.0 - p.0) * t, p.1 + (point.1 - p.1) * t, weight: 1)
                }
            } else {
                add(point.0, point.1, weight: 1)
            }
            previous = point
        }
    }

    private mutating func add(_ fx: Double, _ fy: Double, weight: Double) {
        guard fx >= 0, fx < 1, fy >= 0, fy < 1 else { return }
        let n = Double(Self.cells)
        weights[Int(fy * n) * Self.cells + Int(fx * n)] += weight
    }

    /// Marks a placed box so that later boxes avoid it.
    mutating func cover(_ box: FractionRect) {
        forEachCell(in: box) { index, _ in weights[index] += 1e6 }
    }

    /// The data a box would hide: cell weights times the covered part of each cell.
    func score(_ box: FractionRect) -> Double {
        var total = 0.0
        forEachCell(in: box) { index, overlap in total += weights[index] * overlap }
        return total
    }

    private func forEachCell(in box: FractionRect, _ body: (Int, Double) -> Void) {
        let n = Double(Self.cells)
        let c0 = max(0, Int(box.x0 * n)), c1 = min(Self.cells - 1, Int(box.x1 * n))
        let r0 = max(0, Int(box.y0 * n)), r1 = min(Self.cells - 1, Int(box.y1 * n))
        guard c0 <= c1, r0 <= r1 else { return }
        for row in r0...r1 {
            let dy = min(box.y1, Double(row + 1) / n) - max(box.y0, Double(row) / n)
            for column in c0...c1 {
                let dx = min(box.x1, Double(column + 1) / n) - max(box.x0, Double(column) / n)
                if dx > 0, dy > 0 { body(row * Self.cells + column, dx * dy * n * n) }
            }
        }
    }

    /// Chooses where a box of `size` points goes in a frame of `frame` points: the fixed
    /// `placement`, or for `.best` the candidate hiding the least data (earlier candidates
    /// win ties). Returns the box in figure points and the data it hides.
    mutating func place(size: (width: Double, height: Double), in frame: Rect, placement: Placement) -> (rect: Rect, hidden: Double) {
        let pad = 0.5 * Style.fontSize
        let w = size.width / frame.width, h = size.height / frame.height
        let px = pad / frame.width, py = pad / frame.height
        func box(_ p: Placement) -> FractionRect {
            let x0: Double, y0: Double
            switch p {
            case .upperRight, .best: (x0, y0) = (1 - px - w, 1 - py - h)
            case .upperLeft: (x0, y0) = (px, 1 - py - h)
            case .lowerLeft: (x0, y0) = (px, py)
            case .lowerRight: (x0, y0) = (1 - px - w, py)
            case .centerRight: (x0, y0) = (1 - px - w, 0.5 - h / 2)
            case .centerLeft: (x0, y0) = (px, 0.5 - h / 2)
            case .lowerCenter: (x0, y0) = (0.5 - w / 2, py)
            case .upperCenter: (x0, y0) = (0.5 - w / 2, 1 - py - h)
            case .center: (x0, y0) = (0.5 - w / 2, 0.5 - h / 2)
            }
            return FractionRect(x0: x0, y0: y0, x1: x0 + w, y1: y0 + h)
        }
        var chosen = box(placement)
        var hidden = score(chosen)
        if placement == .best {
            for candidate in Placement.allCases.dropFirst() {
                let b = box(candidate), s = score(b)
                if s < hidden - 1e-9 {
                    chosen = b
                    hidden = s
                }
            }
        }
        cover(chosen)
        let rect = Rect(x: frame.x + chosen.x0 * frame.width, y: frame.maxY - chosen.y1 * frame.height,
                        width: size.width, height: size.height)
        return (rect, hidden)
    }
}

/// A rectangle in fractions of a panel's frame, y up.
struct FractionRect {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
}
