import Foundation

/// Checks a figure before drawing, so that bad input gives one clear line naming the panel
/// and the series instead of a broken picture.
extension Figure {
    func validate() throws {
        guard rows >= 1, columns >= 1 else {
            throw PlotError("figure: a grid needs at least 1 row and 1 column, got \(rows)×\(columns)")
        }
        guard panels.count <= rows * columns else {
            throw PlotError("figure: \(panels.count) panels do not fit a \(rows)×\(columns) grid")
        }
        guard width.isFinite, height.isFinite, width >= 50, height >= 50, width <= 20000, height <= 20000 else {
            throw PlotError("figure: size must be between 50 and 20000 points, got \(width) × \(height)")
        }
        for (index, axes) in panels.enumerated() {
            let place = "panel \(index + 1) (row \(index / columns + 1), column \(index % columns + 1))"
            try axes.validate(place)
        }
    }
}

extension Axes {
    func validate(_ place: String) throws {
        try x.validate("\(place), x axis")
        try y.validate("\(place), y axis")
        for (index, series) in series.enumerated() {
            try series.validate("\(place), series \(index + 1)", xScale: x.scale, yScale: y.scale)
        }
        if series.contains(where: { if case .heatmap = $0 { return true } else { return false } }), series.count > 1 {
            throw PlotError("\(place): a heatmap must be the only series of its panel")
        }
    }
}

extension Axis {
    func validate(_ place: String) throws {
        guard let limits else { return }
        guard limits.lowerBound.isFinite, limits.upperBound.isFinite, limits.lowerBound < limits.upperBound else {
            throw PlotError("\(place): limits must be finite with lower < upper, got \(limits)")
        }
        if scale == .log, limits.lowerBound <= 0 {
            throw PlotError("\(place): a log axis needs positive limits, got \(limits)")
        }
    }
}

extension Series {
    func validate(_ place: String, xScale: Scale, yScale: Scale) throws {
        switch self {
        case .histogram(let h):
            let name = "\(place) (histogram\(h.label.map { " '\($0)'" } ?? ""))"
            do {
                try Bins.validate(h.edges, counts: h.counts.count)
            } catch let error as PlotError {
                throw PlotError("\(name): " + error.description.replacingOccurrences(of: "bins: ", with: ""))
            }
            if xScale == .log, h.edges[0] <= 0 {
                throw PlotError("\(name): a log x axis needs positive bin edges, the first is \(h.edges[0])")
            }
            if let i = h.counts.firstIndex(where: { !$0.isFinite }) {
                throw PlotError("\(name): count of bin \(i + 1) is \(h.counts[i]), expected a finite number")
            }
            if let errors = h.errors {
                guard errors.count == h.counts.count else {
                    throw PlotError("\(name): \(h.counts.count) counts need as many errors, got \(errors.count)")
                }
                if let i = errors.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                    throw PlotError("\(name): error of bin \(i + 1) is \(errors[i]), expected a finite number ≥ 0")
                }
            }
        case .line(let l):
            guard l.x.count == l.y.count else {
                throw PlotError("\(place) (line\(l.label.map { " '\($0)'" } ?? "")): \(l.x.count) x values but \(l.y.count) y values")
            }
        case .scatter(let s):
            guard s.x.count == s.y.count else {
                throw PlotError("\(place) (scatter\(s.label.map { " '\($0)'" } ?? "")): \(s.x.count) x values but \(s.y.count) y values")
            }
        case .reference(let r):
            guard r.slope.isFinite, r.intercept.isFinite else {
                throw PlotError("\(place) (reference line): slope and intercept must be finite")
            }
        case .image(let image):
            guard image.rows >= 1, image.columns >= 1, image.pixels.count == image.rows * image.columns else {
                throw PlotError("\(place) (image): \(image.rows)×\(image.columns) pixels expected, got \(image.pixels.count) values")
            }
            guard image.extent.x.lowerBound < image.extent.x.upperBound, image.extent.y.lowerBound < image.extent.y.upperBound,
                  [image.extent.x.lowerBound, image.extent.x.upperBound, image.extent.y.lowerBound, image.extent.y.upperBound].allSatisfy(\.isFinite) else {
                throw PlotError("\(place) (image): the extent must be finite and not empty")
            }
            if let range = image.range {
                guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound,
                      image.colourScale == .linear || range.lowerBound > 0 else {
                    throw PlotError("\(place) (image): colour range \(range) must be finite, increasing, and positive on a log scale")
                }
            }
        case .heatmap(let map):
            guard map.values.count == map.rowLabels.count, map.cellText.count == map.rowLabels.count,
                  map.values.allSatisfy({ $0.count == map.columnLabels.count }),
                  map.cellText.allSatisfy({ $0.count == map.columnLabels.count }), !map.values.isEmpty,
                  !map.columnLabels.isEmpty else {
                throw PlotError("\(place) (heatmap): values and cell text must be \(map.rowLabels.count)×\(map.columnLabels.count) like the labels")
            }
            guard map.range.lowerBound < map.range.upperBound, map.range.lowerBound.isFinite, map.range.upperBound.isFinite else {
                throw PlotError("\(place) (heatmap): colour range \(map.range) must be finite and increasing")
            }
        }
    }
}
