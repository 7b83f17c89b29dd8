import Foundation
import JetData
import Testing
import TestSupport

@Suite struct ImageKinematicsTests {
    func momentum(_ pixels: [(row: Int, column: Int, pt: Float)]) -> ImageKinematics.FourMomentum {
        var image = [Float](repeating: 0, count: JetImage.pixels)
        for p in pixels { image[p.row * JetImage.side + p.column] = p.pt }
        return image.withUnsafeBufferPointer { ImageKinematics.momentum(of: $0) }
    }

    @Test func orientationFollowsTheConvention() {
        // Column 24 is η = +1.2: positive Pz. Row 0 is φ = +1.2: positive Py.
        let right = momentum([(12, 24, 10)])
        #expect(abs(right.pz - 10 * sinh(1.2)) < 1e-9)
        #expect(abs(right.py) < 1e-9)
        let top = momentum([(0, 12, 10)])
        #expect(abs(top.py - 10 * sin(1.2)) < 1e-9)
        #expect(abs(top.pz) < 1e-9)
    }

    /// A NaN pixel (a diverged network's output) makes m and pT NaN, not a mass of 0.
    @Test func aNaNPixelGivesANaNMass() {
        let p = momentum([(12, 12, 150), (17, 14, .nan)])
        #expect(p.mass.isNaN && p.pt.isNaN)
        #expect(momentum([(12, 12, 150)]).mass == 0, "a single massless pixel")
    }

    @Test func twoMasslessParticlesGiveTheTextbookMass() {
        // m² = 2 pT1 pT2 (cosh Δη − cos Δφ)
        let p = momentum([(12, 12, 150), (17, 14, 100)])
        let deta = 0.2, dphi = 0.5
        let expected = (2 * 150 * 100 * (cosh(deta) - cos(dphi))).squareRoot()
        #expect(abs(p.mass - expected) < 1e-6 * expected)
    }

    @Test func negativeMassSquaredGivesZeroNotNaN() {
        // A negative pixel (possible in a network output) can make E² < |P|².
        let p = momentum([(12, 12, 10), (12, 13, -9)])
        #expect(p.mass == 0)
        #expect(!p.pt.isNaN)
    }

    @Test func pythiaImagesReproduceTheJetVariables() throws {
        let jets = try JetFile.read(Fixtures.pythia4k.path)
        let masses = ImageKinematics.masses(jets), pts = ImageKinematics.transverseMomenta(jets)
        let mass = jets.values(.mass), pt = jets.values(.pt)
        func median(_ x: [Double]) -> Double { let s = x.sorted(); return s[s.count / 2] }
        let dm = zip(masses, mass).map { ($0 - Double($1)) / Double($1) }
        let dpt = zip(pts, pt).map { ($0 - Double($1)) / Double($1) }
        // Measured: median |Δm|/m = 2.3 %, |ΔpT|/pT = 1.3 %; both biased low (−1.4 %, −1.3 %)
        // because the 25×25 window loses constituents. Swapping η and φ turns both biases
        // positive (+1.6 %, +1.4 %), so the signed bounds catch a wrong orientation.
        #expect(median(dm.map(abs)) < 0.04)
        #expect(median(dpt.map(abs)) < 0.03)
        #expect(median(dm) < -0.003 && median(dm) > -0.03)
        #expect(median(dpt) < -0.003 && median(dpt) > -0.03)
    }
}
