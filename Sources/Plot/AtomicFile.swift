import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writing a file so that readers see either the old file or the complete new one.
enum AtomicFile {
    /// Writes `data` to a new hidden file in the destination's folder, flushes it, and renames
    /// it over the destination. On failure the temporary file is removed.
    static func write(_ data: Data, to url: URL) throws {
        let path = url.path
        // Messages name the file as it was given (relative stays relative).
        let shown = url.relativePath
        let name = url.lastPathComponent
        guard !name.isEmpty, name != "/", !path.hasSuffix("/") else {
            throw PlotError("cannot write figure to '\(shown)': not a file name")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(name).tmp-\(UUID().uuidString.prefix(8))").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw PlotError("cannot write figure to '\(shown)': \(errorText())") }
        func fail(_ step: String, closing: Bool = true) -> PlotError {
            let reason = errorText()
            if closing { close(descriptor) }
            unlink(temporary)
            return PlotError("cannot write figure to '\(shown)': \(step): \(reason)")
        }
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(descriptor, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written else { throw fail("writing") }
        guard fsync(descriptor) == 0 else { throw fail("flushing") }
        guard close(descriptor) == 0 else { throw fail("closing", closing: false) }
        guard rename(temporary, path) == 0 else { throw fail("renaming", closing: false) }
    }

    private static func errorText() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(validatingCString: message) ?? "error \(errno)"
    }
}
