import Foundation

/// Runs `body(0) … body(count − 1)` on every core (each call starts jnb, which waits on I/O
/// much of the time) and returns the results by index.
func concurrently<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
    let results = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        results.set(index, Result { try body(index) })
    }
    return results.all
}

private final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, any Error>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.lock(); results[index] = result; lock.unlock()
    }
    var all: [Result<T, any Error>] {
        lock.lock(); defer { lock.unlock() }
        return results.map { $0 ?? .failure(CancellationError()) }
    }
}
