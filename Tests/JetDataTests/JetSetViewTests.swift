import JetData
import Testing

@Suite struct JetSetViewTests {
    @Test func selectionsAreViewsOfTheSameStorage() throws {
        let jets = try SampleJets.make(count: 30)
        let signal = jets.selecting(signal: true)
        let background = jets.selecting(signal: false)
        #expect(signal.count == 10)
        #expect(background.count == 20)
        #expect(signal.columns === jets.columns)
        #expect(signal.labels.allSatisfy { $0 == 1 })
        #expect(background.labels.allSatisfy { $0 == 0 })
        #expect(jets.signalCount == 10)
    }

    @Test func predicateAndPrefixSelect() throws {
        let jets = try SampleJets.make(count: 30)
        let heavy = jets.selecting(.mass) { $0 >= 25 }
        #expect(heavy.values(.mass).map { Int($0) } == [25, 26, 27, 28, 29])
        #expect(jets.prefix(4).values(.pt) == [0, 1, 2, 3])
        #expect(jets.prefix(100).count == 30)
        // A view of a view maps back to storage rows.
        #expect(heavy.prefix(2).storageRows == [25, 26])
    }

    @Test func shuffleKeepsImagesVariablesAndLabelsTogether() throws {
        let jets = try SampleJets.make(count: 50)
        let shuffled = jets.shuffled(seed: 7)
        #expect(shuffled.storageRows != jets.storageRows)
        #expect(Set(shuffled.storageRows) == Set(0..<50))
        for i in 0..<shuffled.count {
            let jetNumber = Int(shuffled.values(.pt)[i])
            #expect(shuffled.image(i)[shuffled.image(i).startIndex + 12 * 25 + 12] == Float(100 + jetNumber))
            #expect(shuffled.isSignal(i) == (jetNumber % 3 == 0))
        }
        #expect(jets.shuffled(seed: 7).storageRows == shuffled.storageRows)
        #expect(jets.shuffled(seed: 8).storageRows != shuffled.storageRows)
    }

    @Test func splitIsSeededDisjointAndComplete() throws {
        let jets = try SampleJets.make(count: 101)
        let (train, valid) = try jets.split(fraction: 0.8, seed: 42)
        #expect(train.count == 81)
        #expect(valid.count == 20)
        #expect(Set(train.storageRows).isDisjoint(with: valid.storageRows))
        #expect(Set(train.storageRows + valid.storageRows) == Set(0..<101))
        let again = try jets.split(fraction: 0.8, seed: 42)
        #expect(again.first.storageRows == train.storageRows)
        #expect(throws: JetDataError.self) { try jets.split(fraction: 1.5, seed: 1) }
        #expect(throws: JetDataError.self) { try jets.split(fraction: 0, seed: 1) }
    }

    @Test func splitOfASelectionStaysInsideIt() throws {
        let jets = try SampleJets.make(count: 60)
        let background = jets.selecting(signal: false)
        let (train, valid) = try background.split(fraction: 0.5, seed: 3)
        #expect((train.labels + valid.labels).allSatisfy { $0 == 0 })
        #expect(train.count + valid.count == background.count)
    }

    @Test func replacingImagesKeepsVariablesAndLabelsInViewOrder() throws {
        let jets = try SampleJets.make(count: 12).shuffled(seed: 2)
        let blank = [Float](repeating: 0.5, count: jets.count * JetImage.pixels)
        let output = try jets.replacingImages(blank, origin: "reconstructed")
        #expect(output.values(.mass) == jets.values(.mass))
        #expect(output.labels == jets.labels)
        #expect(output.rows == nil)
        #expect(throws: JetDataError.self) { try jets.replacingImages([1, 2], origin: "bad") }
    }

    @Test func contiguousImagesFollowTheViewOrder() throws {
        let jets = try SampleJets.make(count: 5)
        let view = jets.subset([3, 1])
        let images = view.contiguousImages()
        #expect(images.count == 2 * JetImage.pixels)
        #expect(images[12 * 25 + 12] == 103)
        #expect(images[JetImage.pixels + 12 * 25 + 12] == 101)
    }

    @Test func averageImageIsThePixelMeanOfTheViewOnly() throws {
        let set = try SampleJets.make(count: 12)
        let view = set.selecting(signal: true)
        let average = view.averageImage()
        #expect(average.count == JetImage.pixels)
        // The centre pixel holds 100 + jet number; the signal jets are 0, 3, 6, 9.
        #expect(abs(average[12 * JetImage.side + 12] - 104.5) < 1e-9)
        for p in [0, 100, 624] {
            let expected = (0..<view.count).map { Double(view.image($0)[view.image($0).startIndex + p]) }.reduce(0, +) / Double(view.count)
            #expect(abs(average[p] - expected) < 1e-9)
        }
        #expect(set.prefix(0).averageImage().allSatisfy { $0 == 0 })
    }

    @Test func mismatchedLengthsAreRejected() throws {
        let error = try #require(throws: JetDataError.self) {
            try JetSet(images: [Float](repeating: 0, count: 2 * 625), variables: [.pt: [1]], signal: [0, 1], origin: "x")
        }
        #expect(error.description == "jet_pt: expected 2 entries (one per jet), found 1")
    }
}
