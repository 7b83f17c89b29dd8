import Foundation
import Testing
import TestSupport

/// The built `jnb` binary: modes, options and exit statuses.
@Suite struct CommandLineTests {
    static var jnb: String { Fixtures.productsDirectory.appendingPathComponent("jnb").path }

    private func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Tools.Result {
        try Tools.run(Self.jnb, arguments, stdin: stdin, environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: directory)
    }

    @Test func versionAndHelp() throws {
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("jnb 0.1.0\nOpenBLAS "))
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("jnb run <file.jnb> [options]"))
        #expect(help.stdout.contains("64 wrong usage"))
        let runHelp = try run(["run", "--help"])
        #expect(runHelp.stdout.contains("--continue") && runHelp.stdout.contains("--report"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run(["--bogus"]).status == 64)
        #expect(try run(["run"]).status == 64)
        #expect(try run(["-c", "1", "--set", "novalue"]).status == 64)
        #expect(try run(["-c", "1", "--set", "mass=3"]).status == 64)
    }

    @Test func usageErrorsAreOneLineInJnbsStyle() throws {
        let (dir, _) = try notebook("# %% make\nprint 1\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["--bogus"], "error: unknown option '--bogus'; see 'jnb --help'"),
            (["run"], "error: missing expected argument '<file.jnb>'; see 'jnb run --help'"),
            (["run", "n.jnb", "--bogus"], "error: unknown option '--bogus'; see 'jnb run --help'"),
            (["run", "n.jnb", "--contine"], "error: unknown option '--contine'; did you mean '--continue'?"),
            (["run", "n.jnb", "--cells", "nope"], "error: no cell 'nope' in n.jnb; its code cells are 1 \"make\""),
            (["run", "n.jnb", "--cells", ""], "error: --cells names no cell; give cell names or numbers, comma-separated"),
            (["run", "n.jnb", "--cells", ","], "error: --cells names no cell; give cell names or numbers, comma-separated"),
            (["run", "n.jnb", "--summary", ""], "error: --summary names no file; give a file name or leave out --summary"),
            (["run", "n.jnb", "--report", "  "], "error: --report names no file; give a file name or leave out --report"),
            (["run", "n.jnb", "--set", "n"], "error: --set expects name=value, got 'n'"),
            (["run", "n.jnb", "--set"], "error: missing value for '--set <name=value>'; see 'jnb run --help'"),
            (["--set", "a=1", "run", "n.jnb", "--set"], "error: missing value for '--set <name=value>'; see 'jnb run --help'"),
            (["-c", "print 1", "--set"], "error: missing value for '--set <name=value>'; see 'jnb --help'"),
            (["-c", "print 1", "-c", "print 2"], "error: -c is given 2 times; give all the statements to one -c, separated by ';' or new lines"),
            (["run", "n.jnb", "--from", "1", "--from", "make"], "error: --from is given 2 times; give it once (--cells takes a comma-separated list)"),
            (["run", "n.jnb", "--cells", "1", "--cells", "make"], "error: --cells is given 2 times; give it once (--cells takes a comma-separated list)"),
            (["run", "n.jnb", "--set", "true=3"], "error: --set true=3: 'true' is a reserved word of the language and cannot be a variable name"),
            (["run", "n.jnb", "--set", "out="], "error: --set out=: the value is empty; give a value or leave out --set out"),
            (["-c", "print 1", "--set", "out= "], "error: --set out= : the value is empty; give a value or leave out --set out"),
            (["run", "n.jnb", "-c", "print 99"], "error: -c and run do not go together: run the statements with jnb -c, or put them in the notebook"),
            (["-c", "print 99", "run", "n.jnb"], "error: -c and run do not go together: run the statements with jnb -c, or put them in the notebook"),
            (["n.jnb"], "error: unexpected argument 'n.jnb'; to replay a notebook: jnb run n.jnb"),
            (["other.jnb"], "error: unexpected argument 'other.jnb'; to replay a notebook: jnb run other.jnb"),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments, in: dir)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == message + "\n", "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
    }

    @Test func aSetValueMustFitItsParametersDefaultBeforeAnythingRuns() throws {
        let (dir, _) = try notebook("# %% [parameters]\nn = 100\nout = \"out\"\nfast = false\n# %% use\nprint (out + \"/x\") (n + 1) fast\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let expectNumber = "expected a number as the language writes it (6_000, 1e3, -2), like its default 100"
        let cases: [(String, String)] = [
            ("n=2k", "error: --set n=2k: parameter 'n' of n.jnb: \(expectNumber); got '2k'"),
            ("n=abc", "error: --set n=abc: parameter 'n' of n.jnb: \(expectNumber); got 'abc'"),
            ("n=1,000", "error: --set n=1,000: parameter 'n' of n.jnb: \(expectNumber); got '1,000'"),
            ("n=0x10", "error: --set n=0x10: parameter 'n' of n.jnb: \(expectNumber); got '0x10'"),
            ("n=0x1p3", "error: --set n=0x1p3: parameter 'n' of n.jnb: \(expectNumber); got '0x1p3'"),
            ("n=inf", "error: --set n=inf: parameter 'n' of n.jnb: \(expectNumber); got 'inf'"),
            ("n=nan", "error: --set n=nan: parameter 'n' of n.jnb: \(expectNumber); got 'nan'"),
            ("n=true", "error: --set n=true: parameter 'n' of n.jnb: \(expectNumber); got 'true'"),
            ("fast=1", "error: --set fast=1: parameter 'fast' of n.jnb: expected true or false, like its default false; got '1'"),
        ]
        for (definition, message) in cases {
            let result = try run(["run", "n.jnb", "--set", definition, "--summary", "s.json"], in: dir)
            #expect(result.status == 64, "\(definition)")
            #expect(result.stderr == message + "\n", "\(definition)")
            #expect(result.stdout.isEmpty, "\(definition)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/s.json"), "\(definition)")
        }
        // Every bad value is reported, each on its own line, and still nothing runs.
        let both = try run(["run", "n.jnb", "--set", "n=2k", "--set", "out=007", "--set", "fast=1", "--summary", "s.json"], in: dir)
        #expect(both.status == 64)
        #expect(both.stderr == "error: --set fast=1: parameter 'fast' of n.jnb: expected true or false, like its default false; got '1'\n"
                + "error: --set n=2k: parameter 'n' of n.jnb: \(expectNumber); got '2k'\n")
        #expect(both.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/s.json"))
        let fitting = try run(["run", "n.jnb", "--set", "n=+1_000", "--set", "out=007", "--set", "fast=true"], in: dir)
        #expect(fitting.status == 0)
        #expect(fitting.stdout.contains("\n007/x 1001 true\n"))
    }

    @Test func statementsWithDashC() throws {
        let ok = try run(["-c", "x = 6; print x * 7", "--set", "y=1"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "42\n")
        #expect(ok.stderr.isEmpty)
        let defined = try run(["-c", "print data n + 1", "--set", "data=jets.h5", "--set", "n=41"])
        #expect(defined.stdout == "jets.h5 42\n")
    }

    @Test func exitStatusFollowsTheKindOfError() throws {
        let syntax = try run(["-c", "x = (1"])
        #expect(syntax.status == 65)
        #expect(syntax.stderr == "error: <command line>:1:7: expected ')' to close the '(' at 1:5, found the end of the input\n  x = (1\n        ^\n")
        #expect(try run(["-c", "fti 3"]).status == 65)
        #expect(try run(["-c", "x = 1 + [2]"]).status == 70)
        #expect(try run(["-c", "run \"/nonexistent/file.jnb\""]).status == 74)
        #expect(try run(["-c", "quit 9"]).status == 9)
    }

    /// A file name written out with the wrong extension is found before anything runs: one
    /// status (65) and one category (syntax) with -c, standard input, run and replay.
    @Test func aWrongExtensionFoundBeforeTheRunIsOneErrorEverywhere() throws {
        let (dir, _) = try notebook("# %% a\nprint \"ran a\"\n# %% b\nsave 1 \"k.txt\"\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let statements = "print \"ran\"; save 1 \"k.txt\""
        for result in [try run(["-c", statements], in: dir), try run([], stdin: statements, in: dir),
                       try run(["-c", "run \"n.jnb\""], in: dir)] {
            #expect(result.status == 65)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("save: argument 'file': expected a file name ending in .h5, .hdf5, .csv, .svg, .pdf or .png, got \"k.txt\""))
        }
        let replay = try run(["run", "n.jnb", "--summary", "s.json"], in: dir)
        #expect(replay.status == 65)
        let summary = try String(contentsOfFile: dir.path + "/s.json", encoding: .utf8)
        #expect(summary.contains("\"category\" : \"syntax\""))
        #expect(!summary.contains("\"runtime\""))
    }

    @Test func dashCErrorsHaveTheirPlace() throws {
        let result = try run(["-c", "x = 1\ny = jest"])
        #expect(result.status == 70)
        #expect(result.stderr == "error: <command line>:2:5: unknown name 'jest'; 'vars' lists the variables, 'help' the commands\n  y = jest\n      ^^^^\n")
    }

    @Test func anErrorInAFileThatRunRanShowsThatFilesLine() throws {
        let (dir, _) = try notebook("a = 1\nb = nosuch\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try run(["-c", "run \"n.jnb\""], in: dir)
        #expect(result.status == 70)
        #expect(result.stderr == "error: n.jnb:2:5: unknown name 'nosuch'; 'vars' lists the variables, 'help' the commands\n  b = nosuch\n      ^^^^^^\n")
    }

    @Test func aFailingStatementWithQuitEndsWithTheErrorStatus() throws {
        let failed = try run(["-c", "print \"before\"; quit 256; print \"after\""])
        #expect(failed.status == 70)
        #expect(failed.stdout == "before\n")
        #expect(failed.stderr.hasPrefix("error: <command line>:1:22: quit: argument 'status': expected a whole number 0…255, got number 256\n"))
        // quit where a value is needed is refused before anything runs.
        let refused = try run(["-c", "print \"before\"; x = 1 + quit; print \"after\""])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("error: <command line>:1:25: cannot apply '+' to quit (which gives no value)\n"))
        let signed = try run(["-c", "quit -1; print \"after\""])
        #expect(signed.status == 65)
        #expect(signed.stdout.isEmpty)
    }

    @Test func standardInputIsAScript() throws {
        let result = try run([], stdin: "x = 2\nprint x\nx + [1]\nprint \"not reached\"\n")
        #expect(result.status == 70)
        #expect(result.stdout == "2\n")
        #expect(!result.stdout.contains("jnb>"))
        #expect(result.stderr == "error: <stdin>:3:1: cannot apply '+' to a number and a list\n  x + [1]\n  ^^^^^^^\n")
        let binary = try Tools.run("/bin/sh", ["-c", "printf 'x = \"\\377\"' | \(Self.jnb)"])
        #expect(binary.status == 74)
        #expect(binary.stderr == "error: <stdin>:1: the file is not UTF-8 text (invalid byte sequence on this line)\n")
    }

    private func notebook(_ text: String) throws -> (dir: URL, path: String) {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("n.jnb").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test func runReplaysANotebookAndWritesSummaryAndReport() throws {
        let (dir, _) = try notebook("# %% [markdown]\n# # Title\n# %% one\nx = 1\n# %% two\nprint x + n\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try run(["run", "n.jnb", "--set", "n=2", "--summary", "out/s.json", "--report", "out/r.html"], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("[1/2] one\nok "))
        #expect(result.stdout.contains("[2/2] two\n3\nok "))
        #expect(result.stdout.contains("n.jnb: 2 code cells: 2 ok in "))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/s.json"))
        let html = try String(contentsOfFile: dir.path + "/out/r.html", encoding: .utf8)
        #expect(html.contains("<h1>Title</h1>"))
    }

    @Test func runStopsAtAFailureUnlessContinue() throws {
        let (dir, _) = try notebook("# %% one\nx = 1 + [1]\n# %% two\nprint \"two ran\"\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let stopped = try run(["run", "n.jnb"], in: dir)
        #expect(stopped.status == 70)
        #expect(!stopped.stdout.contains("two ran"))
        #expect(stopped.stderr.contains("failed ") && stopped.stderr.contains("n.jnb:2 (cell \"one\")"))
        let continued = try run(["run", "n.jnb", "--continue"], in: dir)
        #expect(continued.status == 70)
        #expect(continued.stdout.contains("two ran"))
        let chosen = try run(["run", "n.jnb", "--cells", "two"], in: dir)
        #expect(chosen.status == 0)
        #expect(try run(["run", "n.jnb", "--from", "three"], in: dir).status == 64)
    }

    @Test func runReportsFileAndFormatProblems() throws {
        #expect(try run(["run", "/nonexistent/n.jnb"]).status == 74)
        let (dir, _) = try notebook("# %% one timeout=never\nx = 1\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try run(["run", "n.jnb"], in: dir)
        #expect(bad.status == 65)
        #expect(bad.stderr == """
            error: n.jnb:1:10: cell option timeout must be a number of seconds > 0, got 'never'
              # %% one timeout=never
                       ^^^^^^^^^^^^^
            nothing ran: a cell has an error that stops the notebook before it starts

            """)
    }

    /// A notebook from a pipe (`jnb run <(…)`, a FIFO) or a device is read as a file is.
    @Test func runReadsAPipeOrADevice() throws {
        let piped = try Tools.run("/bin/bash", ["-c", "\(Self.jnb) run <(printf '# %%%% a\\nprint 41 + 1\\n')"],
                                  environment: ["JNB_HISTORY": "/dev/null"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("[1/1] a\n42\nok "))
        let empty = try run(["run", "/dev/null"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout == "/dev/null: no code cells, nothing to run\n")
    }

    @Test func commandReferenceIsTheDocsSection() throws {
        let reference = try run(["--command-reference"])
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/LANGUAGE.md"), encoding: .utf8)
        #expect(reference.status == 0)
        #expect(docs.contains(reference.stdout))
    }
}
