import Foundation
import Testing
import Script
import TestSupport

@Suite struct SessionTests {
    private func session() -> (Session, CapturedOutput) {
        let output = CapturedOutput()
        return (Session(output: output), output)
    }

    private func number(_ session: Session, _ name: String) -> Double? {
        if case .number(let x)? = session.value(name) { return x }
        return nil
    }

    @Test func aFailingStatementChangesNothing() {
        let (s, _) = session()
        #expect(s.execute("x = 1").succeeded)
        let failed = s.execute("x = [1, 2][5]")
        #expect(failed.error?.category == .runtime)
        #expect(number(s, "x") == 1)
        // A nested assignment inside `time` is part of the same statement.
        #expect(!s.execute("time x = 2 + [1]").succeeded)
        #expect(number(s, "x") == 1)
    }

    @Test func statementsBeforeAFailureKeepTheirEffect() {
        let (s, _) = session()
        let result = s.execute("a = 1\nb = a + 1\nc = b + [1]\nd = 4")
        #expect(result.exitCode == 70)
        #expect(number(s, "a") == 1)
        #expect(number(s, "b") == 2)
        #expect(s.value("c") == nil)
        #expect(s.value("d") == nil)
    }

    @Test func nothingRunsWhenAnyStatementIsInvalid() {
        let (s, output) = session()
        let result = s.execute("a = 1\nprint a\nfti a")
        #expect(result.exitCode == 65)
        #expect(s.value("a") == nil)
        #expect(output.text.isEmpty)
    }

    @Test func anInterruptionStopsBeforeTheNextStatementAndIsThenCleared() {
        let (s, _) = session()
        s.interruption.request()
        let result = s.execute("a = 1")
        #expect(result.error?.category == .interrupted)
        #expect(result.exitCode == 130)
        #expect(s.value("a") == nil)
        #expect(!s.interruption.isRequested)
        #expect(s.execute("a = 1").succeeded)
    }

    @Test func interruptionCountsRequests() {
        let flag = Interruption()
        #expect(flag.request() == 1)
        #expect(flag.request() == 2)
        #expect(flag.isRequested)
        flag.clear()
        #expect(!flag.isRequested)
    }

    @Test func timePrintsTheDurationAndKeepsTheValue() {
        let (s, output) = session()
        #expect(s.execute("time x = 6 * 7").succeeded)
        #expect(number(s, "x") == 42)
        #expect(output.text.hasPrefix("time: 0.0"))
        #expect(output.text.hasSuffix(" s\n"))
    }

    /// A command stopped by Ctrl-C shows its time whether it fails (simulate) or keeps what it
    /// did (fit), and both say "stopped by Ctrl-C".
    @Test func timeOfACommandStoppedByCtrlC() throws {
        let s = Session(output: CapturedOutput())
        #expect(s.execute("j = simulate n=300 seed=1; ae = autoencoder [625, 16, 625]").succeeded)
        for (statement, message) in [("time k = simulate n=100000 seed=2", "simulate: stopped by Ctrl-C"),
                                     ("time fit ae j epochs=3 batch=100 threads=1", "fit: stopped by Ctrl-C in epoch 1 of 3,")] {
            let output = CtrlCAtFirstProgress(s.interruption)
            s.output = output
            let result = s.execute(statement)
            #expect(result.exitCode == 130, "\(statement)")
            #expect(result.error?.message.hasPrefix(message) == true, "\(result.error?.message ?? "")")
            #expect(output.text.hasPrefix("time: "), "\(statement): \(output.text)")
        }
    }

    @Test func defineFromCommandLineText() throws {
        let (s, _) = session()
        try s.define("n", literal: "1000")
        try s.define("flag", literal: "true")
        try s.define("path", literal: "data/jets.h5")
        try s.define("quoted", literal: "\"1000\"")
        #expect(number(s, "n") == 1000)
        if case .bool(true)? = s.value("flag") {} else { Issue.record("flag is not true") }
        if case .string("data/jets.h5")? = s.value("path") {} else { Issue.record("path is not the string") }
        if case .string("1000")? = s.value("quoted") {} else { Issue.record("quoted is not a string") }
        #expect(throws: ScriptError.self) { try s.define("2x", literal: "1") }
        #expect(throws: ScriptError.self) { try s.define("mass", literal: "1") }
    }

    @Test func continuationIsNeededForOpenInput() {
        #expect(Session.needsMoreInput("ae = autoencoder [625,"))
        #expect(Session.needsMoreInput("print \"two\nlines"))
        #expect(Session.needsMoreInput("fit ae data \\"))
        #expect(!Session.needsMoreInput("fit ae data"))
        #expect(!Session.needsMoreInput("x = )"))
    }

