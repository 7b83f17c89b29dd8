import Foundation

/// An `Axes` resolved for drawing: every series has its colour, both axes have limits.
struct Panel {
    var axes: Axes
    var xLimits: ClosedRange<Double>
    var yLimits: ClosedRange<Double>
    var showsXTickLabels = true
    var showsYTickLabels = true

    init(_ axes: Axes) {
        var resolved = axes
        var next = 0
        func take(_ colour: Colour?) -> Colour {
            if let colour { return colour }
            defer { next += 1 }
            return Colour.tab10[next % Colour.tab10.count]
        }
        resolved.series = axes.series.map { series in
            switch series {
            case .histogram(var h): h.colour = take(h.colour); return .histogram(h)
            case .line(var l): l.colour = take(l.colour); return .line(l)
            case .scatter(var s): s.colour = take(s.colour); return .scatter(s)
            default: return series
            }
        }
        self.axes = resolved
        xLimits = axes.x.limits ?? Panel.automaticLimits(resolved.series.compactMap { $0.xExtent(axes.x.scale) }, scale: axes.x.scale)
        yLimits = axes.y.limits ?? Panel.automaticLimits(resolved.series.compactMap { $0.yExtent(axes.y.scale) }, scale: axes.y.scale)
    }

    /// The first image, whose colours the colour bar explains.
    var image: ImageSeries? {
        for case .image(let image) in axes.series { return image }
        return nil
    }

    var heatmap: Heatmap? {
        for case .heatmap(let map) in axes.series { return map }
        return nil
    }

    /// Images keep square pixels, unless they say otherwise.
    var keepsAspect: Bool { image?.keepsAspect ?? false }

    /// Limits from data extents: the union, with a 5 % margin at ends that are not sticky
    /// (histogram edges, zero under a histogram, image borders), measured in log10 on a log axis.
    static func automaticLimits(_ extents: [DataExtent], scale: Scale) -> ClosedRange<Double> {
        guard var lower = extents.map(\.lower).min(), var upper = extents.map(\.upper).max() else {
            return scale == .log ? 1...10 : 0...1
        }
        let stickyLower = extents.contains { $0.lower == lower && $0.stickyLower }
        let stickyUpper = extents.contains { $0.upper == upper && $0.stickyUpper }
        if scale == .log {
            var low = log10(lower), high = log10(upper)
            if high - low < 1e-12 { low -= 1; high += 1 }
            let margin = Style.dataMargin * (high - low)
            if !stickyLower { low -= margin }
            if !stickyUpper { high += margin }
            return pow(10, low)...pow(10, high)
        }
        // A single value (to rounding) gets a range around it; the test is relative, so data
        // of any scale (1e-15, 1e-300) with a real spread keeps its own ends.
        if upper - lower <= 1e-12 * max(abs(lower), abs(upper)) {
            let half = lower == 0 ? 0.5 : abs(lower) * 0.05
            return (lower - half)...(upper + half)
        }
        let margin = Style.dataMargin * (upper - lower)
        if !stickyLower { lower -= margin }
        if !stickyUpper { upper += margin }
        return lower...upper
    }
}

/// The range a series covers along one axis, and which ends must not get a margin.
struct DataExtent {
    var lower: Double
    var upper: Double
    var stickyLower = false
    var stickyUpper = false

    /// The finite values (positive ones on a log axis), nil when there are none.
    init?(_ values: [Double], scale: Scale) {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite && (scale == .linear || v > 0) {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return nil }
        lower = low
        upper = high
    }

    init(lower: Double, upper: Double, stickyLower: Bool, stickyUpper: Bool) {
        self.lower = lower
        self.upper = upper
        self.stickyLower = stickyLower
        self.stickyUpper = stickyUpper
    }
}

extension Series {
    func xExtent(_ scale: Scale) -> DataExtent? {
        switch self {
        case .histogram(let h):
            guard let first = h.edges.first, let last = h.edges.last else { return nil }
            return DataExtent(lower: first, upper: last, stickyLower: true, stickyUpper: true)
        case .line(let l): return DataExtent(l.x, scale: scale)
        case .scatter(let s): return DataExtent(s.x, scale: scale)
        case .reference: return nil
        case .image(let image):
            return DataExtent(lower: image.extent.x.lowerBound, upper: image.extent.x.upperBound, stickyLower: true, stickyUpper: true)
        case .heatmap(let map):
            return DataExtent(lower: 0, upper: Double(map.columnLabels.count), stickyLower: true, stickyUpper: true)
        }
    }

    func yExtent(_ scale: Scale) -> DataExtent? {
        switch self {
        case .histogram(let h):
            let errors = h.errors ?? []
            let tops = h.counts.indices.map { h.counts[$0] + (errors.indices.contains($0) ? errors[$0] : 0) }
            let bottoms = h.counts.indices.map { h.counts[$0] - (errors.indices.contains($0) ? errors[$0] : 0) }
            guard var extent = DataExtent(scale == .log ? h.counts + tops : bottoms + tops, scale: scale) else { return nil }
            if scale == .linear, extent.lower >= 0 {
                extent.lower = 0
                extent.stickyLower = true
            }
            return extent
        case .line(let l): return DataExtent(l.y, scale: scale)
        case .scatter(let s): return DataExtent(s.y, scale: scale)
        case .reference: return nil
        case .image(let image):
            return DataExtent(lower: image.extent.y.lowerBound, upper: image.extent.y.upperBound, stickyLower: true, stickyUpper: true)
        case .heatmap(let map):
            return DataExtent(lower: 0, upper: Double(map.rowLabels.count), stickyLower: true, stickyUpper: true)
        }
    }

    /// The label a legend shows for this series, if any.
    var legendLabel: String? {
        switch self {
        case .histogram(let h): return h.label
        case .line(let l): return l.label
        case .scatter(let s): return s.label
        case .reference(let r): return r.label
        case .image, .heatmap: return nil
        }
    }
}
