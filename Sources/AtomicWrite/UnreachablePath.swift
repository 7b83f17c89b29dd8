#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why stat(2) could not reach a path, in words for a one-line message, so that every reader
/// (jet and model files, scripts and notebooks) says the same for the same cause.
public enum UnreachablePath {
    /// The reason for stat's error `code` on `path`.
    public static func reason(_ path: String, errno code: Int32) -> String {
        switch code {
        case ENOENT:
            var link = stat()
            return lstat(path, &link) == 0 ? "a symbolic link to a file that does not exist" : "no such file"
        case EACCES: return "permission denied (a folder on the way may not be entered)"
        case ELOOP: return "too many levels of symbolic links (a link that loops?)"
        case ENAMETOOLONG: return "file name too long"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        default: return AtomicWrite.systemErrorText(code).lowercased()
        }
    }
}
