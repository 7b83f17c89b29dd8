import COpenBLAS

/// The non-zero entries of a batch of input rows, by row (CSR) and by column (CSC), so the
/// first layer can multiply only what is non-zero (jet images are ~5 % non-zero). Open to
/// scripts/bench-train and the tests (SPI "Internals"), which times it against dense sgemm.
@_spi(Internals) public struct SparseRows {
    let maxRows: Int
    let width: Int
    let rowStart: UnsafeMutablePointer<Int32>
    let rowIndex: UnsafeMutablePointer<Int32>   // column of each entry
    let rowValue: UnsafeMutablePointer<Float>
    let columnStart: UnsafeMutablePointer<Int32>
    let columnIndex: UnsafeMutablePointer<Int32>  // row of each entry
    let columnValue: UnsafeMutablePointer<Float>
    private(set) var rows = 0
    private(set) var entries = 0
    /// Whether to use the AVX-512 kernel (tests turn it off to check the plain one).
    public var useAVX512 = BLAS.hasAVX512

    public init(maxRows: Int, width: Int) {
        self.maxRows = maxRows
        self.width = width
        let capacity = maxRows * width
        rowStart = .allocate(capacity: maxRows + 1)
        rowIndex = .allocate(capacity: capacity)
        rowValue = .allocate(capacity: capacity)
        columnStart = .allocate(capacity: width + 1)
        columnIndex = .allocate(capacity: capacity)
        columnValue = .allocate(capacity: capacity)
    }

    public func deallocate() {
        for p in [rowStart, rowIndex, columnStart, columnIndex] { p.deallocate() }
        rowValue.deallocate()
        columnValue.deallocate()
    }

    /// Fraction of entries that are non-zero in the last `load`.
    public var density: Double { rows == 0 ? 0 : Double(entries) / Double(rows * width) }

    /// Finds the non-zero entries of `rows` dense rows (row-major, `width` wide).
    public mutating func load(_ dense: UnsafePointer<Float>, rows: Int) {
        self.rows = rows
        var k = 0
        for r in 0..<rows {
            rowStart[r] = Int32(k)
            let row = dense + r * width
            for c in 0..<width where row[c] != 0 {
                rowIndex[k] = Int32(c)
                rowValue[k] = row[c]
                k += 1
            }
        }
        rowStart[rows] = Int32(k)
        entries = k
    }

    /// Builds the by-column copy of the last `load` (a counting sort, rows stay in order).
    public func transpose() {
        for c in 0...width { columnStart[c] = 0 }
        for k in 0..<entries { columnStart[Int(rowIndex[k]) + 1] += 1 }
        for c in 0..<width { columnStart[c + 1] += columnStart[c] }
        // columnStart[c] serves as the fill cursor of column c, then is shifted back.
        for r in 0..<rows {
            for k in Int(rowStart[r])..<Int(rowStart[r + 1]) {
                let c = Int(rowIndex[k])
                let at = Int(columnStart[c])
                columnIndex[at] = Int32(r)
                columnValue[at] = rowValue[k]
                columnStart[c] += 1
            }
        }
        for c in stride(from: width, to: 0, by: -1) { columnStart[c] = columnStart[c - 1] }
        columnStart[0] = 0
    }

    /// out (rows × n) = (these rows) · b, where b is width × n row-major.
    public func timesDense(_ b: UnsafePointer<Float>, n: Int, into out: UnsafeMutablePointer<Float>) {
        product(rows: rows, n: n, start: rowStart, index: rowIndex, value: rowValue, b: b, into: out)
    }

    /// out (width × n) = (these rows)ᵀ · b, where b is rows × n row-major; needs `transpose()` first.
    public func transposedTimesDense(_ b: UnsafePointer<Float>, n: Int, into out: UnsafeMutablePointer<Float>) {
        product(rows: width, n: n, start: columnStart, index: columnIndex, value: columnValue, b: b, into: out)
    }

    private func product(rows: Int, n: Int, start: UnsafePointer<Int32>, index: UnsafePointer<Int32>,
                                value: UnsafePointer<Float>, b: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if useAVX512 && n >= 64 {
            jnb_sparse_rows_avx512(Int32(rows), Int32(n), start, index, value, b, Int32(n), out, Int32(n))
        } else {
            jnb_sparse_rows_generic(Int32(rows), Int32(n), start, index, value, b, Int32(n), out, Int32(n))
        }
    }
}
