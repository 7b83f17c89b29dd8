/// Text measurement with the advance widths of DejaVu Sans, the font every figure names first.
///
/// Layout needs widths before any renderer sees the text: tick labels must not overlap and
/// margins must hold the widest label. The widths come from the font file itself
/// (scripts/gen-font-metrics); kerning is ignored, which overestimates a width by a few
/// per cent at most and errs on the side of space.
public enum FontMetrics {
    /// The font-family list written into every figure.
    static let fontFamily = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif"

    /// Height above the baseline of the tallest glyphs, per unit of font size.
    static let ascent = ascender / unitsPerEm
    /// Depth below the baseline of the deepest glyphs, per unit of font size.
    static let descent = descender / unitsPerEm
    /// Height of digits and capitals (DejaVu Sans cap height 1493 units), per unit of font size.
    static let capHeight = 1493.0 / unitsPerEm

    /// The width in points of plain `text` (no markup) set at `size` points.
    public static func width(of text: String, size: Double) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            units += advance(scalar)
        }
        return units / unitsPerEm * size
    }

    /// The advance width of one character in font units.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        let code = scalar.value
        for run in runs where code >= run.start {
            let offset = Int(code - run.start)
            if offset < run.widths.count { return Double(run.widths[offset]) }
        }
        // Not in the table: combining marks take no space, wide scripts a full em,
        // anything else the width of a digit.
        if (0x0300...0x036F).contains(code) { return 0 }
        if code >= 0x2E80 { return unitsPerEm }
        return 1303
    }
}

/// Advance widths of consecutive characters starting at `start`.
struct FontRun: Sendable {
    let start: UInt32
    let widths: [UInt16]
}
