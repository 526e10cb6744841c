import IBAKE
import Scenarios
import Testing
@testable import Tutorials

/// `mikey-ibake tutorial --check` as a test: every shipped tutorial parses, every
/// directive resolves, and every claim holds on the ledger.
@Suite struct TutorialCheckTests {
    @Test func everyShippedTutorialChecks() {
        let (documents, parseIssues) = TutorialLibrary.load()
        #expect(parseIssues.isEmpty, "\(parseIssues)")
        #expect(!documents.isEmpty)
        let cache = TimelineCache()
        for document in documents {
            let issues = TutorialChecker.check(document, cache: cache)
            #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func aFalseClaimIsReportedWithItsLine() throws {
        let text = """
        # T
        <!-- tutorial: id=t minutes=1 summary="s" -->
        ## one
        <!-- at: scenario=basic step=receive:I_MESSAGE_1 -->
        <!-- claim: responder knows abP -->
        """
        let document = try TutorialParser.parse(text, file: "t.md")
        let issues = TutorialChecker.check(document, cache: TimelineCache())
        #expect(issues.contains { $0.line == 5 && $0.message.contains("is false") })
        #expect(issues.contains { $0.line == 1 && $0.message.contains("sections") })
    }

    @Test func malformedDirectivesAreReportedWithTheirLines() {
        let text = """
        # T
        <!-- tutorial: id=t minutes=1 summary="s" -->
        ## one
        <!-- at: scenario=nope -->
        <!-- claim: responder adores abP -->
        <!-- wobble: x -->
        """
        do {
            _ = try TutorialParser.parse(text, file: "t.md")
            Issue.record("parsed")
        } catch {
            #expect(error.issues.map(\.line) == [4, 5, 6])
        }
    }

    @Test func stepReferencesResolve() throws {
        let timeline = try Scenario.build(.tamper, options: ScenarioOptions(parameterSet: try .named("toy"), seed: 1))
        let steps = timeline.steps
        #expect(StepReference(parsing: "action:refuse#2")?.resolve(in: steps).map { steps[$0].action } == .refuse)
        #expect(StepReference(parsing: "send:I_MESSAGE_1#3")?.resolve(in: steps).map { steps[$0].message?.kind } == .iMessage1)
        #expect(StepReference(parsing: "send:NOPE")?.resolve(in: steps) == nil)
        #expect(StepReference(parsing: "9999")?.resolve(in: steps) == nil)
        #expect(StepReference(parsing: "sideways") == nil)
    }
}
