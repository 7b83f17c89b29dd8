import Foundation

/// A calorimeter tower after summing: massless, pT = E / cosh η at the tower centre.
struct Tower: Sendable, Equatable {
    var momentum: FourVector
    var pt: Double
    var y: Double
    var phi: Double
}

/// The reference file's detector: every visible particle's energy summed into 0.1 × 0.1
/// towers in η and φ (|η| < 5, 63 towers of 2π/63 around φ), each tower a massless
/// four-vector pointing at its centre. Only a window of towers around the hard object is
/// kept, wide enough for anything that can end in its jet.
final class Calorimeter {
    static let etaMin = -5.0
    static let etaCells = 100
    static let cellEta = 0.1
    static let phiCells = 63
    static let cellPhi = 2 * Double.pi / Double(phiCells)
    /// Towers kept on each side of the hard object's tower.
    static let halfWindow = 17
    /// Every particle within this distance in η and in φ of the hard object is seen.
    static let reach = 1.6
    static let side = 2 * halfWindow + 1
    /// No two towers are closer in ΔR² (the smaller cell side squared, less a margin for
    /// rounding in the centres).
    static let separation2 = 0.999 * min(cellEta * cellEta, cellPhi * cellPhi)

    private static let coshEta = (0..<etaCells).map { cosh(etaMin + cellEta * (Double($0) + 0.5)) }
    private static let sinhEta = (0..<etaCells).map { sinh(etaMin + cellEta * (Double($0) + 0.5)) }
    private static let cosPhi = (0..<phiCells).map { cos(cellPhi * (Double($0) + 0.5)) }
    private static let sinPhi = (0..<phiCells).map { sin(cellPhi * (Double($0) + 0.5)) }

    /// tanh η of each cell's centre, held by the instance: a static would be checked for its
    /// lazy initialisation at every deposit.
    private let tanhEta = (0..<etaCells).map { tanh(etaMin + cellEta * (Double($0) + 0.5)) }

    /// Per tower, the sum of its particles' E / cosh η_c (η_c its centre): its pT.
    private let towerPt = ScratchBuffer<Double>(capacity: side * side)
    private let touched = ScratchBuffer<Int32>()
    /// Global η cell and unwrapped φ cell of the window's centre.
    private var centreEta = 0
    private var centrePhi = 0

    /// Empties the towers and centres the window on (y, φ) (φ unwrapped as the event's).
    init() {
        towerPt.resize(Self.side * Self.side)
        towerPt.base.initialize(repeating: 0, count: Self.side * Self.side)
    }

    func reset(y: Double, phi: Double) {
        for k in 0..<touched.count { towerPt[Int(touched[k])] = 0 }
        touched.removeAll()
        centreEta = Int(((y - Self.etaMin) / Self.cellEta).rounded(.down))
        centrePhi = Int((phi / Self.cellPhi).rounded(.down))
    }

    func deposit(_ p: Particle) {
        let rawEta = ((p.y - Self.etaMin) * (1 / Self.cellEta)).rounded(.down)
        let rawPhi = (p.phi * (1 / Self.cellPhi)).rounded(.down)
        // Checked before the conversion to Int, which traps on far-off (a hadron of almost no
        // pT is thrown far by its kT) and non-finite positions.
        guard abs(rawEta - Double(centreEta)) <= Double(Self.halfWindow),
              abs(rawPhi - Double(centrePhi)) <= Double(Self.halfWindow) else { return }
        let i = Int(rawEta) - centreEta, j = Int(rawPhi) - centrePhi
        let globalEta = centreEta + i
        guard globalEta >= 0, globalEta < Self.etaCells else { return }
        let cell = (i + Self.halfWindow) * Self.side + (j + Self.halfWindow)
        // The first deposit in a tower lists it; counted without a branch, as good as random.
        touched.reserve(1)
        touched.append(Int32(cell), if: towerPt[cell] == 0)
        // E / cosh η_c = pT cosh(η_c + δ) / cosh η_c = pT (cosh δ + tanh η_c sinh δ), with
        // |δ| ≤ 0.05 from the centre: series to δ⁷ are exact to rounding, and cheaper than exp.
        let d = p.y - (Self.etaMin + Self.cellEta * (rawEta + 0.5)), d2 = d * d
        let coshD = 1 + d2 * (1.0 / 2 + d2 * (1.0 / 24 + d2 * (1.0 / 720)))
        let sinhD = d * (1 + d2 * (1.0 / 6 + d2 * (1.0 / 120 + d2 * (1.0 / 5040))))
        towerPt[cell] += p.pt * (coshD + tanhEta[globalEta] * sinhD)
    }

    /// The non-empty towers, in a fixed order (first deposit), appended to `towers`.
    func readTowers(into towers: ScratchBuffer<Tower>) {
        // Fetched once here rather than (with their lazy-initialisation check) per tower.
        let coshEta = Self.coshEta, sinhEta = Self.sinhEta, cosPhi = Self.cosPhi, sinPhi = Self.sinPhi
        for k in 0..<touched.count {
            let cell = Int(touched[k])
            let i = cell / Self.side - Self.halfWindow, j = cell % Self.side - Self.halfWindow
            let etaCell = centreEta + i
            let phiCell = centrePhi + j
            let wrapped = ((phiCell % Self.phiCells) + Self.phiCells) % Self.phiCells
            let pt = towerPt[cell]
            let e = pt * coshEta[etaCell], sinh = sinhEta[etaCell]
            let momentum = FourVector(px: pt * cosPhi[wrapped], py: pt * sinPhi[wrapped],
                                      pz: pt * sinh, e: e)
            towers.append(Tower(momentum: momentum, pt: pt,
                                y: Self.etaMin + Self.cellEta * (Double(etaCell) + 0.5),
                                phi: Self.cellPhi * (Double(phiCell) + 0.5)))
        }
    }
}
