/// Storage shared by a jet set and all its views: images (count × 625, row-major, pixel = pT
/// in GeV), the ten jet variables and the label, each one contiguous array. Immutable, so
/// views can share it across threads.
public final class JetColumns: Sendable {
    public let count: Int
    public let images: [Float]
    /// Indexed by `JetVariable.ordinal`; each has `count` entries.
    public let variables: [[Float]]
    /// 1 = W (signal), 0 = QCD (background), as in the public file.
    public let signal: [Float]

    public init(images: [Float], variables: [JetVariable: [Float]], signal: [Float]) throws(JetDataError) {
        guard images.count % JetImage.pixels == 0 else {
            throw JetDataError.shape(what: "images", expected: "a multiple of 625 values", found: "\(images.count)")
        }
        let n = images.count / JetImage.pixels
        guard signal.count == n else {
            throw JetDataError.lengthMismatch(what: "signal", expected: n, found: signal.count)
        }
        var columns: [[Float]] = []
        columns.reserveCapacity(JetVariable.allCases.count)
        for v in JetVariable.allCases {
            let column = variables[v] ?? [Float](repeating: .nan, count: n)
            guard column.count == n else {
                throw JetDataError.lengthMismatch(what: v.rawValue, expected: n, found: column.count)
            }
            columns.append(column)
        }
        self.count = n
        self.images = images
        self.variables = columns
        self.signal = signal
    }
}

/// N jets: images, variables and labels. A set is either all rows of its storage or a view
/// (a list of row numbers); selections, shuffles and splits make views and never copy images.
public struct JetSet: Sendable {
    public let columns: JetColumns
    /// Rows of `columns`, in order; nil means all of them, 0..<columns.count.
    public let rows: [Int]?
    /// Where the jets came from, for summaries ("pythia_wqcd_4k.h5", "simulate n=1000 seed=1").
    public var origin: String

    public init(columns: JetColumns, rows: [Int]? = nil, origin: String) {
        self.columns = columns
        self.rows = rows
        self.origin = origin
    }

    /// A set owning new storage built from arrays (see `JetColumns.init`).
    public init(images: [Float], variables: [JetVariable: [Float]], signal: [Float], origin: String) throws(JetDataError) {
        self.init(columns: try JetColumns(images: images, variables: variables, signal: signal), origin: origin)
    }

    public var count: Int { rows?.count ?? columns.count }
    public var isEmpty: Bool { count == 0 }

    /// The storage row of the i-th jet of this set.
    @inlinable public func storageRow(_ i: Int) -> Int { rows?[i] ?? i }

    /// Storage rows of every jet in this set, in order.
    public var storageRows: [Int] { rows ?? Array(0..<columns.count) }

    /// The 625 pixels of the i-th jet.
    public func image(_ i: Int) -> ArraySlice<Float> {
        let start = storageRow(i) * JetImage.pixels
        return columns.images[start..<start + JetImage.pixels]
    }

