#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AtomicWrite
import CEditLine
import Foundation
import Script

/// Line editing on a terminal with libedit's readline interface: emacs keys, Ctrl-R history
/// search, tab completion from the session, and a history file capped at `historyLimit`
/// entries. The cap uses `stifle_history` (libedit's `history_truncate_file` breaks its own
/// file format), and each save goes to a temporary file renamed over the old one.
///
/// libedit keeps one editor per process, so there is at most one of these.
public final class EditLineReader: LineReader {
    public let historyPath: String
    public let historyLimit: Int
    private let interruption: Interruption

    /// The history file: `$JNB_HISTORY` if set, else `.jnb_history` in the home folder (`$HOME`,
    /// as for every file name with `~/`).
    public static var defaultHistoryPath: String {
        if let path = ProcessInfo.processInfo.environment["JNB_HISTORY"], !path.isEmpty { return path }
        return (FilePaths.home() ?? FileManager.default.currentDirectoryPath) + "/.jnb_history"
    }

    /// `completer` lists candidates for the statement's text before the cursor: the earlier
    /// lines of a statement that continues, then this line up to the cursor (usually
    /// `session.completions(before:)`). `interruption` is the flag SIGINT sets (see
    /// `InterruptSignal`); at the prompt it clears the line.
    public init(historyPath: String = EditLineReader.defaultHistoryPath, historyLimit: Int = 2000,
                interruption: Interruption, completer: @escaping (String) -> Completions) {
        self.historyPath = historyPath
        self.historyLimit = historyLimit
        self.interruption = interruption
        EditLineState.completer = completer
        EditLineState.interruption = interruption

        Self.useUTF8Characters()
        // jnb's own SIGINT handler stays in charge; libedit installs none.
        jnb_rl_configure(EditLineState.name, EditLineState.wordBreaks, EditLineState.getCharacter, EditLineState.complete)
        using_history()
        stifle_history(Int32(historyLimit))
        // Only a regular file (or a link to one) is read: opening a pipe would wait forever.
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: historyPath)).map {
            $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: historyPath).deletingLastPathComponent().appendingPathComponent($0).path
        } ?? historyPath
        if (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType == .typeRegular {
            _ = read_history(resolved)
        }
    }

    public func readLine(prompt: String, continuing statement: String) -> LineInput {
        EditLineState.interruptedAtPrompt = false
        EditLineState.endingInterruptedLine = false
        EditLineState.earlierLines = statement
        interruption.clear()
        if let typed = TypedAhead.take(from: STDIN_FILENO) {
            // Shown as libedit would have shown it at the prompt.
            let shown = if case .line(let line) = typed { prompt + line + "\n" } else { prompt + "\n" }
            _ = shown.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
            return typed
        }
        TypedAhead.passKeysAsTyped(STDIN_FILENO)
        let raw = readline(prompt)
        defer { free(raw) }
        if EditLineState.interruptedAtPrompt {
            interruption.clear()
            return .interrupted
        }
        guard let raw else {
            // Ctrl-D leaves the cursor after the prompt; the shell's prompt (or an error about
            // the unfinished statement) starts on a line of its own.
            _ = write(STDOUT_FILENO, "\n", 1)
            return .endOfInput
        }
        return .line(String(cString: raw))
    }

    /// libedit turns the wide characters it edits into bytes (the line, the history) with the
    /// C library's LC_CTYPE, which is "C" until a program sets it: in "C" every non-ASCII
    /// character is lost. jnb reads its source as UTF-8 everywhere, so the prompt uses the
    /// environment's character set when that is UTF-8 and C.UTF-8 otherwise (LANG unset, or
    /// another character set). Only LC_CTYPE changes: numbers are still written with a point.
    private static func useUTF8Characters() {
        setlocale(LC_CTYPE, "")
        guard String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" else { return }
        for name in ["C.UTF-8", "UTF-8"] {
            if setlocale(LC_CTYPE, name) != nil { return }
        }
    }

    public func addToHistory(_ line: String) {
        add_history(line)
        save()
    }

    /// Why the history cannot be saved, naming the file and the reason, for a warning when
    /// the prompt starts: the checks of `save()` and a trial file where its temporary file
    /// would go (removed at once, with any folder made for it). Nil when it can be saved, and
    /// for a device such as /dev/null, which asks for no history.
    public func historyProblem() -> String? {
        var status = stat()
        if stat(historyPath, &status) == 0, (status.st_mode & S_IFMT) == S_IFCHR || (status.st_mode & S_IFMT) == S_IFBLK {
            return nil
        }
        let destination: FileWriting.Destination
        do {
            destination = try FileWriting.destination(for: historyPath)
        } catch {
            return error.message
        }
        defer { destination.abandon() }
        return AtomicWrite.withTemporaryFile(beside: destination.path) { trial in
            let descriptor = open(trial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                let reason = AtomicWrite.systemErrorText(errno)
                let parent = FilePaths.parent(of: destination.path)
                let folder = parent.isEmpty ? FileManager.default.currentDirectoryPath : parent
                return "cannot write \(historyPath): creating a file in \(folder): \(reason)"
            }
            close(descriptor)
            unlink(trial)
            return nil
        }
    }

    /// Writes the (stifled) history to a temporary file and renames it over the history file
    /// (the file a symbolic link points to). A history that cannot be saved, or a history path
    /// that is not a regular file (JNB_HISTORY=/dev/null), is not worth interrupting the session
    /// for: nothing is written.
    private func save() {
        guard let target = try? FileWriting.prepare(historyPath) else { return }
        AtomicWrite.withTemporaryFile(beside: target) { temporary in
            guard write_history(temporary) == 0 else {
                unlink(temporary)
                return
            }
            try? AtomicWrite.replace(target, with: temporary)
        }
    }
}

