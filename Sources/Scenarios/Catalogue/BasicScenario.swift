import IBAKE
import IBE

/// `basic`: provisioning, the four messages, the keys, and a media sample protected
/// with the SRTP key and read by the responder (RFC 6267 §4.2).
enum BasicScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.basic, options, parties: [.initiator, .responder, .kms, .eve],
                          watch: [Party.eve.id: Stage.adversaryWatch + [.content]])
        stage.setUpKMS()
        let initiatorKey = try stage.provision(.initiator, keyName: .initiatorPrivateKey)
        let responderKey = try stage.provision(.responder, keyName: .responderPrivateKey)
        let exchange = StagedExchange(on: stage, initiatorKey: initiatorKey, responderKeys: [responderKey])
        guard let run = try exchange.run(stage) else { return stage.builder.timeline }
        try MediaSample.send(on: stage, after: run, of: exchange)
        return stage.builder.timeline
    }
}
