import Foundation
import HDF5
import ModelFile
import NeuralNet
import Testing
import TestSupport

/// Model files whose training record cannot come from training (history series of different
/// lengths, negative counts and rates) are refused on load, naming the file, the dataset or
/// attribute and what was expected; every file jnb writes still loads.
@Suite struct ModelFileHistoryTests {
    /// A model trained by `fits` (with or without validation samples), saved to `path`.
    static func saved(_ path: String, fits: [Bool]) throws -> Model {
        let data = try Reference.lowRank(count: 300, width: 30, rank: 3, seed: 4)
        let train = try Samples(values: data.values, width: 30, rows: Array(0..<200))
        let valid = try Samples(values: data.values, width: 30, rows: Array(200..<300))
        var model = Model(network: try Network(layers: [30, 12, 5, 12, 30], activation: .tanh, seed: 8))
        for withValidation in fits {
            _ = try model.train(train, validation: withValidation ? valid : nil, config: TrainingConfig(epochs: 3, batchSize: 40, seed: 77))
        }
        try ModelFile.save(model, to: path)
        return model
    }

    /// Runs `edit`, Python with `f` the open file (h5py) and numpy as `np`.
    static func edit(_ path: String, _ edit: String) throws {
        let script = "import h5py, numpy as np, sys\nwith h5py.File(sys.argv[1], 'r+') as f:\n    " + edit
        let result = try Tools.run(Tools.systemPython, ["-c", script, path])
        try #require(result.status == 0, "\(result.stderr)")
    }

    static func replace(_ dataset: String, _ values: String) -> String {
        "del f['\(dataset)']; f['\(dataset)'] = np.array(\(values), dtype=np.float64)"
    }

    /// (edit, the message after "PATH: ").
    static let damaged: [(String, String)] = [
        (replace("history/valid_loss", "[0.5] * 2"),
         "dataset 'history/valid_loss': 2 values, expected one per epoch of 'history/train_loss' (3), or none"),
        (replace("history/valid_loss", "[0.5] * 4"),
         "dataset 'history/valid_loss': 4 values, expected one per epoch of 'history/train_loss' (3), or none"),
        (replace("history/epoch_seconds", "[0.1] * 5"),
         "dataset 'history/epoch_seconds': 5 values, expected one per epoch of 'history/train_loss' (3)"),
        (replace("history/train_loss", "[0.5, -0.1, 0.2]"),
         "dataset 'history/train_loss': value -0.1 at epoch 2, expected a finite loss ≥ 0"),
        (replace("history/valid_loss", "[0.5, 0.4, -1]"),
         "dataset 'history/valid_loss': value -1.0 at epoch 3, expected a loss ≥ 0, or NaN for an epoch without validation"),
        (replace("history/epoch_seconds", "[0.1, np.inf, 0.1]"),
         "dataset 'history/epoch_seconds': value inf at epoch 2, expected a finite time ≥ 0"),
        ("f.attrs['training_epochs'] = np.int64(-3)", "attribute 'training_epochs' is -3, expected a whole number ≥ 1"),
        ("f.attrs['training_batch_size'] = np.int64(0)", "attribute 'training_batch_size' is 0, expected a whole number ≥ 1"),
        ("f.attrs['training_threads'] = np.int64(-1)", "attribute 'training_threads' is -1, expected a whole number ≥ 1"),
        ("f.attrs['training_patience'] = np.int64(0)", "attribute 'training_patience' is 0, expected a whole number ≥ 1"),
        ("f.attrs['training_max_learning_rate'] = -0.001",
         "attribute 'training_max_learning_rate' is -0.001, expected a finite number > 0"),
        ("f.attrs['training_weight_decay'] = np.nan", "attribute 'training_weight_decay' is nan, expected a finite number ≥ 0"),
        ("f.attrs['training_sparse_input_below'] = 2.0", "attribute 'training_sparse_input_below' is 2.0, expected a number in 0…1"),
        ("f.attrs['history_steps'] = np.int64(-5)", "attribute 'history_steps' is -5, expected a whole number ≥ 0"),
        ("f.attrs['history_planned_steps'] = np.int64(2)",
         "attribute 'history_planned_steps' is 2, expected a whole number ≥ the 15 steps taken (history_steps)"),
        ("f.attrs['history_last_learning_rate'] = -1e-4",
         "attribute 'history_last_learning_rate' is -0.0001, expected a finite number ≥ 0"),
        ("f.attrs['history_interrupted'] = np.int64(7)", "attribute 'history_interrupted' is 7, expected 0 or 1"),
        ("f.attrs['history_best_epoch'] = np.int64(9)", "attribute 'history_best_epoch' is 9, expected an epoch of the history, 1…3"),
        ("f.attrs['training_epochs'] = np.int64(2)",
         "the last fit recorded 3 epochs in 'history/train_loss', expected at most its 2 (attribute 'training_epochs')"),
        ("f.attrs['format_version'] = np.int64(-1)", "attribute 'format_version' is -1, expected 1 to 1"),
        ("f.attrs['layers'] = np.array([30, 0, 5, 12, 30], dtype=np.int64)",
         "attribute 'layers' is [30, 0, 5, 12, 30], expected at least 2 sizes, each ≥ 1"),
    ]

