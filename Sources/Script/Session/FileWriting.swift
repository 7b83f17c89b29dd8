import AtomicWrite
import Foundation

/// Writes files the way every jnb command must: to a temporary file beside the target, then
/// renamed over it, so a failure or Ctrl-C never leaves half a file and the previous file under
/// that name stays intact until the new one is complete. Missing folders are created.
public enum FileWriting {
    public static func writeAtomically(_ data: Data, to path: String) throws(ScriptError) {
        let target = try prepare(path)
        do throws(AtomicWrite.Failure) {
            try AtomicWrite.write(data, to: target)
        } catch {
            let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
            let step = error.step == .creating ? "creating a file in \(folder)" : error.step.rawValue
            throw ScriptError(.io, "cannot write \(path): \(step): \(error.reason)")
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
