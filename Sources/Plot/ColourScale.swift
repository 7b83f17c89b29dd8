import Foundation

/// How an image's values become colours: a range, linear or log, and a colour map.
struct ColourScale {
    let range: ClosedRange<Double>
    let scale: Scale
    let colormap: Colormap

    init(_ image: ImageSeries) {
        scale = image.colourScale
        colormap = image.colormap
        range = image.range ?? ImageSeries.automaticRange(of: image.pixels, scale: image.colourScale)
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
