import CHDF5

/// An open dataset: its shape, element kind and storage, and hyperslab reads and writes
/// along the first dimension (rows).
public final class H5Dataset {
    public let file: H5File
    public let name: String
    let id: hid_t
    /// Dimensions, slowest first; a scalar dataset has shape [].
    public let shape: [Int]
    public let element: H5ElementKind
    /// Chunk dimensions when the dataset is chunked.
    public let chunkShape: [Int]?
    /// Names of the filters in the pipeline ("deflate", "shuffle", …).
    public let filters: [String]
    /// The first filter of the pipeline this HDF5 library cannot apply (a plugin it lacks):
    /// its identifier and name.
    let missingFilter: (id: Int32, name: String)?

    init(file: H5File, name: String) throws {
        self.file = file
        self.name = name
        let id = HDF5Library.call { H5Dopen2(file.id, name, jnb_h5p_default()) }
        guard id >= 0 else {
            throw HDF5Error(path: file.path, object: name,
                            message: "cannot open as a dataset: \(HDF5Library.call { HDF5Library.takeErrorMessage() })")
        }
        self.id = id
        (shape, element, chunkShape, filters, missingFilter) = HDF5Library.call {
            let space = H5Dget_space(id)
            defer { H5Sclose(space) }
            let rank = Int(max(0, H5Sget_simple_extent_ndims(space)))
            var dims = [hsize_t](repeating: 0, count: rank)
            if rank > 0 { H5Sget_simple_extent_dims(space, &dims, nil) }

            let type = H5Dget_type(id)
            defer { H5Tclose(type) }
            let bits = Int(H5Tget_size(type)) * 8
            let element: H5ElementKind
            switch H5Tget_class(type) {
            case H5T_FLOAT: element = .float(bits: bits)
            case H5T_INTEGER: element = .integer(bits: bits, signed: H5Tget_sign(type) != H5T_SGN_NONE)
            case H5T_STRING: element = .string
            case H5T_COMPOUND: element = .other("compound")
            case H5T_ARRAY: element = .other("array")
            default: element = .other("non-numeric")
            }

            let dcpl = H5Dget_create_plist(id)
            defer { H5Pclose(dcpl) }
            var chunks: [Int]?
            if H5Pget_layout(dcpl) == H5D_CHUNKED, rank > 0 {
                var chunkDims = [hsize_t](repeating: 0, count: rank)
                _ = H5Pget_chunk(dcpl, Int32(rank), &chunkDims)
                // A damaged layout message can hold any 64-bit value; Int.max stands for "too big".
                chunks = chunkDims.map { Int(exactly: $0) ?? Int.max }
            }
            var filters: [String] = []
            var missing: (id: Int32, name: String)?
            for i in 0..<max(0, H5Pget_nfilters(dcpl)) {
                var flags: UInt32 = 0
                var count = 0
                var nameBuffer = [CChar](repeating: 0, count: 64)
                let filter = H5Pget_filter2(dcpl, UInt32(i), &flags, &count, nil, 64, &nameBuffer, nil)
                switch filter {
                case H5Z_FILTER_DEFLATE: filters.append("deflate")
                case H5Z_FILTER_SHUFFLE: filters.append("shuffle")
                case H5Z_FILTER_FLETCHER32: filters.append("fletcher32")
                default:
                    filters.append(String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
                if missing == nil, H5Zfilter_avail(filter) <= 0 {
                    _ = HDF5Library.takeErrorMessage()
                    let named = H5File.printable(filters[filters.count - 1])
                    missing = (filter, Self.registeredFilterNames[filter] ?? (named.isEmpty ? "unnamed" : named))
                }
            }
            return (dims.map { Int($0) }, element, chunks, filters, missing)
        }
    }

    /// Filters registered with The HDF Group that h5py and PyTables write, by identifier.
    static let registeredFilterNames: [Int32: String] = [
        4: "szip", 307: "bzip2", 32000: "LZF", 32001: "Blosc", 32004: "LZ4", 32008: "bitshuffle",
        32015: "Zstandard", 32017: "SZ", 32026: "Blosc2",
    ]

    deinit {
        HDF5Library.call { _ = H5Dclose(id) }
    }

    /// Number of values in one row (the product of all dimensions but the first).
    public var rowLength: Int { shape.dropFirst().reduce(1, *) }
    public var rowCount: Int { shape.first ?? 1 }

    /// Reads rows `rows` into `buffer` (rows.count × rowLength values), converting the
    /// file's type to `T` as HDF5 does (e.g. float64 → Float).
    public func read<T: H5Scalar>(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<T>) throws {
        guard rows.lowerBound >= 0, rows.upperBound <= rowCount else {
            throw HDF5Error(path: file.path, object: name,
                            message: "rows \(rows.lowerBound):\(rows.upperBound) outside 0:\(rowCount)")
        }
        guard buffer.count >= rows.count * rowLength else {
            throw HDF5Error(path: file.path, object: name, message: "read buffer too small")
        }
        if rows.isEmpty { return }
        try checkStorage(rows: rows)
        try HDF5Library.call {
            let (fileSpace, memorySpace) = try selection(rows)
            defer { H5Sclose(fileSpace); H5Sclose(memorySpace) }
            guard H5Dread(id, T.nativeType, memorySpace, fileSpace, jnb_h5p_default(), buffer.baseAddress) >= 0 else {
                throw HDF5Error(path: file.path, object: name,
                                message: "cannot read rows \(rows.lowerBound):\(rows.upperBound): \(HDF5Library.takeErrorMessage())")
            }
        }
    }

    /// Bytes of one chunk before compression (nil for other layouts or non-numeric values;
    /// Int.max when the dimensions multiply beyond it).
    public var chunkBytes: Int? {
        guard let chunkShape, let bits = numericBits else { return nil }
        var bytes = max(1, bits / 8)
        for extent in chunkShape {
            let (product, overflow) = bytes.multipliedReportingOverflow(by: extent)
            if overflow { return Int.max }
            bytes = product
        }
        return bytes
    }

    /// Bits per value of a numeric dataset, nil for others.
    private var numericBits: Int? {
        switch element {
        case .float(let bits), .integer(let bits, _): bits
        default: nil
        }
    }

    /// No deflate stream expands its input more than 1,032-fold (a 258-byte match in two
    /// bits); 1,040 leaves room for rounding.
    static let maximumInflation = 1040

    /// A chunk must be something the file can hold: uncompressed, or deflated at most
    /// `maximumInflation`-fold from the whole file. A damaged layout message can claim chunks
    /// of gigabytes in a file of kilobytes, and reading would allocate buffers that big
    /// (docs/FUZZING.md). Other filters are not bounded so simply and are left to HDF5.
    public func checkChunkSize() throws {
        guard let bytes = chunkBytes, Set(filters).isSubset(of: ["deflate", "shuffle", "fletcher32"]) else { return }
        let fileSize = try file.size()
        let (limit, overflow) = fileSize.multipliedReportingOverflow(by: Self.maximumInflation)
        guard overflow || bytes <= limit else {
            throw HDF5Error(path: file.path, object: name,
                            message: "damaged HDF5 file: chunks of \(bytes) bytes cannot come from a file of \(fileSize) bytes")
        }
    }

    /// A contiguous or compact dataset's data must fill its shape (and lie inside the file),
    /// and a chunked one's chunks must fit the file (`checkChunkSize`) and, unfiltered, be
    /// stored whole (`checkUnfilteredChunks`). HDF5 1.10 trusts the layout message: on a
    /// damaged one (a compact dataset with no data) `H5Dread` copies from a NULL pointer and
    /// the process dies (docs/FUZZING.md).
    private func checkStorage(rows: Range<Int>) throws {
        if let missingFilter {
            throw HDF5Error(path: file.path, object: name,
                            message: "compressed with filter \(missingFilter.id) (\(missingFilter.name)), which this HDF5 library cannot decode; rewrite it with gzip")
        }
        guard chunkShape == nil else {
            try checkChunkSize()
            if filters.isEmpty { try checkUnfilteredChunks(rows: rows) }
            return
        }
        let (offset, stored, layout, external): (haddr_t, hsize_t, H5D_layout_t, String?) = HDF5Library.call {
            let dcpl = H5Dget_create_plist(id)
            defer { H5Pclose(dcpl) }
            var external: String?
            if H5Pget_external_count(dcpl) > 0 {
                var buffer = [CChar](repeating: 0, count: 256)
                var offset: off_t = 0
                var size: hsize_t = 0
                external = H5Pget_external(dcpl, 0, buffer.count, &buffer, &offset, &size) >= 0
                    ? H5File.printable(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                    : "another file"
            }
            return (H5Dget_offset(id), H5Dget_storage_size(id), H5Pget_layout(dcpl), external)
        }
        if let external {
            throw HDF5Error(path: file.path, object: name,
                            message: "stored in another file (external storage in \(external)), which jnb does not read; rewrite the file with the data inside it")
        }
        guard layout == H5D_CONTIGUOUS || layout == H5D_COMPACT, let bits = numericBits else { return }
        let fileSize = UInt64(try file.size())
        let needed = UInt64(rowCount) &* UInt64(rowLength) &* UInt64(bits / 8)
        guard stored >= needed else {
            // A contiguous dataset created but never written has no address (HDF5 would read
            // its fill value); a damaged one can say the same.
            let what = layout == H5D_CONTIGUOUS && offset == haddr_t.max && stored == 0
                ? "no data stored (the dataset was created but never written, or the file is damaged)"
                : "damaged HDF5 file: the dataset needs \(needed) bytes of data but \(stored == 0 ? "none are" : "only \(stored) are") stored"
            throw HDF5Error(path: file.path, object: name, message: what)
        }
        // Compact data live in the object header (no address of their own); contiguous data
        // at an address in the file.
        guard layout == H5D_CONTIGUOUS else { return }
        guard offset != haddr_t.max, UInt64(offset) <= fileSize, stored <= fileSize - UInt64(offset) else {
            let place = offset == haddr_t.max ? "have no address in the file"
                : UInt64(offset) >= fileSize ? "are said to start at byte \(offset), beyond the end of the file (\(fileSize) bytes)"
                : "are said to run from byte \(offset) to \(UInt64(offset) &+ stored), past the end of the file (\(fileSize) bytes)"
            throw HDF5Error(path: file.path, object: name, message: "damaged HDF5 file: the dataset's \(stored) bytes of data \(place)")
        }
    }

    /// Every chunk of `rows` that is stored must hold a whole chunk when nothing filters it.
    /// A damaged file whose filter-pipeline message is lost still holds compressed chunks;
    /// HDF5 then takes them as unfiltered and `H5Dread` copies a whole chunk out of the
    /// smaller buffer it read, and the process dies (docs/FUZZING.md). Chunks never written
    /// store nothing and read as the fill value.
    private func checkUnfilteredChunks(rows: Range<Int>) throws {
        guard let chunk = chunkShape, chunk.allSatisfy({ $0 > 0 }), let bytes = chunkBytes, !rows.isEmpty else { return }
        let plan = ChunkPlan(shape: shape, chunk: chunk, rows: rows)
        try HDF5Library.call {
            for k in 0..<plan.count {
                let origin = plan.origin(ofChunk: k)
                // Not H5Dget_chunk_storage_size, which answers the nominal size for unfiltered chunks.
                var (mask, address, stored): (UInt32, haddr_t, hsize_t) = (0, 0, 0)
                guard H5Dget_chunk_info_by_coord(id, origin.map { hsize_t($0) }, &mask, &address, &stored) >= 0 else {
                    throw HDF5Error(path: file.path, object: name,
                                    message: "cannot locate the chunk at \(origin): \(HDF5Library.takeErrorMessage())")
                }
                guard stored == 0 || stored == UInt64(bytes) else {
                    throw HDF5Error(path: file.path, object: name,
                                    message: "damaged HDF5 file: the chunk at \(origin) stores \(stored) bytes, but the dataset has no compression filter and its chunks hold \(bytes) bytes (a lost filter message?)")
                }
            }
        }
    }

    /// Reads the whole dataset (or `rows` of it) into a new array.
    public func read<T: H5Scalar>(_ type: T.Type = T.self, rows: Range<Int>? = nil) throws -> [T] {
        let rows = rows ?? 0..<rowCount
        let count = rows.count * rowLength
        return try [T](unsafeUninitializedCapacity: count) { buffer, initialised in
            try read(rows: rows, into: buffer)
            initialised = count
        }
    }

    /// Writes rows `rows` from `values` (rows.count × rowLength values).
    public func write<T: H5Scalar>(rows: Range<Int>, from values: UnsafeBufferPointer<T>) throws {
        guard rows.lowerBound >= 0, rows.upperBound <= rowCount, values.count >= rows.count * rowLength else {
            throw HDF5Error(path: file.path, object: name, message: "write of rows \(rows.lowerBound):\(rows.upperBound) does not fit shape \(shape)")
        }
        if rows.isEmpty && !shape.isEmpty { return }
        try HDF5Library.call {
            let (fileSpace, memorySpace) = try selection(rows)
            defer { H5Sclose(fileSpace); H5Sclose(memorySpace) }
            guard H5Dwrite(id, T.nativeType, memorySpace, fileSpace, jnb_h5p_default(), values.baseAddress) >= 0 else {
                throw HDF5Error(path: file.path, object: name, message: "cannot write: \(HDF5Library.takeErrorMessage())")
            }
        }
    }

    /// File and memory dataspaces selecting `rows` (all of a scalar dataset).
    private func selection(_ rows: Range<Int>) throws -> (hid_t, hid_t) {
        let fileSpace = H5Dget_space(id)
        if shape.isEmpty { return (fileSpace, H5Screate(H5S_SCALAR)) }
        var start = [hsize_t](repeating: 0, count: shape.count)
        var count = shape.map { hsize_t($0) }
        start[0] = hsize_t(rows.lowerBound)
        count[0] = hsize_t(rows.count)
        guard H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, start, nil, count, nil) >= 0 else {
            H5Sclose(fileSpace)
            throw HDF5Error(path: file.path, object: name, message: "cannot select rows: \(HDF5Library.takeErrorMessage())")
        }
        return (fileSpace, H5Screate_simple(Int32(count.count), count, nil))
    }

    // MARK: Attributes

    public func setAttribute(_ attribute: String, _ value: H5AttributeValue) throws {
        try HDF5Library.call { try H5Attributes.set(attribute, value, on: id, path: file.path, object: name) }
    }

    public func attribute(_ attribute: String) throws -> H5AttributeValue? {
        try HDF5Library.call { try H5Attributes.get(attribute, on: id, path: file.path, object: name) }
    }
}
