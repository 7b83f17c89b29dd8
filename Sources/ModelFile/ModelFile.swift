import HDF5
import NeuralNet

/// Model files: a trained network in HDF5, readable by h5py and anything else.
///
/// Layout (layer l counts from 0):
/// - `layers/<l>/weight`: float32 (out, in), PyTorch's `nn.Linear.weight` layout;
///   `layers/<l>/bias`: float32 (out).
/// - Root attributes: `format` = "jnb-model", `format_version`, `layers` (the sizes),
///   `activation` ("leakyrelu", "relu", "tanh" or "linear"; the output layer is linear).
/// - After training: `training_*` attributes (the configuration), `history/train_loss`,
///   `history/valid_loss`, `history/epoch_seconds` (float64, one value per epoch) and
///   `history_*` attributes (steps, learning rate, early stopping, interruption, and for a
///   model trained by several fits `history_earlier_runs`, the epochs of each fit before the
///   last; files without it hold one fit).
///
/// Files are written atomically (a temporary file renamed into place), so an existing model
/// is never left half overwritten. Loading checks every shape against the layer list and says
/// which dataset is wrong and how.
public enum ModelFile {
    public static let format = "jnb-model"
    public static let formatVersion: Int64 = 1

    public static func save(_ model: Model, to path: String) throws {
        let network = model.network
        try H5File.writeAtomically(path) { file in
            try file.setAttribute("format", .string(format))
            try file.setAttribute("format_version", .int(formatVersion))
            try file.setAttribute("layers", .ints(network.layers.map(Int64.init)))
            try file.setAttribute("activation", .string(network.activation.rawValue))
            for l in 0..<network.depth {
                try file.write(network.weight(l), to: "layers/\(l)/weight", shape: [network.layers[l + 1], network.layers[l]])
                try file.write(network.bias(l), to: "layers/\(l)/bias")
            }
            if let config = model.training { try writeConfig(config, to: file) }
            if let history = model.history { try writeHistory(history, to: file) }
        }
    }

    public static func load(_ path: String) throws -> Model {
        let file = try H5File.open(path)
        func fail(_ message: String, _ object: String? = nil) -> HDF5Error {
            HDF5Error(path: path, object: object, message: message)
        }
        guard try file.attribute("format")?.stringValue == format else {
            throw fail("not a jnb model file (no attribute format = \"\(format)\")")
        }
        if let version = try file.attribute("format_version")?.intValues?.first, version > formatVersion {
            throw fail("model file format version \(version) is newer than this jnb reads (\(formatVersion))")
        }
        guard let layers = try file.attribute("layers")?.intValues?.map(Int.init) else {
            throw fail("attribute 'layers' (the layer sizes) is missing or not a list of integers")
        }
        guard let name = try file.attribute("activation")?.stringValue else {
            throw fail("attribute 'activation' is missing or not a string")
        }
        guard let activation = Activation(rawValue: name) else {
            let known = Activation.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("attribute 'activation' is '\(name)', expected one of \(known)")
        }
        guard layers.count >= 2, layers.allSatisfy({ $0 >= 1 }) else {
            throw fail("attribute 'layers' is \(layers), expected at least 2 sizes, each ≥ 1")
        }
        var weights: [[Float]] = [], biases: [[Float]] = []
        for l in 0..<layers.count - 1 {
            let (n, m) = (layers[l], layers[l + 1])
            weights.append(try read(file, "layers/\(l)/weight", shape: [m, n], what: "weights of layer \(l) (\(n) → \(m))"))
            biases.append(try read(file, "layers/\(l)/bias", shape: [m], what: "biases of layer \(l)"))
        }
        let network: Network
        do {
            network = try Network(layers: layers, activation: activation, weights: weights, biases: biases)
        } catch {
            throw fail(error.description)
        }
        return Model(network: network, training: try readConfig(file), history: try readHistory(file))
    }

