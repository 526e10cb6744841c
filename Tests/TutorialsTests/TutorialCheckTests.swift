import Foundation
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

    @Test("a section's attack runs the what-if branch; refuses and accepts claims are checked on its verdicts")
    func attackSectionsCheckVerdicts() throws {
        let text = """
        # T
        <!-- tutorial: id=t minutes=1 summary="s" -->
        ## one
        <!-- at: scenario=basic step=action:refuse attack="send:I_MESSAGE_1:flip:IBAKE.U" -->
        <!-- claim: responder refuses I_MESSAGE_1: IBE decryption -->
        <!-- claim: responder refuses I_MESSAGE_1: V MAC -->
        <!-- claim: responder accepts I_MESSAGE_1 -->
        <!-- claim: initiator accepts R_MESSAGE_1 -->
        <!-- claim: responder lacks aP -->
        """
        let document = try TutorialParser.parse(text, file: "t.md")
        let resolved = try document.resolve(with: TimelineCache())
        #expect(resolved[0].timeline.steps[resolved[0].stepIndex].action == .refuse)
        let issues = TutorialChecker.check(document, cache: TimelineCache()).filter { $0.line > 1 }
        #expect(issues.map(\.line) == [6, 7, 8])
        #expect(issues.first?.message.contains("refuses I_MESSAGE_1: IBE decryption") == true)
        #expect(issues.dropFirst().first?.message.contains("refuses I_MESSAGE_1: IBE decryption") == true)
        #expect(issues.last?.message.contains("has received no R_MESSAGE_1") == true)
    }

    @Test("an attack that does not fit the run, and a claim naming no check, are reported with their lines")
    func badAttacksAndVerdictClaims() throws {
        let text = """
        # T
        <!-- tutorial: id=t minutes=1 summary="s" -->
        ## one
        <!-- at: scenario=basic step=last attack="send:I_MESSAGE_1:flip:IBAKE.NOPE" -->
        <!-- claim: responder knows aP -->
        """
        let document = try TutorialParser.parse(text, file: "t.md")
        let issues = TutorialChecker.check(document, cache: TimelineCache())
        #expect(issues.contains { $0.line == 4 && $0.message.contains("the attack does not fit basic") && $0.message.contains("IBAKE.U") })
        do {
            _ = try TutorialParser.parse(text.replacingOccurrences(of: "knows aP", with: "refuses I_MESSAGE_1: courage"), file: "t.md")
            Issue.record("parsed")
        } catch {
            #expect(error.issues.map(\.line) == [5])
            #expect(error.issues.first?.message.contains("V MAC") == true)
        }
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

/// What the checker refuses beyond claims: directive syntax left in the text, and an
/// `inspect` that names no message, party or field the inspector could show, or a text
/// that quotes octets the message does not hold.
@Suite struct TutorialProseAndInspectionTests {
    static func issues(_ body: String) throws -> [TutorialIssue] {
        let text = """
        # T
        <!-- tutorial: id=t minutes=1 summary="s" -->
        ## one
        <!-- at: scenario=basic step=send:I_MESSAGE_1 -->
        \(body)
        """
        return TutorialChecker.check(try TutorialParser.parse(text, file: "t.md"), cache: Self.cache)
            .filter { !$0.message.contains("sections") }
    }

    static let cache = TimelineCache()

    @Test func directiveSyntaxInProseIsRefusedWithItsLine() throws {
        let issues = try Self.issues("""
        Fine prose, and a reference typed at the prompt: `receive:R_MESSAGE_1`.
        V itself (action:refuse#4 in this scenario).
        the run at step=last, then
        a comment left open <!-- focus: eve aP
        """)
        #expect(issues.map(\.line) == [6, 7, 8], "\(issues)")
        #expect(issues.first?.message.contains("\"action:refuse#4\"") == true)
        #expect(issues.allSatisfy { $0.message.contains("directive syntax in the text") })
    }

    @Test func anInspectionResolves() throws {
        let good = try Self.issues("""
        <!-- inspect: field="IBAKE > Encr data > U" as=responder mode=hex -->
        U is `04 46 dc 07 76 31 95 18 a6`; inside, the ECCPT starts `0e f0 04 66`.
        """)
        #expect(good.isEmpty, "\(good)")
        let layerUnopened = try Self.issues(#"<!-- inspect: field="IBAKE > ECCPT" -->"#)
        #expect(layerUnopened.first?.message.contains("a layer's contents need as=PARTY") == true, "\(layerUnopened)")
        let noField = try Self.issues(#"<!-- inspect: field="IDR#3" -->"#)
        #expect(noField.first?.message.contains("has no field \"IDR#3\"; there: HDR, T, RAND, IDR, IDR#2, SP, IBAKE") == true,
                "\(noField.map(\.message))")
        let noParty = try Self.issues(#"<!-- inspect: field="HDR" as=mallory -->"#)
        #expect(noParty.first?.message.contains("as=mallory is not a party of basic") == true)
        let later = try Self.issues(#"<!-- inspect: message=send:R_MESSAGE_1 field="HDR" -->"#)
        #expect(later.first?.message.contains("not on the wire yet") == true)
        let noMessage = try Self.issues(#"<!-- inspect: message=action:leak -->"#)
        #expect(noMessage.first?.message.contains("is not a step of basic") == true)
        #expect(throws: TutorialParseFailure.self, "one per section") {
            try Self.issues(#"<!-- inspect: field="HDR" -->"# + "\n<!-- inspect: mode=hex -->")
        }
    }

    @Test func quotedOctetsAreTheMessages() throws {
        let stale = try Self.issues("""
        <!-- inspect: field="T" mode=hex -->
        T is `0b 00 ee 92 cf 90 14 7a e1 44`, in `2026` (a number, not a quote).
        """)
        #expect(stale.map(\.line) == [6], "\(stale)")
        #expect(stale.first?.message.contains("is not in I_MESSAGE_1 as the inspector shows it") == true)
    }
}

@Suite struct InspectDirectiveParseTests {
    @Test func aMalformedInspectIsReportedWithItsLine() {
        let text = """
        # T
        <!-- tutorial: id=t minutes=1 summary="s" -->
        ## one
        <!-- at: scenario=basic step=send:I_MESSAGE_1 -->
        <!-- inspect: field="IBAKE > " -->
        ## two
        <!-- inspect: mode=xml -->
        ## three
        <!-- inspect: message=sideways -->
        ## four
        <!-- inspect: colour=red field="HDR" -->
        """
        do {
            _ = try TutorialParser.parse(text, file: "t.md")
            Issue.record("parsed")
        } catch {
            #expect(error.issues.map(\.line) == [5, 7, 9, 11], "\(error.issues)")
            #expect(error.issues.last?.message.contains("unknown key colour") == true)
        }
    }

    @Test func fieldPathsReadAndPrintAlike() throws {
        let path = try #require(FieldPath(parsing: "IDR#2 >ID data"))
        #expect(path.segments == [.init("IDR", occurrence: 2), .init("ID data")])
        #expect(path.description == "IDR#2 > ID data" && path.parent?.description == "IDR#2")
        #expect(FieldPath(parsing: "SP > Policy param > SRTP encryption off/on")?.segments.count == 3, "a name may hold /")
        #expect(FieldPath(parsing: "IDR#0") == nil && FieldPath(parsing: "") == nil)
    }
}
