/// Bytes a network, its training and its inference will allocate, worked out from the layer
/// sizes before anything is allocated, so a caller can refuse what the machine cannot hold
/// instead of being killed part-way. Computed in floating point: absurd layer lists give a
/// huge number, not an overflow.
public enum MemoryEstimate {
    static let floatBytes = Double(MemoryLayout<Float>.size)

    /// Weights and biases of a network with these layer sizes.
    public static func parameterCount(layers: [Int]) -> Double {
        zip(layers, layers.dropFirst()).reduce(0) { $0 + Double($1.0) * Double($1.1) + Double($1.1) }
    }

    /// The network's parameters.
    public static func networkBytes(layers: [Int]) -> Double {
        parameterCount(layers: layers) * floatBytes
    }

    /// What `train` holds at once: the parameters seven times (network, working copy, Adam's
    /// two moments, the last good and the best epoch's weights, the result), and a gradient
    /// and the activations of its share of the batch for each part the batch is split into.
    public static func trainingBytes(layers: [Int], config: TrainingConfig) -> Double {
        let parameters = parameterCount(layers: layers)
        let parts = Double(config.parallelism == .splitBatch ? max(1, config.threads) : 1)
        let rows = (Double(config.batchSize) / parts).rounded(.up)
        let widest = Double(layers.max() ?? 1)
        let perRow = Double(layers.reduce(0, +)) + 2 * widest + 2 * Double(layers.first ?? 0)
        return (7 * parameters + parts * (parameters + rows * perRow)) * floatBytes
    }

    /// What `reconstruct` holds: the output rows and a batch's buffers (per thread, but those
    /// are small beside the output; leaving the thread count out keeps the estimate, and the
    /// message that quotes it, the same on every machine).
    public static func inferenceBytes(layers: [Int], samples: Int) -> Double {
        let widest = Double(layers.max() ?? 1)
        let batch = Double(Network.inferenceBatch) * (Double(layers.first ?? 0) * 3 + 2 * widest)
        return (Double(samples) * Double(layers.last ?? 0) + batch) * floatBytes
    }
}
