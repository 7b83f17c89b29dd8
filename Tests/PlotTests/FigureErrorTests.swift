import Foundation
import Plot
import Testing
import TestSupport

/// Bad input gives one line naming the panel and the series; writing is atomic.
@Suite struct FigureErrorTests {
    @Test func mismatchedHistogramEdges() {
        var axes = Axes()
        axes.addHistogram([1, 2, 3], edges: [0, 1, 2], label: "Input")
        #expect(throws: PlotError("panel 1 (row 1, column 1), series 1 (histogram 'Input'): 3 counts need 4 edges, got 3")) {
            try Figure(axes).svg()
        }
    }

    @Test func mismatchedLineLengthsInAGrid() {
        var axes = Axes()
        axes.addLine(x: [1, 2], y: [1])
        #expect(throws: PlotError("panel 2 (row 1, column 2), series 1 (line): 2 x values but 1 y values")) {
            try Figure(rows: 1, columns: 2, panels: [Axes(), axes]).svg()
        }
    }

    @Test func imageOfTheWrongSize() {
        #expect(throws: PlotError("panel 1 (row 1, column 1), series 1 (image): 25×25 pixels expected, got 624 values")) {
            try Figure(.jetImage([Double](repeating: 1, count: 624))).svg()
        }
    }

    @Test func logAxisWithNonPositiveLimits() {
        var axes = Axes(yScale: .log)
        axes.y.limits = 0...10
        #expect(throws: PlotError("panel 1 (row 1, column 1), y axis: a log axis needs positive limits, got 0.0...10.0")) {
            try Figure(axes).svg()
        }
    }

    @Test func tooManyPanels() {
        #expect(throws: PlotError("figure: 3 panels do not fit a 1×2 grid")) {
            try Figure(rows: 1, columns: 2, panels: [Axes(), Axes(), Axes()]).svg()
        }
    }

    @Test func writeReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let folder = try Fixtures.temporaryDirectory("plot-write")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("figure.svg")
        try "old".write(to: url, atomically: false, encoding: .utf8)
        let figure = SampleFigures.confusionMatrix()
        try figure.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == figure.svg())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["figure.svg"])
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o044 } == 0o044, "the figure is readable by others like any new file")
    }

    @Test func failedWriteLeavesTheOldFileAlone() throws {
        let folder = try Fixtures.temporaryDirectory("plot-write")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-folder/figure.svg")
        #expect(throws: PlotError("cannot write figure to '\(missing.path)': No such file or directory")) {
            try SampleFigures.confusionMatrix().write(to: missing)
        }
        // A figure that cannot be drawn does not touch an existing file.
        let url = folder.appendingPathComponent("figure.svg")
        try "old".write(to: url, atomically: false, encoding: .utf8)
        var bad = Axes()
        bad.addLine(x: [1], y: [])
        #expect(throws: PlotError.self) { try Figure(bad).write(to: url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["figure.svg"])
    }
}
