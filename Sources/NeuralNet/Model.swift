/// A network with how it was last trained: what a model file holds.
public struct Model: Sendable {
    public var network: Network
    /// The configuration and history of the last `train` call, if any.
    public var training: TrainingConfig?
    public var history: TrainingHistory?

    public init(network: Network, training: TrainingConfig? = nil, history: TrainingHistory? = nil) {
        self.network = network
        self.training = training
        self.history = history
    }

    /// Trains the network (see `Network.train`) and records the configuration and history.
    /// When training diverges, the history up to that point is recorded before the error is thrown.
    public mutating func train(_ data: Samples, validation: Samples? = nil, config: TrainingConfig,
                               progress: ((TrainingProgress) -> TrainingDecision)? = nil) throws(NeuralNetError) -> TrainingHistory {
        do {
            let history = try network.train(data, validation: validation, config: config, progress: progress)
            training = config
            self.history = history
            return history
        } catch {
            if case let .diverged(_, _, _, partial) = error {
                training = config
                history = partial
            }
            throw error
        }
    }
}
