/// The reference file's selection on the trimmed jet.
enum Selection {
    static let maximumEta = 2.0
    static let ptRange = 250.0...300.0
    static let massRange = 60.0...100.0

    /// Whether a trimmed jet passes: |η| < 2, 250 < pT < 300 GeV, 60 < m < 100 GeV.
    static func passes(_ p: FourVector) -> Bool {
        let pt = p.pt, mass = p.mass
        return pt > ptRange.lowerBound && pt < ptRange.upperBound
            && mass > massRange.lowerBound && mass < massRange.upperBound
            && abs(p.pseudorapidity) < maximumEta
    }
}
