/// A dense network: layer sizes [n0, n1, …, nL], the activation after every layer but the
/// last, and a linear output. A value: copies share their parameters until one changes.
///
/// Parameters live in one flat array so the optimiser updates them in one pass. Layer l
/// (0-based) stores its weights as an nₗ × nₗ₊₁ row-major matrix (input-major, the transpose
/// of PyTorch's `nn.Linear.weight`: an input pixel's weights are one contiguous row, which is
/// what the sparse first-layer product reads), then its nₗ₊₁ biases. `weight(_:)` and
/// `init(layers:activation:weights:biases:)` speak PyTorch's out × in layout.
public struct Network: Sendable {
    public let layers: [Int]
    public let activation: Activation
    /// All weights and biases, layer after layer (see the type's comment).
    public internal(set) var parameters: [Float]
    /// Offsets of each layer's weights and biases in `parameters`.
    @_spi(Internals) public let weightOffsets: [Int]
    @_spi(Internals) public let biasOffsets: [Int]

    /// A network with PyTorch's `nn.Linear` default initialisation (Kaiming-uniform with
    /// a = √5 for weights, which is uniform ±1/√fan_in, and uniform ±1/√fan_in for biases),
    /// drawn from `seed`.
    public init(layers: [Int], activation: Activation = .leakyReLU, seed: UInt64) throws(NeuralNetError) {
        try self.init(validating: layers, activation: activation)
        var random = SplitMix64(seed: seed)
        for l in 0..<layers.count - 1 {
            let bound = 1 / Float(layers[l]).squareRoot()
            for i in weightOffsets[l]..<biasOffsets[l] + layers[l + 1] {
                parameters[i] = Float(2 * random.uniform() - 1) * bound
            }
        }
    }

    /// A network with the given parameters, weights in PyTorch's layout (out × in, row-major).
    public init(layers: [Int], activation: Activation, weights: [[Float]], biases: [[Float]]) throws(NeuralNetError) {
        try self.init(validating: layers, activation: activation)
        let count = layers.count - 1
        guard weights.count == count, biases.count == count else {
            throw .shape(what: "weights and biases", expected: "\(count) of each for \(layers.count) layers",
                         found: "\(weights.count) weight and \(biases.count) bias arrays")
        }
        for l in 0..<count {
            let (n, m) = (layers[l], layers[l + 1])
            guard weights[l].count == n * m else {
                throw .shape(what: "weights of layer \(l + 1)", expected: "\(m) × \(n) = \(n * m) values", found: "\(weights[l].count)")
            }
            guard biases[l].count == m else {
                throw .shape(what: "biases of layer \(l + 1)", expected: "\(m) values", found: "\(biases[l].count)")
            }
            for o in 0..<m {
                for i in 0..<n { parameters[weightOffsets[l] + i * m + o] = weights[l][o * n + i] }
                parameters[biasOffsets[l] + o] = biases[l][o]
            }
        }
    }

    private init(validating layers: [Int], activation: Activation) throws(NeuralNetError) {
        guard layers.count >= 2 else {
            throw .layers("needs at least 2 sizes (input and output), got \(layers.count)")
        }
        if let bad = layers.firstIndex(where: { $0 < 1 }) {
            throw .layers("sizes must be ≥ 1, got \(layers[bad]) at position \(bad + 1)")
        }
        var offset = 0, w: [Int] = [], b: [Int] = []
        for l in 0..<layers.count - 1 {
            w.append(offset)
            offset += layers[l] * layers[l + 1]
            b.append(offset)
            offset += layers[l + 1]
        }
        self.layers = layers
        self.activation = activation
        self.weightOffsets = w
        self.biasOffsets = b
        self.parameters = [Float](repeating: 0, count: offset)
    }

    /// Number of weight layers (sizes − 1).
    public var depth: Int { layers.count - 1 }
    public var inputWidth: Int { layers[0] }
    public var outputWidth: Int { layers[layers.count - 1] }

    /// Layer l's weights (0-based), PyTorch's layout: out × in, row-major.
    public func weight(_ l: Int) -> [Float] {
        let (n, m) = (layers[l], layers[l + 1])
        var out = [Float](repeating: 0, count: n * m)
        for i in 0..<n {
            for o in 0..<m { out[o * n + i] = parameters[weightOffsets[l] + i * m + o] }
        }
        return out
    }

    /// Layer l's biases (0-based).
    public func bias(_ l: Int) -> [Float] {
        Array(parameters[biasOffsets[l]..<biasOffsets[l] + layers[l + 1]])
    }

    /// Changes one parameter (index into `parameters`): for gradient checks and fault tests.
    @_spi(Internals) public mutating func setParameter(_ index: Int, to value: Float) {
        parameters[index] = value
    }
}

/// SplitMix64: a small seeded generator for weight initialisation and shuffles.
@_spi(Internals) public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
