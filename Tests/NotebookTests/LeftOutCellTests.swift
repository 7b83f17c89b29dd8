import Foundation
import Testing
import Notebook
import Script
import TestSupport

/// A cell run with --cells or --from that reads a variable, or `ans`, which only a cell the
/// replay left out sets: the error names that cell and says how to run it, instead of
/// sending the user looking for a typo.
@Suite struct LeftOutCellTests {
    static let notebook = """
        # %% [markdown]
        # # Left out
        # %% make
        x = 3
        # %% show
        print "x is" x
        x + 1
        # %% use x
        print x
        # %% use ans
        print ans
        """

    /// The error the replay gave, and what the terminal showed.
    private func failure(_ options: ReplayOptions) throws -> (error: ScriptError, terminal: String) {
        let terminal = CapturedOutput()
        let document = try NotebookReader.parse(Self.notebook, file: "n.jnb")
        let result = try Replay(session: Session(output: terminal), terminal: terminal).run(document, options: options)
        #expect(result.exitCode == 70)
        let failed = try #require(result.cells.first { $0.status == .failed })
        return (try #require(failed.error), terminal.text)
    }

    @Test func ansShownByALeftOutCellNamesThatCell() throws {
        let (error, terminal) = try failure(ReplayOptions(cells: ["use ans"]))
        #expect(error.message == "'ans' has no value yet: it would have been set by n.jnb:7 (cell \"show\"), "
                + "which this replay left out; run from there (--from 2)")
        #expect(error.span?.line == 11)
        // One line, with the caret under `ans` as for any error.
        #expect(terminal.contains("error: n.jnb:11:7: 'ans' has no value yet: it would have been set by n.jnb:7 (cell \"show\")"))
        #expect(terminal.contains("  print ans\n        ^^^\n"))
    }

