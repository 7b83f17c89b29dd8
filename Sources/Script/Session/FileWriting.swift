import Foundation

/// Writes files the way every jnb command must: to a temporary file beside the target, then
/// renamed over it, so a failure or Ctrl-C never leaves half a file and the previous file under
/// that name stays intact until the new one is complete. Missing folders are created.
public enum FileWriting {
    public static func writeAtomically(_ data: Data, to path: String) throws(ScriptError) {
        let target = try prepare(path)
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(URL(fileURLWithPath: target).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp").path
        /// The failure with the system's reason (disk full, read-only, permission denied).
        func failure(_ step: String) -> ScriptError {
            ScriptError(.io, "cannot write \(path): \(step): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("creating a file in \(directory.path)") }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        var error: ScriptError?
        if !written {
            error = failure("writing")
        } else if fsync(descriptor) != 0 {
            error = failure("flushing")
        }
        if close(descriptor) != 0, error == nil { error = failure("closing") }
        if error == nil, rename(temporary, target) != 0 { error = failure("renaming") }
        if let error {
            unlink(temporary)
            throw error
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
        if let file = firstFileAmongFolders(of: directory) {
            throw ScriptError(.io, "cannot write \(path): \(file) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ScriptError(.io, "cannot create the directory \(directory.path) for \(path): \(reason(error))")
        }
        return target
    }

    /// The first existing component of `directory`'s path that is not a folder, if any.
    private static func firstFileAmongFolders(of directory: URL) -> String? {
        var path = directory.path
        while !path.isEmpty, path != "/", path != "." {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : path
            }
            path = (path as NSString).deletingLastPathComponent
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
