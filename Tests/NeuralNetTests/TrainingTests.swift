import Testing
@_spi(Internals) import NeuralNet

/// Training: it learns, it is reproducible, and it stops where it should with weights kept.
@Suite struct TrainingTests {
    static let layers = [30, 16, 4, 16, 30]

    static func data() throws -> (train: Samples, valid: Samples) {
        let all = try Reference.lowRank(count: 640, width: 30, rank: 3, seed: 21)
        return (try Samples(values: all.values, width: 30, rows: Array(0..<512)),
                try Samples(values: all.values, width: 30, rows: Array(512..<640)))
    }

    @Test(arguments: [(1, Parallelism.splitBatch), (2, .splitBatch), (2, .blasThreads)])
    func learnsALowRankDataSet(threads: Int, parallelism: Parallelism) throws {
        let (train, valid) = try TrainingTests.data()
        var network = try Network(layers: TrainingTests.layers, seed: 1)
        let before = Reference.meanLoss(network, valid)
        let config = TrainingConfig(epochs: 30, batchSize: 32, maxLearningRate: 1e-2, seed: 2, threads: threads,
                                    parallelism: parallelism)
        let history = try network.train(train, validation: valid, config: config)
        let after = Reference.meanLoss(network, valid)
        #expect(after < before / 10, "validation loss \(before) → \(after)")
        #expect(history.epochs == 30 && history.validLoss.count == 30 && history.epochSeconds.count == 30)
        #expect(history.steps == 30 * 16 && history.plannedSteps == 30 * 16)
        #expect(abs(history.validLoss[29] - after) < 1e-4 * after)
        #expect(!history.interrupted && !history.stoppedEarly)
    }

    /// The recorded time of an epoch is the epoch's wall time, validation included, so that
    /// the epochs add up to the run (a validation set far larger than the training set makes
    /// a validation left out plain to see).
    @Test func epochTimesAddUpToTheRunWithTheirValidation() throws {
        let all = try Reference.lowRank(count: 40_064, width: 30, rank: 3, seed: 4)
        let train = try Samples(values: all.values, width: 30, rows: Array(0..<64))
        let valid = try Samples(values: all.values, width: 30, rows: Array(64..<40_064))
        var network = try Network(layers: TrainingTests.layers, seed: 1)
        var elapsed = 0.0
        let history = try network.train(train, validation: valid, config: TrainingConfig(epochs: 3, batchSize: 32, seed: 2)) { report in
            if report.event == .epoch { elapsed = report.secondsElapsed }
            return .proceed
        }
        let total = history.epochSeconds.reduce(0, +)
        #expect(total <= elapsed && total > 0.8 * elapsed, "epochs \(history.epochSeconds), run \(elapsed) s")
    }

    /// More threads than the optimiser has parameters to share out (13 here): the last
    /// threads get nothing to update; it used to trap on an inverted range.
    @Test func moreThreadsThanParametersTrain() throws {
        let all = try Reference.lowRank(count: 128, width: 4, rank: 1, seed: 3)
        let train = try Samples(values: all.values, width: 4, rows: Array(0..<128))
        var single = try Network(layers: [4, 1, 4], seed: 1), many = single
        _ = try single.train(train, config: TrainingConfig(epochs: 2, batchSize: 64, seed: 2, threads: 1))
        let history = try many.train(train, config: TrainingConfig(epochs: 2, batchSize: 64, seed: 2, threads: 64))
        #expect(history.epochs == 2 && many.parameters.allSatisfy(\.isFinite))
        let largest = zip(single.parameters, many.parameters).map { abs($0 - $1) }.max() ?? 0
        #expect(largest < 1e-4, "the same training, whatever the thread count")
    }

    @Test(arguments: [1, 2])
    func sameSeedSameThreadsSameResult(threads: Int) throws {
        let (train, valid) = try TrainingTests.data()
        func run(seed: UInt64) throws -> (Network, TrainingHistory) {
            var network = try Network(layers: TrainingTests.layers, seed: 7)
            let history = try network.train(train, validation: valid,
                                            config: TrainingConfig(epochs: 3, batchSize: 50, seed: seed, threads: threads))
            return (network, history)
        }
        let (a, ha) = try run(seed: 5), (b, hb) = try run(seed: 5), (c, _) = try run(seed: 6)
        #expect(a.parameters == b.parameters)
        #expect(ha.trainLoss == hb.trainLoss && ha.validLoss == hb.validLoss)
        #expect(a.parameters != c.parameters, "another shuffle seed must give other weights")
    }

