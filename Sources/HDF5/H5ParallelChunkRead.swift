import CHDF5
import Dispatch
import Synchronization

extension H5Dataset {
    /// Whether `readInParallel` can serve this dataset: float32, chunked and compressed with
    /// deflate only (the public jet file's layout).
    public var supportsParallelRead: Bool {
        chunkShape != nil && filters == ["deflate"] && element == .float(bits: 32) && shape.count >= 2
    }

    /// Reads rows `rows` into `buffer` (rows.count × rowLength values) with `threads`
    /// threads. For a deflate-chunked float32 dataset each chunk's compressed bytes are
    /// fetched with H5Dread_chunk (serialised, cheap) and inflated and copied into place
    /// concurrently, since inflating is the whole cost and HDF5 does it on one thread. Any
    /// other dataset is read with an ordinary H5Dread.
    public func readInParallel(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>, threads: Int) throws {
        guard supportsParallelRead, threads > 1, let chunk = chunkShape else {
            try read(rows: rows, into: buffer)
            return
        }
        guard rows.lowerBound >= 0, rows.upperBound <= rowCount, buffer.count >= rows.count * rowLength else {
            throw HDF5Error(path: file.path, object: name,
                            message: "rows \(rows.lowerBound):\(rows.upperBound) outside 0:\(rowCount)")
        }
        guard !rows.isEmpty, let destination = buffer.baseAddress else { return }
        // Before any buffer is sized by the chunk: a damaged layout can claim any chunk size.
        try checkChunkSize()

        let plan = ChunkPlan(shape: shape, chunk: chunk, rows: rows)
        let next = Atomic<Int>(0)
        let failure = Mutex<HDF5Error?>(nil)
        let (path, name, id) = (file.path, self.name, self.id)
        // A damaged chunk index can claim any stored size; no chunk is larger than the file.
        let fileSize = hsize_t(try file.size())
        let chunkBytes = plan.chunkValues * 4
        // Workers write disjoint parts of the destination; pass its address, not the pointer.
        let address = UInt(bitPattern: destination)

        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, plan.count))) { _ in
            guard let output = UnsafeMutablePointer<Float>(bitPattern: address) else { return }
            // Grown to each chunk's stored size; the inflated chunk is written by zlib before it
            // is read, so it needs no zeroing (which would touch every page up front).
            var compressed: [UInt8] = []
            let inflated = UnsafeMutableBufferPointer<Float>.allocate(capacity: plan.chunkValues)
            defer { inflated.deallocate() }
            while failure.withLock({ $0 == nil }) {
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard k < plan.count else { return }
                let origin = plan.origin(ofChunk: k)
                let offset = origin.map { hsize_t($0) }
                let size: Result<Int, HDF5Error> = HDF5Library.call {
                    var bytes: hsize_t = 0
                    guard H5Dget_chunk_storage_size(id, offset, &bytes) >= 0 else {
                        return .failure(HDF5Error(path: path, object: name, message: "cannot locate chunk at \(origin): \(HDF5Library.takeErrorMessage())"))
                    }
                    guard bytes <= fileSize else {
                        return .failure(HDF5Error(path: path, object: name, message: "chunk at \(origin) claims \(bytes) bytes, more than the whole file (\(fileSize)): damaged file?"))
                    }
                    guard chunkBytes <= Int(bytes) * H5Dataset.maximumInflation else {
                        return .failure(HDF5Error(path: path, object: name, message: "chunk at \(origin) holds \(bytes) bytes, too few to inflate to \(chunkBytes): damaged file?"))
                    }
                    if Int(bytes) > compressed.count { compressed = [UInt8](repeating: 0, count: Int(bytes)) }
                    var mask: UInt32 = 0
                    guard H5Dread_chunk(id, jnb_h5p_default(), offset, &mask, &compressed) >= 0 else {
                        return .failure(HDF5Error(path: path, object: name, message: "cannot read chunk at \(origin): \(HDF5Library.takeErrorMessage())"))
                    }
                    guard mask == 0 else {
                        return .failure(HDF5Error(path: path, object: name, message: "chunk at \(origin) is stored unfiltered"))
                    }
                    return .success(Int(bytes))
                }
                do {
                    let bytes = try size.get()
                    var produced = chunkBytes
                    let status = compressed.withUnsafeBytes { source in
                        jnb_inflate(source.baseAddress, bytes, inflated.baseAddress, &produced)
                    }
                    guard status == Z_OK, produced == chunkBytes else {
                        throw HDF5Error(path: path, object: name, message: "chunk at \(origin) does not inflate (zlib status \(status)): damaged file?")
                    }
                    plan.scatter(UnsafeBufferPointer(inflated), chunkOrigin: origin, into: output)
                } catch let error as HDF5Error {
                    failure.withLock { $0 = $0 ?? error }
                    return
                } catch {
                    return
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

/// Where the chunks of a row range lie and how a chunk's values map into the destination.
struct ChunkPlan: Sendable {
    let shape: [Int]
    let chunk: [Int]
    let rows: Range<Int>
    /// Chunks along each dimension (the first restricted to those meeting `rows`).
    let grid: [Int]
    let firstRowChunk: Int
    let chunkValues: Int

    init(shape: [Int], chunk: [Int], rows: Range<Int>) {
        self.shape = shape
        self.chunk = chunk
        self.rows = rows
        firstRowChunk = rows.lowerBound / chunk[0]
        let lastRowChunk = (rows.upperBound - 1) / chunk[0]
        grid = [lastRowChunk - firstRowChunk + 1] + (1..<shape.count).map { (shape[$0] + chunk[$0] - 1) / chunk[$0] }
        chunkValues = chunk.reduce(1, *)
    }

    var count: Int { grid.reduce(1, *) }

    /// Element coordinates of the first value of chunk `k` (last dimension fastest).
    func origin(ofChunk k: Int) -> [Int] {
        var rest = k
        var origin = [Int](repeating: 0, count: shape.count)
        for d in stride(from: shape.count - 1, through: 1, by: -1) {
            origin[d] = (rest % grid[d]) * chunk[d]
            rest /= grid[d]
        }
        origin[0] = (firstRowChunk + rest) * chunk[0]
        return origin
    }

    /// Copies the part of a full chunk that lies inside the dataset and inside `rows` into
    /// the destination, whose row 0 is `rows.lowerBound`. Runs of the last dimension are
    /// contiguous on both sides.
    func scatter(_ values: UnsafeBufferPointer<Float>, chunkOrigin: [Int], into output: UnsafeMutablePointer<Float>) {
        guard let source = values.baseAddress else { return }
        let rank = shape.count
        let lo0 = max(chunkOrigin[0], rows.lowerBound), hi0 = min(chunkOrigin[0] + chunk[0], rows.upperBound)
        let runLength = min(chunk[rank - 1], shape[rank - 1] - chunkOrigin[rank - 1])
        guard lo0 < hi0, runLength > 0 else { return }
        // Strides of the chunk and of the destination, in values.
        var chunkStride = [Int](repeating: 1, count: rank), outStride = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) {
            chunkStride[d] = chunkStride[d + 1] * chunk[d + 1]
            outStride[d] = outStride[d + 1] * shape[d + 1]
        }
        // Iterate over the middle dimensions' valid extents; rank is 1, 2 or 3 here.
        let middle = rank >= 3 ? Array(1..<(rank - 1)) : []
        let extents = middle.map { min(chunk[$0], shape[$0] - chunkOrigin[$0]) }
        let innerCount = extents.reduce(1, *)
        for r in lo0..<hi0 {
            let chunkRowBase = (r - chunkOrigin[0]) * chunkStride[0]
            let outRowBase = (r - rows.lowerBound) * outStride[0]
            for m in 0..<innerCount {
                var rest = m, chunkOffset = chunkRowBase, outOffset = outRowBase
                for (i, d) in middle.enumerated().reversed() {
                    let c = rest % extents[i]
                    rest /= extents[i]
                    chunkOffset += c * chunkStride[d]
                    outOffset += (chunkOrigin[d] + c) * outStride[d]
                }
                if rank >= 2 { outOffset += chunkOrigin[rank - 1] }
                (output + outOffset).update(from: source + chunkOffset, count: runLength)
            }
        }
    }
}
