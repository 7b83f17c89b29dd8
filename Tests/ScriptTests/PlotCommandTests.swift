import Foundation
import Testing
import Plot
import Script
import TestSupport

/// The plotting commands on the Pythia jets write SVG that an XML parser and an SVG renderer
/// accept, with the labels the commands were given.
@Suite struct PlotCommandTests {
    /// A session with the Pythia jets loaded as jets, sig and bg, writing into `dir`.
    private func pythiaSession(_ output: CapturedOutput, dir: URL) throws -> Session {
        let session = Session(output: output)
        try session.define("fixture", .string(Fixtures.pythia4k.path))
        try session.define("dir", .string(dir.path))
        let loaded = session.execute("jets = load fixture; sig = select jets signal=1; bg = select jets signal=0")
        try #require(loaded.succeeded)
        return session
    }

    @Test func figuresAreValidSVGWithTheirLabels() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = CapturedOutput()
        let session = try pythiaSession(output, dir: dir)
        let result = session.execute("""
            hist sig.jet_mass bg.jet_mass bins=40 labels=["W jets", "QCD jets"] xlabel="jet mass" save=dir + "/sub/m.svg"
            image jets[7] title="seventh jet" save=dir + "/jet.svg"
            scatter jets.jet_pt (pt jets) diagonal=true save=dir + "/pt.svg"
            roc normal=(-bg.tau_21) anomalous=(-sig.tau_21) save=dir + "/roc.svg"
            confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21) save=dir + "/confusion.svg"
            scan normal=(-bg.tau_21) anomalous=(-sig.tau_21) save=dir + "/scan.svg"
            f = hist jets.tau_21
            save f dir + "/tau21.svg"
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        let files = ["sub/m.svg", "jet.svg", "pt.svg", "roc.svg", "confusion.svg", "scan.svg", "tau21.svg"].map { dir.path + "/" + $0 }
        #expect(result.filesWritten == files)
        for file in files {
            #expect(try Tools.run("xmllint", ["--noout", file]).status == 0, "\(file) is not well-formed XML")
            #expect(try Tools.run("rsvg-convert", ["-o", file + ".png", file]).status == 0, "\(file) does not render")
        }
        let histogram = try String(contentsOfFile: files[0], encoding: .utf8)
        #expect(histogram.contains(">W jets<") && histogram.contains(">QCD jets<") && histogram.contains(">jet mass<"))
        #expect(try String(contentsOfFile: files[1], encoding: .utf8).contains("seventh jet"))
        #expect(try String(contentsOfFile: dir.path + "/roc.svg", encoding: .utf8).contains("AUC = 0.80"))
        // A figure shown without saving reaches the sink as SVG (a notebook report shows it).
        _ = output.take()
        #expect(session.execute("hist jets.tau_21 bins=10").succeeded)
        #expect(output.figures.count == 1)
        #expect(output.figures.first?.hasPrefix("<?xml") == true)
    }

    @Test func averageImagesSideBySideAndGridsOfFigures() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try pythiaSession(CapturedOutput(), dir: dir)
        let result = session.execute("""
            image sig bg titles=["W average", "QCD average"] log=true save=dir + "/average.svg"
            single = image sig
            a = hist sig.jet_mass
            b = hist bg.jet_mass
            grid a b single columns=2 title="three panels" save=dir + "/grid.svg"
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        for file in ["average.svg", "grid.svg"].map({ dir.path + "/" + $0 }) {
            #expect(try Tools.run("xmllint", ["--noout", file]).status == 0, "\(file) is not well-formed XML")
            #expect(try Tools.run("rsvg-convert", ["-o", file + ".png", file]).status == 0, "\(file) does not render")
        }
        let average = try String(contentsOfFile: dir.path + "/average.svg", encoding: .utf8)
        #expect(average.contains(">W average<") && average.contains(">QCD average<"))
        if case .figure(let figure)? = session.value("single") {
            #expect(figure.summary == "image of average of 2,000 jets")
        } else {
            Issue.record("image of a set gives a figure")
        }
        let grid = try String(contentsOfFile: dir.path + "/grid.svg", encoding: .utf8)
        #expect(grid.contains(">three panels<") && grid.contains("average of 2,000 jets"))

        // density=true: each histogram integrates to one, whatever the sample size.
        let density = session.execute("d = hist sig.jet_mass (select bg n=500).jet_mass bins=20 range=[60, 100] density=true")
        #expect(density.succeeded)
        if case .figure(let figure)? = session.value("d") {
            for series in figure.figure.panels[0].series {
                guard case .histogram(let h) = series else { continue }
                let area = zip(h.counts, zip(h.edges, h.edges.dropFirst())).map { $0 * ($1.1 - $1.0) }.reduce(0, +)
                #expect(abs(area - 1) < 1e-9)
                #expect(h.errors?.count == h.counts.count)
            }
            #expect(figure.figure.panels[0].y.label == "1/N dN/dx [1/GeV]")
        } else {
            Issue.record("hist without save gives a figure")
        }

        // columns= wraps the panels into rows.
        #expect(session.execute("four = image sig bg sig bg columns=2").succeeded)
        if case .figure(let figure)? = session.value("four") {
            #expect(figure.figure.rows == 2 && figure.figure.columns == 2 && figure.figure.panels.count == 4)
        } else {
            Issue.record("image gives a figure")
        }
        let mismatch = session.execute("image sig bg titles=[\"one\"]")
        #expect(mismatch.error?.message == "image: titles has 1 entry for 2 images")
        let empty = session.execute("image (select sig n=0)")
        #expect(empty.error?.message == "image: the jet set is empty; an average image needs at least one jet")
        let notFigure = session.execute("grid a 3")
        #expect(notFigure.exitCode == 70)
    }

