import Foundation
import JetData

/// The few distributions the simulator draws from, on top of the project's seeded generator.
extension SeededGenerator {
    /// Uniform in (0, 1]: safe under a logarithm.
    @inline(__always) mutating func uniformPositive() -> Double {
        1 - uniform()
    }

    /// A standard normal variate (Box–Muller, one of the pair).
    @inline(__always) mutating func gaussian() -> Double {
        (-2 * log(uniformPositive())).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// Exponential with mean `mean`.
    @inline(__always) mutating func exponential(mean: Double) -> Double {
        -mean * log(uniformPositive())
    }

    /// Gaussian with width `sigma`, cut at |x| < limit.
    mutating func truncatedGaussian(sigma: Double, limit: Double) -> Double {
        while true {
            let x = sigma * gaussian()
            if abs(x) < limit { return x }
        }
    }

    /// Poisson with mean `mean` (inversion; means here are tens at most).
    mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        var k = 0
        var p = exp(-mean)
        var cumulative = p
        let u = uniform()
        while u > cumulative && k < 10_000 {
            k += 1
            p *= mean / Double(k)
            cumulative += p
        }
        return k
    }
}
