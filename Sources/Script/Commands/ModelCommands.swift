import Analysis
import Foundation
import JetData
import NeuralNet

/// Commands that build, train and apply autoencoders: autoencoder, fit, reconstruct, loss, blas.
extension CommandTable {
    static let modelCommands: [CommandSpec] = [
        CommandSpec(
            "autoencoder", group: .models,
            summary: "Make a fully-connected autoencoder",
            details: "Layer sizes from input to output; the first and last must be 625 (one per pixel). The activation sits between layers (also on the latent before the decoder, as in the thesis); the output is linear. Weights start as PyTorch's default, drawn from the seed. Returns a model.",
            parameters: [
                .positional("layers", .list(.integer(minimum: 1, maximum: nil)), help: "layer sizes, e.g. [625, 300, 100, 300, 625]"),
                .keyword("activation", .choice(Activation.allCases.map(\.rawValue)), default: .string(Activation.leakyReLU.rawValue),
                         help: "activation between layers"),
                .keyword("seed", .integer(minimum: 0, maximum: nil), default: .number(0), help: "random seed for the initial weights"),
            ],
            examples: ["ae = autoencoder [625, 300, 100, 300, 625] activation=\"leakyrelu\""],
            result: .value(.model),
            run: autoencoder),
        CommandSpec(
            "fit", group: .models,
            summary: "Train a model to reproduce its input images",
            details: "Adam with decoupled weight decay and fastai's one-cycle learning rate; prints one line per epoch with training and validation loss (GeV² per pixel) and time. The model variable is updated and the trained model returned. Fitting a trained model again goes on from its weights with a new schedule, and its history goes on too: the new epochs are numbered on, and the model shows how many epochs and fits it has had. Ctrl-C stops after the current batch and keeps the weights and history so far (a fit stopped before its first epoch ended completes no epoch and is not counted as a fit; a model without a completed epoch is untrained); a loss that becomes NaN stops training with the weights of the last good epoch.",
            parameters: [
                .positional("model", .any, help: "the autoencoder to train (updated in place)"),
                .positional("data", .jets, help: "training jets"),
                .keyword("valid", .jets, help: "validation jets, evaluated after each epoch"),
                .keyword("epochs", .integer(minimum: 1, maximum: nil), default: .number(30), help: "passes over the training jets"),
                .keyword("batch", .integer(minimum: 1, maximum: nil),
                         help: "jets per step (default: \(defaultBatch), or all the training jets when fewer)"),
                .keyword("lr", .numberAbove(0, strict: true), default: .number(1e-3), help: "maximum learning rate of the schedule"),
                .keyword("wd", .numberAbove(0, strict: false), default: .number(1e-6), help: "decoupled weight decay (not on biases)"),
                .keyword("seed", .integer(minimum: 0, maximum: nil), default: .number(0), help: "random seed for the batch order"),
                .keyword("schedule", .choice(Schedule.allCases.map(\.rawValue)), default: .string(Schedule.oneCycle.rawValue),
                         help: "learning-rate schedule"),
                .keyword("patience", .integer(minimum: 1, maximum: nil), help: "stop when the validation loss has not improved for this many epochs (keeps the best weights)"),
                .keyword("threads", .integer(minimum: 1, maximum: 256), help: "cores to use (default: every core)"),
            ],
            examples: ["fit ae parts.train valid=parts.valid epochs=30 batch=256 lr=1e-3 wd=1e-6"],
            result: .value(.model),
            run: fit),
        CommandSpec(
            "reconstruct", group: .models,
            summary: "Pass jets through a model: the output images as a jet set",
            details: "The result keeps the jet variables and labels of the input; only the images are the model's output.",
            parameters: [
                .positional("model", .any, help: "a trained autoencoder"),
                .positional("jets", .jets, help: "the jets to reconstruct"),
            ],
            examples: ["out = reconstruct ae parts.valid"],
            result: .value(.jets),
            run: reconstruct),
        CommandSpec(
            "loss", group: .models,
            summary: "Per-image reconstruction loss: mean over the 625 pixels of (output − input)²",
            details: "A model without a completed epoch is scored too (its random weights are a baseline), with a warning that it is untrained; so are reconstruct and the model's losses in roc, confusion and scan.",
            parameters: [
                .positional("model", .any, help: "a trained autoencoder"),
                .positional("jets", .jets, help: "the jets to score"),
            ],
            examples: ["l = loss ae bg", "print l.mean"],
            result: .value(.column),
            run: { invocation in
                let model = try model(invocation, "model")
                warnIfUntrained(model, invocation)
                return .column(Column(name: "loss", floats: try losses(model, try invocation.jets("jets"), invocation), unit: "GeV² per pixel"))
            }),
        CommandSpec(
            "blas", group: .models,
            summary: "Which BLAS library and CPU kernels training uses",
            result: .nothing, run: { invocation in
                invocation.print(BLAS.status.description + "; \(BLAS.threads) thread\(BLAS.threads == 1 ? "" : "s") per product")
                return .nothing
            }),
    ]

