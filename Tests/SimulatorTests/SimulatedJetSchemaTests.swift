import Foundation
import JetData
import Simulator
import Testing

/// Simulated jets follow the public file's schema and DESIGN.md's conventions: the
/// selection window, φ in [0, 2π), consistent τ ratios, images centred on the leading subjet
/// with more pT on the right, and image kinematics that agree with the jet variables (as in
/// the Pythia file, to a few per cent).
struct SimulatedJetSchemaTests {
    static let jets = Result { try simulateJets(SimulationSettings(count: 2000, seed: 99, threads: 2)) }

    @Test func variablesInTheSelectionAndConsistent() throws {
        let jets = try Self.jets.get()
        let pt = jets.values(.pt), eta = jets.values(.eta), phi = jets.values(.phi), mass = jets.values(.mass)
        let tau1 = jets.values(.tau1), tau2 = jets.values(.tau2), tau3 = jets.values(.tau3)
        let tau21 = jets.values(.tau21), tau32 = jets.values(.tau32), deltaR = jets.values(.deltaR)
        for i in 0..<jets.count {
            #expect(pt[i] > 250 && pt[i] < 300 && abs(eta[i]) < 2 && mass[i] > 60 && mass[i] < 100)
            #expect(phi[i] >= 0 && phi[i] < Float(2 * Double.pi))
            // Exclusive-kt axes are not the best axes, so τ2 > τ1 can happen (rarely).
            #expect(tau1[i] > 0 && tau2[i] >= 0 && tau3[i] >= 0 && tau21[i] < 1.5)
            #expect(abs(tau21[i] - tau2[i] / tau1[i]) < 1e-5)
            #expect(tau2[i] == 0 || abs(tau32[i] - tau3[i] / tau2[i]) < 1e-5)
            #expect(deltaR[i] == 0 || (deltaR[i] > 0.25 && deltaR[i] < 1.6))
        }
    }

    @Test func imagesCentredFlippedAndConsistentWithTheJet() throws {
        let jets = try Self.jets.get()
        let pt = jets.values(.pt), mass = jets.values(.mass)
        var centreBrightest = 0
        var relativeMass = 0.0, relativePt = 0.0
        for i in 0..<jets.count {
            jets.withImage(i) { image in
                #expect(image.allSatisfy { $0 >= 0 && $0.isFinite })
                var left: Float = 0, right: Float = 0
                for r in 0..<25 {
                    for c in 0..<12 {
                        left += image[r * 25 + c]
                        right += image[r * 25 + 24 - c]
                    }
                }
                #expect(right >= left)
                if image.max() == image[12 * 25 + 12] { centreBrightest += 1 }
                let p = ImageKinematics.momentum(of: image)
                relativeMass += abs(p.mass / Double(mass[i]) - 1)
                relativePt += abs(p.pt / Double(pt[i]) - 1)
                let ratio = p.pt / Double(pt[i])
                #expect(ratio > 0.85 && ratio < 1.1)
            }
        }
        let n = Double(jets.count)
        // Pythia: the leading subjet's pixel is the brightest in 75 % of jets; m and pT from
        // the image are within 2.8 % and 1.6 % of the jet's on average.
        #expect(Double(centreBrightest) / n > 0.6)
        #expect(relativeMass / n < 0.05)
        #expect(relativePt / n < 0.03)
    }
}
