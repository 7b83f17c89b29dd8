#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AtomicWrite
import Script

/// Ctrl-C: SIGINT sets the session's interruption flag, and a running command stops at its
/// next safe point. A third Ctrl-C before the command has stopped ends jnb at once (status
/// 130), for a command stuck where it cannot look at the flag, removing the temporary files of
/// writes in progress first, as SIGTERM does.
public enum InterruptSignal {
    /// The flag the handler sets. Written once, before the handler is installed; the handler
    /// only reads it, and setting the flag is a lock-free atomic store.
    nonisolated(unsafe) private static var target: Interruption?

    public static func install(_ interruption: Interruption) {
        target = interruption
        TemporaryFiles.prepare()
        // No SA_RESTART: a read() waiting at the prompt returns EINTR, so the line reader sees it.
        SignalHandler.install(SIGINT, handle, flags: 0)
    }

    private static let handle: @convention(c) (Int32) -> Void = { _ in
        guard let target = InterruptSignal.target else { return }
        if target.request() >= 3 {
            let message = "\njnb: interrupted three times; leaving without waiting for the command to stop\n"
            message.withCString { _ = write(STDERR_FILENO, $0, strlen($0)) }
            TemporaryFiles.removeAll()
            _exit(130)
        }
    }
}
