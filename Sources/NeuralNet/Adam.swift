import COpenBLAS
import Foundation

/// Adam as fastai runs it (β₂ 0.99, ε 1e-5 added outside the square root, bias-corrected
/// with the current β₁) with decoupled weight decay on weights only, in one fused pass over
/// parameters, gradients and both moments.
@_spi(Internals) public struct Adam {
    static let beta2: Float = 0.99
    static let epsilon: Float = 1e-5

    let count: Int
    let firstMoment: UnsafeMutablePointer<Float>
    let secondMoment: UnsafeMutablePointer<Float>
    /// Steps taken so far.
    private(set) var step = 0

    public init(count: Int) {
        self.count = count
        firstMoment = .allocate(capacity: count)
        firstMoment.initialize(repeating: 0, count: count)
        secondMoment = .allocate(capacity: count)
        secondMoment.initialize(repeating: 0, count: count)
    }

    public func deallocate() {
        firstMoment.deallocate()
        secondMoment.deallocate()
    }

    /// The per-step constants of one update.
    public struct Step: Sendable {
        let beta1: Float
        let learningRate: Float
        /// 1 − lr·wd for weights.
        let decay: Float
        /// lr / (1 − β₁ᵗ).
        let stepSize: Float
        /// 1 / (1 − β₂ᵗ).
        let secondCorrection: Float
    }

    /// Counts a step and returns its constants.
    public mutating func next(learningRate: Double, beta1: Double, weightDecay: Double) -> Step {
        step += 1
        let t = Double(step)
        return Step(beta1: Float(beta1), learningRate: Float(learningRate),
                    decay: Float(1 - learningRate * weightDecay),
                    stepSize: Float(learningRate / (1 - pow(beta1, t))),
                    secondCorrection: Float(1 / (1 - pow(Double(Adam.beta2), t))))
    }

    /// Updates parameters `range`: the gradient is the sum of `gradients` (one per batch
    /// part; parts beyond two are first added into the first), and weights (`decayed`)
    /// shrink by 1 − lr·wd first.
    public func update(_ s: Step, parameters p: UnsafeMutablePointer<Float>, gradients: [UnsafeMutablePointer<Float>],
                range: Range<Int>, decayed: Bool, avx512: Bool) {
        let g0 = gradients[0]
        for extra in gradients.dropFirst(2) { for i in range { g0[i] += extra[i] } }
        let g1 = gradients.count > 1 ? UnsafePointer(gradients[1] + range.lowerBound) : nil
        let o = range.lowerBound
        (avx512 ? jnb_adam_avx512 : jnb_adam_generic)(
            range.count, p + o, firstMoment + o, secondMoment + o, g0 + o, g1,
            s.beta1, Adam.beta2, decayed ? s.decay : 1, s.stepSize, s.secondCorrection, Adam.epsilon)
    }
}
