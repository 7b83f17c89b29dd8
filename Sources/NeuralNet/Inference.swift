import Synchronization

extension Network {
    /// Rows per inference batch: large enough for efficient products, small enough for the cache.
    static let inferenceBatch = 256

    /// Asked before each batch of inference; true stops it with `NeuralNetError.interrupted`.
    public typealias StopRequest = @Sendable () -> Bool

    /// The network's output for every sample, row after row (count × output width).
    public func reconstruct(_ samples: Samples, threads: Int = 1, shouldStop: StopRequest? = nil) throws(NeuralNetError) -> [Float] {
        try checkInput(samples)
        let width = outputWidth
        var out = [Float](repeating: 0, count: samples.count * width)
        let finished = out.withUnsafeMutableBufferPointer { buffer in
            let destination = SendablePointer(buffer.baseAddress)
            return forEachBatch(samples, threads: threads, shouldStop: shouldStop) { pass, first, _ in
                guard let base = destination.pointer else { return }
                (base + first * width).update(from: pass.output, count: pass.rows * width)
            }
        }
        guard finished else { throw .interrupted }
        return out
    }

    /// Mean squared error over the pixels of each sample between the sample and its reconstruction.
    public func perSampleLoss(_ samples: Samples, threads: Int = 1, shouldStop: StopRequest? = nil) throws(NeuralNetError) -> [Float] {
        try checkFits(samples, what: "samples")
        var out = [Float](repeating: 0, count: samples.count)
        let width = Double(inputWidth)
        let finished = out.withUnsafeMutableBufferPointer { buffer in
            let destination = SendablePointer(buffer.baseAddress)
            return forEachBatch(samples, threads: threads, shouldStop: shouldStop) { pass, first, _ in
                guard let base = destination.pointer else { return }
                for r in 0..<pass.rows { base[first + r] = Float(pass.rowSquaredError(r) / width) }
            }
        }
        guard finished else { throw .interrupted }
        return out
    }

    /// Mean squared error per pixel over all samples (the training loss on these samples).
    @_spi(Internals) public func meanLoss(_ samples: Samples, threads: Int) -> Double {
        let parts = max(1, min(threads, samples.count))
        var sums = [Double](repeating: 0, count: parts)
        sums.withUnsafeMutableBufferPointer { buffer in
            let slots = SendablePointer(buffer.baseAddress)
            _ = forEachBatch(samples, threads: parts) { pass, _, thread in
                slots.pointer?[thread] += pass.squaredError()
            }
        }
        return sums.reduce(0, +) / Double(samples.count * inputWidth)
    }

    func checkInput(_ samples: Samples) throws(NeuralNetError) {
        guard samples.width == inputWidth else {
            throw .shape(what: "samples", expected: "\(inputWidth) values per sample (the first layer)", found: "\(samples.width)")
        }
    }

    /// Runs the network over the samples in batches, the samples split into one contiguous
    /// share per thread; calls `body(pass, index of the batch's first sample, thread)` after
    /// each forward pass. Each thread asks `shouldStop` before each batch and leaves when it
    /// says so; returns false when any did (the output is then incomplete).
    private func forEachBatch(_ samples: Samples, threads: Int, shouldStop: StopRequest? = nil,
                              _ body: @Sendable (BatchPass, Int, Int) -> Void) -> Bool {
        _ = BLAS.status
        let count = samples.count
        guard count > 0 else { return true }
        let stopped = StopFlag()
        let parts = max(1, min(threads, count))
        // One thread per product while the samples are split over threads; what training
        // and `blas` see afterwards is the count from before.
        let previousThreads = BLAS.threads
        BLAS.setThreads(1)
        defer { BLAS.setThreads(previousThreads) }
        let share = (count + parts - 1) / parts
        let network = self
        parallel(parts) { t in
            let lower = t * share, upper = min(count, lower + share)
            guard lower < upper else { return }
            let pass = BatchPass(layers: network.layers, activation: network.activation,
                                 capacity: Network.inferenceBatch, training: false)
            var order = [Int](repeating: 0, count: Network.inferenceBatch)
            for first in stride(from: lower, to: upper, by: Network.inferenceBatch) {
                if let shouldStop, stopped.isSet || shouldStop() {
                    stopped.set()
                    return
                }
                let rows = min(Network.inferenceBatch, upper - first)
                for k in 0..<rows { order[k] = first + k }
                network.parameters.withUnsafeBufferPointer { p in
                    guard let params = p.baseAddress else { return }
                    order.withUnsafeBufferPointer { o in
                        pass.load(samples, order: UnsafeBufferPointer(rebasing: o[0..<rows]))
                    }
                    pass.forward(network, parameters: params, sparseBelow: TrainingConfig.defaultSparseInputBelow)
                }
                body(pass, first, t)
            }
        }
        return !stopped.isSet
    }
}

/// Set by the first worker that sees a stop request, so the others leave at their next batch too.
private final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
