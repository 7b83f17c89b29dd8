import Foundation

/// The non-linearity between layers; the output layer is always linear.
public enum Activation: String, Sendable, CaseIterable, Codable {
    /// max(x, 0.01·x), PyTorch's `nn.LeakyReLU()` default slope; the thesis's choice.
    case leakyReLU = "leakyrelu"
    case relu
    case tanh
    case linear

    static let leakySlope: Float = 0.01

    /// a = f(z + b) for every row of `z` (rows × width), in place: the bias and the activation in one pass.
    func applyWithBias(_ z: UnsafeMutablePointer<Float>, rows: Int, width: Int, bias: UnsafePointer<Float>) {
        for r in 0..<rows {
            let row = z + r * width
            switch self {
            case .leakyReLU:
                for c in 0..<width {
                    let v = row[c] + bias[c]
                    row[c] = v > 0 ? v : Activation.leakySlope * v
                }
            case .relu:
                for c in 0..<width { row[c] = max(row[c] + bias[c], 0) }
            case .tanh:
                for c in 0..<width { row[c] = Foundation.tanh(row[c] + bias[c]) }
            case .linear:
                for c in 0..<width { row[c] += bias[c] }
            }
        }
    }

    /// dz = da · f′ from the layer's output a (f′ is a function of a for all four), in place in
    /// `gradient`, and adds the column sums of dz to `biasGradient` (the bias gradient) in the same pass.
    func backward(_ gradient: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, rows: Int, width: Int,
                  biasGradient: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            let g = gradient + r * width, y = a + r * width
            switch self {
            case .leakyReLU:
                for c in 0..<width {
                    let d = y[c] > 0 ? g[c] : Activation.leakySlope * g[c]
                    g[c] = d
                    biasGradient[c] += d
                }
            case .relu:
                for c in 0..<width {
                    let d = y[c] > 0 ? g[c] : 0
                    g[c] = d
                    biasGradient[c] += d
                }
            case .tanh:
                for c in 0..<width {
                    let d = g[c] * (1 - y[c] * y[c])
                    g[c] = d
                    biasGradient[c] += d
                }
            case .linear:
                for c in 0..<width { biasGradient[c] += g[c] }
            }
        }
    }
}
