/// A network with how it was trained: what a model file holds.
public struct Model: Sendable {
    public var network: Network
    /// The configuration of the last `train` call, if any.
    public var training: TrainingConfig?
    /// The history of every `train` call, each continuing the one before.
    public var history: TrainingHistory?

    /// At least one epoch completed. A fit stopped in its first epoch moved the weights, but
    /// the model is still untrained: no epoch has a loss.
    public var isTrained: Bool { (history?.epochs ?? 0) > 0 }

    public init(network: Network, training: TrainingConfig? = nil, history: TrainingHistory? = nil) {
        self.network = network
        self.training = training
        self.history = history
    }

    /// Trains the network (see `Network.train`), records the configuration and continues the
    /// history; returns this run's history. When training diverges, the history up to that
    /// point is recorded before the error is thrown.
    public mutating func train(_ data: Samples, validation: Samples? = nil, config: TrainingConfig,
                               progress: ((TrainingProgress) -> TrainingDecision)? = nil) throws(NeuralNetError) -> TrainingHistory {
        do {
            let history = try network.train(data, validation: validation, config: config, progress: progress)
            training = config
            self.history = self.history.map { $0.continued(by: history) } ?? history
            return history
        } catch {
            if case let .diverged(_, _, _, partial) = error {
                training = config
                history = history.map { $0.continued(by: partial) } ?? partial
            }
            throw error
        }
    }
}
