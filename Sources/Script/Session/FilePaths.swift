import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the user types them, turned into the paths jnb opens. Every command that
/// reads or writes a file gets its name through here (the `.path` and `.inputPath` argument
/// types), and so does completion inside quotes, so `~/` means the same everywhere.
public enum FilePaths {
    /// `path` with a leading `~/` (or a lone `~`) replaced by the home folder (`home()`); any
    /// other path as it is (`~user/` is not expanded, and `a/~/b` is a folder named `~`).
    public static func resolve(_ path: String, home: @autoclosure () -> String? = home()) throws(ScriptError) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        guard let home = home() else {
            throw ScriptError(.io, "cannot expand '~' in \(path): HOME is not set and the user has no home folder")
        }
        let rest = path.dropFirst()
        // "~/" stays a folder ("/home/me/"), which completion relies on.
        return home.hasSuffix("/") && rest.hasPrefix("/") ? home + rest.dropFirst() : home + rest
    }

    /// The folder part of `path`, as `dirname` without its "." for a bare name: "a/b.svg" → "a",
    /// "b.svg" → "", "/b" → "/". Foundation's `deletingLastPathComponent` is not used: on Linux
    /// it traps on a one-character path such as "o".
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var head = trimmed[..<slash]
        while head.count > 1, head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    /// `$HOME`, as a shell expands `~`; the user's entry in the password database only when
    /// HOME is unset or empty.
    public static func home() -> String? {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        return passwordDatabaseHome()
    }

    private static func passwordDatabaseHome() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(getuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil,
              let directory = entry.pw_dir, let home = String(validatingCString: directory) else { return nil }
        return home.isEmpty ? nil : home
    }
}
