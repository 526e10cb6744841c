import IBAKE
import MIKEY
import Scenarios

// How `SIPCarriage.dialogue(for:)` writes the SIP messages: one `Call` per INVITE, and the
// builder that walks the timeline's messages (PROFILE D23).

/// One INVITE from a caller to a callee and the dialog it opens (RFC 3261 §12).
private struct Call {
    enum State { case invited, early, updating(cseq: Int, via: String), confirmed, ended }

    let callID: String
    let caller: PartyID
    let callee: PartyID
    let fromURI: String
    let fromTag: String
    let toURI: String
    let requestURI: String
    /// The INVITE's Via fields as the callee received them; responses copy them (RFC 3261 §8.2.6.2).
    let inviteVias: [String]
    /// The I_MESSAGE_1 it offered, to tell a forked copy from a new call.
    let offered: [UInt8]
    let sessionID: UInt64
    /// It offers another MIKEY mode's message (PROFILE D22): one offer/answer, the answer in the 200 OK.
    let oneRoundTrip: Bool
    var toTag: String?
    var callerCSeq = 1
    var callerVersion = 1
    var calleeVersion = 0
    var state = State.invited

    /// The dialog's From and To (RFC 3261 §8.1.1.2-3): the caller's tag, and the callee's
    /// once it answered.
    var fromHeader: SIPMessage.Header { .init("From", "<\(fromURI)>;tag=\(fromTag)") }
    var toHeader: SIPMessage.Header { .init("To", "<\(toURI)>" + (toTag.map { ";tag=\($0)" } ?? "")) }
}

/// Walks the timeline's messages and writes the SIP messages for each (PROFILE D23).
struct DialogueBuilder {
    let timeline: Timeline
    private(set) var messages: [SIPMessage] = []
    private var calls: [Call] = []
    private var branches = 0

    init(timeline: Timeline) { self.timeline = timeline }

    mutating func add(_ message: WireMessage, at step: Int) throws {
        if SIPCarriage.elsewhere(message.kind) != nil { return }    // to the KMS over UDP, or a record of the lab's own
        switch message.kind {
        case .iMessage1: try invite(message, step)
        case .rMessage1: try sessionProgress(message, step)
        case .iMessage2: try update(message, step)
        case .rMessage2: try updateAnswer(message, step)
        case .error: try refusal(message, step)
        case let kind where SIPCarriage.modeOffers.contains(kind): try invite(message, step)
        case let kind where SIPCarriage.modeAnswers.contains(kind): try modeAnswer(message, step)
        default:
            throw SIPCarriageError(step: step, "\"\(message.kind)\" has no place in PROFILE D23's mapping onto SIP")
        }
    }

    /// A step with no message: where the callee of a mode whose exchange has no responder's
    /// message (MIKEY-SAKKE) accepted the offer, it answers the INVITE with a plain SDP
    /// answer in the 200 OK, then the ACK (RFC 3261 §13.3.1.4, RFC 4567 §4; PROFILE D23).
    mutating func accept(_ step: Step) {
        guard step.action == .receive,
              let index = calls.lastIndex(where: { $0.oneRoundTrip && $0.callee == step.actor }),
              case .invited = calls[index].state else { return }
        let callee = step.actor, caller = calls[index].caller
        let answerFollows = timeline.steps.contains { later in
            later.index > step.index && later.message.map {
                SIPCarriage.modeAnswers.contains($0.kind) && $0.from == callee && $0.to == caller
            } ?? false
        }
        if !answerFollows { answerInvite(index, with: nil, carries: nil, step.index) }
    }

    // MARK: - The four messages and Error