    /// fit's batch when batch= is not given and the training set is larger (as Keras, a
    /// smaller set is one batch).
    static let defaultBatch = TrainingConfig().batchSize

    /// The model argument `name`, checked to fit jet images.
    static func model(_ invocation: Invocation, _ name: String) throws(ScriptError) -> Model {
        guard case .model(let value)? = invocation.value(name) else {
            throw invocation.failure("expected a model (made by autoencoder or load), got \(invocation.value(name)?.typeWithArticle ?? "nothing")",
                                     argument: name)
        }
        let network = value.model.network
        guard network.inputWidth == JetImage.pixels, network.outputWidth == JetImage.pixels else {
            throw invocation.failure("the model maps \(network.inputWidth) to \(network.outputWidth) values; jet images have \(JetImage.pixels) pixels",
                                     argument: name)
        }
        return value.model
    }

    /// The images of `set` as samples, without copying them.
    static func samples(_ set: JetSet) throws -> Samples {
        try Samples(values: set.columns.images, width: JetImage.pixels, rows: set.rows)
    }

    /// Scoring or reconstructing with a model that has not completed an epoch is a legitimate
    /// baseline, but more often a forgotten `fit`: a warning, once per command, not a refusal.
    static func warnIfUntrained(_ model: Model, _ invocation: Invocation, argument: String = "model") {
        guard !model.isTrained else { return }
        let name = invocation.variableName(argument).map { "model \($0)" } ?? "the model"
        let stopped = model.history == nil ? "" : "; its fit was stopped before its first epoch ended"
        invocation.output.warn("\(invocation.spec.name): \(name) is untrained (random weights\(stopped)): a baseline, not a trained model's result")
    }

    /// The per-image losses; Ctrl-C stops them between batches.
    static func losses(_ model: Model, _ set: JetSet, _ invocation: Invocation) throws -> [Float] {
        let interruption = invocation.interruption
        return try model.network.perSampleLoss(try samples(set), threads: ProcessInfo.processInfo.activeProcessorCount,
                                               shouldStop: { interruption.isRequested })
    }

    private static func autoencoder(_ invocation: Invocation) throws -> Value {
        let layers = try invocation.list("layers").compactMap { value -> Int? in
            if case .number(let x) = value { return Int(x) }
            return nil
        }
        guard layers.count >= 2 else {
            throw invocation.failure("give at least two layer sizes, e.g. [625, 100, 625]", argument: "layers")
        }
        guard layers.first == JetImage.pixels, layers.last == JetImage.pixels else {
            throw invocation.failure("the first and last layers must have \(JetImage.pixels) units (one per pixel), got \(layers.map(String.init).joined(separator: "-"))",
                                     argument: "layers")
        }
        let seed = try invocation.integer("seed")
        let activation = Activation(rawValue: try invocation.string("activation")) ?? .leakyReLU
        try MemoryCheck.require(MemoryEstimate.networkBytes(layers: layers),
                                for: "an autoencoder of \(Format.count(Int(min(MemoryEstimate.parameterCount(layers: layers), 9e18)))) parameters",
                                suggestion: "use narrower layers", invocation)
        let network = try Network(layers: layers, activation: activation, seed: UInt64(seed))
        return .model(ModelValue(model: Model(network: network), origin: "autoencoder seed=\(seed)"))
    }

