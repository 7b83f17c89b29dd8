import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// jnb on a real pseudo-terminal: a tmux server of its own running one jnb, with keys sent
/// and the screen read back. The screen stays readable after jnb has ended.
public final class Terminal {
    public let socket = "jnb-test-\(UUID().uuidString.prefix(8))"
    public let directory: URL

    public struct Failure: Error { public var message: String }

    /// The jnb built with the tests.
    public static var jnb: String { Fixtures.productsDirectory.appendingPathComponent("jnb").path }

    /// Starts jnb in `directory` with the history file `history`, the variables `environment`
    /// set and those named in `unsetting` removed (LANG, to see jnb without a locale). With
    /// `afterExit`, a shell runs jnb and then those commands (to see what jnb left on the
    /// screen); otherwise jnb replaces the shell.
    public init(directory: URL, history: String, environment: [String: String] = [:], unsetting: [String] = [],
                afterExit: String? = nil) throws {
        self.directory = directory
        let unset = unsetting.isEmpty ? "" : "unset \(unsetting.joined(separator: " ")); "
        let variables = (environment.merging(["JNB_HISTORY": history]) { $1 })
            .sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let run = afterExit.map { "\(variables) '\(Self.jnb)'; \($0)" } ?? "\(variables) exec '\(Self.jnb)'"
        let command = "cd '\(directory.path)' && \(unset)\(run)"
        let status = Self.spawnAndWait(["tmux", "-L", socket, "new-session", "-d", "-s", "t", "-x", "120", "-y", "50", command,
                                        ";", "set-option", "-t", "t", "remain-on-exit", "on"])
        guard status == 0 else { throw Failure(message: "tmux new-session failed with status \(status)") }
    }

    /// Runs a program with its standard streams on /dev/null and waits for it. Foundation's
    /// Process never sees `tmux new-session` end (the client leaves a server daemon behind),
    /// so this one uses posix_spawn and waitpid.
    public static func spawnAndWait(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A clean signal state, as a shell would give: the test runner's threads block signals.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        setenv("TERM", "xterm", 0)
        guard posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    deinit { _ = Self.spawnAndWait(["tmux", "-L", socket, "kill-server"]) }

    @discardableResult
    public func tmux(_ arguments: [String]) throws -> Tools.Result {
        try Tools.run("tmux", ["-L", socket] + arguments, environment: ["TERM": "xterm"])
    }

    public func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }
    public func press(_ key: String) throws { try tmux(["send-keys", "-t", "t", key]) }

    /// The visible screen; tmux drops trailing spaces, so the prompt reads "jnb>".
    public var screen: String {
        (try? tmux(["capture-pane", "-p", "-t", "t"]).stdout) ?? ""
    }

    /// Waits until the screen satisfies `condition` (up to `seconds`); returns whether it did.
    /// The default bound is generous because it costs nothing when the screen is ready: on a
    /// machine busy with a build and the other tests, a bound of 5 s once ran out.
    public func wait(_ seconds: Double = 20, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(screen) { return true }
            usleep(50_000)
        }
        return condition(screen)
    }

    public func wait(for text: String, _ seconds: Double = 20) -> Bool {
        wait(seconds) { $0.contains(text) }
    }

    /// Lines of the screen, trailing blanks removed.
    public var lines: [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
    }

    /// The column of the cursor (0 at the left edge); -1 when tmux cannot tell.
    public var cursorColumn: Int {
        (try? tmux(["display-message", "-p", "-t", "t", "#{cursor_x}"])).flatMap {
            Int($0.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        } ?? -1
    }

    /// True once jnb (or, with `afterExit`, the shell) has ended.
    public var hasExited: Bool {
        (try? tmux(["display-message", "-p", "-t", "t", "#{pane_dead}"]))?.stdout.hasPrefix("1") ?? true
    }
}
