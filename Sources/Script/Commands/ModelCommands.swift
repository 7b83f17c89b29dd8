/// Commands that build, train and apply autoencoders: autoencoder, fit, reconstruct, loss.
extension CommandTable {
    static let modelCommands: [CommandSpec] = [
        CommandSpec(
            "autoencoder", group: .models,
            summary: "Make a fully-connected autoencoder",
            details: "Layer sizes from input to output; the first and last must be 625 (one per pixel). The activation sits between layers; the output is linear. Returns a model.",
            parameters: [
                .positional("layers", .list(.integer(minimum: 1, maximum: nil)), help: "layer sizes, e.g. [625, 300, 100, 300, 625]"),
                .keyword("activation", .choice(["leakyrelu", "relu", "tanh"]), default: .string("leakyrelu"), help: "activation between layers"),
                .keyword("seed", .integer(minimum: 0, maximum: nil), default: .number(0), help: "random seed for the initial weights"),
            ],
            examples: ["ae = autoencoder [625, 300, 100, 300, 625] activation=\"leakyrelu\""],
            binding: .awaiting(module: "NeuralNet", part: "autoencoders")),
        CommandSpec(
            "fit", group: .models,
            summary: "Train a model to reproduce its input images",
            details: "Adam with decoupled weight decay and a one-cycle learning rate; prints one line per epoch with training and validation loss. Updates the model variable; Ctrl-C stops after the current batch and keeps the weights and history so far.",
            parameters: [
                .positional("model", .any, help: "the autoencoder to train (updated in place)"),
                .positional("data", .jets, help: "training jets"),
                .keyword("valid", .jets, help: "validation jets, evaluated after each epoch"),
                .keyword("epochs", .integer(minimum: 1, maximum: nil), default: .number(30), help: "passes over the training jets"),
                .keyword("batch", .integer(minimum: 1, maximum: nil), default: .number(256), help: "jets per step"),
                .keyword("lr", .numberAbove(0, strict: true), default: .number(1e-3), help: "maximum learning rate of the one-cycle schedule"),
                .keyword("wd", .numberAbove(0, strict: false), default: .number(1e-6), help: "decoupled weight decay (not on biases)"),
                .keyword("seed", .integer(minimum: 0, maximum: nil), default: .number(0), help: "random seed for the batch order"),
            ],
            examples: ["fit ae parts.train valid=parts.valid epochs=30 batch=256 lr=1e-3 wd=1e-6"],
            binding: .awaiting(module: "NeuralNet", part: "training")),
        CommandSpec(
            "reconstruct", group: .models,
            summary: "Pass jets through a model: the output images as a jet set",
            details: "The result keeps the jet variables and labels of the input; only the images are the model's output.",
            parameters: [
                .positional("model", .any, help: "a trained autoencoder"),
                .positional("jets", .jets, help: "the jets to reconstruct"),
            ],
            examples: ["out = reconstruct ae parts.valid"],
            binding: .awaiting(module: "NeuralNet", part: "autoencoders")),
        CommandSpec(
            "loss", group: .models,
            summary: "Per-image reconstruction loss: mean over the 625 pixels of (output − input)²",
            parameters: [
                .positional("model", .any, help: "a trained autoencoder"),
                .positional("jets", .jets, help: "the jets to score"),
            ],
            examples: ["l = loss ae bg", "print l.mean"],
            binding: .awaiting(module: "NeuralNet", part: "autoencoders")),
    ]
}
