import AtomicWrite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM (`timeout`, Slurm, `docker stop`) and SIGHUP (a dropped SSH session) end jnb at
/// once, as they would by default, but first remove the temporary files of writes in progress,
/// which would otherwise pile up as hidden `.name.tmp-…` files beside their targets. jnb then
/// dies by the same signal, so the exit status stays 143 or 129 as shells and schedulers expect.
/// A signal ignored when jnb starts (`nohup`) stays ignored.
public enum TerminationSignal {
    public static func install() {
        TemporaryFiles.prepare()
        // The default action is back on entry to the handler: re-raising ends jnb by this
        // signal, and a second one during the clean-up ends it at once.
        #if canImport(Glibc)
        let flags = Int32(bitPattern: SA_RESETHAND)
        #else
        let flags = SA_RESETHAND
        #endif
        for signal in [SIGTERM, SIGHUP] where !SignalHandler.isIgnored(signal) {
            SignalHandler.install(signal, handle, flags: flags)
        }
    }

    /// Only async-signal-safe calls: unlink(2) of the registered paths, then raise(3).
    private static let handle: @convention(c) (Int32) -> Void = { signal in
        TemporaryFiles.removeAll()
        raise(signal)
    }
}
