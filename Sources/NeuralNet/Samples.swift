/// Rows of a row-major matrix, shared without copying: the values (Swift arrays are
/// copy-on-write, so a jet set's images pass through untouched) plus an optional list of row
/// numbers, so that a selection or split is a view. Batches gather their rows into a
/// contiguous buffer.
public struct Samples: Sendable {
    public let values: [Float]
    /// Values per row (625 for jet images).
    public let width: Int
    /// Rows of `values`, in order; nil means all of them.
    public let rows: [Int]?

    public init(values: [Float], width: Int, rows: [Int]? = nil) throws(NeuralNetError) {
        guard width >= 1 else {
            throw .setting(name: "sample width", expected: "≥ 1", found: "\(width)")
        }
        guard values.count % width == 0 else {
            throw .shape(what: "sample values", expected: "a multiple of the width \(width)", found: "\(values.count) values")
        }
        let stored = values.count / width
        if let rows, let bad = rows.first(where: { $0 < 0 || $0 >= stored }) {
            throw .shape(what: "sample rows", expected: "row numbers in 0:\(stored)", found: "\(bad)")
        }
        self.values = values
        self.width = width
        self.rows = rows
    }

    /// Number of samples (rows of the view).
    public var count: Int { rows?.count ?? values.count / width }

    /// The row of `values` holding sample i.
    @inlinable func storageRow(_ i: Int) -> Int { rows?[i] ?? i }

    /// Copies samples `order[range]` (indices into this view) into `destination`, one row after another.
    func gather(_ order: UnsafeBufferPointer<Int>, into destination: UnsafeMutablePointer<Float>) {
        values.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            for (k, i) in order.enumerated() {
                (destination + k * width).update(from: base + storageRow(i) * width, count: width)
            }
        }
    }
}
