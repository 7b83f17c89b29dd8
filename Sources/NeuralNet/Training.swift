import Dispatch

extension Network {
    /// Trains the network to reconstruct `data` (the target is the input) with Adam and the
    /// configured schedule, and returns what happened per epoch. `progress` is called on this
    /// thread after every batch and every epoch; returning `.stop` ends training after the
    /// current step with the weights and history kept. With `config.patience` the weights of
    /// the epoch with the lowest validation loss are kept. A NaN or infinite loss stops
    /// training with `NeuralNetError.diverged` and the weights of the last completed epoch.
    public mutating func train(_ data: Samples, validation: Samples? = nil, config: TrainingConfig,
                               progress: ((TrainingProgress) -> TrainingDecision)? = nil) throws(NeuralNetError) -> TrainingHistory {
        try checkFits(data, what: "training samples")
        if let validation { try checkFits(validation, what: "validation samples") }
        try config.validate(samples: data.count, hasValidation: validation != nil)
        var run = TrainingRun(network: self, config: config)
        defer { run.deallocate() }
        let history = try run.train(data, validation: validation, progress: progress, into: &self)
        return history
    }

    /// Data must be as wide as the input and the output layers (the target is the input).
    func checkFits(_ samples: Samples, what: String) throws(NeuralNetError) {
        guard samples.width == inputWidth else {
            throw .shape(what: what, expected: "\(inputWidth) values per sample (the first layer)", found: "\(samples.width)")
        }
        guard outputWidth == inputWidth else {
            throw .shape(what: "layer list", expected: "the last size equal to the first (\(inputWidth)) to reconstruct the input",
                         found: "\(outputWidth)")
        }
    }
}

/// The state of one call to `train`: buffers for each batch part, the optimiser and the
/// parameters being trained, all allocated once. Worker threads share it and write disjoint
/// parts of its buffers.
private struct TrainingRun: @unchecked Sendable {
    let network: Network
    let config: TrainingConfig
    let parts: Int
    /// Threads OpenBLAS uses for one product during the training steps.
    let blasThreads: Int
    let passes: [BatchPass]
    let gradients: [UnsafeMutablePointer<Float>]
    let parameters: UnsafeMutablePointer<Float>
    var adam: Adam
    /// Parameter ranges with whether they are decayed (weights) or not (biases).
    let segments: [(range: Range<Int>, decayed: Bool)]

