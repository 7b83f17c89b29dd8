import Foundation
import HDF5

/// Reading and writing jets in the schema of the public jet-image file:
/// `image` (N, 25, 25), `signal` (N) and the ten jet variables (N each), float32.
public enum JetFile {
    public static let imageDataset = "image"
    public static let labelDataset = "signal"
    /// Every dataset the schema requires, in the order messages list them.
    public static let requiredDatasets = [imageDataset, labelDataset] + JetVariable.allCases.map(\.datasetName)

    /// Called after each block with (jets read so far, jets to read); return false to stop,
    /// which makes the read throw `JetDataError.interrupted`.
    public typealias Progress = (_ done: Int, _ total: Int) -> Bool

    /// What a file holds, found without reading the images.
    public struct Summary: Sendable, Equatable {
        public let path: String
        public let jetCount: Int
        public let imageElement: String
        public let chunkShape: [Int]?
        public let filters: [String]
        /// Datasets at the root that the schema does not use.
        public let otherDatasets: [String]
    }

    /// Checks the schema (presence, rank, shape, type, lengths) and returns the summary.
    public static func inspect(_ path: String) throws(JetDataError) -> Summary {
        try wrap {
            let file = try H5File.open(path)
            return try checkSchema(file).summary
        }
    }

    /// Reads jets `rows` (all when nil) in blocks of whole chunks, straight into one array;
    /// compressed chunks are inflated on `threads` threads (default: every core).
    public static func read(_ path: String, rows: Range<Int>? = nil, threads: Int? = nil,
                            progress: Progress? = nil) throws(JetDataError) -> JetSet {
        try wrap {
            let file = try H5File.open(path)
            let (summary, image) = try checkSchema(file)
            let n = summary.jetCount
            let range = rows ?? 0..<n
            guard range.lowerBound >= 0, range.upperBound <= n else {
                throw JetDataError.rowsOutOfRange(path: path, rows: range, jets: n)
            }
            let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
            try image.checkChunkSize()
            let needed = memoryNeeded(jets: range.count, chunkBytes: image.chunkBytes, threads: threads)
            try SystemMemory.check(bytes: needed, for: "loading \(CountFormat.grouped(range.count)) jets from \(path)") { available in
                let buffers = memoryNeeded(jets: 0, chunkBytes: image.chunkBytes, threads: threads)
                let fitting = SystemMemory.roundedDown(max(0, available - buffers) / bytesPerJet)
                guard fitting > 0 else { return "not even one jet fits" }
                return "load a row range, e.g. rows=\(range.lowerBound):\(range.lowerBound + fitting)"
            }

            let images = try readImages(image, rows: range, path: path, threads: threads, progress: progress)
            var variables: [JetVariable: [Float]] = [:]
            for v in JetVariable.allCases {
                variables[v] = try file.dataset(v.datasetName).read(Float.self, rows: range)
            }
            let signal = try file.dataset(labelDataset).read(Float.self, rows: range)
            try checkLabels(signal, firstRow: range.lowerBound, path: path)
            let name = URL(fileURLWithPath: path).lastPathComponent
            let origin = range.count == n ? name : "\(name) rows \(range.lowerBound):\(range.upperBound)"
            return try JetSet(images: images, variables: variables, signal: signal, origin: origin)
        }
    }

    /// Bytes a `read` of `jets` jets takes: the jets themselves, and while reading, a
    /// compressed and an inflated chunk of `chunkBytes` per thread (Int.max when that
    /// overflows, as only a damaged file can make it).
    public static func memoryNeeded(jets: Int, chunkBytes: Int?, threads: Int) -> Int {
        // A damaged or hostile file can claim any number of jets (2^62 fits its dataspace).
        let (jetBytes, tooManyJets) = jets.multipliedReportingOverflow(by: bytesPerJet)
        if tooManyJets { return Int.max }
        guard let chunkBytes else { return jetBytes }
        let (buffers, tooMany) = chunkBytes.multipliedReportingOverflow(by: 2 * max(1, threads))
        let (sum, tooMuch) = jetBytes.addingReportingOverflow(buffers)
        return tooMany || tooMuch ? Int.max : sum
    }

    /// Bytes of one loaded jet: its image, variables and label.
    static let bytesPerJet = (JetImage.pixels + JetVariable.allCases.count + 1) * MemoryLayout<Float>.size

    /// How a written file stores its images.
    public enum Layout: Sendable, Equatable {
        /// One contiguous block, no compression: fastest to read.
        case contiguous
        /// Chunks of `chunkRows` jets, gzip at `level` (the public file's layout).
        case gzip(level: Int = 4, chunkRows: Int = 500)
    }

