import Foundation

/// How the learning rate (and Adam's β₁) change over the steps of a training run.
public enum Schedule: String, Sendable, Codable, CaseIterable {
    /// fastai's `fit_one_cycle`: lr from max/25 up to max along a cosine over the first 25 %
    /// of the steps, then down to max/1e5; β₁ from 0.95 down to 0.85 and back.
    case oneCycle = "onecycle"
    /// lr = max and β₁ = 0.9 throughout.
    case constant

    static let warmupFraction = 0.25
    static let startDivisor = 25.0
    static let finalDivisor = 1e5

    /// Learning rate and β₁ at step `step` (0-based) of `totalSteps`.
    public func values(step: Int, totalSteps: Int, maxLearningRate: Double) -> (learningRate: Double, beta1: Double) {
        switch self {
        case .constant:
            return (maxLearningRate, 0.9)
        case .oneCycle:
            let position = Double(step) / Double(max(totalSteps, 1))
            let f = Schedule.warmupFraction
            if position < f {
                let t = position / f
                return (Schedule.cosine(from: maxLearningRate / Schedule.startDivisor, to: maxLearningRate, t),
                        Schedule.cosine(from: 0.95, to: 0.85, t))
            }
            let t = (position - f) / (1 - f)
            return (Schedule.cosine(from: maxLearningRate, to: maxLearningRate / Schedule.finalDivisor, t),
                    Schedule.cosine(from: 0.85, to: 0.95, t))
        }
    }

    /// fastai's SchedCos: from `a` at t = 0 to `b` at t = 1 along half a cosine.
    static func cosine(from a: Double, to b: Double, _ t: Double) -> Double {
        a + (1 + cos(Double.pi * (1 - t))) * (b - a) / 2
    }
}
