import CHDF5
import Foundation

/// Library-wide set-up. HDF5 prints its error stack to stderr unless told not to; jnb reports
/// errors itself, so every call switches the printing off first: in a thread-safe build (such
/// as Debian's) the setting belongs to the calling thread, and the parallel chunk reader and
/// the test runner call from many threads.
enum HDF5Library {
    private static let initialised: Bool = {
        _ = H5open()
        return true
    }()

    /// Serialises calls into HDF5: Debian's build is thread-safe, but builds without
    /// --enable-threadsafe are common, and jnb never needs two HDF5 calls at once. Recursive,
    /// because closing an object (in deinit) may happen inside another call.
    private static let lock = NSRecursiveLock()

    static func call<R>(_ body: () throws -> R) rethrows -> R {
        _ = initialised
        lock.lock()
        defer { lock.unlock() }
        _ = jnb_h5_silence_errors()
        return try body()
    }

    /// The innermost message of HDF5's error stack, which is then cleared.
    static func takeErrorMessage() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        buffer.withUnsafeMutableBufferPointer { ptr in
            if let base = ptr.baseAddress { jnb_h5_take_error(base) }
        }
        let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return message.isEmpty ? "HDF5 call failed" : message
    }
}