    /// Writes `set` through a temporary file renamed into place, so a failure or an interrupt
    /// never leaves a half-written file under `path` (and an older file there is kept).
    public static func write(_ set: JetSet, to path: String, layout: Layout = .gzip(), progress: Progress? = nil) throws(JetDataError) {
        // A file `read` would refuse is not written (a reconstruction by a diverged model).
        for i in 0..<set.count {
            let image = set.image(i)
            guard let k = image.firstIndex(where: { !$0.isFinite }) else { continue }
            let pixel = k - image.startIndex
            throw JetDataError.file("cannot write \(path): jet \(i) has a NaN or infinite pixel (row \(pixel / JetImage.side), column \(pixel % JetImage.side)); a jet file holds finite pixel values")
        }
        try wrap {
            try H5File.writeAtomically(path) { file in
                let n = set.count
                let shape = [n, JetImage.side, JetImage.side]
                let blockRows: Int
                let image: H5Dataset
                switch layout {
                case .contiguous:
                    image = try file.createDataset(imageDataset, of: Float.self, shape: shape)
                    blockRows = 4096
                case let .gzip(level, chunkRows):
                    let rows = max(1, min(chunkRows, n))
                    image = try file.createDataset(imageDataset, of: Float.self, shape: shape,
                                                   chunks: [rows, JetImage.side, JetImage.side], deflateLevel: level)
                    blockRows = rows * max(1, 4096 / rows)
                }
                var block = [Float](repeating: 0, count: min(blockRows, max(n, 1)) * JetImage.pixels)
                var start = 0
                while start < n {
                    let end = min(n, start + blockRows)
                    for i in start..<end {
                        let offset = (i - start) * JetImage.pixels
                        block.replaceSubrange(offset..<offset + JetImage.pixels, with: set.image(i))
                    }
                    try block.withUnsafeBufferPointer { try image.write(rows: start..<end, from: $0) }
                    start = end
                    if let progress, !progress(start, n) { throw JetDataError.interrupted }
                }
                try file.write(set.labels, to: labelDataset)
                for v in JetVariable.allCases {
                    try file.write(set.values(v), to: v.datasetName)
                }
                try file.setAttribute("origin", .string(set.origin))
            }
        }
    }

    // MARK: Internals

    /// Runs `body`, turning HDF5 errors into `JetDataError.file` with their full wording.
    private static func wrap<R>(_ body: () throws -> R) throws(JetDataError) -> R {
        do {
            return try body()
        } catch let error as JetDataError {
            throw error
        } catch let error as HDF5Error {
            throw JetDataError.file(error.description)
        } catch {
            throw JetDataError.file("\(error)")
        }
    }

    private static func checkSchema(_ file: H5File) throws -> (summary: Summary, image: H5Dataset) {
        let path = file.path
        let names = try file.rootNames()
        let missing = requiredDatasets.filter { !names.contains($0) }
        if !missing.isEmpty {
            let found = listed(names)
            if missing.contains(imageDataset) && missing.count == requiredDatasets.count {
                throw JetDataError.file("\(path): not a jet-image file: expected datasets \(requiredDatasets.joined(separator: ", ")); found \(found)")
            }
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw JetDataError.file("\(path): missing dataset\(missing.count > 1 ? "s" : "") \(list) of the jet-image schema; found \(found)")
        }
        let image = try file.dataset(imageDataset)
        guard image.shape.count == 3, image.shape[1] == JetImage.side, image.shape[2] == JetImage.side else {
            throw JetDataError.file("\(path): dataset 'image': expected shape (N, 25, 25), found \(shapeText(image.shape))")
        }
        try checkFloat(image, path: path)
        let n = image.shape[0]
        for name in requiredDatasets.dropFirst() {
            let dataset = try file.dataset(name)
            guard dataset.shape.count == 1 else {
                throw JetDataError.file("\(path): dataset '\(name)': expected shape (\(n)) (one value per jet), found \(shapeText(dataset.shape))")
            }
            guard dataset.shape[0] == n else {
                throw JetDataError.file("\(path): dataset '\(name)': expected \(n) entries (one per jet, as 'image'), found \(dataset.shape[0])")
            }
            if name == labelDataset, case .integer = dataset.element { continue }  // integer labels are fine
            try checkFloat(dataset, path: path)
        }
        let summary = Summary(path: path, jetCount: n, imageElement: image.element.description,
                              chunkShape: image.chunkShape, filters: image.filters,
                              otherDatasets: names.filter { !requiredDatasets.contains($0) })
        return (summary, image)
    }

    /// Labels are 1 (W, signal) or 0 (QCD, background), as in the public file: anything else
    /// (2, −1, 0.5, NaN) would be counted as one class or the other by a threshold.
    private static func checkLabels(_ labels: [Float], firstRow: Int, path: String) throws {
        guard let first = labels.firstIndex(where: { $0 != 0 && $0 != 1 }) else { return }
        let bad = labels[first...].count { $0 != 0 && $0 != 1 }
        let others = bad == 1 ? "" : " (and \(bad - 1) more row\(bad == 2 ? "" : "s") not 0 or 1)"
        throw JetDataError.file(
            "\(path): dataset '\(labelDataset)': value \(String(format: "%g", Double(labels[first]))) in row \(firstRow + first)\(others); expected 0 (QCD) or 1 (W)")
    }

