import Testing
import JetData
import Script

/// select and split on a small set whose labels and masses are known exactly.
@Suite struct SelectSplitTests {
    /// 10 jets: even positions signal, odd ones background, jet_mass = 60 + 4·i, jet_pt unset (NaN).
    private func session() throws -> Session {
        let n = 10
        let set = try JetSet(images: [Float](repeating: 0, count: n * JetImage.pixels),
                             variables: [.mass: (0..<n).map { Float(60 + 4 * $0) }],
                             signal: (0..<n).map { $0 % 2 == 0 ? 1 : 0 }, origin: "test set")
        let s = Session(output: CapturedOutput())
        try s.define("jets", .jets(set))
        return s
    }

    private func jets(_ s: Session, _ name: String) -> JetSet? {
        if case .jets(let set)? = s.value(name) { return set }
        return nil
    }

    @Test func selectBySignalMaskAndCount() throws {
        let s = try session()
        #expect(s.execute("""
            sig = select jets signal=1
            bg = select jets signal=0
            heavy = select jets where=(jets.jet_mass > 70)
            heavy_bg = select jets signal=0 where=jets.jet_mass > 70 n=2
            masked = jets[jets.jet_mass <= 64]
            """).succeeded)
        #expect(jets(s, "sig")?.labels == [1, 1, 1, 1, 1])
        #expect(jets(s, "bg")?.count == 5)
        #expect(jets(s, "heavy")?.values(.mass) == [72, 76, 80, 84, 88, 92, 96])
        #expect(jets(s, "heavy_bg")?.values(.mass) == [72, 80])
        #expect(jets(s, "masked")?.values(.mass) == [60, 64])
    }

    @Test func selectWithAMaskOfTheWrongLength() throws {
        let s = try session()
        let result = s.execute("select jets where=(jets[jets.signal == 1].jet_mass > 0)")
        #expect(result.error?.message == "select: the mask has 5 entries but the set has 10 jets")
    }

    @Test func splitIsSeededAndCoversEveryJetOnce() throws {
        let s = try session()
        #expect(s.execute("a = split jets train=0.7 seed=3\nb = split jets train=0.7 seed=3\nc = split jets train=0.7 seed=4").succeeded)
        guard case .record(let a)? = s.value("a"), case .record(let b)? = s.value("b"), case .record(let c)? = s.value("c"),
              case .jets(let train)? = a["train"], case .jets(let valid)? = a["valid"],
              case .jets(let train2)? = b["train"], case .jets(let train3)? = c["train"] else {
            Issue.record("split did not return train and valid jet sets")
            return
        }
        #expect(train.count == 7)
        #expect(valid.count == 3)
        #expect(Set(train.storageRows + valid.storageRows) == Set(0..<10))
        #expect(train.storageRows == train2.storageRows)
        #expect(train.storageRows != train3.storageRows)
    }

    @Test func splitWithATestPart() throws {
        let s = try session()
        #expect(s.execute("p = split jets train=0.6 test=0.2 seed=1").succeeded)
        guard case .record(let p)? = s.value("p"), case .jets(let train)? = p["train"],
              case .jets(let valid)? = p["valid"], case .jets(let test)? = p["test"] else {
            Issue.record("split did not return three parts")
            return
        }
        #expect([train.count, valid.count, test.count] == [6, 2, 2])
        #expect(Set(train.storageRows + valid.storageRows + test.storageRows).count == 10)
        #expect(s.execute("split jets train=0.8 test=0.3").error?.message == "split: train + test must leave something for valid, got 0.8 + 0.3")
    }

    @Test func jetSetSummaryAndMembers() throws {
        let s = try session()
        let output = CapturedOutput()
        s.output = output
        #expect(s.execute("jets\njets.nsignal\njets[2]").succeeded)
        #expect(output.text.contains("jet set: 10 jets (5 signal, 5 background) from test set\n  jet_mass  60 … 96 GeV\n5\njet 2 of the set (from test set): signal"))
    }
}
