import Foundation
import JetData

/// What `simulateJets` makes: how many jets, from which seed, which share of them W jets,
/// on how many threads, with which physics.
public struct SimulationSettings: Sendable, Equatable {
    /// Accepted jets to return.
    public var count: Int
    public var seed: UInt64
    /// Share of W (signal) jets; exactly round(count × signalFraction) of them, in an order
    /// fixed by the seed.
    public var signalFraction: Double
    /// Worker threads (1 … 64). The jets do not depend on it.
    public var threads: Int
    public var physics: PhysicsParameters

    public init(count: Int, seed: UInt64, signalFraction: Double = 0.5, threads: Int = 1,
                physics: PhysicsParameters = PhysicsParameters()) {
        self.count = count
        self.seed = seed
        self.signalFraction = signalFraction
        self.threads = threads
        self.physics = physics
    }

    /// Throws a one-line error naming the first argument out of range.
    public func validate() throws(JetDataError) {
        guard count >= 0 else {
            throw JetDataError.invalidArgument("simulate: n must be zero or positive, got \(count)")
        }
        guard signalFraction.isFinite, (0...1).contains(signalFraction) else {
            throw JetDataError.invalidArgument("simulate: signal_fraction must lie in [0, 1], got \(signalFraction)")
        }
        guard (1...64).contains(threads) else {
            throw JetDataError.invalidArgument("simulate: threads must lie in 1…64, got \(threads)")
        }
        try physics.validate()
    }

    /// How many W jets come out.
    public var signalCount: Int { Int((Double(count) * signalFraction).rounded()) }

    /// The set's origin line, e.g. "simulate n=1000 seed=1 signal_fraction=0.5".
    public var origin: String {
        var text = "simulate n=\(count) seed=\(seed) signal_fraction=\(signalFraction)"
        if physics != PhysicsParameters() { text += " (tuned physics)" }
        return text
    }
}

/// How far a simulation has come: jets accepted out of `total`, events tried for them.
public struct SimulationProgress: Sendable, Equatable {
    public let accepted: Int
    public let attempted: Int
    public let total: Int

    public init(accepted: Int, attempted: Int, total: Int) {
        self.accepted = accepted
        self.attempted = attempted
        self.total = total
    }
}
