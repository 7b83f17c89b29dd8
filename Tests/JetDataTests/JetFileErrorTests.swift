import Foundation
import HDF5
import JetData
import Testing
import TestSupport

/// Every malformed file gets one line naming the file, the dataset and what was expected.
@Suite struct JetFileErrorTests {
    /// Writes a file in the jet schema for `n` jets, with `change` applied to dataset names,
    /// shapes and contents before they are written.
    func makeFile(n: Int = 6, skip: Set<String> = [], imageSide: Int = 25,
                  extra: (H5File) throws -> Void = { _ in },
                  image: ((inout [Float]) -> Void)? = nil,
                  imageAsIntegers: Bool = false, imageAsDoubles: Bool = false,
                  lengths: [String: Int] = [:]) throws -> String {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("bad.h5").path
        try H5File.writeAtomically(path) { file in
            var pixels = (0..<(n * imageSide * imageSide)).map { Float($0 % 7) }
            image?(&pixels)
            if !skip.contains("image") {
                let shape = [n, imageSide, imageSide]
                if imageAsIntegers {
                    try file.write(pixels.map { Int64($0) }, to: "image", shape: shape)
                } else if imageAsDoubles {
                    try file.write(pixels.map { Double($0) }, to: "image", shape: shape)
                } else {
                    try file.write(pixels, to: "image", shape: shape)
                }
            }
            for name in JetFile.requiredDatasets.dropFirst() where !skip.contains(name) {
                let count = lengths[name] ?? n
                // Labels are 0 or 1 (LabelValueTests); the variables count up.
                try file.write((0..<count).map { name == JetFile.labelDataset ? Float($0 % 2) : Float($0) }, to: name)
            }
            try extra(file)
        }
        return path
    }

    func message(_ path: String) throws -> String {
        try #require(throws: JetDataError.self) { try JetFile.read(path) }.description
    }

    @Test func missingDataset() throws {
        let path = try makeFile(skip: ["tau_32"])
        #expect(try message(path) == "\(path): missing dataset 'tau_32' of the jet-image schema; found image, jet_delta_R, jet_eta, jet_mass, jet_phi, jet_pt, signal, tau_1, tau_2, tau_21, tau_3")
    }

    @Test func otherKindOfFile() throws {
        let path = try makeFile(skip: Set(JetFile.requiredDatasets)) { file in
            try file.write([1, 2] as [Float], to: "tracks")
        }
        #expect(try message(path) == "\(path): not a jet-image file: expected datasets image, signal, jet_pt, jet_eta, jet_phi, jet_mass, jet_delta_R, tau_1, tau_2, tau_3, tau_21, tau_32; found tracks")
    }

    @Test func wrongImageShape() throws {
        let path = try makeFile(imageSide: 32)
        #expect(try message(path) == "\(path): dataset 'image': expected shape (N, 25, 25), found (6, 32, 32)")
    }

    @Test func integerPixels() throws {
        let path = try makeFile(imageAsIntegers: true)
        #expect(try message(path) == "\(path): dataset 'image': expected float32 or float64 values, found int64")
    }

    @Test func doublePixelsAreConverted() throws {
        let path = try makeFile(imageAsDoubles: true)
        let jets = try JetFile.read(path)
        #expect(try JetFile.inspect(path).imageElement == "float64")
        #expect(jets.columns.images.prefix(8) == [0, 1, 2, 3, 4, 5, 6, 0])
    }

    @Test func datasetsOfDifferentLengths() throws {
        let path = try makeFile(lengths: ["jet_mass": 5])
        #expect(try message(path) == "\(path): dataset 'jet_mass': expected 6 entries (one per jet, as 'image'), found 5")
    }

    @Test func nonFinitePixelsAreCountedAndLocated() throws {
        let firstBad = 2 * 625 + 3 * 25 + 4, secondBad = 4 * 625
        let path = try makeFile(image: { (pixels: inout [Float]) in
            pixels[firstBad] = Float.nan
            pixels[secondBad] = Float.infinity
        })
        #expect(try message(path) == "\(path): dataset 'image': 2 NaN or infinite pixel values, first in jet 2 (row 3, column 4)")
    }

    @Test func extraDatasetsAreListedNotRejected() throws {
        let path = try makeFile { file in try file.write([1] as [Float], to: "notes") }
        #expect(try JetFile.inspect(path).otherDatasets == ["notes"])
        #expect(try JetFile.read(path).count == 6)
    }

    @Test func missingFileIsReportedWithItsPath() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("nope.h5").path
        #expect(try message(path) == "\(path): no such file")
    }
}
