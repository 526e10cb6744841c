import IBAKE
import IBE

/// `basic`: provisioning, the four messages, the keys, and a media sample protected
/// with the SRTP key and read by the responder (RFC 6267 §4.2).
enum BasicScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.basic, options, parties: [.initiator, .responder, .kms, .eve],
                          watch: [.eve: Stage.adversaryWatch + [.content]])
        return try stage.play {
            try StagedExchange(on: stage, keys: try stage.setUpCall()).runWithMedia(stage)
        }
    }
}
