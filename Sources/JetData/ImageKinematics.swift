import Foundation

/// Mass and transverse momentum of a jet computed from its image, treating every pixel as a
/// massless particle with pT = pixel value at the pixel centre (DESIGN.md):
/// Px = Σ I cos φ, Py = Σ I sin φ, Pz = Σ I sinh η, E = Σ I cosh η.
public enum ImageKinematics {
    /// Per-row (φ) and per-column (η) factors; rows and columns separate, so a jet needs
    /// one pass for its row and column sums and then 2 × 25 multiply-adds.
    private static let cosPhi = (0..<JetImage.side).map { cos(JetImage.phi(row: $0)) }
    private static let sinPhi = (0..<JetImage.side).map { sin(JetImage.phi(row: $0)) }
    private static let sinhEta = (0..<JetImage.side).map { sinh(JetImage.eta(column: $0)) }
    private static let coshEta = (0..<JetImage.side).map { cosh(JetImage.eta(column: $0)) }

    public struct FourMomentum: Sendable, Equatable {
        public var px: Double, py: Double, pz: Double, e: Double

        /// Invariant mass; m² < 0 (possible for network outputs with negative pixels) gives 0,
        /// not NaN, so one bad reconstruction cannot poison a mean. A NaN pixel gives NaN, not
        /// the 0 that max(0, m²) would make of it.
        public var mass: Double {
            let m2 = e * e - px * px - py * py - pz * pz
            return m2 < 0 ? 0 : m2.squareRoot()
        }
        public var pt: Double { (px * px + py * py).squareRoot() }
    }

    /// The four-momentum of one 625-pixel image.
    public static func momentum(of image: UnsafeBufferPointer<Float>) -> FourMomentum {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * JetImage.side) { sums in
            sums.initialize(repeating: 0)
            for r in 0..<JetImage.side {
                var rowSum = 0.0
                for c in 0..<JetImage.side {
                    let v = Double(image[r * JetImage.side + c])
                    rowSum += v
                    sums[JetImage.side + c] += v
                }
                sums[r] = rowSum
            }
            var p = FourMomentum(px: 0, py: 0, pz: 0, e: 0)
            for k in 0..<JetImage.side {
                let row = sums[k], column = sums[JetImage.side + k]
                p.px += row * cosPhi[k]
                p.py += row * sinPhi[k]
                p.pz += column * sinhEta[k]
                p.e += column * coshEta[k]
            }
            return p
        }
    }

    /// m from the image of every jet in `set`, in GeV.
    public static func masses(_ set: JetSet) -> [Double] {
        (0..<set.count).map { i in set.withImage(i) { momentum(of: $0).mass } }
    }

    /// pT from the image of every jet in `set`, in GeV.
    public static func transverseMomenta(_ set: JetSet) -> [Double] {
        (0..<set.count).map { i in set.withImage(i) { momentum(of: $0).pt } }
    }
}
