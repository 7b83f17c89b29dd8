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
        for signal in [SIGTERM, SIGHUP] {
            var current = sigaction()
            sigaction(signal, nil, &current)
            if isIgnored(current) { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handle
            #else
            action.__sigaction_u.__sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            // The default action is back on entry to the handler: re-raising ends jnb by this
            // signal, and a second one during the clean-up ends it at once.
            #if canImport(Glibc)
            action.sa_flags = Int32(bitPattern: SA_RESETHAND)
            #else
            action.sa_flags = SA_RESETHAND
            #endif
            sigaction(signal, &action, nil)
            // A parent may have left it blocked (threads of test runners and some launchers
            // do), and a blocked SIGTERM would not stop jnb at all.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, signal)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Only async-signal-safe calls: unlink(2) of the registered paths, then raise(3).
    private static let handle: @convention(c) (Int32) -> Void = { signal in
        TemporaryFiles.removeAll()
        raise(signal)
    }
}
