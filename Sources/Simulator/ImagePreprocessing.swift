import Foundation
import JetData

/// The reference file's image preprocessing: towers of the trimmed jet translated so the
/// leading subjet sits at the origin, rotated so the subleading subjet (with one subjet, the
/// principal axis of the pT distribution) points straight down, re-pixelated on the 25 × 25
/// grid over [−1.25, 1.25]² (pixel = summed pT, GeV), and mirrored in η when the left half
/// holds more pT than the right.
enum ImagePreprocessing {
    /// Adds the image of `jet` into `image` (625 pixels, zero on entry).
    static func render(_ jet: TrimmedJet, into image: UnsafeMutableBufferPointer<Float>) {
        guard !jet.subjets.isEmpty, !jet.constituents.isEmpty else { return }
        let leading = jet.subjets[0], reference = jet.constituents[0]
        let eta0 = leading.pseudorapidity
        let phi0 = unwrap(leading.azimuth, near: reference.phi)

        // Direction to turn straight down.
        let direction: Double
        if jet.subjets.count > 1 {
            let s = jet.subjets[1]
            direction = atan2(unwrap(s.azimuth, near: phi0) - phi0, s.pseudorapidity - eta0)
        } else {
            direction = principalAxis(jet.constituents, eta0: eta0, phi0: phi0)
        }
        let alpha = -0.5 * Double.pi - direction
        let c = cos(alpha), s = sin(alpha)
        for k in 0..<jet.constituents.count {
            let t = jet.constituents[k]
            let x = t.y - eta0, y = unwrap(t.phi, near: phi0) - phi0
            if let pixel = JetImage.pixel(eta: c * x - s * y, phi: s * x + c * y) {
                image[pixel] += Float(t.pt)
            }
        }

        let side = JetImage.side, half = side / 2
        var left: Float = 0, right: Float = 0
        for r in 0..<side {
            for k in 0..<half {
                left += image[r * side + k]
                right += image[r * side + side - 1 - k]
            }
        }
        if left > right {
            for r in 0..<side {
                for k in 0..<half { image.swapAt(r * side + k, r * side + side - 1 - k) }
            }
        }
    }

    /// The angle of the major axis of the pT-weighted (η, φ) spread, pointing to the side
    /// with more pT-weighted displacement from the leading subjet.
    static func principalAxis(_ towers: ScratchBuffer<Tower>, eta0: Double, phi0: Double) -> Double {
        var w = 0.0, mx = 0.0, my = 0.0
        for k in 0..<towers.count {
            let t = towers[k]
            w += t.pt
            mx += t.pt * (t.y - eta0)
            my += t.pt * (unwrap(t.phi, near: phi0) - phi0)
        }
        guard w > 0 else { return -0.5 * Double.pi }
        mx /= w
        my /= w
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for k in 0..<towers.count {
            let t = towers[k]
            let x = t.y - eta0 - mx, y = unwrap(t.phi, near: phi0) - phi0 - my
            sxx += t.pt * x * x
            syy += t.pt * y * y
            sxy += t.pt * x * y
        }
        var angle = 0.5 * atan2(2 * sxy, sxx - syy)
        if cos(angle) * mx + sin(angle) * my < 0 { angle += Double.pi }
        return angle
    }
}
