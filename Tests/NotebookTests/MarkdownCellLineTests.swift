import Testing
import Notebook
import Script

/// A markdown cell holds comment lines. A line that is not one would be dropped by a replay
/// but run by `run`, which reads the notebook as a script: it is an error at its line.
@Suite struct MarkdownCellLineTests {
    @Test func aLineThatIsNotACommentIsAnErrorAtItsLine() throws {
        let text = "# %% [markdown]\n# # Title\n\n#\n  # indented\njets = simulate n=10\n# %%\nx = 1\n"
        do {
            _ = try NotebookReader.parse(text, file: "n.jnb")
            Issue.record("the code line in the markdown cell was taken")
        } catch {
            #expect(error.category == .syntax)
            #expect(error.span?.file == "n.jnb" && error.span?.line == 6 && error.span?.column == 1)
            #expect(error.message.hasPrefix("the markdown cell of line 1 holds only comment lines: put '# ' in front of this one, or '# %%' above it"))
        }
    }

    @Test func blankAndCommentLinesAreKept() throws {
        let doc = try NotebookReader.parse("# %% [markdown]\n# # Title\n#\n# text\n\n# %%\nx = 1\n", file: "n.jnb")
        #expect(doc.cells[0].source == "# Title\n\ntext\n")
        // In a code cell, and before the first marker, any line goes.
        #expect(try NotebookReader.parse("x = 1\n# %% [markdown]\n# a\n", file: "n.jnb").cells.count == 2)
    }
}
