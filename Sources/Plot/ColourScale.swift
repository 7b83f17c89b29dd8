import Foundation

/// How an image's values become colours: a range, linear or log, and a colour map.
struct ColourScale {
    let range: ClosedRange<Double>
    let scale: Scale
    let colormap: Colormap

    init(_ image: ImageSeries) {
        scale = image.colourScale
        colormap = image.colormap
        if let range = image.range {
            self.range = range
            return
        }
        var low = Double.infinity, high = -Double.infinity
        for v in image.pixels where v.isFinite && (scale == .linear || v > 0) {
            low = min(low, v)
            high = max(high, v)
        }
        switch scale {
        case .linear:
            guard low <= high else { range = 0...1; return }
            low = min(0, low)
            range = low...(high > low ? high : low + 1)
        case .log:
            guard low <= high else { range = 1...10; return }
            range = (high > low ? low : high / 10)...high
        }
    }

    /// The colour of value `v`; nil for zero, non-finite values and (on a log scale)
    /// non-positive ones, which stay in the background colour.
    func colour(_ v: Double) -> Colour? {
        guard v.isFinite, v != 0 else { return nil }
        let t: Double
        switch scale {
        case .linear:
            t = (v - range.lowerBound) / (range.upperBound - range.lowerBound)
        case .log:
            guard v > 0 else { return nil }
            t = (log10(v) - log10(range.lowerBound)) / (log10(range.upperBound) - log10(range.lowerBound))
        }
        return colormap.colour(at: t)
    }
}
