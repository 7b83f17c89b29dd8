import Foundation
import JetData

/// Jets per block. Block b always holds jets b·blockSize ..< (b+1)·blockSize and draws from
/// its own stream `SeededGenerator(seed:stream: b)`, so the jets depend on the seed alone,
/// never on how many threads share the blocks.
let simulationBlockSize = 128

/// Tries after which one jet is given up as unreachable with the chosen physics: the
/// defaults need about 10 for a QCD jet, and at ~50 µs a try this is a second for one jet.
let maximumTriesPerJet = 20_000

/// Bytes `simulateJets` takes for `n` jets: images, the workers' rows of variables, the
/// variables of the result and the labels (Int.max when that overflows).
func simulationBytes(jets n: Int) -> Int {
    let perJet = (JetImage.pixels + 2 * JetVariable.allCases.count + 1) * MemoryLayout<Float>.size
    let (bytes, overflow) = n.multipliedReportingOverflow(by: perJet)
    return overflow ? Int.max : bytes
}

/// Simulates `settings.count` W and QCD jets that pass the reference file's selection, with
/// images and all ten jet variables (see docs/SIMULATOR.md).
///
/// - `progress` is called on the calling thread about ten times a second and once at the
///   end, with jets accepted and events attempted so far.
/// - `shouldStop` is polled on the calling thread as often; when it returns true, the
///   workers stop after their current jet and this throws `JetDataError.interrupted`.
public func simulateJets(_ settings: SimulationSettings,
                         progress: ((SimulationProgress) -> Void)? = nil,
                         shouldStop: (() -> Bool)? = nil) throws(JetDataError) -> JetSet {
    try settings.validate()
    let n = settings.count
    let variableCount = JetVariable.allCases.count
    try SystemMemory.check(bytes: simulationBytes(jets: n), for: "simulating \(CountFormat.grouped(n)) jets") { available in
        let fitting = SystemMemory.roundedDown(available / simulationBytes(jets: 1))
        guard fitting > 0 else { return "not even one jet fits" }
        return "simulate at most about \(CountFormat.grouped(fitting)) jet\(fitting == 1 ? "" : "s") at a time, e.g. n=\(fitting)"
    }

    let labels = simulationLabels(count: n, signal: settings.signalCount, seed: settings.seed)
    var images = [Float](repeating: 0, count: n * JetImage.pixels)
    var rows = [Float](repeating: 0, count: n * variableCount)
    let state = SimulationState(blocks: (n + simulationBlockSize - 1) / simulationBlockSize)

    images.withUnsafeMutableBufferPointer { imageBuffer in
        rows.withUnsafeMutableBufferPointer { rowBuffer in
            let output = SimulationOutput(images: imageBuffer, variables: rowBuffer)
            let group = DispatchGroup()
            for _ in 0..<min(settings.threads, max(1, state.blocks)) {
                group.enter()
                let thread = Thread {
                    runWorker(settings: settings, labels: labels, state: state, output: output)
                    group.leave()
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
            while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                progress?(state.progress(total: n))
                if shouldStop?() == true { state.requestStop() }
            }
        }
    }
    let final = state.progress(total: n)
    progress?(final)
    if let failure = state.failure { throw JetDataError.invalidArgument(failure) }
    if final.accepted < n { throw JetDataError.interrupted }

    var variables: [JetVariable: [Float]] = [:]
    for v in JetVariable.allCases {
        variables[v] = (0..<n).map { rows[$0 * variableCount + v.ordinal] }
    }
    return try JetSet(images: images, variables: variables, signal: labels.map { $0 ? 1 : 0 },
                      origin: settings.origin)
}

/// Which jets are W jets: exactly `signal` of `count`, shuffled by the seed's main stream
/// (the blocks use the numbered streams).
func simulationLabels(count: Int, signal: Int, seed: UInt64) -> [Bool] {
    var labels = [Bool](repeating: false, count: count)
    for i in 0..<min(signal, count) { labels[i] = true }
    var rng = SeededGenerator(seed: seed)
    if count > 1 {
        for i in stride(from: count - 1, to: 0, by: -1) {
            labels.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
    }
    return labels
}

/// One worker: takes the next block until none are left or a stop is requested.
private func runWorker(settings: SimulationSettings, labels: [Bool], state: SimulationState,
                       output: SimulationOutput) {
    let factory = JetFactory(physics: settings.physics)
    let variableCount = JetVariable.allCases.count
    while let block = state.nextBlock() {
        var rng = SeededGenerator(seed: settings.seed, stream: UInt64(block))
        let end = min(labels.count, (block + 1) * simulationBlockSize)
        for jet in block * simulationBlockSize..<end {
            let image = UnsafeMutableBufferPointer(rebasing: output.images[jet * JetImage.pixels..<(jet + 1) * JetImage.pixels])
            let row = UnsafeMutableBufferPointer(rebasing: output.variables[jet * variableCount..<(jet + 1) * variableCount])
            var attempts = 1
            while !factory.attempt(signal: labels[jet], rng: &rng, variables: row, image: image) {
                attempts += 1
                if attempts > maximumTriesPerJet {
                    state.fail("simulate: \(maximumTriesPerJet) events tried for one \(labels[jet] ? "W" : "QCD") jet "
                        + "without one passing the selection; the physics settings leave (almost) no jets in "
                        + "250 < pT < 300 GeV, 60 < m < 100 GeV, |η| < 2")
                    return
                }
            }
            if !state.record(attempts: attempts) { return }
        }
    }
}

/// The output arrays, written by the workers in disjoint blocks of jets while the caller
/// waits for them all: that is what makes sharing the pointers safe.
private struct SimulationOutput: @unchecked Sendable {
    let images: UnsafeMutableBufferPointer<Float>
    let variables: UnsafeMutableBufferPointer<Float>
}

/// Counters and flags shared by the workers and the calling thread.
private final class SimulationState: @unchecked Sendable {
    let blocks: Int
    private let lock = NSLock()
    private var next = 0
    private var accepted = 0
    private var attempted = 0
    private var stopped = false
    private var failureMessage: String?

    init(blocks: Int) { self.blocks = blocks }

    func nextBlock() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, next < blocks else { return nil }
        next += 1
        return next - 1
    }

    /// Counts one accepted jet; false when the worker should stop.
    func record(attempts: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        accepted += 1
        attempted += attempts
        return !stopped
    }

    func requestStop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    /// Stops every worker and keeps `message` as the reason (the first one wins).
    func fail(_ message: String) {
        lock.lock()
        stopped = true
        if failureMessage == nil { failureMessage = message }
        lock.unlock()
    }

    var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return failureMessage
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    func progress(total: Int) -> SimulationProgress {
        lock.lock()
        defer { lock.unlock() }
        return SimulationProgress(accepted: accepted, attempted: attempted, total: total)
    }
}
