import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Replacing a file so that readers see either the old file or the complete new one: the new
/// contents go to a hidden temporary file in the same folder, which is renamed over the target
/// only once it is complete. Every jnb module that writes a file does it this way, so a failure
/// or Ctrl-C never leaves half a file behind. Callers word the failure in their own terms.
public enum AtomicWrite {
    /// The step that failed and the system's reason for it.
    public struct Failure: Error, Sendable, Equatable {
        public enum Step: String, Sendable {
            case creating, writing, flushing, closing, renaming
        }

        public let step: Step
        /// The system's words for `errno` ("No space left on device").
        public let reason: String

        public init(_ step: Step, errno code: Int32) {
            self.step = step
            reason = AtomicWrite.systemErrorText(code)
        }
    }

    /// A new name for a temporary file beside `path`: in the same folder (a rename across file
    /// systems would not be atomic), hidden, and unique to this call. Writers take it through
    /// `withTemporaryFile(beside:_:)`, which registers it.
    public static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(suffix)").path
    }

    /// Runs `body` with the path of a new temporary file beside `path`, which `body` creates,
    /// then renames over `path` or removes. While `body` runs the path is registered in
    /// `TemporaryFiles`, so that a signal ending jnb removes the file.
    public static func withTemporaryFile<T, E: Error>(beside path: String,
                                                      _ body: (String) throws(E) -> T) throws(E) -> T {
        let temporary = temporaryPath(beside: path)
        let slot = TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(slot) }
        return try body(temporary)
    }

    /// Writes `data` to a temporary file beside `path`, flushes it to disk and renames it over
    /// `path`. On failure the temporary file is removed and `path` is as it was.
    public static func write(_ data: Data, to path: String) throws(Failure) {
        try withTemporaryFile(beside: path) { temporary throws(Failure) in try write(data, through: temporary, to: path) }
    }

    private static func write(_ data: Data, through temporary: String, to path: String) throws(Failure) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(.creating, errno: errno) }
        var failure: Failure?
        if !writeAll(data, to: descriptor) {
            failure = Failure(.writing, errno: errno)
        } else if fsync(descriptor) != 0 {
            failure = Failure(.flushing, errno: errno)
        }
        if close(descriptor) != 0, failure == nil { failure = Failure(.closing, errno: errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        try replace(path, with: temporary)
    }

    /// Renames the complete file `temporary` (made by `temporaryPath(beside:)`) over `path`;
    /// on failure removes it.
    public static func replace(_ path: String, with temporary: String) throws(Failure) {
        guard rename(temporary, path) == 0 else {
            let failure = Failure(.renaming, errno: errno)
            unlink(temporary)
            throw failure
        }
    }

    /// The system's message for an `errno` value.
    public static func systemErrorText(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(validatingCString: message) ?? "error \(code)"
    }

    /// Writes all of `data` to an open file, retrying after signals; false on an error (errno set).
    public static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }
}
