import Synchronization

/// The Ctrl-C flag. A signal handler (or a cell's timeout timer) sets it; long commands look
/// at it at safe points (between batches, chunks, epochs) and stop there. Setting it is one
/// lock-free atomic store, which is safe inside a signal handler.
public final class Interruption: Sendable {
    private let requested = Atomic<Bool>(false)
    private let requests = Atomic<Int>(0)

    public init() {}

    /// Asks the running command to stop at its next safe point. Returns how many requests
    /// are pending, so a caller can give up waiting after several (e.g. three Ctrl-C).
    @discardableResult
    public func request() -> Int {
        requested.store(true, ordering: .sequentiallyConsistent)
        return requests.add(1, ordering: .sequentiallyConsistent).newValue
    }

    public var isRequested: Bool { requested.load(ordering: .sequentiallyConsistent) }

    /// Forgets pending requests (before a new statement starts, and after one has stopped).
    public func clear() {
        requested.store(false, ordering: .sequentiallyConsistent)
        requests.store(0, ordering: .sequentiallyConsistent)
    }
}
