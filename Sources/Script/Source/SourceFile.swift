import Foundation

/// Reading script and notebook files as text. A file must be UTF-8 (a byte-order mark is
/// allowed); CRLF line ends and tabs are fine, the scanner treats them as ordinary white space.
public enum SourceFile {
    /// The text of the file at `path`, or an I/O error that names the file and, for bytes that
    /// are not UTF-8, the line they are on.
    public static func read(_ path: String) throws(ScriptError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScriptError(.io, "\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw ScriptError(.io, "\(path): is a directory, expected a script or notebook file")
        }
        // Read through a descriptor, so that a pipe or a device (`jnb run <(…)`, /dev/null)
        // is read as a file is, and a refusal says why.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == EACCES ? "permission denied (not readable)" : "cannot be read: " + String(cString: strerror(errno))
            throw ScriptError(.io, "\(path): \(reason)")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw ScriptError(.io, "\(path): cannot be read: \(error.localizedDescription)")
        }
        return try decode(data, name: path)
    }

    /// `data` as text, or an I/O error naming the line with the first byte that is not UTF-8.
    public static func decode(_ data: Data, name: String) throws(ScriptError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
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
}
