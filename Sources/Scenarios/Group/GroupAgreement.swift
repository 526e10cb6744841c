import IBAKE
import IBE
import MIKEY
import Primitives

/// A conference member as an agreement sees it: its party, its number in frames (1 for
/// member-1, ...), and the private key that opens what is encrypted to it.
struct GroupMember {
    let party: Party
    let number: UInt8
    let key: KeyRing.Entry
}

/// One Burmester-Desmedt agreement played on the stage (PROFILE D14): round 1 (z to the
/// two ring neighbours), round 2 (X to every other member), then each member's key.
/// Every value travels to the server as IBE ciphertexts, one per recipient, and the
/// server relays them. The math is in ``BurmesterDesmedt``, the frames in ``GroupFrame``,
/// the members' reading and key steps in `GroupAgreement+Keys.swift`.
///
/// The IBE work of a round runs on all cores (`concurrentMap`, ConcurrentMap.swift); the
/// steps are still recorded one after another, as they happen on the wire.
final class GroupAgreement {
    let stage: Stage
    let server: Party
    /// 1 for the first agreement, 2 after the join, 3 after the leave.
    let number: UInt8
    /// Members in ring order.
    let ring: [GroupMember]
    /// Group keys of the agreements before this one, to say whether the key changed.
    let earlier: [[UInt8]]

    init(on stage: Stage, server: Party, number: UInt8, ring: [GroupMember], earlier: [[UInt8]]) {
        self.stage = stage
        self.server = server
        self.number = number
        self.ring = ring
        self.earlier = earlier
    }

    var n: Int { ring.count }
    func next(_ i: Int) -> Int { (i + 1) % n }
    func previous(_ i: Int) -> Int { (i + n - 1) % n }
    func tag(_ i: Int) -> String { ring[i].party.tag }

    /// Runs both rounds and the key computation; returns each member's group_key by party id.
    func run() throws -> [PartyID: [UInt8]] {
        let random = stage.env.random
        let contributions = try ring.indices.map { _ in try BurmesterDesmedt.contribute(using: random) }
        let firstUploads = seal(round: 1, contributions.map(\.z)) { [self.previous($0), self.next($0)] }
        for i in ring.indices { announceRoundOne(i, firstUploads[i]) }
        let zs = try relay(round: 1, firstUploads)

        let crosses = try ring.indices.map { i in
            try BurmesterDesmedt.crossValue(contributions[i], next: try zs[i].point(ring[next(i)].number),
                                            previous: try zs[i].point(ring[previous(i)].number))
        }
        let secondUploads = seal(round: 2, crosses) { i in self.ring.indices.filter { $0 != i } }
        for i in ring.indices { announceRoundTwo(i, secondUploads[i]) }
        let xs = try relay(round: 2, secondUploads)

        var keys = [PartyID: [UInt8]]()
        for i in ring.indices {
            // X_i, X_{i+1}, ..., X_{i+n-2}: the member's own, then the others' from round 2.
            let ordered = try [crosses[i]] + (1..<(n - 1)).map { j in try xs[i].point(ring[(i + j) % n].number) }
            keys[ring[i].party.id] = try computeKey(i, contributions[i], previous: try zs[i].point(ring[previous(i)].number),
                                                    crossValues: ordered, last: try xs[i].point(ring[previous(i)].number),
                                                    keys: keys)
        }
        return keys
    }

    // MARK: Rounds

    private func announceRoundOne(_ i: Int, _ entries: [GroupFrame.Entry]) {
        let (k, before, after) = (ring[i].number, tag(previous(i)), tag(next(i)))
        upload(i, GroupFrame(round: 1, agreement: number, entries: entries),
               computes: "\(tag(i)) picks r\(k), computes z\(k) = r\(k)·P",
               narration: "\(tag(i)) picks a secret r\(k) at random and computes z\(k) = r\(k)·P on P-256. r\(k) never leaves \(tag(i)); z\(k) is needed only by its ring neighbours \(before) and \(after).",
               sending: "\(tag(i)) sends z\(k) to the conference server, IBE-encrypted once to \(before)'s identity and once to \(after)'s (Boneh-Franklin, PROFILE D1, D2). Round 2 needs only the neighbours' z, so only they get it. The frame is the scenario's own (\"BD\", round, agreement, then sender, recipient and ciphertext per entry): RFC 6267 defines no group message, so no MIKEY data type is invented for one.")
    }

