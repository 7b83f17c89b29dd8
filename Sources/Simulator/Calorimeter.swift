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

    private static let coshEta = (0..<etaCells).map { cosh(etaMin + cellEta * (Double($0) + 0.5)) }
    private static let sinhEta = (0..<etaCells).map { sinh(etaMin + cellEta * (Double($0) + 0.5)) }
    private static let cosPhi = (0..<phiCells).map { cos(cellPhi * (Double($0) + 0.5)) }
    private static let sinPhi = (0..<phiCells).map { sin(cellPhi * (Double($0) + 0.5)) }

    private let energy = ScratchBuffer<Double>(capacity: side * side)
    private let touched = ScratchBuffer<Int32>()
    /// Global η cell and unwrapped φ cell of the window's centre.
    private var centreEta = 0
    private var centrePhi = 0

    /// Empties the towers and centres the window on (y, φ) (φ unwrapped as the event's).
    init() {
        energy.resize(Self.side * Self.side)
        energy.base.initialize(repeating: 0, count: Self.side * Self.side)
    }

    func reset(y: Double, phi: Double) {
        for k in 0..<touched.count { energy[Int(touched[k])] = 0 }
        touched.removeAll()
        centreEta = Int(((y - Self.etaMin) / Self.cellEta).rounded(.down))
        centrePhi = Int((phi / Self.cellPhi).rounded(.down))
    }

    func deposit(_ p: Particle) {
        let i = Int(((p.y - Self.etaMin) / Self.cellEta).rounded(.down)) - centreEta
        let j = Int((p.phi / Self.cellPhi).rounded(.down)) - centrePhi
        guard abs(i) <= Self.halfWindow, abs(j) <= Self.halfWindow else { return }
        let globalEta = centreEta + i
        guard globalEta >= 0, globalEta < Self.etaCells else { return }
        let cell = (i + Self.halfWindow) * Self.side + (j + Self.halfWindow)
        if energy[cell] == 0 { touched.append(Int32(cell)) }
        let ey = exp(p.y)
        energy[cell] += p.pt * 0.5 * (ey + 1 / ey)
    }

    /// The non-empty towers, in a fixed order (first deposit), appended to `towers`.
    func readTowers(into towers: ScratchBuffer<Tower>) {
        for k in 0..<touched.count {
            let cell = Int(touched[k])
            let i = cell / Self.side - Self.halfWindow, j = cell % Self.side - Self.halfWindow
            let etaCell = centreEta + i
            let phiCell = centrePhi + j
            let wrapped = ((phiCell % Self.phiCells) + Self.phiCells) % Self.phiCells
            let e = energy[cell]
            let cosh = Self.coshEta[etaCell], sinh = Self.sinhEta[etaCell]
            let pt = e / cosh
            let momentum = FourVector(px: pt * Self.cosPhi[wrapped], py: pt * Self.sinPhi[wrapped],
                                      pz: pt * sinh, e: e)
            towers.append(Tower(momentum: momentum, pt: pt,
                                y: Self.etaMin + Self.cellEta * (Double(etaCell) + 0.5),
                                phi: Self.cellPhi * (Double(phiCell) + 0.5)))
        }
    }
}
