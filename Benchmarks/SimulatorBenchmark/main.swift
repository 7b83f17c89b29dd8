// Measures the jet simulator: accepted jets per second, per core, counting the time spent on
// rejected events too. Wall-clock rates depend on what else runs on the machine, so the CPU
// time of the process is reported as well (jets per CPU-second = jets per second per busy core).
// Usage: SimulatorBenchmark [jets=20000] [threads=1] [seed=1] [signal_fraction=0.5] [write=file.h5]
//        [any physics knob, e.g. showerCutoff=0.6]
import Foundation
import JetData
import Simulator

var options: [String: String] = [:]
for argument in CommandLine.arguments.dropFirst() {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
        FileHandle.standardError.write(Data("expected key=value, got \(argument)\n".utf8))
        exit(2)
    }
    options[parts[0]] = parts[1]
}

func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

do {
    let jets = Int(options["jets"] ?? "20000") ?? 20000
    let threads = Int(options["threads"] ?? "1") ?? 1
    let seed = UInt64(options["seed"] ?? "1") ?? 1
    let signalFraction = Double(options["signal_fraction"] ?? "0.5") ?? 0.5
    var physics = PhysicsParameters()
    for (key, value) in options where physics.value(of: key) != nil {
        guard let x = Double(value) else { throw JetDataError.invalidArgument("\(key)=\(value) is not a number") }
        try physics.set(key, to: x)
    }
    let settings = SimulationSettings(count: jets, seed: seed, signalFraction: signalFraction, threads: threads,
                                      physics: physics)

    var last = SimulationProgress(accepted: 0, attempted: 0, total: jets)
    let cpuStart = processCPUSeconds()
    let start = Date()
    let set = try simulateJets(settings, progress: { last = $0 })
    let seconds = Date().timeIntervalSince(start)
    let cpu = processCPUSeconds() - cpuStart
    print(String(format: "jets %d (W %d), threads %d, seed %llu: %d events tried (%.2f per jet)",
                 jets, set.signalCount, threads, seed, last.attempted, Double(last.attempted) / Double(max(1, jets))))
    print(String(format: "wall %.2f s: %.0f jets/s, %.0f jets/s per thread", seconds,
                 Double(jets) / seconds, Double(jets) / seconds / Double(threads)))
    print(String(format: "cpu  %.2f s: %.0f jets per CPU-second, %.1f µs per jet, %.1f µs per event tried",
                 cpu, Double(jets) / cpu, cpu / Double(jets) * 1e6, cpu / Double(max(1, last.attempted)) * 1e6))
    if let path = options["write"] {
        try JetFile.write(set, to: path)
        print("wrote \(path)")
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