    /// I_MESSAGE_1 in the INVITE's offer (RFC 6267 §4.2.2.1; PROFILE D23).
    private mutating func invite(_ message: WireMessage, _ step: Int) throws {
        let decoded: MIKEYMessage
        do { decoded = try MIKEYMessage(decoding: message.octets) } catch {
            throw SIPCarriageError(step: step, "\(message.kind) does not decode (\(error)); its identities name the INVITE's From and To")
        }
        guard let fromURI = decoded.identity(.initiator)?.text ?? identity(message.from),
              let toURI = decoded.identity(.responder)?.text ?? identity(message.to) else {
            throw SIPCarriageError(step: step, "\(message.kind) has no initiator's or responder's identity and its parties none: the INVITE needs From and To URIs")
        }
        // The same I_MESSAGE_1 from the same caller while the first copy is unanswered: the proxy forked it.
        let fork = calls.last { $0.caller == message.from && $0.offered == message.octets && $0.callee != message.to }
            .flatMap { call -> Call? in if case .invited = call.state { call } else { nil } }
        let requestURI = identity(message.to) ?? toURI
        let proxied = fork != nil || requestURI != toURI
        let callID = fork?.callID ?? "mikey-\(decoded.header.csbID)-\(calls.count + 1)@\(host(message.from))"
        let callerVia = fork?.inviteVias.last ?? via(message.from)
        let vias = proxied ? ["SIP/2.0/UDP \(SIPCarriage.proxy);branch=\(nextBranch())", callerVia] : [callerVia]
        let fromTag = fork?.fromTag ?? tag(message.from)
        let call = Call(callID: callID, caller: message.from, callee: message.to, fromURI: fromURI, fromTag: fromTag,
                        toURI: toURI, requestURI: requestURI, inviteVias: vias, offered: message.octets,
                        sessionID: UInt64(decoded.header.csbID), oneRoundTrip: message.kind != .iMessage1)
        calls.append(call)
        var headers = vias.map { SIPMessage.Header("Via", $0) }
        headers += [
            .init("Max-Forwards", proxied ? "69" : "70"),
            call.fromHeader,
            call.toHeader,
            .init("Call-ID", callID),
            .init("CSeq", "1 INVITE"),
            .init("Contact", contact(message.from)),
            .init("Allow", "INVITE, ACK, CANCEL, BYE, PRACK, UPDATE"),
            .init("Supported", "100rel"),
        ]
        messages.append(SIPMessage(.request(method: "INVITE", uri: requestURI), headers: headers,
                                   body: sdp(message, sessionID: call.sessionID, version: 1),
                                   from: message.from, to: message.to, carries: step, step: step))
    }

    /// R_MESSAGE_1 in a reliable 183's answer, then PRACK and its 200 (RFC 6267 §4.2.2.3, RFC 3262).
    private mutating func sessionProgress(_ message: WireMessage, _ step: Int) throws {
        let unanswered: (Call.State) -> Bool = { if case .invited = $0 { true } else { false } }
        if marks(step).contains(.replayed), !calls.contains(where: { $0.caller == message.to && $0.callee == message.from }) {
            return try injectedProgress(message, step, index: try open(caller: message.to, step, message.kind, unanswered))
        }
        let index = try open(from: message.to, to: message.from, step, message.kind, unanswered)
        calls[index].toTag = tag(message.from)
        calls[index].calleeVersion += 1
        let call = calls[index]
        messages.append(SIPMessage(.response(status: 183, reason: "Session Progress"), headers: progressHeaders(call),
                                   body: sdp(message, sessionID: call.sessionID, version: call.calleeVersion),
                                   from: message.from, to: message.to, carries: step, step: step))
        // Kept from the caller on the way (an attacker dropped it): nothing answers it, the INVITE stays unanswered.
        if marks(step).contains(.dropped) { return }
        calls[index].callerCSeq += 1
        let prack = inDialog(calls[index], method: "PRACK", extra: [.init("RAck", "1 1 INVITE")])
        messages.append(SIPMessage(.request(method: "PRACK", uri: contactURI(call.callee)), headers: prack.headers,
                                   from: call.caller, to: call.callee, step: step))
        messages.append(SIPMessage(.response(status: 200, reason: "OK"),
                                   headers: response(calls[index], cseq: "\(calls[index].callerCSeq) PRACK", vias: [prack.via]),
                                   from: call.callee, to: call.caller, step: step))
        calls[index].state = .early
    }

    /// A replayed R_MESSAGE_1 from an attacker on the path (the replay scenario): a 183 in
    /// the caller's pending INVITE transaction, the headers of the callee's own 183 (which
    /// the attacker kept from the caller) around the recorded message; a 183 of another call
    /// would match no transaction of the caller's (RFC 3261 §17.1.3) and never reach MIKEY.
    /// The caller refuses the message it carries, so no PRACK follows (PROFILE D23).
    private mutating func injectedProgress(_ message: WireMessage, _ step: Int, index: Int) throws {
        if calls[index].toTag == nil { calls[index].toTag = tag(calls[index].callee) }
        let call = calls[index]
        // The callee's SDP as the attacker kept it, the recorded message in its key-mgmt line.
        let body = sdp(message.octets, from: call.callee, sessionID: call.sessionID, version: max(call.calleeVersion, 1))
        messages.append(SIPMessage(.response(status: 183, reason: "Session Progress"), headers: progressHeaders(call),
                                   body: body, from: message.from, to: message.to, carries: step, step: step))
    }