    private func announceRoundTwo(_ i: Int, _ entries: [GroupFrame.Entry]) {
        let (k, a, b) = (ring[i].number, ring[next(i)].number, ring[previous(i)].number)
        upload(i, GroupFrame(round: 2, agreement: number, entries: entries),
               computes: "\(tag(i)) computes X\(k) = r\(k)·(z\(a) − z\(b))",
               narration: "\(tag(i)) computes X\(k) = r\(k)·(z\(a) − z\(b)) from its neighbours' values and its own secret.",
               sending: "\(tag(i)) sends X\(k) to the server encrypted separately to each of the other \(n - 1) members: every member needs the others' X to compute the key, and with all of them can check that they sum to zero.")
    }

    /// Member `i`'s turn in a round, the same in both: a compute step (`computes`, told by
    /// `narration`), then the member sends `frame` (GROUP_Z, GROUP_X) to the server, told
    /// by `sending`.
    private func upload(_ i: Int, _ frame: GroupFrame, computes title: String, narration: String, sending: String) {
        stage.builder.step(ring[i].party.id, .compute, title, narration: narration, references: [.profile("D14")])
        send(frame, from: ring[i].party, to: server, title: "\(tag(i)) sends \(frame.kind) to \(server.tag)", narration: sending)
    }

    /// Each member's point IBE-encrypted to each of its recipients (ring positions):
    /// the uploads, by sender. rho is drawn here in a fixed order; the encryptions
    /// themselves then run concurrently.
    private func seal(round: UInt8, _ points: [ECPoint], to recipients: (Int) -> [Int]) -> [[GroupFrame.Entry]] {
        let parameters = stage.kms.publicParameters
        var jobs = [SealJob]()
        for i in ring.indices {
            let plaintext = GroupPlaintext(round: round, agreement: number, sender: ring[i].number, point: points[i].sec1()).encoded
            for j in recipients(i) {
                // The recipient's public key for this month, from the run's shared cache.
                jobs.append(SealJob(sender: i, recipient: j, number: ring[j].number, plaintext: plaintext,
                                    key: stage.memo.recipientKey(for: ring[j].key.identity.octets, parameters: parameters),
                                    rho: stage.env.random.bytes(parameters.hash.digestLength)))
            }
        }
        let ciphertexts = jobs.concurrentMap { job in
            parameters.encrypt(job.plaintext, to: job.key, rho: job.rho).encoded(on: parameters.curve)
        }
        var uploads = Array(repeating: [GroupFrame.Entry](), count: n)
        for (job, ciphertext) in zip(jobs, ciphertexts) {
            uploads[job.sender].append(GroupFrame.Entry(sender: ring[job.sender].number, recipient: job.number, ciphertext: ciphertext))
        }
        return uploads
    }

    private struct SealJob: Sendable {
        let sender: Int
        let recipient: Int
        let number: UInt8
        let plaintext: [UInt8]
        let key: BFRecipientKey
        let rho: [UInt8]
    }

    /// The server forwards to each member the entries addressed to it, in upload order;
    /// each member opens them. Returns, per ring position, what it received.
    private func relay(round: UInt8, _ uploads: [[GroupFrame.Entry]]) throws -> [Received] {
        let frames = ring.indices.map { j in
            GroupFrame(round: round, agreement: number, entries: uploads.joined().filter { $0.recipient == ring[j].number })
        }
        let wire = frames.map(\.encoded)
        let plaintexts = try decryptAll(wire)
        return try ring.indices.map { j in
            send(frames[j], from: server, to: ring[j].party, title: "\(server.tag) relays \(frames[j].kind) to \(tag(j))",
                 narration: "The server forwards to \(tag(j)) the \(frames[j].entries.count) ciphertexts addressed to it. It routes them by the clear member numbers; it cannot open them, since it holds no member's private key.")
            return try open(wire[j], plaintexts: plaintexts[j], at: j, round: round)
        }
    }

    private func send(_ frame: GroupFrame, from sender: Party, to receiver: Party, title: String, narration: String) {
        let notation = frame.entries.map { entry in
            "IBE_M\(entry.recipient)(\(frame.round == 1 ? "z" : "X")\(entry.sender))"
        }.joined(separator: ", ")
        stage.builder.step(sender.id, .send, title,
                           message: WireMessage(frame.kind, octets: frame.encoded, from: sender.id, to: receiver.id, notation: notation),
                           recordedBy: stage.observers, narration: narration, references: [.profile("D14"), .profile("D1"), .profile("D2")])
    }
}