    /// A float dataset of exactly `shape`, with finite values.
    private static func read(_ file: H5File, _ name: String, shape: [Int], what: String) throws -> [Float] {
        guard file.contains(name) else {
            throw HDF5Error(path: file.path, object: name, message: "missing (\(what), shape \(shape))")
        }
        let dataset = try file.dataset(name)
        guard dataset.shape == shape else {
            throw HDF5Error(path: file.path, object: name,
                            message: "shape \(dataset.shape), expected \(shape) for the \(what) of this layer list")
        }
        let values = try dataset.read(Float.self)
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw HDF5Error(path: file.path, object: name, message: "value \(values[bad]) at index \(bad); weights must be finite")
        }
        return values
    }

    private static func writeConfig(_ c: TrainingConfig, to file: H5File) throws {
        try file.setAttribute("training_epochs", .int(Int64(c.epochs)))
        try file.setAttribute("training_batch_size", .int(Int64(c.batchSize)))
        try file.setAttribute("training_max_learning_rate", .double(c.maxLearningRate))
        try file.setAttribute("training_weight_decay", .double(c.weightDecay))
        try file.setAttribute("training_schedule", .string(c.schedule.rawValue))
        try file.setAttribute("training_seed", .int(Int64(bitPattern: c.seed)))
        try file.setAttribute("training_threads", .int(Int64(c.threads)))
        try file.setAttribute("training_parallelism", .string(c.parallelism.rawValue))
        try file.setAttribute("training_sparse_input_below", .double(c.sparseInputBelow))
        if let patience = c.patience { try file.setAttribute("training_patience", .int(Int64(patience))) }
    }

    private static func readConfig(_ file: H5File) throws -> TrainingConfig? {
        guard let epochs = try file.attribute("training_epochs")?.intValues?.first else { return nil }
        func number(_ name: String) throws -> Double {
            guard let value = try file.attribute(name)?.doubleValue else {
                throw HDF5Error(path: file.path, message: "attribute '\(name)' is missing or not a number")
            }
            return value
        }
        func integer(_ name: String) throws -> Int {
            guard let value = try file.attribute(name)?.doubleValue, let n = Int(exactly: value) else {
                throw HDF5Error(path: file.path, message: "attribute '\(name)' is missing or not a whole number")
            }
            return n
        }
        func text<T: RawRepresentable>(_ name: String, as type: T.Type) throws -> T where T.RawValue == String {
            guard let raw = try file.attribute(name)?.stringValue, let value = T(rawValue: raw) else {
                throw HDF5Error(path: file.path, message: "attribute '\(name)' is missing or not a known value")
            }
            return value
        }
        let seed = try file.attribute("training_seed")?.intValues?.first ?? 0
        return TrainingConfig(
            epochs: Int(epochs), batchSize: try integer("training_batch_size"),
            maxLearningRate: try number("training_max_learning_rate"), weightDecay: try number("training_weight_decay"),
            schedule: try text("training_schedule", as: Schedule.self), seed: UInt64(bitPattern: seed),
            threads: try integer("training_threads"), parallelism: try text("training_parallelism", as: Parallelism.self),
            sparseInputBelow: try number("training_sparse_input_below"),
            patience: try file.attribute("training_patience")?.intValues?.first.map(Int.init))
    }

    private static func writeHistory(_ h: TrainingHistory, to file: H5File) throws {
        for (name, values) in [("train_loss", h.trainLoss), ("valid_loss", h.validLoss), ("epoch_seconds", h.epochSeconds)]
        where !values.isEmpty {
            try file.write(values, to: "history/\(name)")
        }
        try file.setAttribute("history_steps", .int(Int64(h.steps)))
        try file.setAttribute("history_planned_steps", .int(Int64(h.plannedSteps)))
        try file.setAttribute("history_last_learning_rate", .double(h.lastLearningRate))
        try file.setAttribute("history_stopped_early", .int(h.stoppedEarly ? 1 : 0))
        try file.setAttribute("history_interrupted", .int(h.interrupted ? 1 : 0))
        if let best = h.bestEpoch { try file.setAttribute("history_best_epoch", .int(Int64(best))) }
        if !h.earlierRuns.isEmpty { try file.setAttribute("history_earlier_runs", .ints(h.earlierRuns.map(Int64.init))) }
    }

    private static func readHistory(_ file: H5File) throws -> TrainingHistory? {
        guard let steps = try file.attribute("history_steps")?.intValues?.first else { return nil }
        func series(_ name: String) throws -> [Double] {
            file.contains("history/\(name)") ? try file.dataset("history/\(name)").read(Double.self) : []
        }
        func int(_ name: String) throws -> Int? { try file.attribute(name)?.intValues?.first.map(Int.init) }
        var h = TrainingHistory()
        h.trainLoss = try series("train_loss")
        h.validLoss = try series("valid_loss")
        h.epochSeconds = try series("epoch_seconds")
        h.steps = Int(steps)
        h.plannedSteps = try int("history_planned_steps") ?? 0
        h.lastLearningRate = try file.attribute("history_last_learning_rate")?.doubleValue ?? 0
        h.stoppedEarly = try int("history_stopped_early") == 1
        h.interrupted = try int("history_interrupted") == 1
        h.bestEpoch = try int("history_best_epoch")
        if let runs = try file.attribute("history_earlier_runs") {
            guard let epochs = runs.intValues, epochs.allSatisfy({ $0 >= 0 && $0 <= h.epochs }),
                  epochs.reduce(0, +) <= h.epochs else {
                throw HDF5Error(path: file.path, object: nil,
                                message: "attribute 'history_earlier_runs' must list the epochs of the earlier fits, each ≥ 0, together at most the \(h.epochs) epochs of the history")
            }
            h.earlierRuns = epochs.map(Int.init)
        }
        return h
    }
}
