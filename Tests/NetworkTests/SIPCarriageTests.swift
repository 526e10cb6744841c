import Foundation
import IBAKE
import IBE
import MIKEY
import Network
import Scenarios
import Testing

/// The SIP dialogue of the scenarios (PROFILE D23): which request or response carries
/// each MIKEY message, what its SDP holds, and that the headers make one coherent dialog.
@Suite struct SIPCarriageTests {
    static func timeline(_ name: ScenarioName) throws -> Timeline {
        try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
    }

    /// The start line of the message that carries each MIKEY message, in timeline order.
    @Test(arguments: [
        (ScenarioName.basic, ["INVITE", "183", "UPDATE", "200"]),
        (.forking, ["INVITE", "INVITE", "INVITE", "183", "UPDATE", "200"]),
        (.retargeting, ["INVITE", "183", "UPDATE", "200"]),
        (.deferred, ["INVITE", "183", "UPDATE", "200"]),
        // Eve's INVITEs around her recording (two, the second refused in a 488), then her 183 after R's.
        (.replay, ["INVITE", "183", "UPDATE", "200", "INVITE", "INVITE", "488", "INVITE", "183", "183"]),
        // MIKEY's other modes: one offer/answer, the responder's message in the 200 OK to the INVITE.
        (.modePSK, ["INVITE", "200"]), (.modePK, ["INVITE", "200"]), (.modeRSAR, ["INVITE", "200"]),
        (.modeDHSign, ["INVITE", "200"]), (.modeDHHMAC, ["INVITE", "200"]), (.modeSAKKE, ["INVITE"]),
    ])
    func eachMessageRidesWhereD23SaysAndInOrder(name: ScenarioName, carriers: [String]) throws {
        let timeline = try Self.timeline(name)
        let dialogue = try SIPCarriage.dialogue(for: timeline)
        let carried = timeline.steps.filter { $0.message.map { SIPCarriage.ridesInSIP($0.kind) } ?? false }
        let carrying = dialogue.filter { $0.carries != nil }
        #expect(carrying.map(\.carries) == carried.map(\.index), "\(name): carried steps out of order")
        #expect(carrying.map { $0.status.map(String.init) ?? $0.method } == carriers, "\(name)")
        for message in carrying {
            let step = try #require(timeline.steps.first { $0.index == message.carries }?.message)
            let data = try #require(message.body?.keyManagementData, "\(name) step \(message.carries ?? 0): no key-mgmt")
            #expect(Data(base64Encoded: data).map(Array.init) == step.octets,
                    "\(name) step \(message.carries ?? 0): the base64 is not the octets the lab sent")
            #expect(message.from == step.from && message.to == step.to, "\(name): \(message.firstLine) goes the wrong way")
        }
    }

    /// The whole dialogue of the basic call, method by method (RFC 3262 PRACK, RFC 3311 UPDATE).
    @Test func basicCallIsOneDialogOfEightMessages() throws {
        let dialogue = try SIPCarriage.dialogue(for: try Self.timeline(.basic))
        #expect(dialogue.map { $0.status.map(String.init) ?? $0.method } == ["INVITE", "183", "PRACK", "200", "UPDATE", "200", "200", "ACK"])
        #expect(dialogue.map { $0.header("CSeq") ?? "" }
                == ["1 INVITE", "1 INVITE", "2 PRACK", "2 PRACK", "3 UPDATE", "3 UPDATE", "1 INVITE", "1 ACK"])
        #expect(Set(dialogue.compactMap { $0.header("Call-ID") }).count == 1, "one call, one Call-ID")
        let responderTag = try #require(dialogue[1].header("To")?.components(separatedBy: ";tag=").last)
        #expect(dialogue.dropFirst().allSatisfy { $0.header("To")?.hasSuffix(";tag=\(responderTag)") == true },
                "every message after the 183 belongs to its early dialog")
        #expect(dialogue[1].header("Require") == "100rel" && dialogue[1].header("RSeq") == "1")
        #expect(dialogue[2].header("RAck") == "1 1 INVITE")
        // Each response answers its request's transaction: the same Via branch.
        #expect(dialogue[3].header("Via") == dialogue[2].header("Via") && dialogue[5].header("Via") == dialogue[4].header("Via"))
    }

    /// A mode's call (PROFILE D22, D23): INVITE with the initiator's message, the 200 OK with
    /// the responder's (MIKEY-SAKKE: a plain answer, once R accepted the offer), ACK; one
    /// Call-ID, the INVITE's transaction answered on its branch, the ACK a request of its own.
    @Test(arguments: ScenarioName.allCases.filter(\.isMode))
    func modeCallIsOneOfferAnswerInTheInviteTransaction(name: ScenarioName) throws {
        let timeline = try Self.timeline(name)
        let dialogue = try SIPCarriage.dialogue(for: timeline)
        #expect(dialogue.map { $0.status.map(String.init) ?? $0.method } == ["INVITE", "200", "ACK"], "\(name)")
        try #require(dialogue.count == 3)
        let (invite, ok, ack) = (dialogue[0], dialogue[1], dialogue[2])
        #expect(dialogue.map { $0.header("CSeq") ?? "" } == ["1 INVITE", "1 INVITE", "1 ACK"], "\(name)")
        #expect(Set(dialogue.compactMap { $0.header("Call-ID") }).count == 1, "\(name): one call, one Call-ID")
        #expect(ok.header("Via") == invite.header("Via") && ack.header("Via") != invite.header("Via"),
                "\(name): the 200 answers the INVITE's transaction, the ACK of a 2xx is a transaction of its own")
        let tag = try #require(ok.header("To")?.components(separatedBy: ";tag=").dropFirst().first, "\(name): no To tag")
        #expect(ack.header("To")?.hasSuffix(";tag=\(tag)") == true && ack.header("From") == invite.header("From"))
        #expect(ok.header("Contact") == "<\(ack.requestURI ?? "")>" && ack.requestURI?.hasPrefix("sip:bob@127.0.0.") == true,
                "\(name): the ACK goes to the 200's Contact: \(ack.firstLine)")
        #expect(invite.from == .initiator && ok.from == .responder && ack.from == .initiator)
        let sent = timeline.steps.compactMap { step in step.message.map { (step, $0) } }
        let offer = try #require(sent.first)
        #expect(SIPCarriage.modeOffers.contains(offer.1.kind) && invite.carries == offer.0.index)
        if let response = sent.dropFirst().first {
            #expect(SIPCarriage.modeAnswers.contains(response.1.kind) && ok.carries == response.0.index && ok.step == response.0.index)
            #expect(ok.body?.keyManagementData == Data(response.1.octets).base64EncodedString())
        } else {
            // No message answers a SAKKE message: the 200's SDP answer has no key-mgmt line, sent where R accepted the offer.
            let accepted = try #require(timeline.steps.first { $0.index > offer.0.index && $0.actor == .responder && $0.action == .receive })
            #expect(ok.carries == nil && ok.body != nil && ok.body?.keyManagementData == nil && ok.step == accepted.index)
            #expect(ok.body?.lines.contains("m=audio \(PacketCapture.rtpPort) RTP/SAVP 0") == true)
        }
        #expect(ack.body == nil && ack.step == ok.step)
    }

    /// Content-Length counts the body's octets, and the octets are the text written.
    /// Every scenario that sends a MIKEY message of the call (all but group).
    static let exported = ScenarioName.allCases.filter { $0 != .group }

    @Test(arguments: exported)
    func contentLengthIsExact(name: ScenarioName) throws {
        for message in try SIPCarriage.dialogue(for: try Self.timeline(name)) {
            let text = String(decoding: message.octets, as: UTF8.self)
            let parts = text.components(separatedBy: "\r\n\r\n")
            try #require(parts.count >= 2, "\(message.firstLine): no empty line after the headers")
            let body = parts.dropFirst().joined(separator: "\r\n\r\n")
            let length = parts[0].components(separatedBy: "\r\n").first { $0.hasPrefix("Content-Length: ") }
            #expect(length == "Content-Length: \(body.utf8.count)", "\(name) \(message.firstLine): \(length ?? "none")")
        }
    }

    /// Forking: one Call-ID and From tag, a proxy branch per copy; only the device that
    /// answers opens an early dialog (RFC 6267 §3, RFC 3261 §16.6).
    @Test func forkedInviteSharesTheCallAndDiffersInTheProxyBranch() throws {
        let timeline = try Self.timeline(.forking)
        let invites = try SIPCarriage.dialogue(for: timeline).filter { $0.method == "INVITE" && $0.status == nil }
        try #require(invites.count == 3)
        #expect(Set(invites.compactMap { $0.header("Call-ID") }).count == 1)
        #expect(Set(invites.compactMap { $0.header("From") }).count == 1)
        #expect(invites.allSatisfy { $0.header("To") == "<sip:bob@ims.example>" })
        let proxyVias = invites.compactMap { $0.header("Via") }
        #expect(proxyVias.allSatisfy { $0.contains(SIPCarriage.proxy) } && Set(proxyVias).count == 3)
        #expect(invites.map(\.firstLine) == timeline.parties.filter { $0.kind == .device }.map { "INVITE \($0.identity ?? "") SIP/2.0" })
    }

    /// Once D2's call is answered (the 200 OK to its INVITE, R_MESSAGE_2's step), the proxy
    /// cancels the copies D1 and D3 never answered: CANCEL, 200, 487, ACK on each copy's
    /// transaction (RFC 3261 §9.1, §9.2, §16.7, §17.1.1.3).
    @Test func unansweredForkedCopiesAreCancelledWhenTheCallIsAnswered() throws {
        let timeline = try Self.timeline(.forking)
        let dialogue = try SIPCarriage.dialogue(for: timeline)
        let invites = dialogue.filter { $0.status == nil && $0.method == "INVITE" }
        let answered = try #require(timeline.steps(sending: .rMessage1).first?.message?.from)
        let taken = try #require(timeline.steps(sending: .rMessage2).first?.index)
        let ack = try #require(dialogue.lastIndex { $0.method == "ACK" && $0.to == answered }, "no ACK of the 200 OK")
        #expect(SIPCarriage.cancellation(of: try #require(invites.first { $0.to == answered }), in: dialogue).isEmpty)
        var ended = [PartyID]()
        for invite in invites where invite.to != answered {
            let ending = SIPCarriage.cancellation(of: invite, in: dialogue)
            #expect(ending.map { $0.status.map { "\($0) \($0 == 487 ? "INVITE" : "CANCEL")" } ?? $0.method }
                    == ["CANCEL", "200 CANCEL", "487 INVITE", "ACK"], "\(invite.firstLine)")
            try #require(ending.count == 4)
            let (cancel, ok, terminated, ackOf487) = (ending[0], ending[1], ending[2], ending[3])
            #expect(cancel.firstLine == "CANCEL \(invite.requestURI ?? "") SIP/2.0")
            for name in ["Call-ID", "From", "To"] { #expect(cancel.header(name) == invite.header(name), "CANCEL's \(name)") }
            #expect(cancel.header("CSeq") == "1 CANCEL" && invite.header("CSeq") == "1 INVITE")
            #expect(cancel.headers.filter { $0.name == "Via" }.map(\.value) == [invite.header("Via")], "one Via, the INVITE's top one")
            #expect(ok.header("CSeq") == "1 CANCEL" && ok.header("Via") == invite.header("Via") && ok.from == invite.to)
            #expect(terminated.header("CSeq") == "1 INVITE" && terminated.from == invite.to && terminated.to == invite.from)
            #expect(terminated.headers.filter { $0.name == "Via" } == invite.headers.filter { $0.name == "Via" })
            let tag = try #require(terminated.header("To")?.components(separatedBy: ";tag=").dropFirst().first)
            #expect(ok.header("To")?.hasSuffix(";tag=\(tag)") == true)
            #expect(ackOf487.header("CSeq") == "1 ACK" && ackOf487.header("To") == terminated.header("To")
                    && ackOf487.headers.filter { $0.name == "Via" }.map(\.value) == [invite.header("Via")])
            #expect(ending.allSatisfy { $0.step == taken }, "at step \(taken), where the call is answered")
            #expect(ending.allSatisfy { message in (dialogue.firstIndex { $0 == message } ?? 0) > ack }, "after the answered call's ACK")
            ended.append(invite.to)
        }
        #expect(ended.count == 2 && !ended.contains(answered))
        #expect(dialogue.filter { $0.method == "CANCEL" && $0.status == nil }.count == 2)
    }

    /// Replay: R's 183 of the second call is kept from I (no PRACK follows it); Eve's 183 has
    /// its headers, so it lands in I's INVITE transaction, with the first call's R_MESSAGE_1
    /// in its SDP (PROFILE D23).
    @Test func replayedAnswerRidesInTheKeptResponsesTransaction() throws {
        let timeline = try Self.timeline(.replay)
        let dialogue = try SIPCarriage.dialogue(for: timeline)
        let responses = timeline.steps(sending: .rMessage1)
        try #require(responses.count == 3)
        let (first, kept, replayed) = (responses[0], responses[1], responses[2])
        #expect(replayed.message?.from == .eve && replayed.message?.octets == first.message?.octets)
        let real = try #require(SIPCarriage.carrier(of: kept.index, in: dialogue))
        let copy = try #require(SIPCarriage.carrier(of: replayed.index, in: dialogue))
        #expect(real.status == 183 && copy.status == 183)
        #expect(copy.headers == real.headers, "Eve's 183 copies the kept 183's headers")
        #expect(copy.from == .eve && copy.to == .initiator)
        #expect(copy.body?.keyManagementData == first.message.map { Data($0.octets).base64EncodedString() })
        #expect(copy.body?.keyManagementData != real.body?.keyManagementData)
        let after = dialogue.drop { $0 != real }.dropFirst()
        #expect(!after.contains { $0.method == "PRACK" }, "I receives no 183 it answers: \(after.map(\.firstLine))")
    }

    /// Retargeting and the mailbox: To keeps the intended identity, the Request-URI and
    /// P-Asserted-Identity name the one that answers.
    @Test(arguments: [(ScenarioName.retargeting, "sip:carol@ims.example"), (.deferred, "sip:voicemail@ims.example")])
    func retargetedCallShowsWhoAnswers(name: ScenarioName, answerer: String) throws {
        let dialogue = try SIPCarriage.dialogue(for: try Self.timeline(name))
        let invite = try #require(dialogue.first)
        #expect(invite.firstLine == "INVITE \(answerer) SIP/2.0" && invite.header("To") == "<sip:bob@ims.example>")
        let progress = try #require(dialogue.first { $0.status == 183 })
        #expect(progress.header("P-Asserted-Identity") == "<\(answerer)>")
    }

    /// REQUEST_KEY, SRTP and the lab's records have no carrier; group's records give no dialogue at all.
    @Test func messagesOutsideTheMappingHaveNoCarrier() throws {
        let timeline = try Self.timeline(.deferred)
        let dialogue = try SIPCarriage.dialogue(for: timeline)
        for step in timeline.steps {
            guard let message = step.message, !SIPCarriage.ridesInSIP(message.kind) else { continue }
            #expect(SIPCarriage.carrier(of: step.index, in: dialogue) == nil, "\(message.kind) at step \(step.index)")
        }
        #expect(try SIPCarriage.dialogue(for: try Self.timeline(.group)).isEmpty)
    }

    /// A refused message's Error rides in a 488 to the request that carried it.
    @Test func errorRidesInA488() throws {
        let timeline = try Self.timeline(.tamper)
        let dialogue = try SIPCarriage.dialogue(for: timeline)
        let errors = timeline.steps.filter { $0.message?.kind == .error }
        try #require(!errors.isEmpty)
        for step in errors {
            let carrier = try #require(SIPCarriage.carrier(of: step.index, in: dialogue))
            #expect(carrier.status == 488, "\(carrier.firstLine)")
        }
    }
}
