import Foundation

/// Writes files the way every jnb command must: to a temporary file beside the target, then
/// renamed over it, so a failure or Ctrl-C never leaves half a file and the previous file under
/// that name stays intact until the new one is complete. Missing folders are created.
public enum FileWriting {
    public static func writeAtomically(_ data: Data, to path: String) throws(ScriptError) {
        let target = try prepare(path)
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(URL(fileURLWithPath: target).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw ScriptError(.io, "cannot write \(path): the directory \(directory.path) is not writable or the disk is full")
        }
        guard rename(temporary.path, target) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ScriptError(.io, "cannot write \(path): \(message)")
        }
    }

    /// Checks that `path` names a regular file or nothing yet, and creates the folders it is
    /// in. Returns the path to write through a temporary file and a rename: `path` itself, or,
    /// when it is a symbolic link, the file it points to (so the link stays a link). Folders,
    /// devices (/dev/null), pipes and sockets are refused: renaming over them would replace
    /// them with a file.
    public static func prepare(_ path: String) throws(ScriptError) -> String {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { destination in
            destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).path
        } ?? path
        if let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType {
            switch type {
            case .typeRegular: break
            case .typeDirectory: throw ScriptError(.io, "\(path) is a directory, expected a file name")
            default: throw ScriptError(.io, "\(path) is not a regular file (a device, pipe or socket); give the name of a file to write")
            }
        }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ScriptError(.io, "cannot create the directory \(directory.path) for \(path): \(reason(error))")
        }
        return target
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