    /// A reliable 183's headers (RFC 3262 §3), its sender named in P-Asserted-Identity (RFC 3325).
    private func progressHeaders(_ call: Call) -> [SIPMessage.Header] {
        var headers = response(call, cseq: "1 INVITE", vias: call.inviteVias)
        headers += [
            .init("Contact", contact(call.callee)),
            .init("Require", "100rel"),
            .init("RSeq", "1"),
        ]
        if let asserted = identity(call.callee) { headers.append(.init("P-Asserted-Identity", "<\(asserted)>")) }
        return headers
    }

    /// I_MESSAGE_2 in an UPDATE's offer in the early dialog (RFC 6267 §4.2.2.5, RFC 3311).
    private mutating func update(_ message: WireMessage, _ step: Int) throws {
        let index = try open(from: message.from, to: message.to, step, message.kind) {
            if case .early = $0 { true } else { false }
        }
        calls[index].callerCSeq += 1
        calls[index].callerVersion += 1
        let call = calls[index]
        let request = inDialog(call, method: "UPDATE", extra: [.init("Contact", contact(message.from))])
        messages.append(SIPMessage(.request(method: "UPDATE", uri: contactURI(call.callee)), headers: request.headers,
                                   body: sdp(message, sessionID: call.sessionID, version: call.callerVersion),
                                   from: message.from, to: message.to, carries: step, step: step))
        calls[index].state = .updating(cseq: call.callerCSeq, via: request.via)
    }

    /// R_MESSAGE_2 in the 200 OK to the UPDATE; then the 200 OK to the INVITE and the
    /// ACK (RFC 6267 §4.2.2.7, RFC 3261 §13.3.1.4 and §17.1.1.3).
    private mutating func updateAnswer(_ message: WireMessage, _ step: Int) throws {
        let index = try open(from: message.to, to: message.from, step, message.kind) {
            if case .updating = $0 { true } else { false }
        }
        guard case .updating(let cseq, let via) = calls[index].state else { return }
        calls[index].calleeVersion += 1
        let call = calls[index]
        messages.append(SIPMessage(.response(status: 200, reason: "OK"),
                                   headers: response(call, cseq: "\(cseq) UPDATE", vias: [via])
                                       + [.init("Contact", contact(message.from))],
                                   body: sdp(message, sessionID: call.sessionID, version: call.calleeVersion),
                                   from: message.from, to: message.to, carries: step, step: step))
        // The offer and answer are done (in the 183 and the UPDATE): the 2xx has no body (RFC 3262 §5).
        confirm(index, body: nil, carries: nil, step)
        // The call is answered: the forking proxy ends the copies no device answered (RFC 3261 §16.7 step 10).
        for other in calls.indices where calls[other].callID == call.callID && other != index {
            if case .invited = calls[other].state { cancel(other, step) }
        }
    }

    /// The responder's message of another MIKEY mode in the answer of the 200 OK to the
    /// INVITE, then the ACK (RFC 4567 §4, RFC 3830 §3; PROFILE D23).
    private mutating func modeAnswer(_ message: WireMessage, _ step: Int) throws {
        let index = try open(from: message.to, to: message.from, step, message.kind) {
            if case .invited = $0 { true } else { false }
        }
        answerInvite(index, with: message.octets, carries: step, step)
    }

    /// The callee's 200 OK to a mode's INVITE, its SDP answer carrying `mikey` (none: a
    /// plain answer), then the ACK.
    private mutating func answerInvite(_ index: Int, with mikey: [UInt8]?, carries: Int?, _ step: Int) {
        if calls[index].toTag == nil { calls[index].toTag = tag(calls[index].callee) }
        calls[index].calleeVersion += 1
        let call = calls[index]
        confirm(index, body: sdp(mikey, from: call.callee, sessionID: call.sessionID, version: call.calleeVersion),
                carries: carries, step)
    }

    /// The 200 OK to the INVITE (with `body`, the answer, if the offer/answer is not done
    /// yet) and the ACK of it on a branch of its own: the dialog is confirmed (RFC 3261 §13.3.1.4, §17.1.1.3).
    private mutating func confirm(_ index: Int, body: SessionDescription?, carries: Int?, _ step: Int) {
        let call = calls[index]
        messages.append(SIPMessage(.response(status: 200, reason: "OK"),
                                   headers: response(call, cseq: "1 INVITE", vias: call.inviteVias)
                                       + [.init("Contact", contact(call.callee))],
                                   body: body, from: call.callee, to: call.caller, carries: carries, step: step))
        let ack = inDialog(call, method: "ACK", cseq: "1 ACK")
        messages.append(SIPMessage(.request(method: "ACK", uri: contactURI(call.callee)), headers: ack.headers,
                                   from: call.caller, to: call.callee, step: step))
        calls[index].state = .confirmed
    }

