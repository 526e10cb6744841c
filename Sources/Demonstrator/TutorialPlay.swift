import Scenarios
import Tutorials

/// A tutorial played in the demonstrator: the document, the timeline and step each
/// section shows, and where the reader is. Part of `AppState`, so navigating a
/// tutorial is an ordinary, testable state transition.
public struct TutorialPlay: Sendable {
    /// What one section shows: the timeline to build and the step in it.
    public struct SectionScene: Sendable, Equatable {
        public let key: BuildKey
        public let step: StepReference
    }

    public let document: TutorialDocument
    /// One per section, in order; a section without `at` shows the previous one's scene.
    public let scenes: [SectionScene]
    /// The section on screen, 0-based.
    public var section = 0
    /// Sections whose answer has been revealed (kept when the reader goes back).
    public var revealed: Set<Int> = []
    /// First line of the tutorial text shown (the panel scrolls when it has focus).
    public var scroll = 0
    /// Whether the section's step has been applied to the demo; false while its
    /// timeline is still being built.
    public var placed = false
    /// The text is hidden (`t`): the demo has the whole screen. A new section shows it again.
    public var textHidden = false

    /// Resolves every section's scene to a build: `parameterSet` turns a scene's
    /// `params` name into its set (the shell reads the shipped files once, here).
    /// Throws for a tutorial without sections or whose first section has no scene.
    public init(document: TutorialDocument, parameterSet: (String) throws -> ParameterSet) throws {
        var scenes = [SectionScene]()
        var sets = [String: ParameterSet]()
        var current: Scene?
        for section in document.sections {
            current = section.scene ?? current
            guard let scene = current else {
                throw TutorialIssue(file: document.file, line: section.line, message: "the first section needs an `at` directive")
            }
            let set: ParameterSet
            if let known = sets[scene.params] {
                set = known
            } else {
                set = try parameterSet(scene.params)
                sets[scene.params] = set
            }
            let config = AppConfig(parameterSet: set, seed: scene.seed, policy: scene.policy)
            scenes.append(SectionScene(key: BuildKey(scene.scenario, config, attacks: scene.attacks), step: scene.step))
        }
        guard !scenes.isEmpty else {
            throw TutorialIssue(file: document.file, line: 1, message: "no sections to play")
        }
        self.document = document
        self.scenes = scenes
    }

    public var count: Int { scenes.count }

    /// The "what if" the current section shows, if its `at` names attacks.
    public var branch: AppState.Branch? {
        let attacks = scene.key.attacks
        return attacks.isEmpty ? nil : AppState.Branch(attacks: attacks, title: attacks.map { "\($0.action.phrase) at \($0.at)" }.joined(separator: ", "), origin: 1)
    }
    public var current: TutorialSection { document.sections[section] }
    public var scene: SectionScene { scenes[section] }
    public var isLast: Bool { section == scenes.count - 1 }
    public var answerShown: Bool { revealed.contains(section) }

    /// The note of the current section when it shows an earlier step of the same run
    /// than the section before it (`steps` are that run's), else nil.
    public func goesBack(in steps: [Step]) -> String? {
        guard section > 0, scenes[section - 1].key == scene.key, let previous = scenes[section - 1].step.resolve(in: steps),
              let here = scene.step.resolve(in: steps), here < previous else { return nil }
        return TutorialSentences.goesBack(from: previous + 1, to: here + 1)
    }

    /// Every timeline the tutorial needs, each once, in the order the sections need them.
    public var builds: [BuildKey] {
        var keys = [BuildKey]()
        for scene in scenes where !keys.contains(scene.key) { keys.append(scene.key) }
        return keys
    }
}