    @Test func diagnosticDrawsACaretUnderTheArgument() {
        let (s, _) = session()
        let source = "x = 1\nsplit x trian=0.8"
        let error = s.execute(source, origin: SourceOrigin(file: "n.jnb", line: 20)).error
        let text = Session.diagnostic(error ?? ScriptError(.runtime, "no error"), source: source, origin: SourceOrigin(file: "n.jnb", line: 20))
        #expect(text == """
            error: n.jnb:21:9: split has no argument 'trian'; did you mean 'train'? (its arguments are jets, train, test, seed)
              split x trian=0.8
                      ^^^^^
            """)
    }

    /// A very long line is shown as a window around the place, cut with …, the caret still
    /// under the culprit.
    @Test func diagnosticOfAVeryLongLineShowsAWindow() {
        let (s, _) = session()
        let source = "x = [" + Array(repeating: "1", count: 2000).joined(separator: ", ") + ", nope, 2, 3]"
        let error = s.execute(source).error ?? ScriptError(.runtime, "no error")
        let lines = Session.diagnostic(error, source: source).split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[0].hasPrefix("error: unknown name 'nope'"))
        #expect(lines[1].count <= 2 + 120 + 2 && lines[1].hasPrefix("  …") && lines[1].hasSuffix(", 2, 3]"))
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) } ?? -1
        #expect(String(Array(lines[1])[caret..<(caret + 4)]) == "nope")
        #expect(lines[2].hasSuffix("^^^^"))
    }

    @Test func quitStopsTheRemainingStatements() {
        let (s, output) = session()
        _ = s.execute("print 1; quit 4; print 2")
        #expect(s.quitStatus == 4)
        #expect(output.text == "1\n")
    }

    @Test func saveWritesCSVAtomically() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (s, _) = session()
        try s.define("dir", .string(dir.path))
        let result = s.execute("t = table name=[\"a, b\", \"c\"] x=[1.5, 2]\nsave t dir + \"/sub/t.csv\"\nsave t.x dir + \"/x.csv\"")
        #expect(result.succeeded)
        #expect(result.filesWritten == [dir.path + "/sub/t.csv", dir.path + "/x.csv"])
        #expect(try String(contentsOfFile: dir.path + "/sub/t.csv", encoding: .utf8) == "name,x\n\"a, b\",1.5\nc,2\n")
        #expect(try String(contentsOfFile: dir.path + "/x.csv", encoding: .utf8) == "x\n1.5\n2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["sub", "x.csv"])
    }

    @Test func saveOverADirectoryIsAnIOError() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.path + "/t.csv", withIntermediateDirectories: true)
        let (s, _) = session()
        try s.define("dir", .string(dir.path))
        let result = s.execute("save (table x=[1]) dir + \"/t.csv\"")
        #expect(result.exitCode == 74)
        #expect(result.error?.message == "save: \(dir.path)/t.csv is a directory, expected a file name")
    }

    @Test func saveIntoAnUnwritableDirectoryKeepsThePreviousFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        try "old\n".write(toFile: dir.path + "/t.csv", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        guard access(dir.path, W_OK) != 0 else { return } // running as root: permissions do not bind
        let (s, _) = session()
        try s.define("dir", .string(dir.path))
        let result = s.execute("save (table x=[1]) dir + \"/t.csv\"")
        #expect(result.exitCode == 74)
        #expect(try String(contentsOfFile: dir.path + "/t.csv", encoding: .utf8) == "old\n")
    }

    @Test func saveRefusesDevicesAndPipes() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.path + "/pipe.csv"
        #expect(mkfifo(fifo, 0o644) == 0)
        let (s, _) = session()
        try s.define("path", .string(fifo))
        let result = s.execute("save (table x=[1]) path")
        #expect(result.exitCode == 74)
        #expect(result.error?.message == "save: \(fifo) is not a regular file (a device, pipe or socket); give the name of a file to write")
        // The pipe is still a pipe, not replaced by a file.
        let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
        #expect(type != .typeRegular)
    }

    @Test func saveThroughASymbolicLinkKeepsTheLink() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "old\n".write(toFile: dir.path + "/real.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.csv", withDestinationPath: "real.csv")
        let (s, _) = session()
        try s.define("path", .string(dir.path + "/link.csv"))
        #expect(s.execute("save (table x=[1]) path").succeeded)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link.csv") == "real.csv")
        #expect(try String(contentsOfFile: dir.path + "/real.csv", encoding: .utf8) == "x\n1\n")
    }
}