    /// The proxy's CANCEL of an unanswered forked INVITE, its 200, the INVITE's 487 Request
    /// Terminated and the ACK of that 487 (RFC 3261 §9.1, §9.2, §17.1.1.3). The proxy is not a
    /// host of the capture: its CANCEL and ACK leave the caller's host, as its INVITE copies did.
    private mutating func cancel(_ index: Int, _ step: Int) {
        let unanswered = calls[index]
        let top = Array(unanswered.inviteVias.prefix(1))
        // The CANCEL matches the INVITE: Request-URI, Call-ID, From, To (no tag), the CSeq number, the top Via (§9.1).
        let request = top.map { SIPMessage.Header("Via", $0) } + [
            .init("Max-Forwards", "70"), unanswered.fromHeader, unanswered.toHeader,
            .init("Call-ID", unanswered.callID), .init("CSeq", "1 CANCEL"),
        ]
        messages.append(SIPMessage(.request(method: "CANCEL", uri: unanswered.requestURI), headers: request,
                                   from: unanswered.caller, to: unanswered.callee, step: step))
        calls[index].toTag = tag(unanswered.callee)
        let call = calls[index]
        messages.append(SIPMessage(.response(status: 200, reason: "OK"), headers: response(call, cseq: "1 CANCEL", vias: top),
                                   from: call.callee, to: call.caller, step: step))
        messages.append(SIPMessage(.response(status: 487, reason: "Request Terminated"),
                                   headers: response(call, cseq: "1 INVITE", vias: call.inviteVias),
                                   from: call.callee, to: call.caller, step: step))
        messages.append(SIPMessage(.request(method: "ACK", uri: call.requestURI), headers: failureACK(call),
                                   from: call.caller, to: call.callee, step: step))
        calls[index].state = .ended
    }

    /// An Error message in a 488 to the request that carried the refused message
    /// (RFC 3830 §5.1.2, PROFILE D18); an INVITE's 488 is acknowledged (RFC 3261 §17.1.1.3).
    private mutating func refusal(_ message: WireMessage, _ step: Int) throws {
        let index = try open(from: message.to, to: message.from, step, message.kind) {
            switch $0 {
            case .invited, .updating: true
            default: false
            }
        }
        var call = calls[index]
        if call.toTag == nil { call.toTag = tag(message.from) }
        call.calleeVersion += 1
        let body = sdp(message, sessionID: call.sessionID, version: call.calleeVersion)
        let reason = SIPMessage.StartLine.response(status: 488, reason: "Not Acceptable Here")
        let warning = SIPMessage.Header("Warning", "399 \(host(message.from)) \"MIKEY Error message in the SDP\"")
        if case .updating(let cseq, let via) = call.state {
            messages.append(SIPMessage(reason, headers: response(call, cseq: "\(cseq) UPDATE", vias: [via]) + [warning],
                                       body: body, from: message.from, to: message.to, carries: step, step: step))
            call.state = .early    // a refused UPDATE leaves the session as it was (RFC 3311 §5.2)
        } else {
            messages.append(SIPMessage(reason, headers: response(call, cseq: "1 INVITE", vias: call.inviteVias) + [warning],
                                       body: body, from: message.from, to: message.to, carries: step, step: step))
            messages.append(SIPMessage(.request(method: "ACK", uri: call.requestURI), headers: failureACK(call),
                                       from: call.caller, to: call.callee, step: step))
            call.state = .ended
        }
        calls[index] = call
    }

    // MARK: - Dialog helpers

    /// The ACK of the INVITE's non-2xx final response (488, 487): part of the INVITE's
    /// transaction, so one Via, the INVITE's top one, and the same CSeq number (RFC 3261 §17.1.1.3).
    private func failureACK(_ call: Call) -> [SIPMessage.Header] {
        call.inviteVias.prefix(1).map { SIPMessage.Header("Via", $0) } + [
            .init("Max-Forwards", "70"), call.fromHeader, call.toHeader,
            .init("Call-ID", call.callID), .init("CSeq", "1 ACK"),
        ]
    }

    /// What an attacker did to the message of `step` (dropped, replayed), from the timeline's ledgers.
    private func marks(_ step: Int) -> [WireMark] { timeline.marks(ofMessageAt: step, through: timeline.steps.count) }

