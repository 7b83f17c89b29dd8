/// Residuals of a reconstructed quantity, r = (x_in − x_out) / x_in (the thesis's sign), and
/// their summary: μ ± σ/√N and σ ± its error (σ·√(κ − 1)/(2√N), see `Statistics`). The thesis
/// calls 2σ "the reconstruction error for 95 % of the data"; with the long tails of these
/// residuals the share of jets within 2σ is not exactly 95 % (93–97 % in the study).
public struct Residuals: Sendable {
    public let values: [Double]
    public let statistics: Statistics

    public init<A: Collection, B: Collection>(input: A, output: B)
    where A.Element: BinaryFloatingPoint, B.Element: BinaryFloatingPoint {
        // x_in = 0 gives a non-finite residual, which Statistics counts as excluded.
        values = zip(input, output).map { xIn, xOut in
            (Double(xIn) - Double(xOut)) / Double(xIn)
        }
        statistics = Statistics(values)
    }

    /// 2σ in per cent: the number in the thesis's Table 5.1.
    public var twoSigmaPercent: Double { 200 * statistics.std }

    /// "μ = −0.0081 ± 0.0004, σ = 0.0759 ± 0.0003" with enough digits for the errors.
    public var summaryText: String {
        let s = statistics
        return "μ = \(Format.value(s.mean, error: s.meanError)), σ = \(Format.value(s.std, error: s.stdError))"
    }
}