    /// What a given range leaves out is counted in a box, per column, as ROOT's under- and
    /// overflow; nothing is said when all values are in range.
    @Test func histogramRangeCountsTheValuesItLeavesOut() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = CapturedOutput()
        let session = try pythiaSession(output, dir: dir)
        let result = session.execute("""
            below = (sig.jet_mass < 70).sum
            above = (sig.jet_mass > 90).sum
            qbelow = (bg.jet_mass < 70).sum
            qabove = (bg.jet_mass > 90).sum
            both = hist sig.jet_mass bg.jet_mass range=[70, 90] labels=["W", "QCD"]
            one = hist sig.jet_mass range=[70, 90] stats=true
            inside = hist sig.jet_mass range=[0, 200]
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        func count(_ name: String) -> Int {
            if case .number(let x)? = session.value(name) { return Int(x) }
            return -1
        }
        func boxes(_ name: String) -> [[String]] {
            guard case .figure(let figure)? = session.value(name) else { return [] }
            return figure.figure.panels[0].textBoxes.map(\.lines)
        }
        #expect(count("below") > 0 && count("above") > 0)
        #expect(boxes("both") == [["W: \(count("below")) below, \(count("above")) above the range",
                                   "QCD: \(count("qbelow")) below, \(count("qabove")) above the range"]])
        // With stats=true the counts join the μ and σ lines in one box.
        #expect(boxes("one").count == 1 && boxes("one").first?.last == "\(count("below")) below, \(count("above")) above the range")
        #expect(boxes("inside").isEmpty)
        // A log axis cannot show values ≤ 0: they are counted too, with or without range=.
        #expect(session.execute("nonpositive = (sig.tau_21 <= 0.2).sum\nlogged = hist (sig.tau_21 - 0.2) logx=true").succeeded)
        #expect(boxes("logged") == [["\(count("nonpositive")) ≤ 0 (not on a log axis)"]])
    }

    /// A reconstructed image has negative pixels: a linear colour scale extends below zero to
    /// colour them, and a log scale, which cannot, says in the colour bar how many it leaves blank.
    @Test func negativePixelsAreColouredOrCounted() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try pythiaSession(CapturedOutput(), dir: dir)
        let result = session.execute("""
            ae = autoencoder [625, 16, 625] seed=3
            fit ae bg epochs=1 threads=1
            out = reconstruct ae bg
            logpair = image bg[3] out[3] log=true
            linpair = image bg[3] out[3]
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        func images(_ name: String) -> [ImageSeries] {
            guard case .figure(let figure)? = session.value(name) else { return [] }
            return figure.figure.panels.compactMap { panel in
                if case .image(let image)? = panel.series.first { return image }
                return nil
            }
        }
        let log = images("logpair"), linear = images("linpair")
        try #require(log.count == 2 && linear.count == 2)
        let negative = log[1].pixels.filter { $0 < 0 }.count
        #expect(negative > 0)
        #expect(log[0].colourBarLabel == "pixel $p_\\mathrm{T}$ [GeV]")
        #expect(log[1].colourBarLabel == "pixel $p_\\mathrm{T}$ [GeV]; \(negative) pixels < 0 blank")
        let lowest = try #require(linear[1].pixels.min())
        #expect(linear[0].range?.lowerBound == lowest && linear[1].range?.lowerBound == lowest)
        #expect(linear[1].colourBarLabel == "pixel $p_\\mathrm{T}$ [GeV]")
        // The default titles tell the input from its reconstruction.
        if case .figure(let figure)? = session.value("linpair") {
            #expect(figure.figure.panels.map(\.title) == ["jet 3 (background)", "jet 3 (background), reconstructed"])
        }
    }

