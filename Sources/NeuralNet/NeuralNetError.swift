/// Everything NeuralNet refuses, each with a one-line description that says what was expected.
public enum NeuralNetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A layer list that cannot make a network (too short, a size < 1).
    case layers(String)
    /// A setting out of range: name, the rule, the value given.
    case setting(name: String, expected: String, found: String)
    /// Data whose shape does not fit: what, expected, found.
    case shape(what: String, expected: String, found: String)
    /// Training produced a NaN or infinite loss; the network was reset to the last good weights.
    case diverged(epoch: Int, batch: Int, keptWeightsOf: String, history: TrainingHistory)
    /// Inference was stopped by its stop request (Ctrl-C) before every sample was done.
    case interrupted

    public var description: String {
        switch self {
        case .layers(let why):
            return "layer list: \(why)"
        case let .setting(name, expected, found):
            return "\(name) must be \(expected), got \(found)"
        case let .shape(what, expected, found):
            return "\(what): expected \(expected), found \(found)"
        case let .diverged(epoch, batch, kept, _):
            return "training diverged: the loss became NaN or infinite at epoch \(epoch), batch \(batch); kept the weights of \(kept)"
        case .interrupted:
            return "interrupted"
        }
    }
}
