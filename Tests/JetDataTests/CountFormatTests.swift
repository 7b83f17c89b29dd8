import JetData
import Testing

/// Counts with thousands separators, as every message and table prints them.
@Suite struct CountFormatTests {
    @Test func groupsInThousands() {
        #expect(CountFormat.grouped(0) == "0")
        #expect(CountFormat.grouped(999) == "999")
        #expect(CountFormat.grouped(1000) == "1,000")
        #expect(CountFormat.grouped(872_666) == "872,666")
        #expect(CountFormat.grouped(-1234) == "-1,234")
    }

    @Test func theSmallestIntegerDoesNotTrap() {
        #expect(CountFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }
}
