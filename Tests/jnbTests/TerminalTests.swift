import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// jnb on a real pseudo-terminal (tmux): line editing, tab completion, the history file,
/// Ctrl-R, continuation prompts, and Ctrl-C at the prompt and during a command.
@Suite(.serialized) struct TerminalTests {
    @Test func completionHistoryContinuationAndCtrlCAtThePrompt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = FileManager.default.createFile(atPath: dir.path + "/jets_file.h5", contents: Data())
        let history = dir.path + "/history"
        var terminal: Terminal? = try Terminal(directory: dir, history: history)
        guard let t = terminal else { return }
        #expect(t.wait(for: "jnb>"))

        // A command name, then a file name inside quotes.
        try t.type("spl")
        try t.press("Tab")
        #expect(t.wait(for: "jnb> split"))
        try t.press("C-u")
        try t.type("x = load \"jets_f")
        try t.press("Tab")
        #expect(t.wait(for: "jnb> x = load \"jets_file.h5\n"))
        try t.press("C-u")

        // Ctrl-C drops the line: it does not run, and the prompt comes back.
        try t.type("x = 4")
        try t.press("Enter")
        try t.type("x = 5 + [1]")
        #expect(t.wait(for: "jnb> x = 5 + [1]"))
        let prompts = t.screen.components(separatedBy: "jnb>").count
        try t.press("C-c")
        // Keys typed before the terminal has handled ^C are discarded by the terminal itself
        // (no NOFLSH), as in any shell: type on once the fresh prompt is there.
        #expect(t.wait { $0.components(separatedBy: "jnb>").count > prompts })
        try t.type("print x * 10")
        try t.press("Enter")
        #expect(t.wait(for: "\n40\n"))
        #expect(!t.screen.contains("cannot apply"))

        // An open bracket continues on a second prompt.
        try t.type("l = [1,")
        try t.press("Enter")
        #expect(t.wait(for: "...>"))
        try t.type("2]")
        try t.press("Enter")
        try t.type("print l")
        try t.press("Enter")
        #expect(t.wait(for: "[1, 2]"))

        // Ctrl-R finds an earlier line.
        try t.press("C-r")
        try t.type("x * 1")
        #expect(t.wait(for: "print x * 10"))
        try t.press("Enter")
        #expect(t.wait { $0.components(separatedBy: "\n40\n").count == 3 })