    private static func fit(_ invocation: Invocation) throws -> Value {
        var model = try model(invocation, "model")
        guard case .model(let given)? = invocation.value("model") else { return .nothing }
        let data = try invocation.jets("data")
        let valid = invocation.value("valid").flatMap { if case .jets(let set) = $0 { set } else { nil } }
        guard data.count > 0 else {
            throw invocation.failure("the training set is empty (0 jets)", argument: "data")
        }
        // An empty validation set gives a NaN loss every epoch, which early stopping never acts on.
        if let valid, valid.count == 0 {
            throw invocation.failure("the validation set is empty (0 jets)", argument: "valid")
        }
        let epochs = try invocation.integer("epochs")
        let batch = try invocation.optionalNumber("batch").map { Int($0) } ?? min(defaultBatch, data.count)
        guard batch <= data.count else {
            throw invocation.failure("batch \(batch) is larger than the \(Format.count(data.count)) training jets; give batch= at most \(data.count)",
                                     argument: "batch")
        }
        let config = TrainingConfig(
            epochs: epochs, batchSize: batch, maxLearningRate: try invocation.number("lr"), weightDecay: try invocation.number("wd"),
            schedule: Schedule(rawValue: try invocation.string("schedule")) ?? .oneCycle, seed: UInt64(try invocation.integer("seed")),
            threads: try invocation.optionalNumber("threads").map { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount,
            patience: try invocation.optionalNumber("patience").map { Int($0) })
        try MemoryCheck.require(MemoryEstimate.trainingBytes(layers: model.network.layers, config: config),
                                for: "training with batch \(batch)",
                                suggestion: "use a smaller batch or narrower layers", invocation)
        let bar = invocation.progress("fit", total: epochs * data.count, unit: "jets")
        defer { bar.finish() }
        let epochWidth = String(epochs).count
        // Time per epoch from the elapsed time the callback reports (the model itself is
        // being trained and cannot be read inside the callback).
        var elapsedAtLastEpoch = 0.0
        var failure: ScriptError?
        do {
            _ = try model.train(try samples(data), validation: try valid.map(samples), config: config) { progress in
                switch progress.event {
                case .batch:
                    let done = (progress.epoch - 1) * data.count + min(progress.batch * batch, data.count)
                    bar.update(done, suffix: "epoch \(progress.epoch)/\(progress.epochs) loss \(Format.number(progress.trainLoss))")
                case .epoch:
                    var line = "epoch \(String(repeating: " ", count: epochWidth - String(progress.epoch).count))\(progress.epoch)/\(progress.epochs)"
                        + "  train \(NumberFormat.loss(progress.trainLoss))"
                    if let validLoss = progress.validLoss { line += "  valid \(NumberFormat.loss(validLoss))" }
                    invocation.print(line + "  " + NumberFormat.duration(progress.secondsElapsed - elapsedAtLastEpoch))
                    elapsedAtLastEpoch = progress.secondsElapsed
                }
                return invocation.interruption.isRequested ? .stop : .proceed
            }
        } catch let error as NeuralNetError {
            guard case .diverged = error else { throw error }
            failure = ScriptError(.runtime, "fit: \(error.description)")
        }
        let trained = ModelValue(model: model, origin: given.origin)
        invocation.update("model", to: .model(trained))
        // A model that is not a variable (`fit l[0] …`) has nothing to update: say where the
        // trained one is, or it is silently lost.
        if invocation.variableName("model") == nil {
            invocation.print("note: the model given is not a variable, so only fit's value holds the trained model: assign it, as in m = fit …")
        }
        if let history = model.history, history.interrupted {
            let keeper = invocation.variableName("model") ?? "the model"
            let done = history.lastRunEpochs
            let kept: String
            if done > 0 {
                kept = "\(keeper) keeps the weights and the history of \(Format.count(done, "epoch"))\(history.earlierRuns.isEmpty ? "" : " of this fit")"
            } else if history.epochs == 0 {
                kept = "before its first epoch ended; \(keeper) keeps the weights after \(Format.count(history.steps, "step")), but is still untrained (no completed epoch)"
            } else {
                kept = "before its first epoch ended; \(keeper) keeps its history of \(Format.count(history.epochs, "epoch")) and the weights after \(Format.count(history.steps, "more step"))"
            }
            failure = ScriptError(.interrupted, "fit: stopped by Ctrl-C in epoch \(done + 1) of \(epochs)\(done > 0 ? ";" : ",") \(kept)")
        }
        if let failure { invocation.finishWithError(failure) }
        return .model(trained)
    }

    private static func reconstruct(_ invocation: Invocation) throws -> Value {
        let model = try model(invocation, "model")
        let set = try invocation.jets("jets")
        warnIfUntrained(model, invocation)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        try MemoryCheck.require(MemoryEstimate.inferenceBytes(layers: model.network.layers, samples: set.count),
                                for: "reconstructing \(Format.count(set.count)) jets",
                                suggestion: "reconstruct part of them, e.g. reconstruct \(invocation.variableName("jets") ?? "JETS")[0:\(max(1, set.count / 4))]",
                                invocation)
        let interruption = invocation.interruption
        let output = try model.network.reconstruct(try samples(set), threads: threads, shouldStop: { interruption.isRequested })
        return .jets(try set.replacingImages(output, origin: "reconstruct of \(set.origin)"))
    }
}
