import Foundation
import Testing
import TestSupport

/// The four thesis notebooks of notebooks/, replayed in order at a small size with the built
/// `jnb`: on the simulator (the default) and on the shared Pythia jets (`--set data=`).
@Suite(.serialized) struct ThesisNotebookTests {
    static let notebooks = ["process", "train", "analysis", "anomaly"]

    struct Replayed {
        var directory: URL
        var output: [String: String] = [:]
    }

    /// Replays the four notebooks in `directory` (where they write out/), each with a
    /// summary and a report; every replay must succeed.
    private func replayAll(_ settings: [String]) throws -> Replayed {
        let directory = try Fixtures.temporaryDirectory("jnb-thesis")
        var replayed = Replayed(directory: directory)
        for name in Self.notebooks {
            let notebook = Fixtures.packageRoot.appendingPathComponent("notebooks/\(name)_jet_images.jnb").path
            let result = try Tools.run(CommandLineTests.jnb,
                                       ["run", notebook, "--summary", "out/\(name).json", "--report", "out/\(name).html"]
                                           + settings.flatMap { ["--set", $0] },
                                       environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: directory)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            try #require(result.status == 0)
            replayed.output[name] = result.stdout
        }
        return replayed
    }

    /// The figures every notebook says it wrote: all exist, and xmllint and rsvg-convert
    /// accept every one.
    private func checkFigures(_ replayed: Replayed) throws -> [String] {
        var figures: [String] = []
        for name in Self.notebooks {
            let data = try Data(contentsOf: replayed.directory.appendingPathComponent("out/\(name).json"))
            let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(summary["status"] as? String == "ok")
            let cells = try #require(summary["cells"] as? [[String: Any]])
            figures += cells.flatMap { $0["figures"] as? [String] ?? [] }
        }
        let paths = figures.map { replayed.directory.appendingPathComponent($0).path }
        for path in paths { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
        let lint = try Tools.run("/usr/bin/xmllint", ["--noout"] + paths)
        #expect(lint.status == 0, "\(lint.stderr)")
        for path in paths {
            let render = try Tools.run("/usr/bin/rsvg-convert", ["-o", path + ".png", path])
            #expect(render.status == 0 && render.stderr.isEmpty, "\(path): \(render.stderr)")
        }
        return figures
    }

    /// A CSV table written by a notebook: its header and rows.
    private func csv(_ replayed: Replayed, _ path: String) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: replayed.directory.appendingPathComponent(path), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (try #require(lines.first), Array(lines.dropFirst()))
    }

    /// The number of jets in a file, as `jnb` reads it.
    private func jetCount(_ replayed: Replayed, _ path: String) throws -> Int {
        let result = try Tools.run(CommandLineTests.jnb, ["-c", "print (load \"\(path)\").count"],
                                   environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: replayed.directory)
        return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// The four counts of each confusion matrix the anomaly notebook printed (1,234 → 1234).
    private func confusionTotals(_ output: String) -> [Int] {
        let lines = output.split(separator: "\n")
        return lines.indices.compactMap { i -> Int? in
            guard lines[i].hasPrefix("confusion matrix at threshold"), i + 3 < lines.count else { return nil }
            let counts = lines[(i + 2)...(i + 3)].flatMap { $0.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ",", with: "")) } }
            return counts.count == 4 ? counts.reduce(0, +) : nil
        }
    }

    private func checkTablesAndAnomaly(_ replayed: Replayed) throws {
        let table51 = try csv(replayed, "out/tables/table5.1_reconstruction_error.csv")
        #expect(table51.header == ["setup", "sig_m", "sig_m_err", "sig_m_thesis", "sig_pt", "sig_pt_err", "sig_pt_thesis",
                                   "bg_m", "bg_m_err", "bg_m_thesis", "bg_pt", "bg_pt_err", "bg_pt_thesis"])
        #expect(table51.rows.count == 3)
        #expect(table51.rows.allSatisfy { $0.count == 13 && $0.allSatisfy { Double($0)?.isFinite == true } })
        let table52 = try csv(replayed, "out/tables/table5.2_mean_loss.csv")
        #expect(table52.header == ["setup", "background", "background_thesis", "signal", "signal_thesis", "ratio", "ratio_thesis"])
        #expect(table52.rows.count == 3)
        let analysis = try String(contentsOf: replayed.directory.appendingPathComponent("out/analysis.html"), encoding: .utf8)
        #expect(analysis.contains("Table 5.1: reconstruction error") && analysis.contains("Table 5.2: mean reconstruction loss"))

        let scored = try jetCount(replayed, "out/data/background_test.h5") + jetCount(replayed, "out/data/signal_test.h5")
        let anomaly = try #require(replayed.output["anomaly"])
        let totals = confusionTotals(anomaly)
        #expect(totals.count == 2)
        #expect(totals.allSatisfy { $0 == scored }, "confusion totals \(totals), jets scored \(scored)")
        let auc = try csv(replayed, "out/tables/auc.csv")
        #expect(auc.header == ["score", "auc", "auc_error"])
        #expect(auc.rows.count == 4)
        // The last two fields: a score's name may hold a comma ("loss, setup 1").
        #expect(auc.rows.allSatisfy { Double($0[$0.count - 2]).map { (0...1).contains($0) } == true })
        #expect(auc.rows.allSatisfy { Double($0[$0.count - 1]).map { $0 > 0 && $0 < 0.05 } == true })
        // The notebook says so when the loss points the wrong way.
        let prefix = "ROC curve of loss, setup 3: AUC "
        let rocLine = try #require(anomaly.split(separator: "\n").first { $0.hasPrefix(prefix) })
        let value = try #require(Double(rocLine.dropFirst(prefix.count).prefix { $0 != " " }))
        #expect(anomaly.contains("AUC below 0.5: the anomalous jets score lower") == (value < 0.5))
    }

    @Test func replayOnTheSimulator() throws {
        let replayed = try replayAll(["n=1200", "epochs=2"])
        defer { try? FileManager.default.removeItem(at: replayed.directory) }
        let figures = try checkFigures(replayed)
        #expect(figures.count >= 25)
        #expect(figures.contains("out/figures/fig4.1_average_images_log.svg"))
        #expect(figures.contains("out/figures/fig2.17_confusion_best_accuracy.svg"))
        try checkTablesAndAnomaly(replayed)
        let split = try #require(replayed.output["process"])
        #expect(split.contains("jet set: 1,200 jets (600 signal, 600 background) from simulate n=1200 seed=1"))
        for setup in 1...3 {
            let model = replayed.directory.appendingPathComponent("out/models/setup\(setup).h5").path
            #expect(FileManager.default.fileExists(atPath: model))
        }
    }

    @Test func simulatorValidationNotebookDrawsItsFigures() throws {
        let directory = try Fixtures.temporaryDirectory("jnb-validation")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Tools.run(CommandLineTests.jnb,
                                   ["run", Fixtures.packageRoot.appendingPathComponent("notebooks/simulator_validation.jnb").path,
                                    "--set", "n=600", "--set", "pythia=\(Fixtures.pythia4k.path)", "--set", "out=figures"],
                                   environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let figures = ["simulator_vs_pythia.svg", "simulator_vs_pythia_images.svg"].map { directory.appendingPathComponent("figures/" + $0).path }
        #expect(try Tools.run("/usr/bin/xmllint", ["--noout"] + figures).status == 0)
        #expect(result.stdout.contains("τ₂₁ as a W tagger"))
    }

    @Test func replayOnThePythiaJetsWithSetDataOnly() throws {
        let replayed = try replayAll(["data=\(Fixtures.pythia4k.path)", "epochs=2"])
        defer { try? FileManager.default.removeItem(at: replayed.directory) }
        _ = try checkFigures(replayed)
        try checkTablesAndAnomaly(replayed)
        let process = try #require(replayed.output["process"])
        #expect(process.contains("jet set: 4,000 jets (2,000 signal, 2,000 background)"))
        #expect(try jetCount(replayed, "out/data/background_train.h5") == 1600)
        #expect(try jetCount(replayed, "out/data/background_test.h5") == 400)
    }
}
