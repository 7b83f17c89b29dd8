import Foundation
import JetData
import Testing
import TestSupport

/// The `signal` dataset holds 1 (W) or 0 (QCD), as in the public file; any other value is
/// refused with the file, the dataset, the row and the value.
@Suite struct LabelValueTests {
    /// A jet file of 8 jets written by h5py, with labels `labels` (a numpy expression) of type `dtype`.
    func file(labels: String, dtype: String = "f4") throws -> String {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("jets.h5").path
        let script = """
            import h5py, numpy as np, sys
            with h5py.File(sys.argv[1], 'w') as f:
                f['image'] = np.ones((8, 25, 25), 'f4')
                f['signal'] = np.array(\(labels), dtype='\(dtype)')
                for k in ['jet_pt','jet_eta','jet_phi','jet_mass','jet_delta_R','tau_1','tau_2','tau_3','tau_21','tau_32']:
                    f[k] = np.ones(8, 'f4')
            """
        let result = try Tools.run(Tools.systemPython, ["-c", script, path])
        try #require(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test(arguments: [
        ("[0, 1, 0, 2, 1, 0, 1, 0]", "f4", "value 2 in row 3"),
        ("[0, 1, -1, 1, 1, 0, -1, 0]", "f4", "value -1 in row 2 (and 1 more row not 0 or 1)"),
        ("[0.5, 1, 0, 1, 0.5, 0, 0.5, 1]", "f4", "value 0.5 in row 0 (and 2 more rows not 0 or 1)"),
        ("[0, 1, 0, 1, 0, 1, 0, np.nan]", "f8", "value nan in row 7"),
        ("[0, 1, 0, 1, 7, 1, 0, 1]", "i8", "value 7 in row 4"),
    ])
    func badLabelsAreRefused(labels: String, dtype: String, found: String) throws {
        let path = try file(labels: labels, dtype: dtype)
        let error = try #require(throws: JetDataError.self) { try JetFile.read(path) }
        #expect(error.description == "\(path): dataset 'signal': \(found); expected 0 (QCD) or 1 (W)")
    }

    /// Rows are counted in the file, also when a row range is read.
    @Test func rowsAreTheFilesRows() throws {
        let path = try file(labels: "[0, 1, 0, 1, 0, 3, 0, 1]")
        let error = try #require(throws: JetDataError.self) { try JetFile.read(path, rows: 4..<8) }
        #expect(error.description == "\(path): dataset 'signal': value 3 in row 5; expected 0 (QCD) or 1 (W)")
        // Rows without the bad label read.
        #expect(try JetFile.read(path, rows: 0..<4).signalCount == 2)
    }

    /// Integer labels of 0 and 1 (files written by other tools) are fine.
    @Test func integerZeroOneLabelsLoad() throws {
        let path = try file(labels: "[0, 1, 1, 1, 0, 1, 0, 1]", dtype: "i1")
        #expect(try JetFile.read(path).signalCount == 5)
    }
}
