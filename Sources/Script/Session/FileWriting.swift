import AtomicWrite
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files the way every jnb command must: to a temporary file beside the target, then
/// renamed over it, so a failure or Ctrl-C never leaves half a file and the previous file under
/// that name stays intact until the new one is complete. Missing folders are created, and removed
/// again when the write fails.
public enum FileWriting {
    /// A file about to be written, and the folders made for it.
    public struct Destination: Sendable {
        /// The path to write (through a temporary file and a rename).
        public let path: String
        /// The folders made for the file, outermost first.
        let createdFolders: [String]

        /// After a failed write: removes the folders made for the file (those still empty),
        /// so a failure leaves the disk as it was.
        public func abandon() {
            for folder in createdFolders.reversed() {
                guard rmdir(folder) == 0 else { return }
            }
        }
    }

    public static func writeAtomically(_ data: Data, to path: String) throws(ScriptError) {
        let destination = try destination(for: path)
        do throws(AtomicWrite.Failure) {
            try AtomicWrite.write(data, to: destination.path)
        } catch {
            destination.abandon()
            let parent = FilePaths.parent(of: destination.path)
            let folder = parent.isEmpty ? FileManager.default.currentDirectoryPath : parent
            let step = error.step == .creating ? "creating a file in \(folder)" : error.step.rawValue
            throw ScriptError(.io, "cannot write \(path): \(step): \(error.reason)")
        }
    }

    /// Checks that `path` names a regular file or nothing yet, and creates the folders it is
    /// in. The destination's path is the one to write through a temporary file and a rename:
    /// `path` itself, or, when it is a symbolic link, the file it points to (so the link stays
    /// a link). Folders, devices (/dev/null), pipes and sockets are refused: renaming over them
    /// would replace them with a file. Call `abandon()` on the destination when the write fails.
    public static func destination(for path: String) throws(ScriptError) -> Destination {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { destination in
            destination.hasPrefix("/") ? destination
                : NSString(string: FilePaths.parent(of: path)).appendingPathComponent(destination)
        } ?? path
        if let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType {
            switch type {
            case .typeRegular: break
            case .typeDirectory: throw ScriptError(.io, "\(path) is a directory, expected a file name")
            default: throw ScriptError(.io, "\(path) is not a regular file (a device, pipe or socket); give the name of a file to write")
            }
        }
        let directory = FilePaths.parent(of: target)
        let (missing, blocking) = missingFolders(of: directory)
        if let file = blocking {
            throw ScriptError(.io, "cannot write \(path): \(file) is a file, not a folder")
        }
        var created: [String] = []
        for folder in missing {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                created.append(folder)
            } catch {
                Destination(path: target, createdFolders: created).abandon()
                throw ScriptError(.io, "cannot create the directory \(directory) for \(path): \(reason(error))")
            }
        }
        return Destination(path: target, createdFolders: created)
    }

    /// The path to write for `path` (see `destination(for:)`), for a write whose failure may
    /// leave the folders made for it (the prompt's history file).
    public static func prepare(_ path: String) throws(ScriptError) -> String {
        try destination(for: path).path
    }

    /// The folders of `directory`'s path that do not exist yet, outermost first, and the
    /// first existing component that is not a folder (a file in the way), if any.
    private static func missingFolders(of directory: String) -> (missing: [String], blocking: String?) {
        var missing: [String] = []
        var path = directory
        while !path.isEmpty, path != "/", path != "." {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                return (missing, isDirectory.boolValue ? nil : path)
            }
            missing.insert(path, at: 0)
            path = FilePaths.parent(of: path)
        }
        return (missing, nil)
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
