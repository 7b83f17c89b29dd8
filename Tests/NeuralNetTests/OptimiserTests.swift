import Foundation
import Testing
@_spi(Internals) import NeuralNet

/// Adam steps and the one-cycle schedule against values worked out from the formulas.
@Suite struct OptimiserTests {
    @Test func oneCycleAtChosenSteps() {
        let max = 1e-3
        func at(_ step: Int) -> (Double, Double) {
            let v = Schedule.oneCycle.values(step: step, totalSteps: 200, maxLearningRate: max)
            return (v.learningRate, v.beta1)
        }
        let cases: [(step: Int, lr: Double, beta1: Double)] = [
            (0, max / 25, 0.95),                        // start: max/25, β₁ 0.95
            (25, (max / 25 + max) / 2, 0.90),           // half-way up the cosine
            (50, max, 0.85),                            // top at 25 % of the steps
            (125, (max + max / 1e5) / 2, 0.90),         // half-way down
            (200, max / 1e5, 0.95),                     // end: max/1e5
        ]
        for c in cases {
            let (lr, beta1) = at(c.step)
            #expect(abs(lr - c.lr) < 1e-12, "step \(c.step): lr \(lr), expected \(c.lr)")
            #expect(abs(beta1 - c.beta1) < 1e-12, "step \(c.step): β₁ \(beta1), expected \(c.beta1)")
        }
        let constant = Schedule.constant.values(step: 77, totalSteps: 200, maxLearningRate: max)
        #expect(constant.learningRate == max && constant.beta1 == 0.9)
    }

    /// Both kernels (AVX-512 where the CPU has it, and the plain one), with a length that
    /// leaves a tail after the 16-wide vectors.
    @Test(arguments: [true, false])
    func twoAdamStepsByHand(avx512: Bool) {
        let n = 37, weights = 30
        var adam = Adam(count: n)
        defer { adam.deallocate() }
        var p = (0..<n).map { Float($0 % 7) - 3 }
        var g = (0..<n).map { Float($0 % 5) * 0.3 - 0.5 }
        let lr = 1e-2, wd = 0.1
        // Hand computation in double: the first 30 (weights) decay, the rest (biases) do not.
        var m = [Double](repeating: 0, count: n), v = m, expected = p.map(Double.init)
        for (t, beta1) in [(1, 0.95), (2, 0.9)] {
            let s = adam.next(learningRate: lr, beta1: beta1, weightDecay: wd)
            p.withUnsafeMutableBufferPointer { pp in
                g.withUnsafeMutableBufferPointer { gg in
                    adam.update(s, parameters: pp.baseAddress!, gradients: [gg.baseAddress!], range: 0..<weights,
                                decayed: true, avx512: avx512 && BLAS.hasAVX512)
                    adam.update(s, parameters: pp.baseAddress!, gradients: [gg.baseAddress!], range: weights..<n,
                                decayed: false, avx512: avx512 && BLAS.hasAVX512)
                }
            }
            for i in 0..<n {
                let gi = Double(g[i])
                m[i] = beta1 * m[i] + (1 - beta1) * gi
                v[i] = 0.99 * v[i] + 0.01 * gi * gi
                let decay = i < weights ? 1 - lr * wd : 1
                let mHat = m[i] / (1 - pow(beta1, Double(t))), vHat = v[i] / (1 - pow(0.99, Double(t)))
                expected[i] = expected[i] * decay - lr * mHat / (vHat.squareRoot() + 1e-5)
            }
            for i in 0..<n {
                #expect(abs(Double(p[i]) - expected[i]) < 1e-6 * max(1, abs(expected[i])), "step \(t), parameter \(i): \(p[i]) vs \(expected[i])")
            }
            g = g.map { 0.7 - $0 }
        }
    }

    @Test func gradientsOfSeveralPartsAreSummed() {
        var adam = Adam(count: 4)
        defer { adam.deallocate() }
        var single = Adam(count: 4)
        defer { single.deallocate() }
        var p1: [Float] = [1, 2, 3, 4], p2: [Float] = [1, 2, 3, 4]
        var a: [Float] = [0.1, 0.2, 0.3, 0.4], b: [Float] = [1, -1, 0.5, 0], c: [Float] = [0, 0.1, 0, -2]
        var sum = zip(zip(a, b), c).map { $0.0 + $0.1 + $1 }
        let s = adam.next(learningRate: 1e-3, beta1: 0.9, weightDecay: 0)
        let s1 = single.next(learningRate: 1e-3, beta1: 0.9, weightDecay: 0)
        a.withUnsafeMutableBufferPointer { pa in b.withUnsafeMutableBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
            p1.withUnsafeMutableBufferPointer {
                adam.update(s, parameters: $0.baseAddress!, gradients: [pa.baseAddress!, pb.baseAddress!, pc.baseAddress!],
                            range: 0..<4, decayed: true, avx512: BLAS.hasAVX512)
            }
        } } }
        sum.withUnsafeMutableBufferPointer { ps in
            p2.withUnsafeMutableBufferPointer {
                single.update(s1, parameters: $0.baseAddress!, gradients: [ps.baseAddress!], range: 0..<4, decayed: true,
                              avx512: BLAS.hasAVX512)
            }
        }
        for i in 0..<4 { #expect(abs(p1[i] - p2[i]) < 1e-7) }
    }
}
