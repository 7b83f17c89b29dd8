import Foundation

/// Writes files the way every jnb command must: to a temporary file beside the target, then
/// renamed over it, so a failure or Ctrl-C never leaves half a file and the previous file under
/// that name stays intact until the new one is complete. Missing folders are created.
public enum FileWriting {
    public static func writeAtomically(_ data: Data, to path: String) throws(ScriptError) {
        let directory = try prepare(path)
        let temporary = directory.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw ScriptError(.io, "cannot write \(path): the directory \(directory.path) is not writable or the disk is full")
        }
        guard rename(temporary.path, path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ScriptError(.io, "cannot write \(path): \(message)")
        }
    }

    /// Checks that `path` names a file, not a folder, and creates the folders it is in;
    /// returns its folder.
    @discardableResult
    public static func prepare(_ path: String) throws(ScriptError) -> URL {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScriptError(.io, "\(path) is a directory, expected a file name")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ScriptError(.io, "cannot create the directory \(directory.path) for \(path): \(reason(error))")
        }
        return directory
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
