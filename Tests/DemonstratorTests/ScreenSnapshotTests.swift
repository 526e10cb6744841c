import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI
import TUITestSupport

/// Golden screens of the demonstrator (toy parameters, seed 1). Each was reviewed
/// when recorded; re-record (SNAPSHOT_RECORD=1) only on purpose and review the diff.
@Suite("Demonstrator: golden screens")
struct ScreenSnapshotTests {
    static let large = Size(width: 120, height: 40)
    static let compact = Size(width: 80, height: 24)
    static let huge = Size(width: 200, height: 60)

    func render(_ state: AppState, _ size: Size = large, theme: Theme = .color, glyphs: Glyphs = .unicode) -> Canvas {
        AppView.render(state, size: size, theme: theme, glyphs: glyphs)
    }

    func state(_ name: ScenarioName, step: Int?, size: Size = large, keys: [Key] = []) throws -> AppState {
        let step = try #require(step, "\(name): no such step")
        return Fixtures.send(Fixtures.state(name, step: step, size: size), keys.map { .key($0) })
    }

    func state(_ name: ScenarioName, at moment: Fixtures.Moment, size: Size = large, keys: [Key] = []) throws -> AppState {
        try state(name, step: Fixtures.step(name, moment), size: size, keys: keys)
    }

    // MARK: The basic run at its three turning points

