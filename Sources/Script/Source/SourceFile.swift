import AtomicWrite
import Foundation

/// Reading script and notebook files as text. A file must be UTF-8 (a byte-order mark is
/// allowed); CRLF line ends and tabs are fine, the scanner treats them as ordinary white space,
/// and a lone CR (old Mac line ends) ends a line. A source is at most `maximumBytes` long, so
/// that `jnb run /dev/zero` is refused instead of filling the memory.
public enum SourceFile {
    public static let maximumBytes = 64 << 20

    /// The text of the file at `path`, or an I/O error that names the file and, for bytes that
    /// are not UTF-8, the line they are on.
    public static func read(_ path: String) throws(ScriptError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ScriptError(.io, "\(path): \(UnreachablePath.reason(path, errno: errno))")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw ScriptError(.io, "\(path): is a directory, expected a script or notebook file")
        }
        // Read through a descriptor, so that a pipe or a device (`jnb run <(…)`, /dev/null)
        // is read as a file is, and a refusal says why.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == EACCES ? "permission denied (not readable)" : "cannot be read: " + String(cString: strerror(errno))
            throw ScriptError(.io, "\(path): \(reason)")
        }
        return try decode(readAll(FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), name: path), name: path)
    }

    /// Everything `handle` gives, up to `maximumBytes` (a file, a pipe, standard input).
    public static func readAll(_ handle: FileHandle, name: String) throws(ScriptError) -> Data {
        var data = Data()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                data.append(chunk)
                guard data.count <= maximumBytes else {
                    throw ScriptError(.io, "\(name): more than \(maximumBytes >> 20) MiB; a script or notebook is text of at most that size")
                }
            }
        } catch let error as ScriptError {
            throw error
        } catch {
            throw ScriptError(.io, "\(name): cannot be read: \(error.localizedDescription)")
        }
        return data
    }

    /// `data` as text, or an I/O error naming the line with the first byte that is not UTF-8.
    public static func decode(_ data: Data, name: String) throws(ScriptError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return withLoneCarriageReturnsAsLineEnds(text) }
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                break decoding
            case .error:
                break decoding
            }
        }
        throw ScriptError(.io, "\(name):\(line): the file is not UTF-8 text (invalid byte sequence on this line)")
    }

    private static func withLoneCarriageReturnsAsLineEnds(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.indices.contains(where: { scalars[$0] == "\r" && ($0 + 1 == scalars.count || scalars[$0 + 1] != "\n") }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for (k, scalar) in scalars.enumerated() {
            result.append(scalar == "\r" && (k + 1 == scalars.count || scalars[k + 1] != "\n") ? "\n" : scalar)
        }
        return String(result)
    }
}
