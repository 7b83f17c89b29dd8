import Foundation
import Plot
import Testing
import TestSupport

/// Every sample and stress figure is valid XML, references only ids it defines, and renders
/// with rsvg-convert without a warning.
@Suite struct SVGValidityTests {
    static func figures() throws -> [(name: String, figure: Figure)] {
        try SampleFigures.all() + StressFigures.all()
    }

    @Test(arguments: try figures().map(\.name))
    func xmllintAcceptsIt(name: String) throws {
        let figure = try #require(try Self.figures().first { $0.name == name }).figure
        let result = try Tools.run("xmllint", ["--noout", "-"], stdin: try figure.svg())
        #expect(result.status == 0, "\(name): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(name): \(result.stderr)")
    }

    @Test(arguments: try figures().map(\.name))
    func rsvgRendersItWithoutWarnings(name: String) throws {
        let figure = try #require(try Self.figures().first { $0.name == name }).figure
        let folder = try Fixtures.temporaryDirectory("plot-rsvg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("\(name).svg"), png = folder.appendingPathComponent("\(name).png")
        try figure.write(to: svg)
        let result = try Tools.run("rsvg-convert", ["-o", png.path, svg.path])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(name): \(result.stderr)")
        let bytes = try Data(contentsOf: png)
        #expect(bytes.count > 1000 && bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "\(name): no PNG")
    }

    @Test(arguments: try figures().map(\.name))
    func idsAreUniqueAndReferencesResolve(name: String) throws {
        let figure = try #require(try Self.figures().first { $0.name == name }).figure
        let svg = try SVGInspector(try figure.svg())
        #expect(Set(svg.ids).count == svg.ids.count, "\(name): duplicate ids")
        for reference in svg.references {
            #expect(svg.ids.contains(reference), "\(name): #\(reference) is not defined")
        }
    }

    @Test func idsDifferBetweenFigures() throws {
        let a = try SVGInspector(try SampleFigures.imageGrid().svg())
        let b = try SVGInspector(try SampleFigures.averageImages().svg())
        #expect(!a.ids.isEmpty)
        #expect(Set(a.ids).isDisjoint(with: b.ids), "two figures inlined in one page would share ids")
    }

    @Test func rootIsAnSVG11DocumentSizedInPoints() throws {
        let svg = try Figure(Axes(), width: 300, height: 200).svg()
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"300pt\" height=\"200pt\" viewBox=\"0 0 300 200\""))
        #expect(svg.contains("font-family=\"DejaVu Sans"))
    }
}
