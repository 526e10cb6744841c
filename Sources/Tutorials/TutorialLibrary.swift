import Foundation
import Synchronization
import Scenarios
import TutorialFiles

/// The shipped tutorials, parsed; and timelines built once per scene for playing and checking.
public enum TutorialLibrary {
    /// Every tutorial in order, and the parse problems of files that did not parse.
    public static func load() -> (documents: [TutorialDocument], issues: [TutorialIssue]) {
        var documents = [TutorialDocument]()
        var issues = [TutorialIssue]()
        for (name, text) in TutorialFiles.all {
            do {
                documents.append(try TutorialParser.parse(text, file: "Tutorials/tutorials/\(name)"))
            } catch {
                issues += error.issues
            }
        }
        return (documents, issues)
    }
}

/// Builds each scene's timeline once (sections of a tutorial mostly share one).
/// Thread-safe: tests and the checker may share one cache across threads.
public final class TimelineCache: Sendable {
    private struct Entries {
        var timelines: [Scene: Timeline] = [:]
        var sets: [String: ParameterSet] = [:]
    }

    private let entries = Mutex(Entries())

    public init() {}

    public func timeline(for scene: Scene) throws -> Timeline {
        if let known = entries.withLock({ $0.timelines[scene] }) { return known }
        let options = ScenarioOptions(parameterSet: try parameterSet(named: scene.params), seed: scene.seed, policy: scene.policy)
        // Built outside the lock: a run takes milliseconds to seconds, and two threads
        // building one scene get equal timelines (a scene names its seed).
        let timeline = scene.attacks.isEmpty ? try Scenario.build(scene.scenario, options: options)
            : try Scenario.build(scene.scenario, options: options, attacks: scene.attacks)
        return entries.withLock { entries in
            if let first = entries.timelines[scene] { return first }
            entries.timelines[scene] = timeline
            return timeline
        }
    }

    /// The shipped parameter set `name`, read once.
    public func parameterSet(named name: String) throws -> ParameterSet {
        if let known = entries.withLock({ $0.sets[name] }) { return known }
        let set = try ParameterSet.named(name)
        return entries.withLock { entries in
            if let first = entries.sets[name] { return first }
            entries.sets[name] = set
            return set
        }
    }
}

/// A section with the scene it shows resolved: the timeline and the step index.
public struct ResolvedSection: Sendable {
    public let section: TutorialSection
    public let scene: Scene
    public let timeline: Timeline
    public let stepIndex: Int

    public var step: Step { timeline.steps[stepIndex] }

    /// The note this section needs when it shows an earlier step of the run `previous`
    /// showed (`TutorialSentences.goesBack`), else nil.
    public func goesBack(after previous: ResolvedSection) -> String? {
        guard previous.scene == scene, stepIndex < previous.stepIndex else { return nil }
        return TutorialSentences.goesBack(from: previous.stepIndex + 1, to: stepIndex + 1)
    }
}

extension TutorialDocument {
    /// Resolves every section's scene; a section without `at` shows the previous one's.
    public func resolve(with cache: TimelineCache) throws(TutorialIssue) -> [ResolvedSection] {
        var resolved = [ResolvedSection]()
        var scene: Scene?
        for section in sections {
            scene = section.scene ?? scene
            guard let scene else {
                throw TutorialIssue(file: file, line: section.line, message: "the first section needs an `at` directive")
            }
            let timeline: Timeline
            do {
                timeline = try cache.timeline(for: scene)
            } catch let error as AttackSpecError {
                throw TutorialIssue(file: file, line: scene.line, message: "`at`: the attack does not fit \(scene.scenario.rawValue): \(error)")
            } catch {
                throw TutorialIssue(file: file, line: scene.line, message: "scenario \(scene.scenario.rawValue) does not build: \(error)")
            }
            guard let index = scene.step.resolve(in: timeline.steps) else {
                throw TutorialIssue(file: file, line: scene.line,
                                    message: "step \(scene.step) does not exist in \(scene.scenario.rawValue) (\(timeline.steps.count) steps)")
            }
            resolved.append(ResolvedSection(section: section, scene: scene, timeline: timeline, stepIndex: index))
        }
        return resolved
    }
}