    @Test func stopRequestKeepsWeightsAndHistory() throws {
        let (train, _) = try TrainingTests.data()
        var network = try Network(layers: TrainingTests.layers, seed: 1)
        let initial = network.parameters
        var seen: [(Int, Int)] = []
        let history = try network.train(train, config: TrainingConfig(epochs: 5, batchSize: 64)) { progress in
            if progress.event == .batch { seen.append((progress.epoch, progress.batch)) }
            #expect(progress.samplesPerSecond > 0 && progress.secondsRemaining >= 0)
            return progress.epoch == 2 && progress.batch == 3 ? .stop : .proceed
        }
        #expect(history.interrupted)
        #expect(history.epochs == 1, "the partial second epoch is not recorded")
        #expect(history.steps == 8 + 3)
        #expect(seen.count == 11 && seen.last! == (2, 3))
        #expect(network.parameters != initial, "the steps taken are kept")
    }

    @Test func earlyStoppingKeepsTheBestEpoch() throws {
        let (train, _) = try TrainingTests.data()
        // Validation data from another distribution: its loss stops improving early.
        let other = try Reference.lowRank(count: 100, width: 30, rank: 3, seed: 99)
        var network = try Network(layers: TrainingTests.layers, seed: 1)
        let history = try network.train(train, validation: other,
                                        config: TrainingConfig(epochs: 40, batchSize: 32, maxLearningRate: 1e-2,
                                                               schedule: .constant, patience: 2))
        let best = try #require(history.bestEpoch)
        #expect(history.validLoss[best - 1] == history.validLoss.min())
        #expect(abs(Reference.meanLoss(network, other) - history.validLoss[best - 1]) < 1e-4 * history.validLoss[best - 1])
        #expect(history.stoppedEarly && history.epochs == best + 2 && history.epochs < 40)
    }

    @Test func nonFiniteLossStopsWithTheLastGoodWeights() throws {
        let (train, _) = try TrainingTests.data()
        var values = train.values
        values[100 * 30 + 7] = .nan  // a pixel of training sample 100
        let poisoned = try Samples(values: values, width: 30, rows: train.rows)
        var network = try Network(layers: TrainingTests.layers, seed: 1)
        let initial = network.parameters
        let error = #expect(throws: NeuralNetError.self) {
            try network.train(poisoned, config: TrainingConfig(epochs: 2, batchSize: 64))
        }
        guard case let .diverged(epoch, batch, kept, history)? = error else {
            Issue.record("expected a divergence error, got \(String(describing: error))")
            return
        }
        #expect(epoch == 1 && (1...8).contains(batch) && kept.contains("start"))
        #expect(history.steps == batch - 1)
        #expect(network.parameters == initial)
        #expect(error?.description.contains("epoch 1, batch \(batch)") == true)
    }

    @Test func settingsAreChecked() throws {
        let (train, valid) = try TrainingTests.data()
        var network = try Network(layers: TrainingTests.layers, seed: 1)
        func message(_ config: TrainingConfig, validation: Samples? = nil) -> String? {
            do {
                _ = try network.train(train, validation: validation, config: config)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message(TrainingConfig(epochs: 0)) == "epochs must be ≥ 1, got 0")
        #expect(message(TrainingConfig(batchSize: 0)) == "batch size must be ≥ 1, got 0")
        #expect(message(TrainingConfig(batchSize: 513)) == "batch size must be ≤ the 512 training samples, got 513")
        #expect(message(TrainingConfig(maxLearningRate: -1)) == "learning rate must be a finite number > 0, got -1.0")
        #expect(message(TrainingConfig(threads: 0)) == "threads must be ≥ 1, got 0")
        #expect(message(TrainingConfig(patience: 3)) == "patience must be given only with validation samples, got 3 without them")
        #expect(message(TrainingConfig(patience: 0), validation: valid) == "patience must be ≥ 1, got 0")
        let narrow = try Samples(values: [Float](repeating: 0, count: 100), width: 25)
        #expect(throws: NeuralNetError.self) { try network.train(narrow, config: TrainingConfig()) }
        var notAnAutoencoder = try Network(layers: [30, 10], seed: 1)
        let error = #expect(throws: NeuralNetError.self) { try notAnAutoencoder.train(train, config: TrainingConfig()) }
        #expect(error?.description == "layer list: expected the last size equal to the first (30) to reconstruct the input, found 10")
    }

    @Test func layerListsAreChecked() {
        #expect(throws: NeuralNetError.layers("needs at least 2 sizes (input and output), got 1")) {
            try Network(layers: [625], seed: 1)
        }
        #expect(throws: NeuralNetError.layers("sizes must be ≥ 1, got 0 at position 2")) {
            try Network(layers: [625, 0, 625], seed: 1)
        }
        #expect(throws: NeuralNetError.self) {
            try Network(layers: [3, 2, 3], activation: .relu, weights: [[1, 2, 3, 4, 5, 6], [1]], biases: [[0, 0], [0, 0, 0]])
        }
    }
}