    /// hist2d: every jet inside the range is in one cell, those outside are counted in a box,
    /// and cells are square only when both axes span the same range.
    @Test func twoDimensionalHistogramCountsEveryJet() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try pythiaSession(CapturedOutput(), dir: dir)
        let result = session.execute("""
            outside = 2000 - ((bg.jet_mass >= 70) * (bg.jet_mass <= 90) * (mass(bg) >= 70) * (mass(bg) <= 90)).sum
            square = hist2d mass(bg) bg.jet_mass range=[70, 90, 70, 90] bins=20 diagonal=true
            save square dir + "/m.svg"
            wide = hist2d bg.jet_mass bg.tau_21 bins=30 log=true
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        try #require(Tools.run("xmllint", ["--noout", dir.path + "/m.svg"]).status == 0)
        #expect(try Tools.run("rsvg-convert", ["-o", dir.path + "/m.png", dir.path + "/m.svg"]).status == 0)
        func panel(_ name: String) -> (image: ImageSeries, boxes: [[String]])? {
            guard case .figure(let figure)? = session.value(name), case .image(let image)? = figure.figure.panels[0].series.first else { return nil }
            return (image, [figure.figure.panels[0].notes].filter { !$0.isEmpty } + figure.figure.panels[0].textBoxes.map(\.lines))
        }
        guard case .number(let outside)? = session.value("outside"), let square = panel("square"), let wide = panel("wide") else {
            Issue.record("hist2d gives a figure with an image")
            return
        }
        #expect(square.image.pixels.reduce(0, +) == 2000 - outside)
        let grouped = Int(outside) >= 1000 ? "\(Int(outside) / 1000),\(String(format: "%03d", Int(outside) % 1000))" : "\(Int(outside))"
        #expect(square.boxes == [["\(grouped) of 2,000 jets outside the range"]])
        #expect(square.image.keepsAspect && !wide.image.keepsAspect)
        #expect(wide.image.pixels.reduce(0, +) == 2000 && wide.boxes.isEmpty)
        #expect(wide.image.colourScale == .log)
        // A wrong range says what it was given, as computed.
        #expect(session.execute("hist2d bg.jet_mass bg.tau_21 range=[1, 2, 3]").error?.message == "hist2d: range must be [xlow, xhigh, ylow, yhigh]; got [1, 2, 3]")
        #expect(session.execute("hist bg.jet_mass range=[0, 1/0]").error?.message == "hist: range must be [low, high] of finite numbers with low < high; got [0, inf]")
        #expect(session.execute("z = 0 * bg.jet_mass.std\nhist bg.jet_mass range=[-4 * z, 4 * z]").error?.message
                == "hist: range must be [low, high] of finite numbers with low < high; got [0, 0]")
        #expect(session.execute("hist2d bg.jet_mass bg.tau_21 range=[250, 300, 0, 1/0]").error?.message
                == "hist2d: range must be [xlow, xhigh, ylow, yhigh] of finite numbers with low < high; got [250, 300, 0, inf]")
        #expect(session.execute("hist2d bg.jet_mass bg.tau_21 range=[2.5, 0.125, 0, 0/0]").error?.message
                == "hist2d: range must be [xlow, xhigh, ylow, yhigh] of finite numbers with low < high; got [2.5, 0.125, 0, nan]")
        #expect(session.execute("hist bg.jet_mass range=[-1, 5] logx=true").error?.message == "hist: with logx=true the range must be positive; got [-1, 5]")
        #expect(session.execute("hist2d bg.jet_mass sig.tau_21 (select sig n=3).tau_21").exitCode != 0)
    }

    @Test func aFigureThatCannotBeWrittenIsAnIOErrorAndLeavesTheOldFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.path + "/taken.svg", withIntermediateDirectories: true)
        let session = Session(output: CapturedOutput())
        try session.define("dir", .string(dir.path))
        let result = session.execute("hist [1, 2, 3] save=dir + \"/taken.svg\"")
        #expect(result.exitCode == 74)
        #expect(result.error?.message == "hist: \(dir.path)/taken.svg is a directory, expected a file name")
    }
}
