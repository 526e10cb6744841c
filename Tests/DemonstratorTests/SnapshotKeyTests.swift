import Demonstrator
import Scenarios
import Testing
import TUI

/// The save key (S) and the views a saved frame can show: the demonstrator only asks
/// (`snapshotRequest`), the shell writes the files and answers with `.snapshotSaved`.
@Suite("Demonstrator: saving the frame")
struct SnapshotKeyTests {
    static let save = Key.character("S")

    func render(_ state: AppState) -> Canvas {
        AppView.render(state, size: state.size, theme: .color, glyphs: .unicode)
    }

    @Test("S asks for the frame on screen, named by scenario, step, size and view; nothing else changes")
    func request() throws {
        let state = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let saved = Fixtures.send(state, Fixtures.keys(Self.save))
        let request = try #require(saved.snapshotRequest)
        #expect(request.stem == "mikey-ibake-basic-step13-120x40")
        #expect(request.fileNames == ["mikey-ibake-basic-step13-120x40.txt", "mikey-ibake-basic-step13-120x40.svg"])
        #expect(render(saved) == render(state), "the frame saved is the one on screen")
        let compact = Fixtures.send(Fixtures.state(.basic, at: Fixtures.keyAgreed, size: Size(width: 80, height: 24)),
                                    Fixtures.keys(Self.save))
        #expect(compact.snapshotRequest?.stem == "mikey-ibake-basic-step13-80x24")
    }

    @Test("a view opened by key names the files, so frames of one step do not overwrite each other",
          arguments: [("e", "-eve"), ("k", "-kms"), ("w", "-who"), ("z", "-presenter")])
    func viewsInTheName(key: Character, suffix: String) {
        let state = Fixtures.send(Fixtures.state(.basic, at: Fixtures.keyAgreed), Fixtures.keys(.character(key), Self.save))
        #expect(state.snapshotRequest?.stem == "mikey-ibake-basic-step13-120x40" + suffix)
    }

    @Test("Eve's pane open by the scenario itself is its main view")
    func eveByDefault() {
        let state = Fixtures.send(Fixtures.state(.eavesdropper, at: .last), Fixtures.keys(Self.save))
        #expect(state.showsEve)
        #expect(state.snapshotRequest?.stem.hasSuffix("-120x40") == true)
    }

    @Test("the shell's answer clears the request and says where the files are, or why not")
    func outcome() throws {
        let asked = Fixtures.send(Fixtures.state(.basic, at: Fixtures.keyAgreed), Fixtures.keys(Self.save))
        let request = try #require(asked.snapshotRequest)
        let saved = AppUpdate.update(asked, .snapshotSaved(.saved(request, directory: "/home/ann/slides"))).state
        #expect(saved.snapshotRequest == nil)
        #expect(saved.notice == "saved mikey-ibake-basic-step13-120x40.txt and .svg in /home/ann/slides")
        #expect(render(saved).plainText().contains("saved mikey-ibake-basic-step13-120x40.txt and .svg in /home/ann/slides"))
        let failed = AppUpdate.update(asked, .snapshotSaved(.failed("/proc/x.txt: No such file or directory"))).state
        #expect(failed.snapshotRequest == nil)
        #expect(render(failed).plainText().contains("could not save the frame: /proc/x.txt: No such file or directory"))
    }

    @Test("presenter mode, which has no narration, says it in its status line")
    func presenterNotice() throws {
        let asked = Fixtures.send(Fixtures.state(.basic, at: Fixtures.keyAgreed), Fixtures.keys(.character("z"), Self.save))
        let request = try #require(asked.snapshotRequest)
        let saved = AppUpdate.update(asked, .snapshotSaved(.saved(request, directory: "/tmp"))).state
        let status = render(saved).plainText().split(separator: "\n").last ?? ""
        #expect(status.hasPrefix(" saved mikey-ibake-basic-step13-120x40-presenter.txt and .svg in /tmp"))
        let next = Fixtures.send(saved, Fixtures.keys(.right))
        #expect(render(next).plainText().split(separator: "\n").last?.hasPrefix(" basic · step 14/19") == true)
    }

    @Test("S in a tutorial saves too; over the help it only closes the help")
    func contexts() throws {
        let tutorial = Fixtures.send(try Fixtures.tutorial("exchange", section: 2), Fixtures.keys(Self.save))
        #expect(tutorial.snapshotRequest?.stem.hasPrefix("mikey-ibake-basic-step") == true)
        let help = Fixtures.send(Fixtures.state(.basic, at: Fixtures.keyAgreed), Fixtures.keys(.character("?"), Self.save))
        #expect(help.overlay == nil && help.snapshotRequest == nil)
    }

    @Test("each view opens what its key opens", arguments: [
        (FrameView.eve, Character("e")), (.kms, "k"), (.who, "w"), (.presenter, "z"),
    ])
    func views(view: FrameView, key: Character) throws {
        let state = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let opened = try view.open(in: state)
        #expect(render(opened) == render(Fixtures.send(state, Fixtures.keys(.character(key)))))
        #expect(FrameView.shown(in: opened) == view)
        #expect(render(try view.open(in: opened)) == render(opened), "opening it again keeps it open")
    }

    @Test("main leaves the screen as it opens; eve keeps Eve's pane where she acts already")
    func mainAndEve() throws {
        let basic = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        #expect(render(try FrameView.main.open(in: basic)) == render(basic))
        let eavesdropper = Fixtures.state(.eavesdropper, at: .last)
        #expect(render(try FrameView.eve.open(in: eavesdropper)) == render(eavesdropper))
    }
}