    @Test func aVariableSetByALeftOutCellNamesThatCell() throws {
        for options in [ReplayOptions(cells: ["use x"]), ReplayOptions(from: "use x"), ReplayOptions(cells: ["show", "use x"], from: "3")] {
            let (error, _) = try failure(options)
            #expect(error.message == "unknown name 'x': it would have been set by n.jnb:4 (cell \"make\"), "
                    + "which this replay left out; run from there (--from 1) or give it with --set x=…")
        }
    }

    @Test func theLastLeftOutCellThatSetsItIsNamed() throws {
        let terminal = CapturedOutput()
        let document = try NotebookReader.parse("""
            # %%
            y = 1
            # %%
            y = 2
            1 + 1
            print "no value"
            # %%
            print y ans
            """, file: "n.jnb")
        for (text, message) in [
            ("print y", "unknown name 'y': it would have been set by n.jnb:4 (cell \"2\"), which this replay left out; run from there (--from 2) or give it with --set y=…"),
            ("print ans", "'ans' has no value yet: it would have been set by n.jnb:5 (cell \"2\"), which this replay left out; run from there (--from 2)"),
        ] {
            var changed = document
            changed.cells[changed.cells.count - 1].source = text
            let result = try Replay(session: Session(output: terminal), terminal: terminal).run(changed, options: ReplayOptions(from: "3"))
            #expect(result.cells.last?.error?.message == message)
        }
    }

    @Test func aSkippedCellIsNotNamedSinceAReplayFromItWouldNotRunIt() throws {
        let terminal = CapturedOutput()
        let document = try NotebookReader.parse("# %% a\nw = 1\n# %% c skip=true\nw = 2\n# %% d\nprint w\n", file: "k.jnb")
        let result = try Replay(session: Session(output: terminal), terminal: terminal).run(document, options: ReplayOptions(cells: ["d"]))
        #expect(result.cells[2].error?.message == "unknown name 'w': it would have been set by k.jnb:2 (cell \"a\"), "
                + "which this replay left out; run from there (--from 1) or give it with --set w=…")
        // Only a skipped cell sets it: nothing a replay runs would, so the message is the usual one.
        let only = try NotebookReader.parse("# %% c skip=true\nw = 2\n# %% d\nprint w\n", file: "k.jnb")
        let alone = try Replay(session: Session(output: terminal), terminal: terminal).run(only, options: ReplayOptions(cells: ["d"]))
        #expect(alone.cells[1].error?.message == "unknown name 'w'; 'vars' lists the variables, 'help' the commands")
    }

    @Test func setIsOfferedOnlyForALiteralThatSetCouldGive() throws {
        let terminal = CapturedOutput()
        let leftOut = "which this replay left out; run from there (--from 1)"
        for (setter, offered) in [
            ("ae = load \"ae.h5\"", false),
            ("ae = 2 * 3", false),
            ("ae = 1\nae = ae + 1", false),
            ("ae = \"ae.h5\"", true),
            ("ae = -2", true),
            ("ae = false", true),
            ("ae = choice \"a\" \"b\"", true),
        ] {
            let document = try NotebookReader.parse("# %% make\n\(setter)\n# %% use\nprint ae\n", file: "n.jnb")
            let result = try Replay(session: Session(output: terminal), terminal: terminal).run(document, options: ReplayOptions(from: "use"))
            let line = setter.split(separator: "\n").count + 1
            #expect(result.cells[1].error?.message == "unknown name 'ae': it would have been set by n.jnb:\(line) (cell \"make\"), "
                    + leftOut + (offered ? " or give it with --set ae=…" : ""), "\(setter)")
        }
    }

    /// A typo of a name that only a left-out cell sets gets the suggestion a full run gives,
    /// with that cell.
    @Test func aTypoOfANameALeftOutCellSetsIsSuggestedWithThatCell() throws {
        let terminal = CapturedOutput()
        let document = try NotebookReader.parse("# %% a\njets_bg = 1\n# %% other\ny = 2\n# %% b\nprint jets_gb\n", file: "n.jnb")
        for options in [ReplayOptions(cells: ["b"]), ReplayOptions(from: "b")] {
            let result = try Replay(session: Session(output: terminal), terminal: terminal).run(document, options: options)
            #expect(result.cells[2].error?.message == "unknown name 'jets_gb'; did you mean 'jets_bg', which n.jnb:2 (cell \"a\") sets? "
                    + "That cell is left out of this replay; run from there (--from 1)")
        }
        // A full run suggests it too, as the interpreter does.
        let full = try Replay(session: Session(output: terminal), terminal: terminal).run(document)
        #expect(full.cells[2].error?.message == "unknown name 'jets_gb'; did you mean 'jets_bg'?")
        // A closer name the session already knows is the interpreter's own suggestion.
        let session = Session(output: terminal)
        try session.define("jets_gc", literal: "3")
        let known = try Replay(session: session, terminal: terminal).run(document, options: ReplayOptions(cells: ["b"]))
        #expect(known.cells[2].error?.message == "unknown name 'jets_gb'; did you mean 'jets_gc'?")
    }

    @Test func anAssignmentRunByTimeSetsItsName() throws {
        let terminal = CapturedOutput()
        let document = try NotebookReader.parse("# %% make\ntime x = 1\n# %% use\nprint x\n", file: "n.jnb")
        let result = try Replay(session: Session(output: terminal), terminal: terminal).run(document, options: ReplayOptions(from: "use"))
        #expect(result.cells[1].error?.message == "unknown name 'x': it would have been set by n.jnb:2 (cell \"make\"), "
                + "which this replay left out; run from there (--from 1)")
    }

    @Test func otherUnknownNamesKeepTheirMessage() throws {
        let terminal = CapturedOutput()
        // Nothing left out sets z, and a cell that ran but set nothing leaves ans as it is.
        let document = try NotebookReader.parse("# %% a\nx = 1\n# %% b\nprint z\n# %% c\nprint ans\n", file: "n.jnb")
        let z = try Replay(session: Session(output: terminal), terminal: terminal).run(document, options: ReplayOptions(cells: ["b"]))
        #expect(z.cells[1].error?.message == "unknown name 'z'; 'vars' lists the variables, 'help' the commands")
        let ans = try Replay(session: Session(output: terminal), terminal: terminal).run(document, options: ReplayOptions(cells: ["c"]))
        #expect(ans.cells[2].error?.message
                == "'ans' has no value yet: it holds the value of the last statement that showed one (an assignment does not set it)")
    }
}
