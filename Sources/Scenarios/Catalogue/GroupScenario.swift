import IBAKE
import IBE

/// `group` (an extension beyond RFC 6267, PROFILE D14): four members agree a conference
/// key through a server with Burmester-Desmedt over P-256, every value IBE-encrypted to
/// its recipients; a fifth joins and one leaves, and each time a fresh agreement gives a
/// new key. The server relays everything and never knows a group key.
enum GroupScenario {
    static let server = Party(id: .server, name: "Conference server", identity: "sip:conference@conf.example",
                              kind: .server, tag: "S")

    static func member(_ number: Int) -> Party {
        Party(id: .member(number), name: "Member \(number)", identity: "sip:member\(number)@conf.example",
              kind: .member, tag: "M\(number)")
    }

    /// The member who leaves: one in the middle of the ring, so both its neighbours change.
    static let leaver = 2

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let founders = (1...4).map(member)
        let stage = Stage(.group, options, parties: [.kms, server] + founders + [.eve],
                          watch: [server.id: [.groupKey], .eve: [.groupKey]])
        return try stage.play {
            stage.setUpKMS()
            var members = [GroupMember]()
            for (index, party) in founders.enumerated() { members.append(try enrol(party, number: index + 1, on: stage)) }
            var keys = [[UInt8]]()

            keys.append(try agree(1, ring: members, on: stage, keys: keys, phase: .agreement, why: introduction))

            let fifth = member(5)
            stage.builder.add(fifth)
            stage.builder.phase = .join
            // sP as the KMS published it at set-up: public, so the newcomer gets it too.
            let published = stage.builder.value(.kms, .kmsPublicKey) ?? []
            stage.builder.step(fifth.id, .compute, "M5 asks to join the conference",
                               reveal: [(fifth.id, LearnedValue(.kmsPublicKey, published, .provisioned))],
                               narration: "M5 asks to join. Like every member it needs its private key for the month before it can open what the others send it, so it fetches it from the KMS first.",
                               references: [.profile("D14")])
            members.append(try enrol(fifth, number: 5, on: stage, phase: .join))
            keys.append(try agree(2, ring: members, on: stage, keys: keys, phase: .join,
                                  why: "M5 has joined. The key of the four cannot simply be handed to M5: it would then read everything said before it joined. So all five run a fresh agreement with fresh secrets (PROFILE D14), and the key changes."))

            members.removeAll { $0.number == leaver }
            keys.append(try agree(3, ring: members, on: stage, keys: keys, phase: .leave,
                                  why: "M\(leaver) has left. It still holds the key of the five, so the others must stop using it: the four who remain run a fresh agreement without M\(leaver), which takes no part and cannot compute the new key (PROFILE D14)."))
        }
    }

    private static let introduction = "An extension beyond RFC 6267 (PROFILE D14): RFC 6267 agrees a key between two parties, and a conference needs one key for many. The members run Burmester-Desmedt over P-256 through the conference server S, which fixes the ring order and relays. Every value a member sends travels IBE-encrypted to each recipient's identity, so the server sees ciphertexts only. It is shown as an honest relay: IBE hides the values but does not prove who sent them, so a server that replaced them with its own would not be caught here; D14 adds no signatures."

    /// The member's private key: real provisioning (REQUEST_KEY, PROFILE D11). The ledger
    /// labels it R_PrK, the receiving key, since here it only opens what is sent to the member.
    private static func enrol(_ party: Party, number: Int, on stage: Stage, phase: Phase = .provisioning) throws -> GroupMember {
        let entry = try stage.provision(party, keyName: .responderPrivateKey, phase: phase)
        return GroupMember(party: party, number: UInt8(number), key: entry)
    }

    /// The server announces the ring, then the agreement runs; returns the common key
    /// (every member's, if they agree; the test checks each ledger).
    private static func agree(_ number: UInt8, ring: [GroupMember], on stage: Stage, keys: [[UInt8]], phase: Phase,
                              why: String) throws -> [UInt8] {
        stage.builder.phase = phase
        let order = (ring + ring.prefix(1)).map(\.party.tag).joined(separator: " → ")
        stage.builder.step(server.id, .compute, "\(server.tag) starts agreement \(number) among \(ring.count): \(order)",
                           narration: why + " Ring: \(order); each member's neighbours are the tags on either side.",
                           references: [.profile("D14")])
        let agreement = GroupAgreement(on: stage, server: server, number: number, ring: ring, earlier: keys)
        let result = try agreement.run()
        guard let first = ring.first, let key = result[first.party.id] else { throw GroupFailure.context("no key computed") }
        return key
    }
}
