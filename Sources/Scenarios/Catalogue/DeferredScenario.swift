import IBAKE
import IBE
import MIKEY
import Primitives

/// `deferred`: B is offline and a mailbox answers. The mailbox authenticates the
/// initiator and stores what it cannot read: an ESK carrying SK for B, and content
/// encrypted under SK. Later B picks both up and reads them (RFC 6267 §3.3, §7.5; PROFILE D12).
enum DeferredScenario {
    static let mailbox = Party(id: .mailbox, name: "Mailbox (voicemail)", identity: "sip:voicemail@ims.example",
                               kind: .mailbox, tag: "M")
    static let absent = Party.responder.cast(as: "Responder (offline)", tag: "B")
    static let message = "Voicemail for Bob: the meeting moved to 15:00. Only you can read this."

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.deferred, options, parties: [.initiator, absent, mailbox, .kms, .eve],
                          watch: [mailbox.id: [.secretKey, .content], .eve: Stage.adversaryWatch + [.secretKey, .content]])
        return try stage.play {
            let exchange = StagedExchange(on: stage, keys: try stage.setUpCall(answeredBy: mailbox), answeredBy: mailbox,
                                          calling: absent, policy: options.policy)
            let m1 = try exchange.sendDivertedIMessage1(
                stage, picking: "I calls B and encrypts aP to B's identity.", title: "B is offline: the mailbox takes the call",
                narration: "B does not answer; the call is diverted to B's mailbox, which cannot open a message encrypted to B.",
                references: [.rfc(6267, "3.3")])
            try exchange.receiveIMessage1(stage, m1, narration: "The mailbox checks the timestamp and its replay cache. The IBAKE payload is encrypted to B's identity, for which it holds no key: it cannot read aP.")
            try stage.deliver(try exchange.sendRMessage1(stage), from: mailbox, to: .initiator, title: "I opens R_MESSAGE_1",
                              narration: "The mailbox answered with its own identity and no aP echo. I continues, to leave a message for B.",
                              references: [.rfc(6267, "4.2.2.4"), .profile("D13")], exchange.initiator.receiveRMessage1)

            // SK is the initiator's draw, from its own stream (`net call --message --seed`, PROFILE D15).
            let secretKey = stage.env.random(for: .initiator).bytes(IBAKEProfile.secretKeyLength)
            let content = Array(message.utf8)
            stage.builder.step(.initiator, .compute, "I picks SK for B's content",
                               reveal: [(.initiator, LearnedValue(.secretKey, secretKey, .generated)),
                                        (.initiator, LearnedValue(.content, content, .created))],
                               narration: "I picks a fresh 16-octet SK. It will go to B inside an ESK, IBE-encrypted to B's identity, never to the mailbox's.",
                               references: [.rfc(6267, "6.1.2"), .rfc(6267, "6.1.5"), .profile("D12")])
            let deposit = SecretKeyDeposit(intendedURI: absent.identity ?? "", secretKey: secretKey)
            let m3 = try exchange.sendIMessage2(stage, deposit: deposit)
            try stage.deliver(m3, from: .initiator, to: mailbox, title: "the mailbox authenticates I, keeps the ESK",
                              narration: "The mailbox checks the bP echo (I is authenticated), reads aP and computes abP with I. The ESK is encrypted to B: it stores it unread.",
                              references: [.rfc(6267, "4.2.2.6"), .rfc(6267, "7.5")], exchange.responder.receiveIMessage2)
            try exchange.receiveRMessage2(stage, try exchange.sendRMessage2(stage))

            // PROFILE D12: content under AES-128-CM with SK. SK is used once, so the counter starts at zero.
            let sealed = try SecretKeyDeposit.applyContentCipher(secretKey: secretKey, to: content)
            stage.builder.phase = .deposit
            stage.builder.step(.initiator, .send, "I deposits content under SK",
                               message: WireMessage(.deposit, octets: sealed, from: .initiator, to: mailbox.id,
                                                    notation: "AES-CM_SK(content)"),
                               recordedBy: stage.observers,
                               narration: "I deposits the message encrypted under SK (AES-128-CM). The mailbox stores octets it cannot read.",
                               references: [.profile("D12")])
            guard let esk = exchange.responder.heldDeposits.first else { return }

            let bobKey = try stage.provision(absent, keyName: .responderPrivateKey)
            stage.builder.phase = .pickup
            stage.builder.step(mailbox.id, .send, "B comes online and picks up",
                               message: WireMessage(.pickup, octets: esk + sealed, from: mailbox.id, to: absent.id,
                                                    notation: "ESK_\(stage.tag(absent.identity ?? ""))(ID, SK), AES-CM_SK(content)"),
                               recordedBy: stage.observers,
                               narration: "Later B connects to its mailbox and receives what was left for it: the ESK and the encrypted content.",
                               references: [.rfc(6267, "3.3")])
            guard let secretKey = try? SecretKeyDeposit.openHeld(esk, with: bobKey, parameters: stage.kms.publicParameters,
                                                                 initiatorURI: Party.initiator.identity ?? "") else { return }
            let read = try SecretKeyDeposit.applyContentCipher(secretKey: secretKey, to: sealed)
            stage.builder.step(absent.id, .receive, "B opens the ESK and reads the content",
                               reveal: [(absent.id, LearnedValue(.secretKey, secretKey, .message(.pickup))),
                                        (absent.id, LearnedValue(.content, read, .message(.pickup)))],
                               checks: [CheckOutcome(check: .decryption, passed: true, detail: "")],
                               narration: "B decrypts the ESK with its own private key: it names I, who left it (RFC 6267 §4.2.2.5), and holds SK. B reads: \"\(String(decoding: read, as: UTF8.self))\". The mailbox carried it without ever being able to read it.",
                               references: [.rfc(6267, "7.5"), .profile("D12")])
        }
    }
}
