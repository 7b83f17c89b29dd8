/// A colour map from [0, 1] to colours, from a 256-entry table.
public enum Colormap: String, Sendable, Equatable, CaseIterable {
    /// Perceptually uniform, colour-blind safe, dark (low) to yellow (high): images.
    case viridis
    /// White to dark blue: the confusion matrix.
    case blues

    /// The colour at `t` in [0, 1] (clamped), from the nearest of the 256 entries.
    public func colour(at t: Double) -> Colour {
        let clamped = t.isNaN ? 0 : max(0, min(1, t))
        return entry(Int((clamped * 255).rounded()))
    }

    /// Entry `index` of the table (0…255) as RGB in [0, 1].
    public func rgb(_ index: Int) -> (red: Double, green: Double, blue: Double) {
        let table = self == .viridis ? Self.viridisTable : Self.bluesTable
        let i = 3 * max(0, min(255, index))
        return (table[i], table[i + 1], table[i + 2])
    }

    func entry(_ index: Int) -> Colour {
        let c = rgb(index)
        return Colour(unitRed: c.red, green: c.green, blue: c.blue)
    }
}
