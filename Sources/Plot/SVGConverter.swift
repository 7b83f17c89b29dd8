import AtomicWrite
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// rsvg-convert (librsvg), which turns Plot's SVG into PDF or PNG: found in the folders of
/// PATH, run without a shell, reading the SVG from a file as its standard input and writing the
/// result to another as its standard output, so that no document passes through a command line.
struct SVGConverter {
    static let program = "rsvg-convert"
    /// How to get the program, for the message when it is missing.
    static let installation = "apt-get install librsvg2-bin"

    /// Why a conversion failed, in one line (the converter's own message when it gave one).
    struct Failure: Error {
        let reason: String
    }

    /// The program's path.
    let executable: String

    /// The folders to look in when the caller gives none: PATH, or where a system without a
    /// PATH keeps its programs.
    static var defaultSearchPath: String {
        ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// The first rsvg-convert that is an executable file in the folders of `searchPath`
    /// (PATH's form: folders separated by colons; empty entries are skipped rather than taken as
    /// the current folder), or nil.
    static func find(searchPath: String) -> SVGConverter? {
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = NSString(string: String(folder)).appendingPathComponent(program)
            var status = stat()
            guard stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 else { continue }
            return SVGConverter(executable: candidate)
        }
        return nil
    }

    /// Runs the program with `arguments`, its standard input `input` and standard output
    /// `output` (open file descriptors), and waits for it. It runs in a process group of its
    /// own, so that Ctrl-C at the terminal, which goes to jnb's group, lets it finish (it takes
    /// well under a second) and jnb decides what to do with the result.
    func run(_ arguments: [String], input: Int32, output: Int32) throws(Failure) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw Failure(reason: "cannot start \(Self.program): \(AtomicWrite.systemErrorText(errno))")
        }
        let (messages, messagesEnd) = (ends[0], ends[1])
        // Only the child's copy of the pipe, made by dup2, may outlive an exec.
        _ = fcntl(messages, F_SETFD, FD_CLOEXEC)
        _ = fcntl(messagesEnd, F_SETFD, FD_CLOEXEC)
        defer { close(messages) }
        var child = pid_t()
        let code = spawn(arguments, input: input, output: output, messages: messagesEnd, child: &child)
        close(messagesEnd)
        guard code == 0 else {
            throw Failure(reason: "cannot start \(executable): \(AtomicWrite.systemErrorText(code))")
        }
        let text = Self.readAll(messages)
        let status = Self.wait(for: child)
        let said = Self.oneLine(text)
        let detail = said.isEmpty ? "" : ": " + said
        switch status {
        case .exited(0): return
        case .exited(let code): throw Failure(reason: "\(Self.program) failed (exit status \(code))\(detail)")
        case .signalled(let signal): throw Failure(reason: "\(Self.program) was ended by signal \(signal)\(detail)")
        case .unknown(let code): throw Failure(reason: "\(Self.program) could not be waited for: \(AtomicWrite.systemErrorText(code))")
        }
    }

    /// The program's message in one line: its lines joined, with "; " after a line that does
    /// not end a sentence.
    private static func oneLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.indices.map { index in
            guard index < lines.count - 1 else { return lines[index] }
            return lines[index] + (lines[index].last.map { ".:;!?".contains($0) } == true ? " " : "; ")
        }.joined()
    }

    private enum Status {
        case exited(Int32), signalled(Int32), unknown(errno: Int32)
    }

    /// Starts the program with its standard streams on the three descriptors; returns
    /// posix_spawn's error code (0: started, `child` set).
    private func spawn(_ arguments: [String], input: Int32, output: Int32, messages: Int32, child: inout pid_t) -> Int32 {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, messages, STDERR_FILENO)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own (see run), the signals jnb handles or ignores back to
        // their defaults, and none blocked.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var blocked = sigset_t()
        sigemptyset(&blocked)
        posix_spawnattr_setsigmask(&attributes, &blocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        return posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    }

    /// Everything the program writes to `descriptor` until it closes it.
    private static func readAll(_ descriptor: Int32) -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits for `child` to end, through Ctrl-C (which interrupts waitpid, as jnb's handler
    /// does not restart calls).
    private static func wait(for child: pid_t) -> Status {
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { return .unknown(errno: errno) }
        }
        // WIFEXITED and WTERMSIG are C macros: the low seven bits are the signal, 0 for an exit.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
