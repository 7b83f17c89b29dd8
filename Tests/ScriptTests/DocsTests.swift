import Foundation
import Testing
import Script
import TestSupport

/// The command reference in docs/LANGUAGE.md is generated from the command table; this test
/// keeps the two equal. Run with JNB_UPDATE_DOCS=1 to rewrite the section after changing a
/// command (or use `jnb --command-reference`).
@Suite struct DocsTests {
    @Test func commandReferenceMatchesTheTable() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("docs/LANGUAGE.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- command-reference:begin -->\n", end = "<!-- command-reference:end -->"
        let start = try #require(text.range(of: begin)), stop = try #require(text.range(of: end))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let generated = HelpText.markdownReference(.standard)
        if current != generated, ProcessInfo.processInfo.environment["JNB_UPDATE_DOCS"] == "1" {
            try (String(text[..<start.upperBound]) + generated + String(text[stop.lowerBound...]))
                .write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == generated, "docs/LANGUAGE.md is out of date: run JNB_UPDATE_DOCS=1 swift test --filter DocsTests")
    }

    @Test func everyCommandHasHelpAndAnExampleThatParses() {
        let table = CommandTable.standard
        for spec in table.commands {
            #expect(!spec.summary.isEmpty, "\(spec.name) has no summary")
            for example in spec.examples {
                let session = Session(output: CapturedOutput())
                let error = session.check(example)
                // Examples use variables defined elsewhere; only syntax and names are checked.
                #expect(error == nil, "example of \(spec.name) does not parse: \(example): \(error?.description ?? "")")
            }
        }
    }
}
