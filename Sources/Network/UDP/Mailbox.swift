import NIOCore
import Primitives

/// What a mailbox phone keeps for the users it answers for (RFC 6267 §3.3, §7.5; PROFILE
/// D12): for each call, the ESK of I_MESSAGE_2, which it cannot open, and the content the
/// caller sends after the keys, which it cannot read; both go to the user who asks, in
/// memory for as long as the mailbox runs. A phone that is no mailbox has one that
/// `keeps` nothing: it declines content at once, so the caller need not wait for an answer.
struct Mailbox {
    /// One deposit: who left it (the caller the mailbox authenticated), the ESK, the content.
    struct Held: Equatable {
        let caller: String
        let esk: [UInt8]
        let content: [UInt8]
    }

    /// A call whose keys are agreed and whose content has not come yet.
    private struct Awaiting {
        let esk: [UInt8]
        let user: String
        let caller: String
        let from: SocketAddress
    }

    /// Whether this phone is a mailbox (`net phone --mailbox`).
    let keeps: Bool
    private var awaiting = [UInt32: Awaiting]()
    /// Calls whose content is kept, by the caller's address (to answer a deposit sent again).
    private var kept = [UInt32: SocketAddress]()
    private(set) var held = [String: [Held]]()

    init(keeps: Bool) {
        self.keeps = keeps
    }
    /// The call `csbID` from `caller` at `from` carried `esk` for `user`; its content follows.
    mutating func expect(_ csbID: UInt32, esk: [UInt8], for user: String, caller: String, from: SocketAddress) {
        awaiting[csbID] = Awaiting(esk: esk, user: user, caller: caller, from: from)
    }

    /// The records that answer `record` from `sender`, and what to log.
    mutating func answer(_ record: CallRecord, from sender: SocketAddress) -> (replies: [CallRecord], event: NetEvent?) {
        if !keeps, case .deposit(let csbID, _) = record {
            return ([.declined(csbID: csbID)], Self.notAMailbox(sender))
        }
        if !keeps, case .pickup = record { return ([], Self.notAMailbox(sender)) }
        switch record {
        case .deposit(let csbID, let content):
            if let call = awaiting[csbID], call.from == sender {
                awaiting[csbID] = nil
                kept[csbID] = sender
                held[call.user, default: []].append(Held(caller: call.caller, esk: call.esk, content: content))
                return ([.kept(csbID: csbID)], NetEvent("content-kept", [("csb_id", Hex.word(csbID)), ("for", call.user),
                                                                         ("caller", call.caller), ("octets", "\(content.count)")]))
            }
            // Sent again: the caller did not hear that it was kept.
            if kept[csbID] == sender { return ([.kept(csbID: csbID)], nil) }
            return ([.declined(csbID: csbID)], NetEvent("dropped", [("from", sender.hostAndPort), ("csb_id", Hex.word(csbID)),
                                                                    ("reason", "content for no call of this mailbox that left an ESK")]))
        case .pickup(let user):
            let items = held[user] ?? []
            let replies: [CallRecord] = items.isEmpty ? [.held(index: 0, count: 0, caller: "", esk: [], content: [])]
                : items.enumerated().map { .held(index: $0.offset + 1, count: items.count, caller: $0.element.caller,
                                                 esk: $0.element.esk, content: $0.element.content) }
            return (replies, NetEvent("picked-up", [("identity", user), ("held", "\(items.count)"), ("to", sender.hostAndPort)]))
        case .taken, .kept, .declined, .held:
            return ([], nil)
        }
    }

    private static func notAMailbox(_ sender: SocketAddress) -> NetEvent {
        NetEvent("dropped", [("from", sender.hostAndPort), ("reason", "a lab record for a mailbox; this phone is not one")])
    }
}
