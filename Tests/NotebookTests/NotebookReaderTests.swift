import Foundation
import TestSupport
import Testing
import Notebook
import Script

@Suite struct NotebookReaderTests {
    @Test func cellsWithNamesKindsAndOptions() throws {
        let text = """
            # A title comment before the first cell is not a cell.

            # %% [markdown]
            # # Processing jet images
            # Load the jets.

            # %% load
            x = 1
            # %% train model allow_error=true timeout=600
            y = x + 1
            # %%
            z = 3
            """
        let doc = try NotebookReader.parse(text, file: "n.jnb")
        #expect(doc.cells.map(\.kind) == [.markdown, .code, .code, .code])
        #expect(doc.cells[0].source.hasPrefix("# Processing jet images\nLoad the jets."))
        #expect(doc.codeCells.map(\.label) == ["load", "train model", "3"])
        #expect(doc.codeCells.map(\.number) == [1, 2, 3])
        #expect(doc.codeCells[0].firstLine == 8)
        #expect(doc.codeCells[0].markerLine == 7)
        #expect(doc.codeCells[1].options == CellOptions(allowError: true, timeout: 600))
        #expect(doc.warnings.isEmpty)
        #expect(doc.origin(of: doc.codeCells[1]) == SourceOrigin(file: "n.jnb", line: 10, cell: "train model"))
    }

    @Test func codeBeforeTheFirstMarkerIsACell() throws {
        let doc = try NotebookReader.parse("x = 1\n# %% next\ny = 2\n", file: "n.jnb")
        #expect(doc.codeCells.map(\.label) == ["1", "next"])
        #expect(doc.codeCells[0].source == "x = 1")
    }

    @Test func unknownOptionsAreWarnings() throws {
        let doc = try NotebookReader.parse("# %% a colour=red [raw]\nx = 1\n", file: "n.jnb")
        #expect(doc.warnings.map(\.description) == [
            "n.jnb:1: unknown cell option 'colour' ignored (known: allow_error, skip, timeout)",
            "n.jnb:1: unknown cell type [raw] (known: [markdown], [parameters]); the cell is code",
        ])
        #expect(doc.codeCells.map(\.label) == ["a"])
    }

    @Test func aCellNameUsedTwiceIsAWarning() throws {
        let doc = try NotebookReader.parse("# %% a\n# %% [markdown] b\n# %% b\nx = 1\n# %% a\nprint 1\n", file: "n.jnb")
        #expect(doc.warnings.map(\.description) == [
            "n.jnb:5: cell name 'a' is already used at line 1; --cells and --from need these cells' numbers (1, 3)",
        ])
    }

    /// --cells 2 and --from 2 mean code cell number 2, so a cell named "2" elsewhere is told how to select it.
    @Test func aCellNamedLikeAnotherCellsNumberIsAWarning() throws {
        let doc = try NotebookReader.parse("# %% a\nprint 1\n# %% b\nprint 2\n# %% 2\nprint 3\n# %% 4\nprint 4\n", file: "n.jnb")
        #expect(doc.warnings.map(\.description) == [
            "n.jnb:5: cell name '2' is a whole number, which --cells and --from read as code cell number 2; select this cell by its number, 3",
        ])
    }

    @Test func everyBadOptionValueIsAnErrorOfItsCellWithItsPlace() throws {
        let doc = try NotebookReader.parse("x = 1\n# %% t timeout=soon\ny = 2\n# %% u skip=yes timeout=-1\n# %% [markdown] timeout=0\n# text\n", file: "n.jnb")
        #expect(doc.codeCells[0].optionErrors.isEmpty)
        #expect(doc.codeCells[1].optionErrors == [ScriptError(.syntax, "cell option timeout must be a number of seconds > 0, got 'soon'",
                                                              at: SourceSpan(file: "n.jnb", line: 2, column: 8, length: 12))])
        #expect(doc.codeCells[1].marker == "# %% t timeout=soon")
        #expect(doc.codeCells[2].optionErrors.map(\.message) == ["cell option skip must be true or false, got 'yes'",
                                                                 "cell option timeout must be a number of seconds > 0, got '-1'"])
        // A markdown cell never runs: its bad option is a warning.
        #expect(doc.warnings.map(\.description) == ["n.jnb:5: cell option timeout must be a number of seconds > 0, got '0' (ignored: the cell is markdown)"])
    }

    @Test func crlfBomAndTabs() throws {
        let doc = try NotebookReader.parse("\u{FEFF}# %% a\r\nx\t=\t1\r\n# %% b\r\ny = x\r\n", file: "n.jnb")
        #expect(doc.codeCells.map(\.label) == ["a", "b"])
        #expect(doc.codeCells[0].source == "x\t=\t1")
    }

    @Test func aMarkerNeedsSpaceAfterIt() throws {
        let doc = try NotebookReader.parse("# %%x is not a marker\nx = 1\n", file: "n.jnb")
        #expect(doc.codeCells.count == 1)
        #expect(doc.codeCells[0].source.hasPrefix("# %%x"))
    }

    @Test func invalidUTF8IsAnIOErrorWithTheLine() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("bad.jnb").path
        var bytes = Array("x = 1\ny = \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(throws: ScriptError(.io, "\(path):2: the file is not UTF-8 text (invalid byte sequence on this line)")) {
            try NotebookReader.read(path)
        }
    }
}
