import COpenBLAS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenBLAS as this process uses it. Debian's DYNAMIC_ARCH build does not recognise recent
/// Xeons and picks generic kernels (Prescott) that run sgemm 5–7× slower than the CPU can.
/// Before the first BLAS call, `BLAS.status` detects that case and switches the library to
/// the kernels the CPU supports (SkylakeX with AVX-512, Haswell with AVX2 + FMA), in process:
/// it sets OPENBLAS_CORETYPE and re-runs OpenBLAS's kernel selection
/// (`gotoblas_dynamic_quit` then `gotoblas_dynamic_init`, looked up at run time so that an
/// OpenBLAS built without DYNAMIC_ARCH still links). A core type the user set is never
/// overridden. Every entry point of NeuralNet that reaches BLAS touches `BLAS.status` first.
public enum BLAS {
    /// What happened at start-up, for `jnb --version` and the `blas` command.
    public struct Status: Sendable, Equatable, CustomStringConvertible {
        /// Kernel set OpenBLAS picked by itself ("Prescott", "SkylakeX", …).
        public let coreBefore: String
        /// Kernel set in use now.
        public let coreAfter: String
        /// Whether jnb switched the kernel set.
        public let switched: Bool
        /// Why it switched or did not, in one line.
        public let reason: String
        /// The CPU's vector extensions as jnb sees them ("AVX-512", "AVX2+FMA" or "baseline").
        public let cpuVectorExtensions: String
        /// OpenBLAS's configuration string (version, build options).
        public let config: String

        public var description: String {
            let kernels = switched ? "\(coreAfter) kernels (switched from \(coreBefore))" : "\(coreAfter) kernels"
            return "OpenBLAS \(kernels), CPU \(cpuVectorExtensions): \(reason) [\(config)]"
        }
    }

    /// Checked and, where needed, switched once, on first use, from whichever thread comes first.
    public static let status: Status = configure()

    /// Threads OpenBLAS uses for one call.
    public static var threads: Int {
        _ = status
        return Int(openblas_get_num_threads())
    }

    /// Sets the threads OpenBLAS uses for one call (process-wide). Only calls into OpenBLAS
    /// when the count changes: resizing its thread pool while another thread multiplies is
    /// not something to do needlessly.
    public static func setThreads(_ n: Int) {
        _ = status
        let wanted = Int32(max(1, n))
        if openblas_get_num_threads() != wanted { openblas_set_num_threads(wanted) }
    }

    /// Whether jnb's own sparse kernel may use AVX-512 on this CPU.
    @_spi(Internals) public static let hasAVX512 = jnb_cpu_has_avx512() != 0

    /// Kernel sets OpenBLAS falls back to when it does not know the CPU.
    @_spi(Internals) public static let genericCores: Set<String> = [
        "prescott", "core2", "katmai", "coppermine", "northwood", "banias", "penryn", "dunnington",
        "nehalem", "atom", "unknown", "generic",
    ]

    private static func corename() -> String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    private static func configure() -> Status {
        let before = corename()
        // Read after any switch: OpenBLAS builds this string (which names the core) on first call.
        var config: String { openblas_get_config().map { String(cString: $0) } ?? "unknown" }
        let extensions = jnb_cpu_has_avx512() != 0 ? "AVX-512" : jnb_cpu_has_avx2() != 0 ? "AVX2+FMA" : "baseline"
        func unchanged(_ reason: String) -> Status {
            Status(coreBefore: before, coreAfter: before, switched: false, reason: reason,
                   cpuVectorExtensions: extensions, config: config)
        }
        if let user = getenv("OPENBLAS_CORETYPE").map({ String(cString: $0) }), !user.isEmpty {
            return unchanged("OPENBLAS_CORETYPE=\(user) was set by the user and is left alone")
        }
        guard genericCores.contains(before.lowercased()) else {
            return unchanged("OpenBLAS chose kernels for this CPU itself")
        }
        let target: String
        switch extensions {
        case "AVX-512": target = "SkylakeX"
        case "AVX2+FMA": target = "Haswell"
        default: return unchanged("generic kernels, and the CPU has neither AVX-512 nor AVX2+FMA")
        }
        typealias Hook = @convention(c) () -> Void
        let everyLoadedObject = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
        guard let quit = dlsym(everyLoadedObject, "gotoblas_dynamic_quit"),
              let select = dlsym(everyLoadedObject, "gotoblas_dynamic_init") else {
            return unchanged("generic kernels, but this OpenBLAS cannot re-select kernels (not a DYNAMIC_ARCH build)")
        }
        setenv("OPENBLAS_CORETYPE", target, 1)
        unsafeBitCast(quit, to: Hook.self)()
        unsafeBitCast(select, to: Hook.self)()
        // Programs jnb starts (h5py checks, benchmarks) should not inherit a choice they did not make.
        unsetenv("OPENBLAS_CORETYPE")
        let after = corename()
        let reason = after.lowercased() == target.lowercased()
            ? "OpenBLAS picked generic \(before) kernels on a CPU with \(extensions); switched to \(target)"
            : "OpenBLAS picked generic \(before) kernels; switching to \(target) did not take (now \(after))"
        return Status(coreBefore: before, coreAfter: after, switched: after != before, reason: reason,
                      cpuVectorExtensions: extensions, config: config)
    }
}
