import Foundation
@_spi(Internals) import NeuralNet

/// A second, independent implementation of the forward pass in double precision, written
/// from the definitions and the network's public weights (PyTorch layout) and biases.
enum Reference {
    static func forward(_ network: Network, _ x: [Double]) -> [Double] {
        var a = x
        for l in 0..<network.depth {
            let w = network.weight(l).map(Double.init), b = network.bias(l).map(Double.init)
            let (n, m) = (network.layers[l], network.layers[l + 1])
            a = (0..<m).map { o in
                let z = (0..<n).reduce(b[o]) { $0 + w[o * n + $1] * a[$1] }
                guard l < network.depth - 1 else { return z }
                switch network.activation {
                case .leakyReLU: return z > 0 ? z : 0.01 * z
                case .relu: return max(z, 0)
                case .tanh: return tanh(z)
                case .linear: return z
                }
            }
        }
        return a
    }

    static func sample(_ samples: Samples, _ i: Int) -> [Double] {
        let row = samples.rows?[i] ?? i
        return samples.values[row * samples.width..<(row + 1) * samples.width].map(Double.init)
    }

    /// Per-sample mean squared error over the pixels.
    static func perSampleLoss(_ network: Network, _ samples: Samples) -> [Double] {
        (0..<samples.count).map { i in
            let x = sample(samples, i)
            return zip(forward(network, x), x).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(x.count)
        }
    }

    static func meanLoss(_ network: Network, _ samples: Samples) -> Double {
        perSampleLoss(network, samples).reduce(0, +) / Double(samples.count)
    }

    /// n samples of width `width` on a random rank-`rank` subspace (non-negative, like pixels).
    static func lowRank(count n: Int, width: Int, rank: Int, seed: UInt64) throws -> Samples {
        var random = SplitMix64(seed: seed)
        let basis = (0..<rank * width).map { _ in random.uniform() < 0.4 ? random.uniform() : 0 }
        var values = [Float](repeating: 0, count: n * width)
        for s in 0..<n {
            let c = (0..<rank).map { _ in random.uniform() * 2 }
            for j in 0..<width {
                values[s * width + j] = Float((0..<rank).reduce(0.0) { $0 + c[$1] * basis[$1 * width + j] })
            }
        }
        return try Samples(values: values, width: width)
    }
}
