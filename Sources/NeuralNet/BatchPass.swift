import COpenBLAS

/// One thread's buffers for forward and backward passes over up to `capacity` rows, allocated
/// once: training and inference allocate nothing per batch. For training every layer keeps its
/// output (the backward pass needs them); for inference two buffers alternate and there are
/// no gradient buffers.
@_spi(Internals) public final class BatchPass: @unchecked Sendable {
    let layers: [Int]
    let activation: Activation
    let capacity: Int
    let training: Bool
    /// Input rows (capacity × layers[0]), also the target of the reconstruction loss.
    let input: UnsafeMutablePointer<Float>
    /// Output of layer l (capacity × layers[l + 1]); alternating buffers when not training.
    private let outputs: [UnsafeMutablePointer<Float>]
    private let ownedOutputs: [UnsafeMutablePointer<Float>]
    /// Two gradient buffers (capacity × widest layer), used in turn going backwards.
    private let gradients: [UnsafeMutablePointer<Float>]
    private var sparse: SparseRows
    /// Rows in the current batch.
    private(set) var rows = 0
    /// Whether the last forward pass used the sparse first-layer product.
    public private(set) var usedSparse = false

    public init(layers: [Int], activation: Activation, capacity: Int, training: Bool) {
        self.layers = layers
        self.activation = activation
        self.capacity = capacity
        self.training = training
        input = .allocate(capacity: capacity * layers[0])
        let widest = layers.max() ?? 1
        if training {
            ownedOutputs = layers.dropFirst().map { .allocate(capacity: capacity * $0) }
            outputs = ownedOutputs
            gradients = [.allocate(capacity: capacity * widest), .allocate(capacity: capacity * widest)]
        } else {
            let pair: [UnsafeMutablePointer<Float>] = [.allocate(capacity: capacity * widest), .allocate(capacity: capacity * widest)]
            ownedOutputs = pair
            outputs = (0..<layers.count - 1).map { pair[$0 % 2] }
            gradients = []
        }
        sparse = SparseRows(maxRows: capacity, width: layers[0])
    }

    deinit {
        input.deallocate()
        for p in ownedOutputs { p.deallocate() }
        for p in gradients { p.deallocate() }
        sparse.deallocate()
    }

    /// The network's output for the current batch (rows × last layer).
    var output: UnsafeMutablePointer<Float> { outputs[outputs.count - 1] }

    /// Copies samples `order` into the input buffer.
    public func load(_ samples: Samples, order: UnsafeBufferPointer<Int>) {
        rows = order.count
        samples.gather(order, into: input)
    }

    /// Runs the network on the loaded rows. The first layer uses the sparse product when the
    /// batch's density is below `sparseBelow`.
    public func forward(_ network: Network, parameters p: UnsafePointer<Float>, sparseBelow: Double) {
        let depth = layers.count - 1
        sparse.load(input, rows: rows)
        usedSparse = sparse.density < sparseBelow
        for l in 0..<depth {
            let (n, m) = (layers[l], layers[l + 1])
            let w = p + network.weightOffsets[l], b = p + network.biasOffsets[l]
            if l == 0 && usedSparse {
                sparse.timesDense(w, n: m, into: outputs[0])
            } else {
                let a = l == 0 ? UnsafePointer(input) : UnsafePointer(outputs[l - 1])
                gemm(.noTrans, .noTrans, rows, m, n, a, n, w, m, outputs[l], m)
            }
            (l < depth - 1 ? activation : .linear).applyWithBias(outputs[l], rows: rows, width: m, bias: b)
        }
    }

    /// Sum over the loaded rows and all pixels of (output − input)², after `forward`.
    func squaredError() -> Double {
        var total = 0.0
        for r in 0..<rows { total += rowSquaredError(r) }
        return total
    }

    /// Sum over the pixels of row r of (output − input)².
    func rowSquaredError(_ r: Int) -> Double {
        let width = layers[0]
        let y = output + r * width, x = input + r * width
        var sum: Float = 0
        for c in 0..<width {
            let d = y[c] - x[c]
            sum += d * d
        }
        return Double(sum)
    }

    /// Backward pass of the mean squared error over `totalRows` rows (this pass holds some of
    /// them): writes the gradient of every parameter into `g` (same layout as the parameters)
    /// and returns this pass's sum of squared errors. Needs `forward` first.
    public func backward(_ network: Network, parameters p: UnsafePointer<Float>, totalRows: Int,
                  into g: UnsafeMutablePointer<Float>) -> Double {
        let depth = layers.count - 1
        for l in 0..<depth {
            (g + network.biasOffsets[l]).initialize(repeating: 0, count: layers[l + 1])
        }
        // Loss and its gradient, fused with the output layer's bias gradient.
        let width = layers[depth]
        let scale = 2 / Float(totalRows * width)
        var delta = gradients[0], spare = gradients[1]
        let lastBias = g + network.biasOffsets[depth - 1]
        var total = 0.0
        for r in 0..<rows {
            let y = output + r * width, x = input + r * width, d = delta + r * width
            var sum: Float = 0
            for c in 0..<width {
                let e = y[c] - x[c]
                sum += e * e
                d[c] = scale * e
                lastBias[c] += d[c]
            }
            total += Double(sum)
        }
        for l in stride(from: depth - 1, through: 0, by: -1) {
            let (n, m) = (layers[l], layers[l + 1])
            let dw = g + network.weightOffsets[l]
            if l == 0 && usedSparse {
                sparse.transpose()
                sparse.transposedTimesDense(delta, n: m, into: dw)
            } else {
                let a = l == 0 ? UnsafePointer(input) : UnsafePointer(outputs[l - 1])
                gemm(.trans, .noTrans, n, m, rows, a, n, delta, m, dw, m)
            }
            guard l > 0 else { break }
            gemm(.noTrans, .trans, rows, n, m, delta, m, p + network.weightOffsets[l], m, spare, n)
            activation.backward(spare, output: outputs[l - 1], rows: rows, width: n,
                                biasGradient: g + network.biasOffsets[l - 1])
            swap(&delta, &spare)
        }
        return total
    }
}

@_spi(Internals) public enum Transpose { case noTrans, trans }

/// c (m × n) = op(a) (m × k) · op(b) (k × n), row-major, through OpenBLAS (after the kernel
/// check of `BLAS.status`, whoever calls first).
@_spi(Internals) @inline(__always)
public func gemm(_ ta: Transpose, _ tb: Transpose, _ m: Int, _ n: Int, _ k: Int,
          _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
          _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
    _ = BLAS.status
    cblas_sgemm(CblasRowMajor, ta == .trans ? CblasTrans : CblasNoTrans, tb == .trans ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc))
}