    @Test("basic: aP revealed at R, abP at R, abP at I (120x40)")
    func basicKeySteps() throws {
        let aP = Fixtures.firstStep(.basic, where: .responder, knows: .aP)
        let abPAtR = Fixtures.firstStep(.basic, where: .responder, knows: .abP)
        let abPAtI = Fixtures.firstStep(.basic, where: .initiator, knows: .abP)
        #expect(aP != nil && aP == abPAtR.map { $0 - 1 } && abPAtR.map { $0 + 2 } == abPAtI,
               "R reads aP, then computes abP; I computes abP on opening R_MESSAGE_1 two steps later")
        try assertSnapshot(render(try state(.basic, step: aP)), named: "basic-aP-at-R-120x40")
        try assertSnapshot(render(try state(.basic, step: abPAtR)), named: "basic-abP-at-R-120x40")
        let screen = render(try state(.basic, step: abPAtI))
        try assertSnapshot(screen, named: "basic-abP-at-I-120x40")
        // abP shows in both panes (Initiator: columns 0-39, Responder: 40-79).
        let rows = screen.plainText().split(separator: "\n").filter { $0.contains("abP") }
        #expect(rows.contains { $0.prefix(40).contains("+ abP") && !$0.dropFirst(40).prefix(40).contains("—") })
    }

    // MARK: Every other scenario at its key steps

    @Test("forking: the devices read aP; only the answering one and I get abP")
    func forking() throws {
        try assertSnapshot(render(try state(.forking, step: Fixtures.firstStep(.forking, where: .device(1), knows: .aP))),
                           named: "forking-aP-at-D1-120x40")
        try assertSnapshot(render(try state(.forking, step: Fixtures.model(.forking)?.stepCount)), named: "forking-last-120x40")
    }

    @Test("retargeting: C answers with its own identity; I and C share abP, B never learns it")
    func retargeting() throws {
        try assertSnapshot(render(try state(.retargeting, step: Fixtures.firstStep(.retargeting, where: .initiator, knows: .abP))),
                           named: "retargeting-abP-at-I-120x40")
        try assertSnapshot(render(try state(.retargeting, step: Fixtures.model(.retargeting)?.stepCount)),
                           named: "retargeting-last-120x40")
    }

    @Test("deferred: the mailbox carries SK and the content it cannot read; B reads them")
    func deferred() throws {
        try assertSnapshot(render(try state(.deferred, step: Fixtures.firstStep(.deferred, where: .mailbox, knows: .abP))),
                           named: "deferred-abP-at-mailbox-120x40")
        try assertSnapshot(render(try state(.deferred, step: Fixtures.model(.deferred)?.stepCount)), named: "deferred-last-120x40")
    }

    @Test("eavesdropper, curious KMS, malicious KMS, forward secrecy: their last steps")
    func adversaries() throws {
        for name in [ScenarioName.eavesdropper, .curiousKMS, .maliciousKMS, .forwardSecrecy] {
            try assertSnapshot(render(try state(name, step: Fixtures.model(name)?.stepCount)), named: "\(name.rawValue)-last-120x40")
        }
        try assertSnapshot(render(try state(.curiousKMS, step: Fixtures.firstStep(.curiousKMS, where: .kms, knows: .bP))),
                           named: "curious-kms-bP-at-KMS-120x40")
    }

    @Test("tamper and replay: the refusal steps")
    func refusals() throws {
        let tamper = Fixtures.refusals(.tamper), replay = Fixtures.refusals(.replay)
        #expect(tamper.count == 5 && replay.count == 3)
        try assertSnapshot(render(try state(.tamper, step: tamper.first)), named: "tamper-first-refusal-120x40")
        try assertSnapshot(render(try state(.tamper, step: tamper.last)), named: "tamper-last-refusal-120x40")
        try assertSnapshot(render(try state(.replay, step: replay.first)), named: "replay-first-refusal-120x40")
        try assertSnapshot(render(try state(.replay, step: replay.last)), named: "replay-last-refusal-120x40")
    }

    @Test("group (extension beyond RFC 6267): the members hold the key, the server does not")
    func group() throws {
        try assertSnapshot(render(try state(.group, step: Fixtures.firstStep(.group, where: .member(1), knows: .groupKey))),
                           named: "group-first-key-120x40")
        try assertSnapshot(render(try state(.group, step: Fixtures.model(.group)?.stepCount)), named: "group-last-120x40")
    }

    @Test("a scenario that cannot be built, and the progress screen while one is built")
    func failureAndProgress() throws {
        // A synthetic failure: every shipped scenario builds, but a broken parameter file would not.
        var failed = AppState(config: Fixtures.config, scenario: .group, size: Self.compact)
        failed = AppUpdate.update(failed, .built(BuildKey(.group, Fixtures.config), .failed("invalid curve parameters: q must divide p + 1"))).state
        try assertSnapshot(render(failed, Self.compact), named: "build-failure-80x24")
        let building = AppState(config: Fixtures.config, scenario: .basic, size: Self.compact)
        try assertSnapshot(render(building, Self.compact), named: "building-80x24")
        let awaiting = AppUpdate.update(Fixtures.state(.basic, at: Fixtures.keyAgreed), .key(.character("f"))).state
        #expect(render(awaiting).plainText().contains("computing the forking scenario"))
    }

    // MARK: Views and overlays

    @Test("the eavesdropper view and the KMS view of the basic run")
    func adversaryViews() throws {
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, keys: [.character("e")])), named: "basic-abP-at-I-eve-view-120x40")
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, keys: [.character("k")])), named: "basic-abP-at-I-kms-view-120x40")
        try assertSnapshot(render(try state(.curiousKMS, step: Fixtures.model(.curiousKMS)?.stepCount, keys: [.character("k")])),
                           named: "curious-kms-last-kms-view-120x40")
    }

    @Test("help, the scenario menu and the value detail")
    func overlays() throws {
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, keys: [.character("?")])), named: "help-120x40")
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, size: Self.compact, keys: [.character("?")]), Self.compact),
                           named: "help-80x24")
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, keys: [.character("s"), .down])), named: "scenario-menu-120x40")
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, keys: [.tab, .down, .down, .down, .down, .character("v")])),
                           named: "value-detail-abP-at-R-120x40")
        let toAbP = [Key](repeating: .down, count: 12)
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, keys: [.character("e"), .backTab, .backTab, .backTab, .backTab] + toAbP + [.character("v")])),
                           named: "value-detail-eve-cannot-abP-120x40")
    }

    @Test("presenter mode: a message sent, abP revealed, a refusal; at 80x24 too")
    func presenter() throws {
        // Rendered in the ordinary colour theme: presenter mode switches to the high-contrast one itself.
        let send = render(try state(.basic, at: .sends(.iMessage1), keys: [.character("z")]))
        try assertSnapshot(send, named: "presenter-I_MESSAGE_1-120x40", styles: true)
        #expect(send.styleRuns().contains { $0.style == Theme.presenter.headline })
        try assertSnapshot(render(try state(.basic, step: Fixtures.firstStep(.basic, where: .initiator, knows: .abP),
                                            keys: [.character("z")])),
                           named: "presenter-abP-at-I-120x40")
        try assertSnapshot(render(try state(.tamper, step: Fixtures.refusals(.tamper).first, keys: [.character("z")])),
                           named: "presenter-refusal-120x40")
        try assertSnapshot(render(try state(.basic, at: .learns(.responder, .abP), size: Self.compact, keys: [.character("z")]), Self.compact),
                           named: "presenter-abP-at-R-80x24")
        let mono = render(try state(.basic, at: .sends(.iMessage1), keys: [.character("z")]), theme: .mono)
        #expect(mono.styleRuns().allSatisfy { !$0.style.usesColor }, "a mono session stays mono in presenter mode")
    }

    // MARK: Sizes, themes, glyphs

    @Test("80x24 compact, 200x60 with Eve and the hex inspector, and too small")
    func sizes() throws {
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, size: Self.compact), Self.compact), named: "basic-abP-at-I-80x24")
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, size: Self.compact, keys: [.character("e")]), Self.compact),
                           named: "basic-abP-at-I-eve-view-80x24")
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed, size: Self.huge, keys: [.character("e"), .character("x")]), Self.huge),
                           named: "basic-abP-at-I-eve-hex-200x60")
        let narrow = render(try state(.basic, at: Fixtures.keyAgreed), Size(width: 79, height: 24)).plainText()
        #expect(narrow.contains("terminal too small: 79x24, need 80x24"))
        try assertSnapshot(render(try state(.basic, at: Fixtures.keyAgreed), Size(width: 80, height: 23)), named: "too-small-80x23")
    }

    @Test("mono theme with ASCII glyphs, and the colour theme's styles")
    func themes() throws {
        let state = try state(.basic, at: .learns(.responder, .abP), size: Self.compact, keys: [.tab])
        let mono = render(state, Self.compact, theme: .mono, glyphs: .ascii)
        #expect(mono.plainText().allSatisfy { $0.isASCII })
        #expect(mono.styleRuns().allSatisfy { !$0.style.usesColor })
        try assertSnapshot(mono, named: "basic-abP-at-R-mono-ascii-80x24", styles: true)
        try assertSnapshot(render(state, Self.compact), named: "basic-abP-at-R-color-80x24", styles: true)
    }
}
