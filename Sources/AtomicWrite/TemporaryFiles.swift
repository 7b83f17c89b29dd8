import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files being written right now, so that a handler of a signal that ends jnb
/// (SIGTERM, SIGHUP) can remove them rather than leave hidden `.name.tmp-…` files behind.
/// A signal handler may not allocate, take a lock or call Foundation, so the paths are C
/// strings in a table allocated once, and which slots are taken and which hold a complete path
/// are two atomic bit masks: registering and unregistering are lock-free, and the handler only
/// reads. A write that finds the table full, or a path longer than a slot, goes unregistered.
public enum TemporaryFiles {
    private static let slotCount = 64
    private static let slotSize = Int(PATH_MAX)
    /// Slots claimed by a write (bit i: slot i).
    private static let claimed = Atomic<UInt64>(0)
    /// Slots whose path is complete; the only ones the handler reads.
    private static let complete = Atomic<UInt64>(0)
    /// Written only by the thread that claimed a slot, before it marks the slot complete.
    /// Untouched pages cost no memory.
    nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)

    /// Sets the table up; call before installing a handler that calls `removeAll()`, so that
    /// the handler never runs Swift's lazy initialisation of globals.
    public static func prepare() {
        _ = paths
        _ = claimed.load(ordering: .relaxed)
        _ = complete.load(ordering: .relaxed)
    }

    /// Removes every registered temporary file. Async-signal-safe: reads the table and calls
    /// unlink(2) (a file already renamed into place is simply not found).
    public static func removeAll() {
        let slots = complete.load(ordering: .sequentiallyConsistent)
        for slot in 0..<slotCount where slots & (1 << UInt64(slot)) != 0 {
            unlink(paths + slot * slotSize)
        }
    }

    /// Registers `path` (before the file is created); returns its slot, or nil if it could not.
    static func register(_ path: String) -> Int? {
        var bytes = Array(path.utf8CString)
        guard bytes.count <= slotSize else { return nil }
        var taken = claimed.load(ordering: .sequentiallyConsistent)
        while true {
            guard taken != UInt64.max else { return nil }
            let slot = (~taken).trailingZeroBitCount
            let (exchanged, now) = claimed.compareExchange(expected: taken, desired: taken | (1 << UInt64(slot)),
                                                           ordering: .sequentiallyConsistent)
            guard exchanged else {
                taken = now
                continue
            }
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                (paths + slot * slotSize).update(from: base, count: buffer.count)
            }
            complete.bitwiseOr(1 << UInt64(slot), ordering: .sequentiallyConsistent)
            return slot
        }
    }

    /// Forgets the slot (after the file was renamed or removed).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        complete.bitwiseAnd(~(1 << UInt64(slot)), ordering: .sequentiallyConsistent)
        claimed.bitwiseAnd(~(1 << UInt64(slot)), ordering: .sequentiallyConsistent)
    }
}
