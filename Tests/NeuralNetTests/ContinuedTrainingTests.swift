import Foundation
import HDF5
import ModelFile
import Testing
import TestSupport
@_spi(Internals) import NeuralNet

/// Training a model again continues its history: the new run's epochs follow the old ones,
/// the model knows how many runs it had, and its file keeps them all.
@Suite struct ContinuedTrainingTests {
    static func twiceTrained() throws -> (first: TrainingHistory, second: TrainingHistory, model: Model) {
        let data = try Reference.lowRank(count: 300, width: 30, rank: 3, seed: 4)
        let train = try Samples(values: data.values, width: 30, rows: Array(0..<200))
        let valid = try Samples(values: data.values, width: 30, rows: Array(200..<300))
        var model = Model(network: try Network(layers: [30, 12, 30], activation: .tanh, seed: 8))
        // The first run without validation, the second with it.
        let first = try model.train(train, config: TrainingConfig(epochs: 3, batchSize: 40, seed: 1, threads: 1))
        let second = try model.train(train, validation: valid, config: TrainingConfig(epochs: 2, batchSize: 50, seed: 2, threads: 1))
        return (first, second, model)
    }

    @Test func theSecondRunIsAppended() throws {
        let (first, second, model) = try Self.twiceTrained()
        let history = try #require(model.history)
        #expect(history.epochs == 5)
        #expect(history.runs == 2 && history.earlierRuns == [3] && history.lastRunEpochs == 2)
        #expect(history.trainLoss == first.trainLoss + second.trainLoss)
        #expect(history.epochSeconds.count == 5)
        // The first run had no validation: its epochs have none, the second's follow.
        #expect(history.validLoss.count == 5)
        #expect(history.validLoss.prefix(3).allSatisfy { $0.isNaN })
        #expect(Array(history.validLoss.suffix(2)) == second.validLoss)
        #expect(history.steps == second.steps)
        #expect(model.training?.epochs == 2 && model.training?.batchSize == 50)
    }

    @Test func earlyStoppingKeepsItsEpochInTheWholeHistory() {
        var earlier = TrainingHistory()
        earlier.trainLoss = [3, 2]
        var later = TrainingHistory()
        later.trainLoss = [1.5, 1.4, 1.6]
        later.validLoss = [1.6, 1.5, 1.7]
        later.bestEpoch = 2
        later.stoppedEarly = true
        let whole = earlier.continued(by: later)
        #expect(whole.bestEpoch == 4 && whole.stoppedEarly)
        #expect(whole.validLoss.count == 5 && whole.validLoss[0].isNaN && whole.validLoss[4] == 1.7)
        let third = whole.continued(by: earlier)
        #expect(third.earlierRuns == [2, 3] && third.lastRunEpochs == 2 && third.runs == 3)
        // The third run had no validation: its epochs have NaN, so the columns stay in step.
        #expect(third.validLoss.count == 7 && third.validLoss.suffix(2).allSatisfy { $0.isNaN })
        #expect(third.lastValidation?.epoch == 5 && third.lastValidation?.loss == 1.7)
        // Neither run validated: no validation losses at all.
        #expect(earlier.continued(by: earlier).validLoss.isEmpty)
    }

    @Test func theModelFileKeepsEveryRun() throws {
        let (_, _, model) = try Self.twiceTrained()
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.h5").path
        try ModelFile.save(model, to: path)
        let loaded = try #require(try ModelFile.load(path).history)
        let history = try #require(model.history)
        #expect(loaded.earlierRuns == [3] && loaded.trainLoss == history.trainLoss)
        #expect(loaded.validLoss.count == 5 && loaded.validLoss.prefix(3).allSatisfy { $0.isNaN })
        #expect(Array(loaded.validLoss.suffix(2)) == Array(history.validLoss.suffix(2)))

        // More earlier epochs than the history has: refused, naming the attribute.
        let edit = "import h5py, numpy as np, sys\nwith h5py.File(sys.argv[1], 'r+') as f: f.attrs['history_earlier_runs'] = np.array([4, 2], np.int64)"
        let edited = try Tools.run(Tools.systemPython, ["-c", edit, path])
        try #require(edited.status == 0, "\(edited.stderr)")
        let error = try #require(throws: HDF5Error.self) { try ModelFile.load(path) }
        #expect(error.description.contains("attribute 'history_earlier_runs'"))
    }

    /// A run that completed no epoch (stopped in its first) is not counted as a run.
    @Test func aRunWithoutAnEpochIsNotCounted() {
        var trained = TrainingHistory()
        trained.trainLoss = [3, 2]
        var stopped = TrainingHistory()
        stopped.interrupted = true
        stopped.steps = 5
        let whole = trained.continued(by: stopped)
        #expect(whole.runs == 1 && whole.lastRunEpochs == 0 && whole.interrupted)
        #expect(whole.continued(by: trained).earlierRuns == [2] && whole.continued(by: trained).runs == 2)
        #expect(TrainingHistory().continued(by: stopped).runs == 0)
    }

    /// A file of one fit (written before fits were counted, or trained once) has no
    /// history_earlier_runs and reads as one run.
    @Test func aFileOfOneFitReadsAsOneRun() throws {
        let (model, _) = try ModelFileTests.trainedModel()
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("one.h5").path
        try ModelFile.save(model, to: path)
        let check = "import h5py, sys\nwith h5py.File(sys.argv[1], 'r') as f: print('history_earlier_runs' in f.attrs)"
        #expect(try Tools.run(Tools.systemPython, ["-c", check, path]).stdout == "False\n")
        let loaded = try #require(try ModelFile.load(path).history)
        #expect(loaded.runs == 1 && loaded.lastRunEpochs == loaded.epochs)
    }
}
