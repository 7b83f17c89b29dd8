import Foundation
import Testing
import Script
import TestSupport

/// A training history prints (and saves as CSV) a row per epoch with a valid column only once
/// a fit had validation samples, as a model file keeps history/valid_loss only then: empty
/// cells for the epochs of fits without them, and no column when no epoch has a validation
/// loss, also after a fit with valid= stopped by Ctrl-C before its first epoch ended.
@Suite struct HistoryTableTests {
    private func session(_ dir: URL) throws -> Session {
        let s = Session(output: CapturedOutput())
        try s.define("dir", .string(dir.path))
        let result = s.execute("""
            jets = simulate n=240 seed=1
            parts = split jets train=0.5 seed=1
            ae = autoencoder [625, 8, 625] seed=1
            """)
        try #require(result.succeeded, "\(result.error?.description ?? "")")
        return s
    }

    private func fit(_ s: Session, _ arguments: String) throws {
        let result = s.execute("fit ae parts.train \(arguments) batch=40 threads=1")
        try #require(result.succeeded, "\(result.error?.description ?? "")")
    }

    /// The printed history: its lines under the title, the first one the column names.
    private func printed(_ s: Session, _ expression: String) throws -> [[String]] {
        let output = CapturedOutput()
        let previous = s.output
        s.output = output
        defer { s.output = previous }
        let result = s.execute(expression)
        try #require(result.succeeded, "\(result.error?.description ?? "")")
        return output.text.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("─") }.map { $0.split(separator: " ").map(String.init) }
    }

    /// The header line and the rows of the CSV file `save` writes.
    private func saved(_ s: Session, _ name: String) throws -> [String] {
        try #require(s.execute("save ae.history dir + \"/\(name)\"").succeeded)
        let path = try #require(s.value("dir").flatMap { if case .string(let d) = $0 { d + "/" + name } else { nil } })
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func aFitStoppedBeforeItsFirstEpochLeavesNoValidColumn() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir)
        let previous = s.output
        s.output = CtrlCAtFirstProgress(s.interruption)
        #expect(s.execute("fit ae parts.train valid=parts.valid epochs=3 batch=40 threads=1").error?.category == .interrupted)
        s.output = previous
        try fit(s, "epochs=2")

        let rows = try printed(s, "ae.history")
        #expect(rows.first == ["epoch", "train", "seconds"])
        #expect(rows.dropFirst().map(\.count) == [3, 3])
        #expect(try saved(s, "stopped.csv").first == "epoch,train,seconds")
        // The model file has no validation losses either, and loads to the same table.
        #expect(s.execute("save ae dir + \"/stopped.h5\"\nback = load dir + \"/stopped.h5\"").succeeded)
        #expect(try printed(s, "back.history") == rows)
    }

    @Test func epochsWithoutValidationHaveEmptyCells() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir)
        try fit(s, "epochs=1")
        try fit(s, "valid=parts.valid epochs=2")
        try fit(s, "epochs=1")

        let rows = try printed(s, "ae.history")
        #expect(rows.first == ["epoch", "train", "valid", "seconds"])
        // Epochs 1 and 4 had no validation: their valid cell is empty.
        #expect(rows.dropFirst().map(\.count) == [3, 4, 4, 3])
        let csv = try saved(s, "mixed.csv")
        #expect(csv.first == "epoch,train,valid,seconds")
        #expect(csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2].isEmpty } == [true, false, false, true])
        #expect(s.execute("save ae dir + \"/mixed.h5\"\nback = load dir + \"/mixed.h5\"").succeeded)
        #expect(try printed(s, "back.history") == rows)
    }

    /// A model file whose validation losses are all NaN (made elsewhere, for fits without
    /// validation samples) has none: no valid column, as when it has no valid_loss.
    @Test func validationLossesAllNaNAreNone() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir)
        try fit(s, "epochs=2")
        #expect(s.execute("save ae dir + \"/plain.h5\"").succeeded)
        let edit = "import h5py, numpy as np, sys\nwith h5py.File(sys.argv[1], 'r+') as f: f['history/valid_loss'] = np.full(2, np.nan)"
        let edited = try Tools.run(Tools.systemPython, ["-c", edit, dir.path + "/plain.h5"])
        try #require(edited.status == 0, "\(edited.stderr)")
        #expect(s.execute("back = load dir + \"/plain.h5\"").succeeded)
        #expect(try printed(s, "back.history").first == ["epoch", "train", "seconds"])
        #expect(try printed(s, "ae.history").first == ["epoch", "train", "seconds"])
    }

    /// Seconds print to the millisecond on every row, so the column does not vary in digits;
    /// the CSV keeps each value in full, the shortest text that reads back as the same number.
    @Test func secondsPrintToTheMillisecondAndSaveInFull() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir)
        try fit(s, "valid=parts.valid epochs=3")
        try #require(s.execute("seconds = ae.history.seconds").succeeded)
        guard case .column(let seconds)? = s.value("seconds") else {
            Issue.record("ae.history.seconds is a column")
            return
        }
        let printedSeconds = try printed(s, "ae.history").dropFirst().map { $0.last ?? "" }
        #expect(printedSeconds == seconds.values.map { String(format: "%.3f", $0) })
        let saved = try saved(s, "seconds.csv").dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" }
        #expect(saved.map { Double($0) } == seconds.values.map { Optional($0) })
        #expect(saved == seconds.values.map { "\($0)" })
    }
}
