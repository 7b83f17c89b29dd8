import Foundation
import Plot
import Testing

/// Images keep the DESIGN.md orientation: row 0 (φ = +1.2) at the top, column 0 (η = −1.2)
/// at the left; zero pixels stay in the background colour.
@Suite struct ImageTests {
    /// The coloured cells of a one-image figure and the axes frame.
    static func cells(_ pixels: [Double], scale: Scale = .linear) throws
        -> (cells: [SVGInspector.Element], frame: (x: Double, y: Double, width: Double, height: Double)) {
        let svg = try SVGInspector(try Figure(.jetImage(pixels, colourScale: scale)).svg())
        let cells = svg.elements.filter { $0.name == "rect" && $0.groups.last?["shape-rendering"] == "crispEdges" }
        return (cells, try #require(svg.frames[1]))
    }

    static func number(_ element: SVGInspector.Element, _ key: String) -> Double {
        Double(element.attributes[key] ?? "") ?? .nan
    }

    @Test func firstPixelIsTopLeftAndLastBottomRight() throws {
        var pixels = [Double](repeating: 0, count: 625)
        pixels[0] = 5
        pixels[624] = 10
        let (cells, frame) = try Self.cells(pixels)
        #expect(cells.count == 2)
        let first = try #require(cells.first), last = try #require(cells.last)
        #expect(abs(Self.number(first, "x") - frame.x) < 0.01 && abs(Self.number(first, "y") - frame.y) < 0.01)
        #expect(abs(Self.number(last, "x") + Self.number(last, "width") - (frame.x + frame.width)) < 0.02)
        #expect(abs(Self.number(last, "y") + Self.number(last, "height") - (frame.y + frame.height)) < 0.02)
        #expect(abs(Self.number(first, "width") - frame.width / 25) < 0.01)
        #expect(first.attributes["fill"] == Colormap.viridis.colour(at: 0.5).hex)
        #expect(last.attributes["fill"] == Colormap.viridis.colour(at: 1).hex)
    }

    @Test func rowTwelveColumnSixteenIsRightOfCentreAtZeroPhi() throws {
        var pixels = [Double](repeating: 0, count: 625)
        pixels[12 * 25 + 16] = 1  // η = −1.2 + 1.6 = 0.4, φ = 0
        let (cells, frame) = try Self.cells(pixels)
        let cell = try #require(cells.first)
        let centreX = Self.number(cell, "x") + Self.number(cell, "width") / 2
        let centreY = Self.number(cell, "y") + Self.number(cell, "height") / 2
        #expect(abs(centreX - (frame.x + frame.width * (0.4 + 1.25) / 2.5)) < 0.02)
        #expect(abs(centreY - (frame.y + frame.height / 2)) < 0.02)
    }

    @Test func logScaleLeavesNonPositivePixelsInTheBackground() throws {
        var pixels = [Double](repeating: 0, count: 625)
        pixels[1] = 0.01
        pixels[2] = 100
        pixels[3] = -4
        let (cells, _) = try Self.cells(pixels, scale: .log)
        #expect(cells.count == 2)
        #expect(cells.map { $0.attributes["fill"] } == [Colormap.viridis.colour(at: 0).hex, Colormap.viridis.colour(at: 1).hex])
    }

    /// Every cell ends exactly where its right and lower neighbours begin, as written: sizes
    /// rounded apart from the positions left 0.01 pt seams that rsvg draws as white lines.
    @Test func neighbouringCellsShareTheirEdges() throws {
        // A different colour in every pixel, so every pixel is a cell of its own.
        let pixels = (0..<625).map { Double(($0 * 7) % 625 + 1) }
        let (cells, _) = try Self.cells(pixels)
        #expect(cells.count == 625)
        func edge(_ a: Double, _ b: Double) -> Int { Int(((a + b) * 100).rounded()) }
        func start(_ a: Double) -> Int { Int((a * 100).rounded()) }
        for row in 0..<25 {
            for column in 0..<25 {
                let cell = cells[row * 25 + column]
                let x = Self.number(cell, "x"), y = Self.number(cell, "y")
                if column < 24 {
                    let right = cells[row * 25 + column + 1]
                    #expect(edge(x, Self.number(cell, "width")) == start(Self.number(right, "x")), "row \(row) column \(column)")
                }
                if row < 24 {
                    let below = cells[(row + 1) * 25 + column]
                    #expect(edge(y, Self.number(cell, "height")) == start(Self.number(below, "y")), "row \(row) column \(column)")
                }
            }
        }
    }

    /// A log scale spans at most five decades below the brightest pixel: fainter pixels take
    /// the lowest colour instead of stretching the scale over nine decades.
    @Test func logScaleSpansAtMostFiveDecades() throws {
        var pixels = [Double](repeating: 0, count: 625)
        pixels[1] = 1e-7
        pixels[2] = 1e-3
        pixels[3] = 100
        #expect(ImageSeries.automaticRange(of: pixels, scale: .log) == 1e-3...100)
        let (cells, _) = try Self.cells(pixels, scale: .log)
        #expect(cells.count == 2 && cells.map { $0.attributes["fill"] } == [Colormap.viridis.colour(at: 0).hex, Colormap.viridis.colour(at: 1).hex])
        // Within five decades the smallest positive pixel is the lower end, as before.
        pixels[1] = 0.01
        #expect(ImageSeries.automaticRange(of: pixels, scale: .log) == 1e-3...100)
        pixels[2] = 0
        #expect(ImageSeries.automaticRange(of: pixels, scale: .log) == 0.01...100)
    }

    @Test func pixelsAreSquare() throws {
        let svg = try SVGInspector(try SampleFigures.imageGrid().svg())
        for panel in 1...4 {
            let frame = try #require(svg.frames[panel])
            #expect(abs(frame.width - frame.height) < 0.02, "panel \(panel): \(frame)")
        }
    }
}