    /// Calls `body` with the pixels of the i-th jet, without copying.
    public func withImage<R>(_ i: Int, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let start = storageRow(i) * JetImage.pixels
        return try columns.images.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<start + JetImage.pixels]))
        }
    }

    /// One jet variable for every jet of the set, in order.
    public func values(_ variable: JetVariable) -> [Float] {
        let column = columns.variables[variable.ordinal]
        guard let rows else { return column }
        return rows.map { column[$0] }
    }

    /// The labels (1 = signal, 0 = background) of every jet, in order.
    public var labels: [Float] {
        guard let rows else { return columns.signal }
        return rows.map { columns.signal[$0] }
    }

    public func isSignal(_ i: Int) -> Bool { columns.signal[storageRow(i)] >= 0.5 }

    public var signalCount: Int {
        guard let rows else { return columns.signal.reduce(0) { $0 + ($1 >= 0.5 ? 1 : 0) } }
        return rows.reduce(0) { $0 + (columns.signal[$1] >= 0.5 ? 1 : 0) }
    }

    /// All images of the set in one new contiguous array (count × 625).
    public func contiguousImages() -> [Float] {
        guard let rows else { return columns.images }
        var out: [Float] = []
        out.reserveCapacity(rows.count * JetImage.pixels)
        for r in rows {
            out.append(contentsOf: columns.images[r * JetImage.pixels..<(r + 1) * JetImage.pixels])
        }
        return out
    }

    /// The mean image of the set, pixel by pixel (GeV), summed in Double so that a million
    /// jets lose no precision; zeros for an empty set.
    public func averageImage() -> [Double] {
        var sum = [Double](repeating: 0, count: JetImage.pixels)
        for i in 0..<count {
            withImage(i) { image in
                for p in 0..<JetImage.pixels { sum[p] += Double(image[p]) }
            }
        }
        guard count > 0 else { return sum }
        let scale = 1 / Double(count)
        return sum.map { $0 * scale }
    }

    // MARK: Views

    /// The jets at positions `positions` of this set (positions, not storage rows).
    public func subset(_ positions: some Sequence<Int>, origin: String? = nil) -> JetSet {
        let newRows = positions.map { storageRow($0) }
        return JetSet(columns: columns, rows: newRows, origin: origin ?? self.origin)
    }

    /// The jets for which `keep` is true, given the position in this set.
    public func filter(_ keep: (Int) -> Bool) -> JetSet {
        subset((0..<count).filter(keep))
    }

    /// Signal jets (`signal == true`) or background jets.
    public func selecting(signal: Bool) -> JetSet {
        filter { isSignal($0) == signal }
    }

    /// Jets whose `variable` satisfies `predicate`.
    public func selecting(_ variable: JetVariable, where predicate: (Float) -> Bool) -> JetSet {
        let column = columns.variables[variable.ordinal]
        return filter { predicate(column[storageRow($0)]) }
    }

    /// The first `n` jets (all of them when there are fewer).
    public func prefix(_ n: Int) -> JetSet {
        subset(0..<min(max(n, 0), count))
    }

    /// The same jets in an order fixed by `seed` (Fisher–Yates on one permutation that serves
    /// images, variables and labels together).
    public func shuffled(seed: UInt64) -> JetSet {
        var generator = SeededGenerator(seed: seed)
        var order = storageRows
        if order.count > 1 {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(generator.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        return JetSet(columns: columns, rows: order, origin: origin)
    }

    /// A seeded random split: `fraction` of the jets (rounded to nearest) in the first part,
    /// the rest in the second. Both parts are views of the same storage.
    public func split(fraction: Double, seed: UInt64) throws(JetDataError) -> (first: JetSet, second: JetSet) {
        guard fraction.isFinite, fraction > 0, fraction < 1 else {
            throw JetDataError.invalidArgument("split fraction must lie strictly between 0 and 1, got \(fraction)")
        }
        let order = shuffled(seed: seed).storageRows
        let cut = Int((Double(order.count) * fraction).rounded())
        return (JetSet(columns: columns, rows: Array(order[..<cut]), origin: origin),
                JetSet(columns: columns, rows: Array(order[cut...]), origin: origin))
    }

    /// A new set with the same variables and labels but other images (e.g. an autoencoder's
    /// reconstructions), stored contiguously in this set's order.
    public func replacingImages(_ images: [Float], origin: String) throws(JetDataError) -> JetSet {
        guard images.count == count * JetImage.pixels else {
            throw JetDataError.shape(what: "replacement images", expected: "\(count) × 625 values", found: "\(images.count)")
        }
        var variables: [JetVariable: [Float]] = [:]
        for v in JetVariable.allCases { variables[v] = values(v) }
        return try JetSet(images: images, variables: variables, signal: labels, origin: origin)
    }

    /// Several sets one after another in new storage (images copied).
    public static func concatenating(_ sets: [JetSet], origin: String) throws(JetDataError) -> JetSet {
        var images: [Float] = []
        images.reserveCapacity(sets.reduce(0) { $0 + $1.count } * JetImage.pixels)
        var variables: [JetVariable: [Float]] = [:]
        var signal: [Float] = []
        for set in sets {
            images += set.contiguousImages()
            for v in JetVariable.allCases { variables[v, default: []] += set.values(v) }
            signal += set.labels
        }
        return try JetSet(images: images, variables: variables, signal: signal, origin: origin)
    }
}
