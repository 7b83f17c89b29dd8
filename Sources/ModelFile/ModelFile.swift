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
/// is never left half overwritten. Loading checks every shape against the layer list, the
/// training attributes against their ranges and the history's series against one another
/// (one value per epoch; `valid_loss` may be absent), and says which dataset or attribute is
/// wrong and how.
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
        if let version = try file.attribute("format_version")?.intValues?.first {
            guard version <= formatVersion else {
                throw fail("model file format version \(version) is newer than this jnb reads (\(formatVersion))")
            }
            guard version >= 1 else { throw fail("attribute 'format_version' is \(version), expected 1 to \(formatVersion)") }
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
        let training = try readConfig(file), history = try readHistory(file)
        if let training, let history, history.lastRunEpochs > training.epochs {
            throw fail("the last fit recorded \(history.lastRunEpochs) epochs in 'history/train_loss', expected at most its \(training.epochs) (attribute 'training_epochs')")
        }
        return Model(network: network, training: training, history: history)
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

    /// An attribute that holds the wrong value: "attribute 'name' is found, expected …".
    private static func attributeError(_ file: H5File, _ name: String, _ found: Any, expected: String) -> HDF5Error {
        HDF5Error(path: file.path, message: "attribute '\(name)' is \(found), expected \(expected)")
    }

    private static func readConfig(_ file: H5File) throws -> TrainingConfig? {
        guard try file.attribute("training_epochs") != nil else { return nil }
        func number(_ name: String, _ expected: String, _ valid: (Double) -> Bool) throws -> Double {
            guard let value = try file.attribute(name)?.doubleValue else {
                throw HDF5Error(path: file.path, message: "attribute '\(name)' is missing or not a number")
            }
            guard valid(value) else { throw attributeError(file, name, value, expected: expected) }
            return value
        }
        func integer(_ name: String, atLeast minimum: Int) throws -> Int {
            guard let value = try file.attribute(name)?.doubleValue, let n = Int(exactly: value) else {
                throw HDF5Error(path: file.path, message: "attribute '\(name)' is missing or not a whole number")
            }
            guard n >= minimum else { throw attributeError(file, name, n, expected: "a whole number ≥ \(minimum)") }
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
            epochs: try integer("training_epochs", atLeast: 1), batchSize: try integer("training_batch_size", atLeast: 1),
            maxLearningRate: try number("training_max_learning_rate", "a finite number > 0") { $0 > 0 && $0.isFinite },
            weightDecay: try number("training_weight_decay", "a finite number ≥ 0") { $0 >= 0 && $0.isFinite },
            schedule: try text("training_schedule", as: Schedule.self), seed: UInt64(bitPattern: seed),
            threads: try integer("training_threads", atLeast: 1), parallelism: try text("training_parallelism", as: Parallelism.self),
            sparseInputBelow: try number("training_sparse_input_below", "a number in 0…1") { (0...1).contains($0) },
            patience: try file.attribute("training_patience") == nil ? nil : try integer("training_patience", atLeast: 1))
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

    /// The history, checked for what training writes: one value per epoch in every series
    /// (validation losses may be absent, or NaN for epochs trained without validation
    /// samples), counts and rates that cannot be negative, flags of 0 or 1.
    private static func readHistory(_ file: H5File) throws -> TrainingHistory? {
        guard try file.attribute("history_steps") != nil else { return nil }
        func integer(_ name: String, in valid: ClosedRange<Int>, _ expected: String) throws -> Int? {
            guard let attribute = try file.attribute(name) else { return nil }
            guard let values = attribute.intValues, values.count == 1, let n = Int(exactly: values[0]) else {
                throw HDF5Error(path: file.path, message: "attribute '\(name)' is not a whole number")
            }
            guard valid.contains(n) else { throw attributeError(file, name, n, expected: expected) }
            return n
        }
        func series(_ name: String, _ expected: String, _ valid: (Double) -> Bool) throws -> [Double] {
            let object = "history/\(name)"
            guard file.contains(object) else { return [] }
            let dataset = try file.dataset(object)
            guard dataset.shape.count == 1 else {
                throw HDF5Error(path: file.path, object: object, message: "shape \(dataset.shape), expected one value per epoch")
            }
            let values = try dataset.read(Double.self)
            if let bad = values.firstIndex(where: { !valid($0) }) {
                throw HDF5Error(path: file.path, object: object, message: "value \(values[bad]) at epoch \(bad + 1), expected \(expected)")
            }
            return values
        }
        var h = TrainingHistory()
        h.trainLoss = try series("train_loss", "a finite loss ≥ 0") { $0 >= 0 && $0.isFinite }
        h.validLoss = try series("valid_loss", "a loss ≥ 0, or NaN for an epoch without validation") { $0.isNaN || $0 >= 0 }
        h.epochSeconds = try series("epoch_seconds", "a finite time ≥ 0") { $0 >= 0 && $0.isFinite }
        let all = 0...Int.max
        h.steps = try integer("history_steps", in: all, "a whole number ≥ 0") ?? 0
        h.plannedSteps = try integer("history_planned_steps", in: h.steps...Int.max,
                                     "a whole number ≥ the \(h.steps) steps taken (history_steps)") ?? h.steps
        let rate = try file.attribute("history_last_learning_rate").map { attribute in
            guard let value = attribute.doubleValue, value >= 0, value.isFinite else {
                throw attributeError(file, "history_last_learning_rate", attribute.doubleValue.map { "\($0)" } ?? "not a number",
                                     expected: "a finite number ≥ 0")
            }
            return value
        }
        h.lastLearningRate = rate ?? 0
        h.stoppedEarly = try integer("history_stopped_early", in: 0...1, "0 or 1") == 1
        h.interrupted = try integer("history_interrupted", in: 0...1, "0 or 1") == 1
        if h.epochs > 0 {
            h.bestEpoch = try integer("history_best_epoch", in: 1...h.epochs, "an epoch of the history, 1…\(h.epochs)")
        } else if try file.attribute("history_best_epoch") != nil {
            throw HDF5Error(path: file.path, message: "attribute 'history_best_epoch' names an epoch, but the history has none")
        }
        if let runs = try file.attribute("history_earlier_runs") {
            guard let epochs = runs.intValues, epochs.allSatisfy({ $0 >= 0 && $0 <= h.epochs }),
                  epochs.reduce(0, +) <= h.epochs else {
                throw HDF5Error(path: file.path, object: nil,
                                message: "attribute 'history_earlier_runs' must list the epochs of the earlier fits, each ≥ 0, together at most the \(h.epochs) epochs of the history")
            }
            h.earlierRuns = epochs.map(Int.init)
        }
        if h.epochSeconds.count != h.epochs {
            throw HDF5Error(path: file.path, object: "history/epoch_seconds",
                            message: "\(h.epochSeconds.count) values, expected one per epoch of 'history/train_loss' (\(h.epochs))")
        }
        // jnb before NaN-padding wrote no validation losses for a last fit without valid=:
        // those files end their validation losses where the last fit began. That is the one
        // shorter column read (padded with NaN, as jnb writes it now); any other is damage.
        let earlierEpochs = h.earlierRuns.reduce(0, +)
        if h.validLoss.count == earlierEpochs, earlierEpochs > 0, earlierEpochs < h.epochs {
            h.validLoss += Array(repeating: .nan, count: h.epochs - earlierEpochs)
        } else if !h.validLoss.isEmpty, h.validLoss.count != h.epochs {
            throw HDF5Error(path: file.path, object: "history/valid_loss",
                            message: "\(h.validLoss.count) values, expected one per epoch of 'history/train_loss' (\(h.epochs)), or none")
        }
        return h
    }
}
