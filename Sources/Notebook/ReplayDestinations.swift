import Foundation
import Script

/// The files `jnb run --summary` and `--report` write, checked before the first cell runs: a
/// replay must not lose its record after hours of training, nor write over the notebook.
public enum ReplayDestinations {
    /// Why the destinations cannot be used as given (no name, the notebook itself, or one
    /// file for both), or nil.
    public static func conflict(notebook: String, summary: String?, report: String?) -> String? {
        for (option, path) in [("--summary", summary), ("--report", report)] {
            // `--summary "$OUT"` with an unset variable must not fail only after the run.
            if let path, path.trimmingCharacters(in: .whitespaces).isEmpty {
                return "\(option) names no file; give a file name or leave out \(option)"
            }
        }
        for (option, path) in [("--summary", summary), ("--report", report)] {
            if let path, same(path, notebook) { return "\(option) \(path) is the notebook itself; give the name of another file" }
        }
        if let summary, let report, same(summary, report) {
            return "--summary and --report both name \(report); give each its own file"
        }
        return nil
    }

    /// Creates the folders the files go into and checks that they can be written there.
    public static func prepare(_ paths: [String]) throws(ScriptError) {
        for path in paths {
            let parent = FilePaths.parent(of: try FileWriting.destination(for: path).path)
            let folder = parent.isEmpty ? FileManager.default.currentDirectoryPath : parent
            guard access(folder, W_OK) == 0 else {
                throw ScriptError(.io, "cannot write \(path): the folder \(folder) is not writable")
            }
        }
    }

    /// The same file: the same path once `..`, `.` and symbolic links are resolved.
    private static func same(_ a: String, _ b: String) -> Bool {
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return canonical(a) == canonical(b)
    }
}