/// What libedit's C callbacks need; they cannot capture context, so it lives here. Used only
/// from the thread that reads lines.
private enum EditLineState {
    nonisolated(unsafe) static var completer: ((String) -> Completions)?
    nonisolated(unsafe) static var interruption: Interruption?
    nonisolated(unsafe) static var interruptedAtPrompt = false
    /// Set once Ctrl-C has moved the cursor to the end of the line, which is then ended.
    nonisolated(unsafe) static var endingInterruptedLine = false
    /// The earlier lines of the statement being read, each ended by a line end.
    nonisolated(unsafe) static var earlierLines = ""
    /// Allocated once and never freed: libedit keeps pointers to them.
    nonisolated(unsafe) static let name: UnsafeMutablePointer<CChar>? = strdup("jnb")
    nonisolated(unsafe) static let wordBreaks: UnsafeMutablePointer<CChar>? = strdup(Completions.wordBreakCharacters)

    /// Reads one character, a whole UTF-8 sequence (libedit stores wide characters). Ctrl-C
    /// ends the line, and `readLine` drops it: as in bash, the line stays on the screen with
    /// `^C` after it, so that it is seen to be dropped. For that, Ctrl-C first gives libedit
    /// Ctrl-E (end of line), and the next call writes `^C` where the cursor now is and gives
    /// the line end.
    static let getCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
        if endingInterruptedLine {
            endingInterruptedLine = false
            _ = write(STDOUT_FILENO, "^C", 2)
            return 10
        }
        let fd = stream.map { fileno($0) } ?? STDIN_FILENO
        guard let lead = readByte(fd) else { return EOF }
        // An interruption, or ^C arriving as a character (a terminal without ISIG).
        guard lead != interruptByte, lead != 3 else {
            interruptedAtPrompt = true
            endingInterruptedLine = true
            return 5
        }
        let extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        guard extra > 0 else { return lead }
        var scalar = UInt32(lead) & (0x3F >> UInt32(extra))
        for _ in 0..<extra {
            guard let next = readByte(fd), next != interruptByte else { return 0xFFFD }
            scalar = (scalar << 6) | (UInt32(next) & 0x3F)
        }
        return Int32(bitPattern: scalar)
    }

    private static let interruptByte: Int32 = -2

    /// One byte, `interruptByte` when Ctrl-C arrived while waiting, nil at the end of input.
    private static func readByte(_ fd: Int32) -> Int32? {
        var byte: UInt8 = 0
        while true {
            // Ctrl-C may have come while libedit was busy rather than waiting in read().
            if interruption?.isRequested ?? false {
                interruption?.clear()
                return interruptByte
            }
            let n = read(fd, &byte, 1)
            if n == 1 { return Int32(byte) }
            if n == 0 { return nil }
            guard errno == EINTR else { return nil }
            if interruption?.isRequested ?? false {
                interruption?.clear()
                return interruptByte
            }
        }
    }

    /// libedit's completion hook: candidates from the session, as a malloc'd, NULL-ended
    /// array whose first entry replaces the word: the candidates' common prefix, or the single
    /// candidate with what follows it (libedit's own append character is left unused: it
    /// would also be shown after each candidate of a list). The other entries are only what
    /// libedit lists on a second Tab: the candidates as the session lists them (names, not
    /// the word libedit happens to replace, which ends at a bracket but not at a dot).
    static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, end in
        jnb_rl_completion_done()
        guard let completer, let buffer = jnb_rl_line_buffer() else { return nil }
        let word = text.map { String(cString: $0) } ?? ""
        // `end` counts characters, not bytes.
        let prefix = String(String.UnicodeScalarView(String(cString: buffer).unicodeScalars.prefix(Int(end))))
        let found = completer(earlierLines + prefix)
        // libedit replaces `word`, on this line; the session's candidates replace
        // `found.replacing`, which ends with `word` and may be longer (a path with a space, a
        // string begun on an earlier line).
        let extra = max(found.replacing.count - word.count, 0)
        let candidates = found.candidates.map { String($0.dropFirst(extra)) }
        guard let first = candidates.first else { return nil }
        var common = first
        for candidate in candidates.dropFirst() {
            common = String(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
        }
        let entries = candidates.count == 1 ? [first + found.suffixAfterSingleCandidate] : [common] + found.listed
        guard let array = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1))?
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1) else { return nil }
        for (i, entry) in entries.enumerated() { array[i] = strdup(entry) }
        array[entries.count] = nil
        return array
    }
}
