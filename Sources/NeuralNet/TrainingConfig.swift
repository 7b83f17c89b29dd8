/// How a network is trained. Defaults follow the thesis (fastai's `fit_one_cycle`, batch 256,
/// max lr 1e-3, weight decay 1e-6) except the number of epochs, which the caller chooses.
public struct TrainingConfig: Sendable, Equatable, Codable {
    public var epochs: Int
    public var batchSize: Int
    public var maxLearningRate: Double
    /// Decoupled weight decay on weights (not biases), per step: w ← w·(1 − lr·wd).
    public var weightDecay: Double
    public var schedule: Schedule
    /// Seeds the shuffle of every epoch.
    public var seed: UInt64
    /// Cores to use.
    public var threads: Int
    /// How several threads share a step (see `Parallelism`).
    public var parallelism: Parallelism
    /// The first layer multiplies only the non-zero inputs when a batch's fraction of non-zero
    /// inputs is below this (0 turns the sparse product off).
    public var sparseInputBelow: Double
    /// Early stopping: stop when the validation loss has not improved for this many epochs,
    /// and keep the weights of the best epoch. Needs validation samples.
    public var patience: Int?

    public init(epochs: Int = 1, batchSize: Int = 256, maxLearningRate: Double = 1e-3, weightDecay: Double = 1e-6,
                schedule: Schedule = .oneCycle, seed: UInt64 = 0, threads: Int = 1,
                parallelism: Parallelism = .blasThreads, sparseInputBelow: Double = TrainingConfig.defaultSparseInputBelow, patience: Int? = nil) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.maxLearningRate = maxLearningRate
        self.weightDecay = weightDecay
        self.schedule = schedule
        self.seed = seed
        self.threads = threads
        self.parallelism = parallelism
        self.sparseInputBelow = sparseInputBelow
        self.patience = patience
    }

    /// Measured crossover of the sparse and the dense first-layer products (docs/NEURALNET.md).
    public static let defaultSparseInputBelow = 0.15

    /// Checks every setting against the data it will train on.
    func validate(samples: Int, hasValidation: Bool) throws(NeuralNetError) {
        guard epochs >= 1 else { throw .setting(name: "epochs", expected: "≥ 1", found: "\(epochs)") }
        guard batchSize >= 1 else { throw .setting(name: "batch size", expected: "≥ 1", found: "\(batchSize)") }
        guard samples >= 1 else { throw .setting(name: "training samples", expected: "at least 1", found: "none") }
        guard batchSize <= samples else {
            throw .setting(name: "batch size", expected: "≤ the \(samples) training samples", found: "\(batchSize)")
        }
        guard maxLearningRate > 0, maxLearningRate.isFinite else {
            throw .setting(name: "learning rate", expected: "a finite number > 0", found: "\(maxLearningRate)")
        }
        guard weightDecay >= 0, weightDecay.isFinite else {
            throw .setting(name: "weight decay", expected: "a finite number ≥ 0", found: "\(weightDecay)")
        }
        guard threads >= 1 else { throw .setting(name: "threads", expected: "≥ 1", found: "\(threads)") }
        guard sparseInputBelow >= 0, sparseInputBelow <= 1 else {
            throw .setting(name: "sparse input density", expected: "in 0…1", found: "\(sparseInputBelow)")
        }
        if let patience {
            guard patience >= 1 else { throw .setting(name: "patience", expected: "≥ 1", found: "\(patience)") }
            guard hasValidation else {
                throw .setting(name: "patience", expected: "given only with validation samples", found: "\(patience) without them")
            }
        }
    }
}

/// How several threads share one training step. OpenBLAS's threading is the default: on the
/// 2-core test machine, shared with other work, it was as fast or faster in the medians of
/// scripts/bench-train, and much faster for 625-wide layers, whose weights do not fit in one
/// core's cache when each thread multiplies all of them (docs/NEURALNET.md).
public enum Parallelism: String, Sendable, Codable, CaseIterable {
    /// Each thread runs forward and backward on its part of the batch with single-threaded
    /// BLAS; the optimiser sums the parts' gradients in its one pass.
    case splitBatch = "split"
    /// One pass over the whole batch; OpenBLAS threads each product.
    case blasThreads = "blas"
}
