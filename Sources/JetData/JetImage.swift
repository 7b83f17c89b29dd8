/// The geometry of a jet image, as in the public file: 25×25 pixels of 0.1×0.1 covering
/// [−1.25, 1.25]² in (η, φ) relative to the leading subjet. Row-major; column c has
/// η = −1.2 + 0.1·c (left to right), row r has φ = +1.2 − 0.1·r (top row is +1.2).
public enum JetImage {
    public static let side = 25
    public static let pixels = side * side
    public static let pixelSize = 0.1
    /// Half the width of the image in η (and φ).
    public static let halfWidth = 1.25

    /// η of the centre of pixels in column `column`.
    @inlinable public static func eta(column: Int) -> Double {
        -1.2 + 0.1 * Double(column)
    }

    /// φ of the centre of pixels in row `row`.
    @inlinable public static func phi(row: Int) -> Double {
        1.2 - 0.1 * Double(row)
    }

    /// The pixel index (row-major) of a point, or nil when it falls outside the image.
    @inlinable public static func pixel(eta: Double, phi: Double) -> Int? {
        let c = Int(((eta + halfWidth) / pixelSize).rounded(.down))
        let r = Int(((halfWidth - phi) / pixelSize).rounded(.down))
        guard (0..<side).contains(c), (0..<side).contains(r) else { return nil }
        return r * side + c
    }
}
