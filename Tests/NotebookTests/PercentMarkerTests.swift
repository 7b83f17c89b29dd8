import Testing
import Notebook
import Script

/// `#%%`, as Spyder and VS Code write the percent format's marker, starts a cell as `# %%` does.
@Suite struct PercentMarkerTests {
    @Test func aMarkerWithoutTheSpaceStartsACell() throws {
        let doc = try NotebookReader.parse("#%% [markdown]\n# Title\n#%% load timeout=5\nx = 1\n  #%%\ny = 2\n#%%% sub\nz = 3\n", file: "n.jnb")
        #expect(doc.cells.map(\.kind) == [.markdown, .code, .code])
        #expect(doc.cells[0].source == "Title")
        #expect(doc.codeCells.map(\.label) == ["load", "2"])
        #expect(doc.codeCells[0].options.timeout == 5)
        // `#%%%` (a Spyder sub-cell) is not a marker: its line stays in the cell, a comment.
        #expect(doc.codeCells[1].source == "y = 2\n#%%% sub\nz = 3")
        #expect(doc.warnings.isEmpty)
    }

    @Test func optionsAreReadAtTheirColumns() throws {
        let doc = try NotebookReader.parse("#%% a timeout=soon\nx = 1\n", file: "n.jnb")
        let error = try #require(doc.codeCells[0].optionErrors.first)
        #expect(error.span?.column == 7)
    }
}