    init(network: Network, config: TrainingConfig) {
        _ = BLAS.status
        self.network = network
        self.config = config
        let split = config.parallelism == .splitBatch && config.threads > 1
        parts = split ? config.threads : 1
        blasThreads = split ? 1 : config.threads
        let capacity = (config.batchSize + parts - 1) / parts
        passes = (0..<parts).map { _ in
            BatchPass(layers: network.layers, activation: network.activation, capacity: capacity, training: true)
        }
        let count = network.parameters.count
        gradients = (0..<parts).map { _ in .allocate(capacity: count) }
        let working = UnsafeMutablePointer<Float>.allocate(capacity: count)
        network.parameters.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { working.initialize(from: base, count: count) }
        }
        parameters = working
        adam = Adam(count: count)
        segments = (0..<network.depth).flatMap { l in
            [(network.weightOffsets[l]..<network.biasOffsets[l], true),
             (network.biasOffsets[l]..<network.biasOffsets[l] + network.layers[l + 1], false)]
        }
    }

    func deallocate() {
        for g in gradients { g.deallocate() }
        parameters.deallocate()
        adam.deallocate()
    }

    func copyParameters() -> [Float] {
        Array(UnsafeBufferPointer(start: parameters, count: network.parameters.count))
    }

    func restoreParameters(_ saved: [Float]) {
        saved.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { parameters.update(from: base, count: saved.count) }
        }
    }

    mutating func train(_ data: Samples, validation: Samples?, progress: ((TrainingProgress) -> TrainingDecision)?,
                        into result: inout Network) throws(NeuralNetError) -> TrainingHistory {
        let n = data.count, width = network.inputWidth, batch = config.batchSize
        let batchesPerEpoch = (n + batch - 1) / batch
        var history = TrainingHistory()
        history.plannedSteps = config.epochs * batchesPerEpoch
        var order = Array(0..<n)
        var random = SplitMix64(seed: config.seed)
        var lastGood = (weights: copyParameters(), name: "the start (no epoch completed)")
        var best: (loss: Double, weights: [Float])?
        let start = ContinuousClock.now
        var stop = false

        epochs: for epoch in 1...config.epochs {
            BLAS.setThreads(blasThreads)  // again after each validation, which runs single-threaded products
            order.shuffle(using: &random)
            let epochStart = ContinuousClock.now
            var squaredError = 0.0, seen = 0
            for b in 0..<batchesPerEpoch {
                let rows = b * batch..<min(n, (b + 1) * batch)
                let batchError = step(data, order: order, rows: rows)
                guard batchError.isFinite else {
                    restoreParameters(lastGood.weights)
                    result.parameters = lastGood.weights
                    throw .diverged(epoch: epoch, batch: b + 1, keptWeightsOf: lastGood.name, history: history)
                }
                let (lr, beta1) = config.schedule.values(step: history.steps, totalSteps: history.plannedSteps,
                                                         maxLearningRate: config.maxLearningRate)
                update(adam.next(learningRate: lr, beta1: beta1, weightDecay: config.weightDecay))
                history.steps += 1
                history.lastLearningRate = lr
                squaredError += batchError
                seen += rows.count
                if let progress {
                    let seconds = (ContinuousClock.now - epochStart).seconds
                    let rate = Double(seen) / max(seconds, 1e-9)
                    let remaining = Double(history.plannedSteps - history.steps) * Double(batch) / rate
                    let report = TrainingProgress(
                        event: .batch, epoch: epoch, epochs: config.epochs, batch: b + 1, batchesPerEpoch: batchesPerEpoch,
                        samplesPerSecond: rate, secondsElapsed: (ContinuousClock.now - start).seconds,
                        secondsRemaining: remaining, trainLoss: squaredError / Double(seen * width), validLoss: nil,
                        learningRate: lr)
                    if progress(report) == .stop { stop = true }
                }
                if stop {
                    history.interrupted = true
                    break
                }
            }
            let trainingSeconds = (ContinuousClock.now - epochStart).seconds
            if stop { break epochs }  // a partial epoch is not recorded as an epoch
            history.trainLoss.append(squaredError / Double(seen * width))
            var validLoss: Double?
            if let validation {
                var current = network
                current.parameters = copyParameters()
                let loss = current.meanLoss(validation, threads: config.threads)
                history.validLoss.append(loss)
                validLoss = loss
            }
            // An epoch's time is its steps and its validation, as the epoch line shows it.
            history.epochSeconds.append((ContinuousClock.now - epochStart).seconds)
            lastGood = (copyParameters(), "epoch \(epoch)")
            if let patience = config.patience, let loss = validLoss {
                if best == nil || loss < best?.loss ?? .infinity {
                    best = (loss, lastGood.weights)
                    history.bestEpoch = epoch
                } else if epoch - (history.bestEpoch ?? 0) >= patience {
                    history.stoppedEarly = epoch < config.epochs
                }
            }
            if let progress {
                let elapsed = (ContinuousClock.now - start).seconds
                let report = TrainingProgress(
                    event: .epoch, epoch: epoch, epochs: config.epochs, batch: batchesPerEpoch,
                    batchesPerEpoch: batchesPerEpoch, samplesPerSecond: Double(seen) / max(trainingSeconds, 1e-9),
                    secondsElapsed: elapsed, secondsRemaining: elapsed / Double(epoch) * Double(config.epochs - epoch),
                    trainLoss: history.trainLoss[epoch - 1], validLoss: validLoss, learningRate: history.lastLearningRate)
                if progress(report) == .stop {
                    history.interrupted = epoch < config.epochs
                    break epochs
                }
            }
            if history.stoppedEarly { break epochs }
        }
        result.parameters = best?.weights ?? copyParameters()
        return history
    }

    /// Forward and backward passes over batch rows `rows` of `order`, split across the parts;
    /// returns the batch's sum of squared errors (NaN or infinite when training diverges).
    private func step(_ data: Samples, order: [Int], rows: Range<Int>) -> Double {
        let share = (rows.count + parts - 1) / parts
        var errors = [Double](repeating: 0, count: parts)
        order.withUnsafeBufferPointer { all in
            errors.withUnsafeMutableBufferPointer { errorOut in
                let errorSlots = SendablePointer(errorOut.baseAddress)
                let orderBase = SendablePointer(UnsafeMutablePointer(mutating: all.baseAddress))
                parallel(parts) { t in
                    let lower = rows.lowerBound + t * share, upper = min(rows.upperBound, lower + share)
                    guard lower < upper, let base = orderBase.pointer, let errorSlot = errorSlots.pointer else {
                        passes[t].clearGradient(gradients[t], network: network)
                        return
                    }
                    let pass = passes[t]
                    pass.load(data, order: UnsafeBufferPointer(start: base + lower, count: upper - lower))
                    pass.forward(network, parameters: parameters, sparseBelow: config.sparseInputBelow)
                    errorSlot[t] = pass.backward(network, parameters: parameters, totalRows: rows.count, into: gradients[t])
                }
            }
        }
        return errors.reduce(0, +)
    }

    /// One optimiser step; with several threads, each updates its share of the parameters
    /// (also when OpenBLAS threads the products: this pass is outside BLAS).
    private func update(_ s: Adam.Step) {
        let count = network.parameters.count, threads = config.threads
        let share = (count + threads - 1) / threads
        parallel(threads) { t in
            // With more threads than parameters the last shares are empty (lower bound past the end).
            let mine = min(count, t * share)..<min(count, (t + 1) * share)
            for segment in segments {
                let range = segment.range.clamped(to: mine)
                if !range.isEmpty {
                    adam.update(s, parameters: parameters, gradients: gradients, range: range, decayed: segment.decayed,
                                avx512: BLAS.hasAVX512)
                }
            }
        }
    }
}

extension BatchPass {
    /// A part with no rows in this batch contributes a zero gradient.
    func clearGradient(_ g: UnsafeMutablePointer<Float>, network: Network) {
        g.update(repeating: 0, count: network.parameters.count)
    }
}

/// Runs `body(0) … body(n − 1)` on n threads at once (inline when n is 1).
func parallel(_ n: Int, _ body: @Sendable (Int) -> Void) {
    if n == 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: n, execute: body)
    }
}

/// A raw pointer handed to worker threads that write disjoint parts of it.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>?
    init(_ pointer: UnsafeMutablePointer<T>?) { self.pointer = pointer }
}

extension Duration {
    var seconds: Double {
        let (s, a) = components
        return Double(s) + Double(a) * 1e-18
    }
}
