import Foundation
import JetData
import Simulator

/// The jet simulator's speed: accepted jets per second, counting the time spent on the
/// events that were tried and rejected. Wall-clock rates depend on what else the machine
/// runs, so the process's CPU time is reported too (jets per CPU-second = what one busy core
/// delivers). Run it with `OPENBLAS_NUM_THREADS=1` (as scripts/bench-simulate does): OpenBLAS's
/// worker threads, started when the program loads, spin for about 0.1 s first, and the
/// process's CPU time would count that as the simulator's.
enum SimulateBenchmark {
    /// simulate --jets N [--threads T] [--seed S] [--signal-fraction F] [--set KNOB=VALUE]… [--write OUT.h5]
    static func run(_ arguments: [String]) throws {
        let usage = "simulate --jets N [--threads T] [--seed S] [--signal-fraction F] [--set KNOB=VALUE]… [--write OUT.h5]"
        guard let jets = Bench.option("jets", in: arguments).flatMap(Int.init) else {
            throw Bench.UsageError(description: usage)
        }
        var physics = PhysicsParameters()
        for (i, argument) in arguments.enumerated() where argument == "--set" && i + 1 < arguments.count {
            let parts = arguments[i + 1].split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]) else { throw Bench.UsageError(description: usage) }
            try physics.set(parts[0], to: value)
        }
        let settings = SimulationSettings(
            count: jets,
            seed: Bench.option("seed", in: arguments).flatMap(UInt64.init) ?? 1,
            signalFraction: Bench.option("signal-fraction", in: arguments).flatMap(Double.init) ?? 0.5,
            threads: Bench.option("threads", in: arguments).flatMap(Int.init) ?? 1,
            physics: physics)

        var last = SimulationProgress(accepted: 0, attempted: 0, total: jets)
        let cpuStart = cpuSeconds(), start = Bench.now()
        let set = try simulateJets(settings, progress: { last = $0 })
        let wall = Bench.now() - start, cpu = cpuSeconds() - cpuStart
        Bench.report([
            "jets": String(jets),
            "signal_jets": String(set.signalCount),
            "threads": String(settings.threads),
            "seed": String(settings.seed),
            "events_tried": String(last.attempted),
            "tries_per_jet": String(format: "%.2f", Double(last.attempted) / Double(max(1, jets))),
            "wall_seconds": String(format: "%.3f", wall),
            "cpu_seconds": String(format: "%.3f", cpu),
            "jets_per_s": String(format: "%.0f", Double(jets) / wall),
            "jets_per_cpu_s": String(format: "%.0f", Double(jets) / cpu),
            "us_per_event_tried": String(format: "%.1f", cpu / Double(max(1, last.attempted)) * 1e6),
        ])
        if let path = Bench.option("write", in: arguments) {
            try JetFile.write(set, to: path)
        }
    }

    /// CPU time of the whole process (all threads), in seconds.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