    /// The latest call from `caller` (to anyone) in a state `accepts` admits: the call an
    /// attacker's injected response lands in.
    private func open(caller: PartyID, _ step: Int, _ kind: MessageKind, _ accepts: (Call.State) -> Bool) throws -> Int {
        guard let index = calls.lastIndex(where: { $0.caller == caller }), accepts(calls[index].state) else {
            throw SIPCarriageError(step: step, "\(kind) is replayed to \(timeline.tag(caller)) with no INVITE of \(timeline.tag(caller))'s awaiting an answer to ride in (PROFILE D23)")
        }
        return index
    }

    /// The latest call from `caller` to `callee` in a state `accepts` admits, or an error
    /// that says which message had nothing to answer.
    private func open(from caller: PartyID, to callee: PartyID, _ step: Int, _ kind: MessageKind,
                      _ accepts: (Call.State) -> Bool) throws -> Int {
        guard let index = calls.lastIndex(where: { $0.caller == caller && $0.callee == callee }), accepts(calls[index].state) else {
            throw SIPCarriageError(step: step, "\(kind) from \(timeline.tag(callee)) to \(timeline.tag(caller)) has no SIP transaction to ride in: PROFILE D23 expects it after \(expected(kind)) from \(timeline.tag(caller)) to \(timeline.tag(callee))")
        }
        return index
    }

    private func expected(_ kind: MessageKind) -> String {
        switch kind {
        case .rMessage1: "an unanswered INVITE (I_MESSAGE_1)"
        case .iMessage2: "a 183 (R_MESSAGE_1)"
        case .rMessage2: "an UPDATE (I_MESSAGE_2)"
        default: "an INVITE or an UPDATE awaiting its answer"
        }
    }

    /// A response's Via, From, To (with the callee's tag), Call-ID and CSeq.
    private func response(_ call: Call, cseq: String, vias: [String]) -> [SIPMessage.Header] {
        vias.map { SIPMessage.Header("Via", $0) } + [
            call.fromHeader,
            call.toHeader,
            .init("Call-ID", call.callID),
            .init("CSeq", cseq),
        ]
    }

    /// A request of the caller inside the dialog: a new branch, the next CSeq (or `cseq`).
    private mutating func inDialog(_ call: Call, method: String, cseq: String? = nil,
                                   extra: [SIPMessage.Header] = []) -> (headers: [SIPMessage.Header], via: String) {
        let via = via(call.caller)
        let headers: [SIPMessage.Header] = [
            .init("Via", via), .init("Max-Forwards", "70"),
            call.fromHeader,
            call.toHeader,
            .init("Call-ID", call.callID),
            .init("CSeq", cseq ?? "\(call.callerCSeq) \(method)"),
        ] + extra
        return (headers, via)
    }

    private mutating func via(_ party: PartyID) -> String {
        "SIP/2.0/UDP \(host(party)):\(SIPCarriage.port);branch=\(nextBranch())"
    }

    /// A branch starting with RFC 3261's magic cookie (§8.1.1.7), counted so runs repeat.
    private mutating func nextBranch() -> String {
        branches += 1
        return "z9hG4bK-mikey-\(branches)"
    }

    private func sdp(_ message: WireMessage, sessionID: UInt64, version: Int) -> SessionDescription {
        sdp(message.octets, from: message.from, sessionID: sessionID, version: version)
    }

    /// The SDP `sender` writes around `mikey`: its host, the caller's RTP port or the callee's.
    private func sdp(_ mikey: [UInt8]?, from sender: PartyID, sessionID: UInt64, version: Int) -> SessionDescription {
        let caller = calls.contains { $0.caller == sender }
        return SessionDescription(address: host(sender), port: caller ? PacketCapture.rtpSourcePort : PacketCapture.rtpPort,
                                  sessionID: sessionID, version: version, mikey: mikey)
    }

    private func identity(_ party: PartyID) -> String? { timeline.party(party)?.identity }

    private func host(_ party: PartyID) -> String {
        SIPCarriage.address(of: party, in: timeline).map(String.init).joined(separator: ".")
    }

    /// The user's address at its host (`sip:alice@127.0.0.1:5060`), where in-dialog requests go.
    private func contactURI(_ party: PartyID) -> String {
        let user = identity(party).flatMap { $0.split(separator: ":").last?.split(separator: "@").first }.map(String.init)
            ?? timeline.tag(party).lowercased()
        return "sip:\(user)@\(host(party)):\(SIPCarriage.port)"
    }

    private func contact(_ party: PartyID) -> String { "<\(contactURI(party))>" }

    /// A party's dialog tag (RFC 3261 §19.3): its short tag, so a forked call's early dialogs differ.
    private func tag(_ party: PartyID) -> String { "\(timeline.tag(party).lowercased())-\(calls.count)" }
}
