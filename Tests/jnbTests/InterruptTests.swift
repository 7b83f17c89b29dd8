import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Ctrl-C on a real pseudo-terminal (tmux) while jnb loads a large file, reconstructs jets
/// and writes figures: the prompt is back within a second, the variables are as before and
/// no file is left half-written. (simulate and fit: TerminalTests.)
@Suite(.serialized) struct InterruptTests {
    /// Presses Ctrl-C and returns the seconds until `text` is on the screen and the prompt is
    /// back (nil if that did not happen within 3 s).
    func interrupt(_ t: Terminal, expecting text: String) throws -> Double? {
        let pressed = Date()
        try t.press("C-c")
        guard t.wait(3, until: { $0.contains(text) && $0.split(separator: "\n").last == "jnb>" }) else { return nil }
        return Date().timeIntervalSince(pressed)
    }

    @Test func ctrlCStopsALoadAndAReconstruct() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 200,000 jets, 500 MB of images to inflate: seconds to read.
        let made = try Tools.run(Tools.systemPython, [Fixtures.file("make_big_jet_file.py").path, Fixtures.pythia4k.path,
                                                      dir.appendingPathComponent("big.h5").path, "200000"])
        try #require(made.status == 0, "\(made.stderr)")
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("jets = load \"\(Fixtures.pythia4k.path)\"; keep = jets.count")
        try t.press("Enter")
        // Done before the next load starts (a debug build shows a bar for this one too).
        #expect(t.wait(for: "keep = jets.count\njnb>"))

        // The load shows its bar, then Ctrl-C.
        try t.type("jets = load \"big.h5\"")
        try t.press("Enter")
        #expect(t.wait(5) { $0.contains("load ") && $0.contains("jets/s") })
        let load = try interrupt(t, expecting: "load: stopped by Ctrl-C")
        #expect(load.map { $0 < 1 } == true, "back after \(String(describing: load)) s")

        // A wide network makes reconstructing the 4,000 jets take seconds.
        try t.type("wide = autoencoder [625, 4000, 4000, 625]")
        try t.press("Enter")
        #expect(t.wait(for: "wide = autoencoder [625, 4000, 4000, 625]\njnb>"))
        try t.type("out = reconstruct wide jets")
        try t.press("Enter")
        usleep(400_000)
        let reconstruct = try interrupt(t, expecting: "reconstruct: stopped by Ctrl-C")
        #expect(reconstruct.map { $0 < 1 } == true, "back after \(String(describing: reconstruct)) s")

        // Neither statement assigned anything: jets is still the 4,000 jets, out does not exist.
        try t.type("print jets.count == keep")
        try t.press("Enter")
        #expect(t.wait(for: "\ntrue\n"))
        try t.type("out")
        try t.press("Enter")
        #expect(t.wait(for: "unknown name 'out'"))
    }

    @Test func ctrlCDuringWritesLeavesWholeFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Figures and jet sets are written one after another; Ctrl-C lands somewhere among them.
        try String(repeating: "hist jets.jet_mass jets.jet_pt bins=2000 save=\"out/m.svg\"\nsave jets \"out/jets.h5\"\n", count: 1000)
            .write(toFile: dir.path + "/writes.jnb", atomically: true, encoding: .utf8)
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("jets = load \"\(Fixtures.pythia4k.path)\"; run \"writes.jnb\"")
        try t.press("Enter")
        #expect(t.wait(5) { _ in FileManager.default.fileExists(atPath: dir.path + "/out/jets.h5") })
        usleep(300_000)
        let seconds = try interrupt(t, expecting: "stopped by Ctrl-C")
        #expect(seconds.map { $0 < 1 } == true, "back after \(String(describing: seconds)) s")
        // One complete SVG and one complete jet file, no temporary file beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out").sorted() == ["jets.h5", "m.svg"])
        #expect(try Tools.run("xmllint", ["--noout", dir.path + "/out/m.svg"]).status == 0)
        try t.type("print (load \"out/jets.h5\").count jets.count")
        try t.press("Enter")
        #expect(t.wait(for: "\n4000 4000\n"))
    }
}
