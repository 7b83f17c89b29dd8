import Foundation

/// One-loop running αs with five active flavours, evaluated at an emission's kT:
/// αs(Q) = αs(mZ) / (1 + b₀ αs(mZ) ln(Q²/mZ²)), b₀ = (33 − 2·5)/(12π).
struct RunningCoupling: Sendable {
    static let mZ = 91.1876
    static let b0 = (33.0 - 2.0 * 5.0) / (12.0 * Double.pi)
    let alphaSAtMZ: Double

    /// αs at scale `q` (GeV); NaN or negative past the Landau pole, which the shower never
    /// reaches: its cut-off stays above `scale(whereAlphaSIs: 1.5)` (PhysicsParameters.knobs).
    @inline(__always) func alphaS(_ q: Double) -> Double {
        alphaSAtMZ / (1 + Self.b0 * alphaSAtMZ * log(q * q / (Self.mZ * Self.mZ)))
    }

    /// The scale (GeV) at which αs reaches `alphaS`; above it the coupling is smaller.
    func scale(whereAlphaSIs alphaS: Double) -> Double {
        Self.mZ * exp((alphaSAtMZ / alphaS - 1) / (2 * Self.b0 * alphaSAtMZ))
    }
}
