import Foundation
import JetData
import Testing
import TestSupport

@Suite struct JetFileWriteTests {
    @Test(arguments: [JetFile.Layout.contiguous, .gzip(level: 4, chunkRows: 7)])
    func roundTripIsExact(layout: JetFile.Layout) throws {
        let jets = try SampleJets.make(count: 40).shuffled(seed: 5)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("jets.h5").path
        try JetFile.write(jets, to: path, layout: layout)
        let back = try JetFile.read(path)
        #expect(back.count == jets.count)
        #expect(back.columns.images == jets.contiguousImages())
        for v in JetVariable.allCases { #expect(back.values(v) == jets.values(v)) }
        #expect(back.labels == jets.labels)
    }

    /// What `read` would refuse is not written: a NaN pixel (a diverged network's output)
    /// is named, and no file is left.
    @Test func aNaNPixelIsRefusedBeforeWriting() throws {
        let jets = try SampleJets.make(count: 5)
        var images = jets.contiguousImages()
        images[3 * JetImage.pixels + 2 * JetImage.side + 7] = .nan
        let bad = try JetSet(images: images, variables: Dictionary(uniqueKeysWithValues: JetVariable.allCases.map { ($0, jets.values($0)) }),
                             signal: jets.labels, origin: "test")
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nan.h5").path
        #expect(throws: JetDataError.file("cannot write \(path): jet 3 has a NaN or infinite pixel (row 2, column 7); a jet file holds finite pixel values")) {
            try JetFile.write(bad, to: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test func pythiaJetsSurviveARoundTrip() throws {
        let jets = try JetFile.read(Fixtures.pythia4k.path)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("copy.h5").path
        try JetFile.write(jets.selecting(signal: true), to: path)
        let back = try JetFile.read(path)
        #expect(back.count == 2000)
        #expect(back.columns.images == jets.selecting(signal: true).contiguousImages())
    }

    @Test func h5pyReadsAJnbFileWithTheSameValues() throws {
        let jets = try SampleJets.make(count: 25)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("for-h5py.h5").path
        try JetFile.write(jets, to: path)
        let script = """
        import h5py, sys, numpy as np
        f = h5py.File(sys.argv[1], 'r')
        img = f['image']
        assert img.shape == (25, 25, 25) and img.dtype == np.float32, (img.shape, img.dtype)
        names = ['signal', 'jet_pt', 'jet_eta', 'jet_phi', 'jet_mass', 'jet_delta_R',
                 'tau_1', 'tau_2', 'tau_3', 'tau_21', 'tau_32']
        assert all(f[n].shape == (25,) and f[n].dtype == np.float32 for n in names)
        a = img[:]
        print(repr(float(a.sum())), int((a != 0).sum()), repr(float(a[3, 12, 12])),
              repr(float(f['jet_mass'][7])), int(f['signal'][:].sum()))
        """
        let result = try Tools.run(Tools.systemPython, ["-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        let images = jets.columns.images
        let sum = images.reduce(0.0) { $0 + Double($1) }
        let fields = result.stdout.split(separator: " ").map(String.init)
        #expect(fields.count == 5)
        #expect(abs((Double(fields[0]) ?? 0) - sum) < 1e-3 * sum)
        #expect(Int(fields[1]) == images.filter { $0 != 0 }.count)
        #expect(Double(fields[2]) == 103)
        #expect(Double(fields[3]) == Double(jets.values(.mass)[7]))
        #expect(Int(fields[4].trimmingCharacters(in: .whitespacesAndNewlines)) == jets.signalCount)
    }

    @Test func interruptedWriteLeavesNoFileAndKeepsTheOldOne() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("jets.h5").path
        let small = try SampleJets.make(count: 3)
        try JetFile.write(small, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let big = try SampleJets.make(count: 2000)
        let error = try #require(throws: JetDataError.self) {
            try JetFile.write(big, to: path, layout: .gzip(level: 1, chunkRows: 100)) { done, _ in done < 500 }
        }
        #expect(error == .interrupted)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["jets.h5"])
    }
}