    @Test(arguments: damaged.indices)
    func damagedRecordsAreRefused(_ index: Int) throws {
        let (edit, message) = Self.damaged[index]
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.h5").path
        _ = try Self.saved(path, fits: [true])
        try Self.edit(path, edit)
        let error = try #require(throws: HDF5Error.self) { try ModelFile.load(path) }
        #expect(error.description == "\(path): \(message)")
    }

    /// Without validation samples there is no valid_loss; with them in one fit of two, the
    /// other fit's epochs are NaN. Both load as written.
    @Test(arguments: [[false], [false, false], [true, false], [false, true]])
    func filesJnbWritesLoad(_ fits: [Bool]) throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.h5").path
        let model = try Self.saved(path, fits: fits)
        let history = try #require(try ModelFile.load(path).history)
        let written = try #require(model.history)
        #expect(history.trainLoss == written.trainLoss)
        #expect(history.validLoss.count == written.validLoss.count)
        #expect(zip(history.validLoss, written.validLoss).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(history.validLoss.isEmpty == !fits.contains(true))
    }

    /// jnb before NaN padding wrote no validation losses for a last fit without valid=: the
    /// column ends where that fit began. It loads, padded with NaN as jnb writes it now.
    @Test func anOlderShortValidationColumnIsPadded() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.h5").path
        let model = try Self.saved(path, fits: [true, false])
        try Self.edit(path, "v = f['history/valid_loss'][:3]; " + Self.replace("history/valid_loss", "v"))
        let history = try #require(try ModelFile.load(path).history)
        let written = try #require(model.history)
        #expect(history.validLoss.count == 6)
        #expect(Array(history.validLoss[0..<3]) == Array(written.validLoss[0..<3]))
        #expect(history.validLoss[3...].allSatisfy { $0.isNaN })
        // Shorter by any other count is damage.
        try Self.edit(path, "v = f['history/valid_loss'][:2]; " + Self.replace("history/valid_loss", "v"))
        let error = try #require(throws: HDF5Error.self) { try ModelFile.load(path) }
        #expect(error.description == "\(path): dataset 'history/valid_loss': 2 values, expected one per epoch of 'history/train_loss' (6), or none")
    }

    /// A validation column all NaN (a file made elsewhere for fits without validation) loads.
    @Test func anAllNaNValidationColumnLoads() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.h5").path
        _ = try Self.saved(path, fits: [false])
        try Self.edit(path, "f['history/valid_loss'] = np.full(3, np.nan)")
        let history = try #require(try ModelFile.load(path).history)
        #expect(history.validLoss.count == 3 && history.validLoss.allSatisfy { $0.isNaN })
        #expect(history.lastValidation == nil)
    }
}
