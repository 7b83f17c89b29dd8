/// What training did, epoch by epoch, over one or more runs (a model trained again continues
/// its history). Losses are mean squared errors per pixel.
public struct TrainingHistory: Sendable, Equatable, Codable {
    /// Mean loss over the epoch's batches, as the weights changed during the epoch.
    public var trainLoss: [Double] = []
    /// Loss on the validation samples after each epoch (empty without validation samples;
    /// NaN for the epochs of a run without them when another run had them).
    public var validLoss: [Double] = []
    /// Wall-clock seconds of each epoch: its training steps and its validation, as the epoch
    /// line of `fit` shows it (the thesis compares training times per setup).
    public var epochSeconds: [Double] = []
    /// Optimiser steps taken, and the schedule's planned length (epochs × batches per epoch).
    public var steps = 0
    public var plannedSteps = 0
    /// Learning rate of the last step taken.
    public var lastLearningRate = 0.0
    /// Early stopping ended the run before its last epoch.
    public var stoppedEarly = false
    /// With early stopping: the epoch (1-based, counted over all runs) whose weights were kept.
    public var bestEpoch: Int?
    /// The progress callback asked to stop; the weights are those after the last step taken.
    public var interrupted = false
    /// Epochs of each earlier run, in order, leaving out runs that completed no epoch. Steps,
    /// learning rate, early stopping and interruption are the last run's.
    public var earlierRuns: [Int] = []

    public init() {}

    /// Epochs completed, over all runs.
    public var epochs: Int { trainLoss.count }

    /// Training runs that completed an epoch (fits of the same model): a run stopped before
    /// the end of its first epoch (Ctrl-C) is not one.
    public var runs: Int { earlierRuns.filter { $0 > 0 }.count + (lastRunEpochs > 0 ? 1 : 0) }

    /// Epochs completed by the last run.
    public var lastRunEpochs: Int { epochs - earlierRuns.reduce(0, +) }

    /// This history followed by `later`, a run that went on training the same weights: its
    /// epochs are numbered on from this one's. Once either has validation losses, every epoch
    /// has one (NaN for the epochs of a run without them).
    public func continued(by later: TrainingHistory) -> TrainingHistory {
        var history = later
        history.trainLoss = trainLoss + later.trainLoss
        history.epochSeconds = epochSeconds + later.epochSeconds
        if !validLoss.isEmpty || !later.validLoss.isEmpty {
            func padded(_ h: TrainingHistory) -> [Double] {
                h.validLoss + Array(repeating: .nan, count: max(0, h.epochs - h.validLoss.count))
            }
            history.validLoss = padded(self) + padded(later)
        }
        history.earlierRuns = (earlierRuns + [lastRunEpochs] + later.earlierRuns).filter { $0 > 0 }
        history.bestEpoch = later.bestEpoch.map { $0 + epochs }
        return history
    }

    /// Whether an epoch has a validation loss, that is, a fit had validation samples: NaN
    /// stands for an epoch without, so a column of NaN alone (a file made elsewhere) is none.
    public var hasValidation: Bool { validLoss.contains { $0.isFinite } }

    /// The last epoch (1-based) with a finite validation loss, and that loss, if any.
    public var lastValidation: (epoch: Int, loss: Double)? {
        guard let index = validLoss.lastIndex(where: { $0.isFinite }) else { return nil }
        return (index + 1, validLoss[index])
    }
}

/// Reported to the progress callback after every batch and after every epoch.
public struct TrainingProgress: Sendable {
    public enum Event: Sendable { case batch, epoch }
    public let event: Event
    /// 1-based.
    public let epoch: Int
    public let epochs: Int
    /// 1-based, within the epoch.
    public let batch: Int
    public let batchesPerEpoch: Int
    /// Training speed so far in this epoch.
    public let samplesPerSecond: Double
    /// Seconds since training started, and the estimate of what remains.
    public let secondsElapsed: Double
    public let secondsRemaining: Double
    /// Mean loss of this epoch's batches so far.
    public let trainLoss: Double
    /// At the end of an epoch with validation samples.
    public let validLoss: Double?
    public let learningRate: Double
}

/// What the progress callback wants: go on, or stop after the current step with the weights
/// and history kept (Ctrl-C).
public enum TrainingDecision: Sendable {
    case proceed
    case stop
}