    private static func checkFloat(_ dataset: H5Dataset, path: String) throws {
        switch dataset.element {
        case .float(bits: 32), .float(bits: 64): return
        default:
            throw JetDataError.file("\(path): dataset '\(dataset.name)': expected float32 or float64 values, found \(dataset.element)")
        }
    }

    /// Names found in a file, for a one-line message: at most 12, each cut at 40 characters,
    /// control characters shown as '?' (a damaged file can hold any bytes there).
    private static func listed(_ names: [String]) -> String {
        guard !names.isEmpty else { return "nothing" }
        let shown = names.prefix(12).map { name in
            let clean = String(String.UnicodeScalarView(name.unicodeScalars.map {
                $0.properties.generalCategory == .control ? "?" : $0
            }))
            return clean.count > 40 ? clean.prefix(40) + "…" : clean
        }
        return shown.joined(separator: ", ") + (names.count > 12 ? " and \(names.count - 12) more" : "")
    }

    private static func shapeText(_ shape: [Int]) -> String {
        shape.isEmpty ? "a scalar" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Reads image rows in blocks aligned to whole chunks (so each compressed chunk is
    /// inflated once) of about 8 MB, directly into the result, and checks each block for
    /// NaN and infinities while it is still in cache.
    private static func readImages(_ image: H5Dataset, rows: Range<Int>, path: String, threads: Int,
                                   progress: Progress?) throws -> [Float] {
        let chunkRows = image.chunkShape?.first ?? 1
        let target = max(1, (8 << 20) / (JetImage.pixels * MemoryLayout<Float>.size))
        let blockRows = max(chunkRows, (target / chunkRows) * chunkRows)
        let count = rows.count * JetImage.pixels
        var nonFinite = 0
        var firstNonFinite: Int?
        let images = try [Float](unsafeUninitializedCapacity: count) { buffer, initialised in
            // Measured (scripts/bench-load): huge pages take a contiguous read from 0.24 s to
            // 0.13 s, but slow a gzip read by ~10 %, where HDF5 copies inflated chunks in.
            if image.filters.isEmpty { adviseHugePages(buffer) }
            var start = rows.lowerBound
            while start < rows.upperBound {
                // Align block ends to chunk boundaries of the file, not of the range.
                let alignedEnd = ((start / chunkRows) + max(1, blockRows / chunkRows)) * chunkRows
                let end = min(rows.upperBound, alignedEnd)
                let offset = (start - rows.lowerBound) * JetImage.pixels
                let block = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + (end - start) * JetImage.pixels])
                try image.readInParallel(rows: start..<end, into: block, threads: threads)
                let bad = countNonFinite(UnsafeBufferPointer(block))
                if bad > 0 {
                    if firstNonFinite == nil, let k = block.firstIndex(where: { !$0.isFinite }) { firstNonFinite = offset + k }
                    nonFinite += bad
                }
                start = end
                initialised = (start - rows.lowerBound) * JetImage.pixels
                if let progress, !progress(start - rows.lowerBound, rows.count) {
                    throw JetDataError.interrupted
                }
            }
        }
        if let first = firstNonFinite {
            let jet = rows.lowerBound + first / JetImage.pixels, pixel = first % JetImage.pixels
            throw JetDataError.file(
                "\(path): dataset 'image': \(nonFinite) NaN or infinite pixel value\(nonFinite == 1 ? "" : "s"), first in jet \(jet) (row \(pixel / JetImage.side), column \(pixel % JetImage.side))")
        }
        return images
    }

    /// Counts NaN and infinite values: their magnitude bits are ≥ 0x7F800000, so adding
    /// 0x00800000 sets the top bit. Branch-free, so the compiler vectorises it.
    private static func countNonFinite(_ values: UnsafeBufferPointer<Float>) -> Int {
        values.withMemoryRebound(to: UInt32.self) { bits in
            var count: UInt32 = 0
            for b in bits { count &+= ((b & 0x7FFF_FFFF) &+ 0x0080_0000) >> 31 }
            return Int(count)
        }
    }

    /// Asks the kernel for transparent huge pages under a large new buffer, so filling it
    /// takes hundreds of page faults instead of tens of thousands. Only a hint: ignored
    /// where huge pages are off.
    private static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Float>) {
        guard let base = buffer.baseAddress, buffer.count * 4 >= 4 << 20 else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) / huge * huge
        let end = (Int(bitPattern: base) + buffer.count * 4) / huge * huge
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
    }
}
