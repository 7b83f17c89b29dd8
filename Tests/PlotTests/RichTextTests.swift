import Foundation
import Plot
import Testing

/// Label markup and escaping, seen through the SVG a figure writes.
@Suite struct RichTextTests {
    /// The SVG of a one-panel figure whose x label is `label`.
    static func svg(xLabel label: String) throws -> String {
        var axes = Axes(xLabel: label, yLabel: "y")
        axes.addLine(x: [0, 1], y: [0, 1])
        return try Figure(axes).svg()
    }

    /// The content of the text element of class `role`.
    static func element(_ role: String, in svg: String) throws -> String {
        let start = try #require(svg.range(of: "<text class=\"\(role)\""))
        let end = try #require(svg.range(of: "</text>", range: start.upperBound..<svg.endIndex))
        let open = try #require(svg.range(of: ">", range: start.upperBound..<end.lowerBound))
        return String(svg[open.upperBound..<end.lowerBound])
    }

    @Test func xmlSpecialCharactersAreEscaped() throws {
        let svg = try Self.svg(xLabel: "a < b & c > \"d\" 'e'")
        #expect(try Self.element("xlabel", in: svg) == "a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;")
    }

    @Test func unicodeSymbolsPassThrough() throws {
        let svg = try Self.svg(xLabel: "η φ μ σ² ≤ −")
        #expect(try Self.element("xlabel", in: svg) == "η φ μ σ² ≤ −")
    }

    @Test func controlCharactersAreDropped() throws {
        let svg = try Self.svg(xLabel: "a\u{1}b\u{7}c\td")
        #expect(try Self.element("xlabel", in: svg) == "abc d")
    }

    @Test func subscriptsAndGreekCommands() throws {
        let svg = try Self.svg(xLabel: "$p_\\mathrm{T}$ of $\\eta$ [GeV]")
        #expect(try Self.element("xlabel", in: svg)
            == "<tspan font-style=\"italic\">p</tspan><tspan font-size=\"7\" dy=\"2.2\">T</tspan><tspan dy=\"-2.2\"> of </tspan><tspan font-style=\"italic\">η</tspan> [GeV]")
    }

    @Test func mathMinusIsARealMinusWithSpacingOnlyWhenBinary() throws {
        let svg = try Self.svg(xLabel: "$10^{-3}$ and $a-b$")
        let content = try Self.element("xlabel", in: svg)
        #expect(content.contains(">−3<"))
        #expect(content.contains(" − "))
        let text = content.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        #expect(text == "10−3 and a − b")
    }

    @Test func escapedAndUnpairedDollarsAreLiteral() throws {
        #expect(try Self.element("xlabel", in: Self.svg(xLabel: "cost \\$5")) == "cost $5")
        #expect(try Self.element("xlabel", in: Self.svg(xLabel: "costs $5")) == "costs $5")
    }

    @Test func valueWithErrorRoundsToTheError() {
        #expect(TextBox.valueWithError(-0.008143, 0.000363) == "−0.00814 ± 0.00036")
        #expect(TextBox.valueWithError(0.075862, 0.000257) == "0.07586 ± 0.00026")
        #expect(TextBox.valueWithError(1234.4, 27) == "1234 ± 27")
        #expect(TextBox.valueWithError(0.5, 0) == "0.5000")
    }
}
