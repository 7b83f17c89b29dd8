import Foundation
import JetData
import Testing
import TestSupport

@Suite struct JetFileReadTests {
    @Test func readsThePythiaFile() throws {
        let jets = try JetFile.read(Fixtures.pythia4k.path)
        #expect(jets.count == 4000)
        #expect(jets.signalCount == 2000)
        #expect(jets.origin == "pythia_wqcd_4k.h5")
        let pt = jets.values(.pt), mass = jets.values(.mass)
        #expect(pt.allSatisfy { $0 > 250 && $0 < 300 })
        #expect(mass.allSatisfy { $0 > 60 && $0 < 100 })
        #expect(jets.values(.phi).allSatisfy { $0 >= 0 && $0 < 2 * .pi })
        // About 4 % of the pixels are non-zero, none negative.
        let nonZero = jets.columns.images.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        let fraction = Double(nonZero) / Double(jets.columns.images.count)
        #expect(fraction > 0.03 && fraction < 0.06)
        #expect(jets.columns.images.allSatisfy { $0 >= 0 })
    }

    @Test func summaryDescribesTheLayout() throws {
        let summary = try JetFile.inspect(Fixtures.pythia4k.path)
        #expect(summary.jetCount == 4000)
        #expect(summary.imageElement == "float32")
        #expect(summary.chunkShape == [500, 4, 4])
        #expect(summary.filters == ["deflate"])
        #expect(summary.otherDatasets.isEmpty)
    }

    @Test func rowRangeReadsOnlyThoseJets() throws {
        let all = try JetFile.read(Fixtures.pythia4k.path)
        // Not aligned to the 500-row chunks on either side.
        let part = try JetFile.read(Fixtures.pythia4k.path, rows: 730..<1777)
        #expect(part.count == 1047)
        #expect(part.values(.mass) == Array(all.values(.mass)[730..<1777]))
        #expect(part.columns.images == Array(all.columns.images[730 * 625..<1777 * 625]))
        #expect(part.origin == "pythia_wqcd_4k.h5 rows 730:1777")
    }

    @Test func rowRangeBeyondTheFileIsAnError() throws {
        let error = try #require(throws: JetDataError.self) {
            try JetFile.read(Fixtures.pythia4k.path, rows: 0..<50000)
        }
        #expect(error.description == "\(Fixtures.pythia4k.path): rows 0:50000 asked for, but the file has 4000 jets")
    }

    @Test func progressIsReportedAndCanStopTheRead() throws {
        final class Calls: @unchecked Sendable { var values: [Int] = [] }
        let calls = Calls()
        _ = try JetFile.read(Fixtures.pythia4k.path) { done, total in
            calls.values.append(done)
            #expect(total == 4000)
            return true
        }
        #expect(calls.values.last == 4000)
        #expect(calls.values == calls.values.sorted())

        let error = try #require(throws: JetDataError.self) {
            try JetFile.read(Fixtures.pythia4k.path) { _, _ in false }
        }
        #expect(error == .interrupted)
    }
}
