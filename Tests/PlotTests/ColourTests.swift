import Plot
import Testing

@Suite struct ColourTests {
    /// Published viridis entries (van der Walt & Smith; matplotlib's _viridis_data).
    @Test(arguments: [
        (0, 0.267004, 0.004874, 0.329415),
        (128, 0.127568, 0.566949, 0.550556),
        (192, 0.369214, 0.788888, 0.382914),
        (255, 0.993248, 0.906157, 0.143936),
    ])
    func viridisMatchesPublishedValues(index: Int, red: Double, green: Double, blue: Double) {
        let c = Colormap.viridis.rgb(index)
        #expect(abs(c.red - red) < 1e-6 && abs(c.green - green) < 1e-6 && abs(c.blue - blue) < 1e-6,
                "viridis[\(index)] = \(c)")
    }

    @Test func colourMapEnds() {
        #expect(Colormap.viridis.colour(at: 0).hex == "#440154")
        #expect(Colormap.viridis.colour(at: 1).hex == "#fde725")
        #expect(Colormap.viridis.colour(at: -3) == Colormap.viridis.colour(at: 0))
        #expect(Colormap.viridis.colour(at: .nan) == Colormap.viridis.colour(at: 0))
        // ColorBrewer Blues runs from #f7fbff to #08306b.
        #expect(Colormap.blues.colour(at: 0).hex == "#f7fbff")
        #expect(Colormap.blues.colour(at: 1).hex == "#08306b")
    }

    @Test func tab10IsMatplotlibsCycle() {
        #expect(Colour.tab10.map(\.hex) == ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                             "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"])
    }

    @Test func textColourContrastsWithTheCell() {
        #expect(Colormap.blues.colour(at: 1).contrastingText == .white)
        #expect(Colormap.blues.colour(at: 0).contrastingText == .black)
        #expect(Colormap.viridis.colour(at: 0).contrastingText == .white)
        #expect(Colormap.viridis.colour(at: 1).contrastingText == .black)
    }

    @Test func hexRoundTrips() {
        #expect(Colour(hex: "#17becf")?.hex == "#17becf")
        #expect(Colour(hex: "17BECF") == Colour(red: 0x17, green: 0xbe, blue: 0xcf))
        #expect(Colour(hex: "#17bec") == nil)
        #expect(Colour(hex: "#zzzzzz") == nil)
    }
}
