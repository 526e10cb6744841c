@testable import Demonstrator
import Foundation
@testable import mikey_ibake
import Network
import Scenarios
import Testing
import TUI

/// The inspector's SIP view (PROFILE D23): `x` cycles fields, hex, SIP; the view shows
/// the request or response that carries the message, or says why none does.
@Suite("Demonstrator: the inspector's SIP view") struct InspectorSIPTests {
    /// The inspector's text, row by row, for `state` drawn whole.
    static func inspectorText(_ state: AppState) throws -> [String] {
        let canvas = AppView.render(state, size: state.size, theme: .color, glyphs: .unicode)
        let lines = canvas.plainText().split(separator: "\n").map { Array($0) }
        // Before any message the title is the bare name.
        let top = try #require(lines.firstIndex { String($0).contains("Inspector ·") }
            ?? lines.firstIndex { String($0).contains("┌") && String($0).contains(" Inspector ") }, "no inspector on screen")
        let title = String(lines[top])
        let left = try #require(lines[top].indices.last { index in
            lines[top][index] == "┌" && String(lines[top][index...]).contains("Inspector")
        }, "\(title)")
        let rows = lines[(top + 1)...].map { String($0.dropFirst(left)) }
        let bottom = rows.firstIndex { $0.hasPrefix("└") } ?? rows.count - 1
        return Array(rows.prefix(bottom + 1))    // the bottom border holds the mode's label
    }

    @Test("x cycles fields, hex, SIP and back to fields")
    func cycle() {
        let basic = Fixtures.state(.basic, at: .sends(.iMessage1))
        let modes = (1...3).reduce(into: [basic]) { states, _ in
            states.append(AppUpdate.update(states[states.count - 1], .key(.character("x"))).state)
        }.map(\.inspector.mode)
        #expect(modes == [.fields, .hex, .sip, .fields])
    }

    @Test("I_MESSAGE_1 rides in the INVITE: start line, headers, the key-mgmt line shortened in the middle")
    func invite() throws {
        var state = Fixtures.state(.basic, at: .sends(.iMessage1))
        state.inspector.mode = .sip
        let text = try Self.inspectorText(state).joined(separator: "\n")
        #expect(text.contains("INVITE sip:bob@ims.example SIP/2.0"), "\(text)")
        #expect(text.contains("SIP, x: fields"))
        state.inspector.scroll = 100    // the view stops at its last row: the SDP's end
        let end = try Self.inspectorText(state).joined(separator: "\n")
        let message = try #require(state.model?.step(state.step)?.message)
        let base64 = Data(message.octets).base64EncodedString()
        let line = try #require(end.split(separator: "\n").first { $0.contains("a=key-mgmt:mikey ") }, "\(end)")
        let shown = try #require(line.components(separatedBy: "a=key-mgmt:mikey ").last?.split(separator: " ").first)
        let halves = shown.components(separatedBy: "…")
        try #require(halves.count == 2, "the base64 is not shortened in the middle: \(shown)")
        #expect(base64.hasPrefix(halves[0]) && base64.hasSuffix(halves[1]) && halves[0].count > 8 && halves[1].count > 8)
    }

    @Test("forking: the answering device's 183, with its identity asserted")
    func forkedAnswer() throws {
        let model = try #require(Fixtures.model(.forking))
        let step = try #require(Fixtures.step(.forking, .sends(.rMessage1)))
        guard case .carried(let message, let route, let notes) = try #require(model.sip[step]) else {
            Issue.record("R_MESSAGE_1 has no SIP carriage")
            return
        }
        #expect(message.status == 183 && route == "D2 → I")
        #expect(message.header("P-Asserted-Identity") == "<sip:bob-laptop@ims.example>")
        #expect(notes.isEmpty, "the answered copy is not cancelled: \(notes)")
    }

    @Test("forking: a copy no device answered says how the proxy ends it, as sip.pcap has it")
    func forkedCopyCancelled() throws {
        let model = try #require(Fixtures.model(.forking))
        let dialogue = try SIPCarriage.dialogue(for: model.timeline)
        let taken = try #require(model.timeline.steps(sending: .rMessage2).first?.index)
        let answering = try #require(model.timeline.steps(sending: .rMessage1).first?.message?.from)
        let copies = model.timeline.steps(sending: .iMessage1).filter { $0.message?.to != answering }
        try #require(copies.count == 2)
        for copy in copies {
            guard case .carried(let message, _, let notes) = try #require(model.sip[copy.index]) else {
                Issue.record("step \(copy.index) has no SIP carriage")
                continue
            }
            let device = model.timeline.tag(message.to)
            #expect(notes == ["Step \(taken): the call is answered on another branch, so the proxy ends this copy: "
                              + "CANCEL I → \(device), 200 (CANCEL) \(device) → I, 487 (INVITE) \(device) → I, ACK I → \(device) (RFC 3261 §9, §16.7)."])
            #expect(SIPCarriage.cancellation(of: message, in: dialogue).map(\.step) == [taken, taken, taken, taken])
        }
        var state = Fixtures.state(.forking, step: copies[0].index)
        state.inspector.mode = .sip
        #expect(try Self.inspectorText(state).joined().contains("the proxy ends this copy"))
    }

    @Test("replay: R's 183 kept from I, and Eve's 183 with the recorded R_MESSAGE_1")
    func replayedAnswer() throws {
        let model = try #require(Fixtures.model(.replay))
        let responses = model.timeline.steps(sending: .rMessage1)
        try #require(responses.count == 3)
        guard case .carried(let kept, let keptRoute, let keptNotes) = try #require(model.sip[responses[1].index]),
              case .carried(let copy, let copyRoute, let copyNotes) = try #require(model.sip[responses[2].index]) else {
            Issue.record("the second call's R_MESSAGE_1s have no SIP carriage")
            return
        }
        #expect(kept.status == 183 && keptRoute == "R → I" && copy.status == 183 && copyRoute == "Eve → I")
        #expect(keptNotes == ["Eve keeps this 183 (INVITE) from I (step \(responses[2].index)): nothing answers it."])
        #expect(copyNotes == ["Eve sends this 183 (INVITE) with the MIKEY message recorded at step \(responses[0].index) in its SDP."])
    }

    @Test("REQUEST_KEY and SRTP say they have no SIP carriage")
    func noCarriage() throws {
        let model = try #require(Fixtures.model(.basic))
        for step in model.messageSteps {
            let kind = try #require(model.step(step)?.message?.kind)
            let rides = ["I_MESSAGE_1", "R_MESSAGE_1", "I_MESSAGE_2", "R_MESSAGE_2"].contains(kind.name)
            switch try #require(model.sip[step]) {
            case .carried: #expect(rides, "\(kind) at step \(step) has a SIP carrier")
            case .none(let reason): #expect(!rides && reason.contains(kind.name), "\(kind) at step \(step): \(reason)")
            }
        }
        var state = Fixtures.state(.basic, step: try #require(model.messageSteps.first))
        state.inspector.mode = .sip
        #expect(try Self.inspectorText(state).joined().contains("No SIP carriage"))
    }

    /// The UDP payloads of `pcap` (raw IPv4 link type, PROFILE D20): each record's data
    /// past its 20-octet IPv4 and 8-octet UDP headers.
    static func payloads(_ pcap: [UInt8]) throws -> [[UInt8]] {
        var payloads = [[UInt8]](), offset = 24
        while offset + 16 <= pcap.count {
            let length = (0..<4).reduce(0) { $0 | Int(pcap[offset + 8 + $1]) << (8 * $1) }    // incl_len, little-endian
            try #require(offset + 16 + length <= pcap.count && length >= 28, "a record runs past the file")
            payloads.append(Array(pcap[(offset + 16 + 28)..<(offset + 16 + length)]))
            offset += 16 + length
        }
        return payloads
    }

    @Test("a mode's messages: the SIP view shows the very frame sip.pcap holds, headers and SDP line by line",
          arguments: ScenarioName.allCases.filter(\.isMode))
    func modeMessageMatchesTheCapture(name: ScenarioName) throws {
        let model = try #require(Fixtures.model(name))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sip-view-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScenarioExport(timeline: model.timeline, directory: directory, parameterSummary: "toy", sip: true).write()
        let frames = try Self.payloads(Array(try Data(contentsOf: directory.appendingPathComponent("sip.pcap"))))
        try #require(frames.count == 3, "\(name): \(frames.count) frames")
        for (number, step) in model.messageSteps.enumerated() {
            let sent = try #require(model.step(step)?.message)
            guard case .carried(let message, let route, _) = try #require(model.sip[step]) else {
                Issue.record("\(name): \(sent.kind) at step \(step) has no SIP carriage")
                continue
            }
            // The offer is frame 1 (the INVITE), the answer frame 2 (the 200 OK).
            #expect(frames[number] == message.octets, "\(name): \(sent.kind) is not in frame \(number + 1)")
            #expect(route == (number == 0 ? "I → R" : "R → I"), "\(name): \(route)")
            let frame = String(decoding: frames[number], as: UTF8.self)
            let base64 = Data(sent.octets).base64EncodedString()
            #expect(frame.contains("a=key-mgmt:mikey \(base64)\r\n"), "\(name): frame \(number + 1) has not the message sent")
            // Each row's parts at their columns, as the view draws them.
            let rows = InspectorView.sipRows(.carried(message, route: route, notes: []), width: 0).map { row in
                row.parts.reduce(into: "") { line, part in line += String(repeating: " ", count: max(0, part.x - line.count)) + part.text }
            }.filter { !$0.isEmpty }
            let lines = frame.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(Array(rows.dropFirst()) == lines, "\(name): the SIP view of step \(step) is not frame \(number + 1)")
        }
    }

    @Test("MIKEY-SAKKE: the INVITE's view says the 200 OK answers with no key-mgmt line")
    func sakkeOfferAnsweredPlainly() throws {
        let model = try #require(Fixtures.model(.modeSAKKE))
        let offer = try #require(Fixtures.step(.modeSAKKE, .sends(.sakke)))
        let accepted = try #require(model.timeline.steps.first { $0.index > offer && $0.actor == .responder && $0.action == .receive })
        guard case .carried(let invite, _, let notes) = try #require(model.sip[offer]) else {
            Issue.record("the SAKKE message has no SIP carriage")
            return
        }
        #expect(invite.method == "INVITE" && invite.status == nil)
        #expect(notes == ["Step \(accepted.index): 200 (INVITE) R → I answers it with an SDP answer that has no key-mgmt line, "
                          + "as no MIKEY message of this mode answers this one; then ACK (RFC 4567 §4)."])
    }

    @Test("a mode's set-up and end are no SIP traffic: the SIP view says so at those steps", arguments: ScenarioName.allCases.filter(\.isMode))
    func modeStepsOutsideSIP(name: ScenarioName) throws {
        let model = try #require(Fixtures.model(name))
        let steps = model.timeline.steps
        let setUp = steps.filter { $0.phase == .provisioning }, end = steps.filter { $0.action == .leak || $0.index > (model.messageSteps.last ?? 0) && $0.phase != .exchange }
        try #require(!setUp.isEmpty && !end.isEmpty, "\(name) has a set-up and an end")
        for step in setUp {
            guard case .none(let reason) = try #require(model.sipView(at: step.index, inspected: nil)) else {
                Issue.record("\(name) step \(step.index): a SIP carrier before any message")
                continue
            }
            #expect(reason.contains("Step \(step.index) (\(step.title)) is the mode's set-up") && reason.contains("not SIP traffic"),
                    "\(name): \(reason)")
        }
        let last = try #require(model.messageSteps.last)
        for step in end {
            guard case .carried(_, _, let notes) = try #require(model.sipView(at: step.index, inspected: last)) else {
                Issue.record("\(name) step \(step.index): the last message's carrier is gone")
                continue
            }
            let aside = try #require(notes.first)
            #expect(aside.hasPrefix("Step \(step.index) (\(step.title)) comes after the call") && aside.contains("sip.pcap")
                    && aside.hasSuffix("Below: the SIP view of step \(last)'s message."), "\(name): \(aside)")
        }
        // On screen: the first step, before any message, in the SIP view.
        var state = Fixtures.state(name, step: 1)
        state.inspector.mode = .sip
        let text = try Self.inspectorText(state).joined(separator: " ")
        #expect(text.contains("No SIP carriage") && text.contains("set-up"), "\(name): \(text)")
        // An IBAKE run has no such asides: its KMS traffic is a message of its own.
        #expect(try #require(Fixtures.model(.basic)).sipAsides.isEmpty)
    }

    @Test("Down scrolls the SIP view when the inspector has focus, and stops at the end")
    func scroll() throws {
        var state = Fixtures.state(.basic, at: .sends(.iMessage1), size: Size(width: 80, height: 24))
        state.inspector.mode = .sip
        for _ in 0..<8 where state.focus != .inspector { state = Fixtures.send(state, Fixtures.keys(.tab)) }
        try #require(state.focus == .inspector)
        let scrolled = Fixtures.send(state, Array(repeating: .key(.down), count: 100))
        #expect(scrolled.inspector.scroll > 0)
        #expect(try Self.inspectorText(scrolled).joined().contains("a=rtpmap:0 PCMU/8000"), "the last SDP line shows at the end")
    }

    @Test("Down reaches the end of a SIP view whose notes wrap: a cancelled forked copy at 80x24")
    func scrollPastWrappedNotes() throws {
        let model = try #require(Fixtures.model(.forking))
        let answering = try #require(model.timeline.steps(sending: .rMessage1).first?.message?.from)
        let copy = try #require(model.timeline.steps(sending: .iMessage1).first { $0.message?.to != answering })
        var state = Fixtures.state(.forking, step: copy.index, size: Size(width: 80, height: 24))
        state.inspector.mode = .sip
        for _ in 0..<8 where state.focus != .inspector { state = Fixtures.send(state, Fixtures.keys(.tab)) }
        try #require(state.focus == .inspector)
        let scrolled = Fixtures.send(state, Array(repeating: .key(.down), count: 100))
        #expect(try Self.inspectorText(scrolled).joined().contains("a=rtpmap:0 PCMU/8000"), "the last SDP line shows at the end")
    }
}
