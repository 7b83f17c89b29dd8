import Foundation
import HDF5
import Testing
import TestSupport

@Suite struct AttributeTests {
    @Test func attributesRoundTripOnFileAndDataset() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("attrs.h5").path
        try H5File.writeAtomically(path) { file in
            try file.setAttribute("activation", .string("leakyrelu η"))
            try file.setAttribute("layers", .ints([625, 300, 100, 300, 625]))
            try file.setAttribute("lr", .double(1e-3))
            try file.setAttribute("epochs", .int(30))
            let d = try file.write([0.5, 0.25] as [Double], to: "loss")
            try d.setAttribute("per_epoch", .doubles([1, 2.5]))
            try d.setAttribute("empty", .string(""))
        }
        let file = try H5File.open(path)
        #expect(try file.attribute("activation") == .string("leakyrelu η"))
        #expect(try file.attribute("layers") == .ints([625, 300, 100, 300, 625]))
        #expect(try file.attribute("lr") == .double(1e-3))
        #expect(try file.attribute("epochs") == .int(30))
        #expect(try file.attribute("absent") == nil)
        let loss = try file.dataset("loss")
        #expect(try loss.attribute("per_epoch") == .doubles([1, 2.5]))
        #expect(try loss.attribute("empty") == .string(""))
    }

    @Test func h5pyReadsTheAttributes() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("attrs.h5").path
        try H5File.writeAtomically(path) { file in
            try file.setAttribute("activation", .string("tanh"))
            try file.setAttribute("layers", .ints([625, 100, 625]))
        }
        let script = """
        import h5py, sys
        f = h5py.File(sys.argv[1], 'r')
        a = f.attrs['activation']
        print(a.decode() if isinstance(a, bytes) else a, list(int(x) for x in f.attrs['layers']))
        """
        let result = try Tools.run(Tools.systemPython, ["-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "tanh [625, 100, 625]\n")
    }

    @Test func variableLengthStringsFromH5pyAreRead() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("vlen.h5").path
        let script = "import h5py, sys\nf = h5py.File(sys.argv[1], 'w')\nf.attrs['note'] = 'made by h5py'\n"
        let result = try Tools.run(Tools.systemPython, ["-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try H5File.open(path).attribute("note") == .string("made by h5py"))
    }
}