        // Ctrl-D leaves; the history file holds what was entered, not what Ctrl-C dropped.
        try t.press("C-d")
        #expect(t.wait(20) { _ in t.hasExited })
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.hasPrefix("_HiStOrY_V2_\n"))
        #expect(saved.contains("print\\040x\\040*\\04010"))
        #expect(!saved.contains("[1]"))
        terminal = nil

        // A new session starts with that history: the up arrow brings back the last line.
        let again = try Terminal(directory: dir, history: history)
        #expect(again.wait(for: "jnb>"))
        try again.press("Up")
        #expect(again.wait(for: "jnb> print x * 10"))
    }

    @Test func historyIsCapped() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let history = dir.path + "/history"
        // An old history longer than the cap (2000 entries).
        try ("_HiStOrY_V2_\n" + (0..<2500).map { "x\\040=\\040\($0)\n" }.joined()).write(toFile: history, atomically: true, encoding: .utf8)
        let t = try Terminal(directory: dir, history: history)
        #expect(t.wait(for: "jnb>"))
        try t.type("y = 1")
        try t.press("Enter")
        #expect(t.wait(for: "jnb> y = 1\njnb>"))
        try t.press("C-d")
        #expect(t.wait(20) { _ in t.hasExited })
        let lines = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.count == 2001)
        #expect(lines.last == "y\\040=\\0401")
        #expect(lines[1] == "x\\040=\\040501")
    }

    @Test func ctrlCStopsARunningCommandAndKeepsTheSession() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A file that runs a thousand-statement file ten thousand times: many seconds of work
        // with a safe point before every statement.
        try String(repeating: "n = n + 1\n", count: 1000).write(toFile: dir.path + "/step.jnb", atomically: true, encoding: .utf8)
        try String(repeating: "run \"step.jnb\"\n", count: 10_000).write(toFile: dir.path + "/long.jnb", atomically: true, encoding: .utf8)
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("n = 0")
        try t.press("Enter")
        try t.type("run \"long.jnb\"")
        try t.press("Enter")
        usleep(700_000)
        let pressed = Date()
        try t.press("C-c")
        #expect(t.wait(for: "stopped by Ctrl-C before this statement", 2))
        #expect(Date().timeIntervalSince(pressed) < 1.5)
        #expect(t.wait { $0.split(separator: "\n").last == "jnb>" })
        // The session is intact: n holds the count reached when the statement stopped.
        try t.type("print \"n is\" n < 10000000")
        try t.press("Enter")
        #expect(t.wait(for: "\nn is true\n"))
    }

    @Test func simulateShowsProgressAndCtrlCStopsIt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("keep = 1")
        try t.press("Enter")
        try t.type("jets = simulate n=100000 seed=1")
        try t.press("Enter")
        // The bar with its rate appears on the terminal while the simulator runs.
        #expect(t.wait(5) { $0.contains("simulate ") && $0.contains("jets/s") && $0.contains("ETA") })
        let pressed = Date()
        try t.press("C-c")
        #expect(t.wait(for: "simulate: stopped by Ctrl-C", 3))
        #expect(Date().timeIntervalSince(pressed) < 3)
        // The interrupted statement assigned nothing; what was there before is still there.
        try t.type("print keep")
        try t.press("Enter")
        #expect(t.wait(for: "\n1\n"))
        try t.type("jets")
        try t.press("Enter")
        #expect(t.wait(for: "unknown name 'jets'"))
    }

    @Test func ctrlCStopsFitAndTheModelKeepsWhatItLearnt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("jets = load \"\(Fixtures.pythia4k.path)\"; ae = autoencoder [625, 625]")
        try t.press("Enter")
        try t.type("fit ae jets epochs=100000 batch=64 threads=1")
        try t.press("Enter")
        // One line per epoch, then Ctrl-C.
        #expect(t.wait(10) { $0.contains(" 1/100000  train ") })
        try t.press("C-c")
        #expect(t.wait(for: "fit: stopped by Ctrl-C in epoch", 5))
        #expect(t.wait(for: "ae keeps the weights and the history of"))
        try t.type("print ae.history.interrupted ae.history.epochs > 0")
        try t.press("Enter")
        #expect(t.wait(for: "\ntrue true\n"))
    }

    @Test func historyThroughALinkStaysALinkAndAPipeIsLeftAlone() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A history kept elsewhere through a link (as dotfile managers do).
        try "_HiStOrY_V2_\nold\\040line\n".write(toFile: dir.path + "/real_history", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/history", withDestinationPath: "real_history")
        let linked = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(linked.wait(for: "jnb>"))
        try linked.type("y = 2")
        try linked.press("Enter")
        #expect(linked.wait(for: "jnb> y = 2\njnb>"))
        try linked.press("C-d")
        #expect(linked.wait(20) { _ in linked.hasExited })
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/history") == "real_history")
        #expect(try String(contentsOfFile: dir.path + "/real_history", encoding: .utf8).contains("y\\040=\\0402"))

        // A pipe (or a device such as /dev/null) is neither read nor replaced.
        #expect(mkfifo(dir.path + "/pipe", 0o644) == 0)
        let piped = try Terminal(directory: dir, history: dir.path + "/pipe")
        #expect(piped.wait(for: "jnb>"))
        try piped.type("print 40 + 2")
        try piped.press("Enter")
        #expect(piped.wait(for: "\n42\n"))
        let type = try FileManager.default.attributesOfItem(atPath: dir.path + "/pipe")[.type] as? FileAttributeType
        #expect(type != .typeRegular)
    }
}

