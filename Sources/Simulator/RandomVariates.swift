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

    /// A point uniform in the unit disc, by rejection from the square (π/4 accepted): no
    /// square root, sine or cosine.
    @inline(__always) mutating func pointInUnitDisc() -> (x: Double, y: Double, r2: Double) {
        while true {
            let x = 2 * uniform() - 1, y = 2 * uniform() - 1
            let r2 = x * x + y * y
            if r2 < 1 { return (x, y, r2) }
        }
    }

    /// cos ψ and sin ψ of an azimuth ψ uniform in [0, 2π), from a point in the disc (its
    /// doubled angle), without calling the sine and cosine.
    @inline(__always) mutating func unitCircle() -> (cos: Double, sin: Double) {
        while true {
            let (x, y, r2) = pointInUnitDisc()
            if r2 > 1e-12 { return ((x * x - y * y) / r2, 2 * x * y / r2) }
        }
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
