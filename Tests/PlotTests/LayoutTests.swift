import Foundation
import Plot
import Testing

/// Text placement read back from the SVG and measured with the font's widths: nothing
/// overlaps, nothing is clipped, labels stay outside the axes and legends inside.
@Suite struct LayoutTests {
    static func figures() throws -> [(name: String, figure: Figure)] {
        try SampleFigures.all() + StressFigures.all()
    }

    static func inspect(_ name: String) throws -> SVGInspector {
        let figure = try #require(try figures().first { $0.name == name }).figure
        return try SVGInspector(try figure.svg())
    }

    @Test(arguments: try figures().map(\.name))
    func textStaysOnTheCanvas(name: String) throws {
        let svg = try Self.inspect(name)
        for t in svg.texts {
            #expect(t.x0 >= -0.5 && t.y0 >= -0.5 && t.x1 <= svg.width + 0.5 && t.y1 <= svg.height + 0.5,
                    "\(name): '\(t.text)' (\(t.role)) is clipped: \(t.x0), \(t.y0) … \(t.x1), \(t.y1) on \(svg.width) × \(svg.height)")
        }
    }

    @Test(arguments: try figures().map(\.name))
    func noTwoTextsOverlap(name: String) throws {
        let texts = try Self.inspect(name).texts
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].overlaps(texts[j]) {
                Issue.record("\(name): '\(texts[i].text)' (\(texts[i].role)) overlaps '\(texts[j].text)' (\(texts[j].role))")
            }
        }
    }

    @Test(arguments: try figures().map(\.name))
    func labelsOutsideTheAxesLegendsInside(name: String) throws {
        let svg = try Self.inspect(name)
        for t in svg.texts {
            guard let frame = svg.frames[t.panel] else { continue }
            let inside = SVGInspector.TextBox(role: "frame", text: "", panel: t.panel, x0: frame.x, y0: frame.y,
                                              x1: frame.x + frame.width, y1: frame.y + frame.height)
            switch t.role {
            case "xtick", "ytick", "xlabel", "ylabel", "title", "multiplier", "cbtick", "cblabel", "note":
                #expect(!t.overlaps(inside), "\(name): '\(t.text)' (\(t.role)) reaches into the axes")
            case "legend", "textbox":
                #expect(t.x0 >= inside.x0 && t.x1 <= inside.x1 && t.y0 >= inside.y0 && t.y1 <= inside.y1,
                        "\(name): '\(t.text)' (\(t.role)) sticks out of the axes")
            default:
                break
            }
        }
    }

    @Test func notesStandAboveTheCellsWithinTheirWidth() throws {
        // Above the frame and no wider, so clear of the y labels and the colour bar; legible.
        let svg = try Self.inspect("noted-2d-histograms")
        let notes = svg.texts.filter { $0.role == "note" }
        #expect(notes.count == 5)
        for note in notes {
            let frame = try #require(svg.frames[note.panel])
            #expect(note.y1 <= frame.y && note.x0 >= frame.x - 0.5 && note.x1 <= frame.x + frame.width + 0.5,
                    "'\(note.text)' of panel \(note.panel) is not above its frame")
            #expect(note.y1 - note.y0 >= 7, "'\(note.text)' is too small to read")
        }
    }

    @Test func panelsOfAGridLineUp() throws {
        let svg = try SVGInspector(try SampleFigures.distributionsGrid().svg())
        let frames = (1...8).compactMap { svg.frames[$0] }
        #expect(frames.count == 8)
        for row in 0..<4 {
            #expect(frames[2 * row].y == frames[2 * row + 1].y && frames[2 * row].height == frames[2 * row + 1].height)
        }
        for column in 0..<2 {
            let xs = Set((0..<4).map { frames[2 * $0 + column].x })
            #expect(xs.count == 1, "column \(column) frames start at \(xs)")
        }
    }

    @Test func tickLabelsUseARealMinusSign() throws {
        let svg = try SVGInspector(try StressFigures.threeByThree().svg())
        let labels = svg.texts.filter { $0.role == "xtick" }.map(\.text)
        #expect(labels.contains { $0.hasPrefix("−") }, "\(labels)")
        #expect(!labels.contains { $0.contains("-") })
    }

    @Test func logAxesHaveDecadesWithSuperscriptsAndMinorTicks() throws {
        let svg = try SVGInspector(try SampleFigures.lossDistribution().svg())
        let labels = svg.texts.filter { $0.role == "ytick" }.map(\.text)
        #expect(labels == ["100", "101", "102", "103"], "\(labels)")  // "10" with the exponent as a tspan
        let minor = svg.elements.filter { $0.name == "path" && $0.attributes["stroke-width"] == "0.6" }
        #expect(!minor.isEmpty, "no minor ticks")
        let superscripts = svg.elements.filter { $0.name == "tspan" && $0.attributes["font-size"] == "7" }
        #expect(superscripts.count >= 4)
    }

    @Test func largeNumbersGetACommonFactor() throws {
        let svg = try SVGInspector(try StressFigures.hugeCounts().svg())
        #expect(svg.texts.contains { $0.role == "multiplier" && $0.text == "×108" }, "\(svg.texts.filter { $0.role == "multiplier" })")
        let labels = svg.texts.filter { $0.role == "ytick" }.map(\.text)
        #expect(labels.allSatisfy { $0.count <= 4 }, "\(labels)")
    }

    @Test func aTextBoxAvoidsThePeak() throws {
        // The residual peaks left of centre with a tail to the right: the box goes to a corner
        // above the tail, never over the peak.
        let svg = try SVGInspector(try SampleFigures.residual().svg())
        let frame = try #require(svg.frames[1])
        let box = try #require(svg.texts.first { $0.role == "textbox" })
        #expect(box.x0 > frame.x + frame.width / 2 || box.x1 < frame.x + frame.width / 4)
        #expect(box.y1 < frame.y + frame.height / 3)
    }

    @Test func aNarrowLogAxisIsLabelledAtItsLowerEndToo() throws {
        // A threshold scan over 3.8–73: linear steps alone gave 20, 40, 60 and nothing below.
        var axes = Axes(xLabel: "threshold", yLabel: "fraction", xScale: .log)
        axes.addLine(x: [3.78, 10, 72.6], y: [1, 0.5, 0])
        let labels = try SVGInspector(try Figure(axes).svg()).texts.filter { $0.role == "xtick" }.map(\.text)
        #expect(labels == ["5", "10", "20", "50"], "\(labels)")
        // Well under a decade, every digit may be labelled (a loss curve from 7 to 35).
        var losses = Axes(xLabel: "epoch", yLabel: "loss", yScale: .log)
        losses.addLine(x: [1, 2, 3], y: [34.6, 12, 6.9])
        let yLabels = try SVGInspector(try Figure(losses).svg()).texts.filter { $0.role == "ytick" }.map(\.text)
        #expect(yLabels.first.flatMap(Double.init).map { $0 < 8 } == true, "\(yLabels)")
        // Each label with the decimals it needs, as log axes are read: 0.5, 1, 2, 5.
        var small = Axes(xLabel: "threshold", yLabel: "fraction", xScale: .log)
        small.addLine(x: [0.378, 1, 7.26], y: [1, 0.5, 0])
        let smallLabels = try SVGInspector(try Figure(small).svg()).texts.filter { $0.role == "xtick" }.map(\.text)
        #expect(smallLabels == ["0.5", "1", "2", "5"], "\(smallLabels)")
    }

    @Test func boxesTooWideToStandSideBySideGetRoomAboveTheData() throws {
        // A flat histogram filling the frame, a legend and a wide text box: both boxes must
        // end above the bars.
        var axes = Axes(xLabel: "x", yLabel: "jets")
        let edges = (0...40).map(Double.init)
        axes.addHistogram([Double](repeating: 30, count: 40), edges: edges, label: "input")
        axes.addHistogram([Double](repeating: 28, count: 40), edges: edges, label: "output")
        axes.addTextBox(["output: 170 below, 116 above the range, a long line"])
        let svg = try SVGInspector(try Figure(axes).svg())
        let frame = try #require(svg.frames[1])
        let ticks = svg.texts.filter { $0.role == "ytick" }
        let zero = try #require(ticks.first { $0.text == "0" }), ten = try #require(ticks.first { $0.text == "10" })
        let perUnit = ((zero.y0 + zero.y1) - (ten.y0 + ten.y1)) / 2 / 10
        let barTop = (zero.y0 + zero.y1) / 2 - 30 * perUnit
        for box in svg.texts where box.role == "legend" || box.role == "textbox" {
            #expect(box.y1 < barTop, "'\(box.text)' ends at \(box.y1), the bars start at \(barTop) (frame top \(frame.y))")
        }
    }
}
