import ArgumentParser
import Foundation
import IBAKE
import IBE
import MIKEY
import Scenarios

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run the basic exchange and write its messages, a transcript and a pcap capture.",
        discussion: """
            Both users fetch their private keys from the KMS (REQUEST_KEY, PSK variant), then run \
            the four MIKEY-IBAKE messages. DIR receives NN-NAME.bin and NN-NAME.b64 for each message, \
            transcript.json (parameters, identities, every derived value, each message with the \
            plaintext of its IBE layers) and capture.pcap (raw IPv4 and UDP, for Wireshark or tshark: \
            MIKEY on port 2269 only, SRTP media from 5006 to the RTP port 5004, the lab's own records \
            such as mailbox deposits and group frames on 52269). With --scenario, every message of \
            that scenario's run is written, with timeline.json (as `run --format json`) and \
            timeline.md instead of transcript.json. With --sip (and --scenario), sip.pcap too: the \
            SIP requests and responses that carry the MIKEY messages in their SDP \
            (a=key-mgmt:mikey, RFC 4567), on UDP 5060: MIKEY-IBAKE's four in two offer/answer \
            exchanges, another mode's (mode-*) in the INVITE and its 200 OK (PROFILE D23). \
            The same --seed gives byte-identical files on every run and machine.
            """
    )

    @OptionGroup var selection: ScenarioSelection
    @Option(help: "Directory to write into (created if missing).", completion: .directory) var out: String
    @Flag(name: .customLong("mikey-1"), help: "Use the MIKEY-1 PRF (HMAC-SHA-1) instead of PRF-HMAC-SHA-256 (the bare exchange only).")
    var mikey1 = false
    @Flag(name: .customLong("sip"), help: "Also write sip.pcap: the SIP messages carrying the MIKEY messages in SDP (with --scenario).")
    var sip = false

    func validate() throws {
        if sip, selection.scenario == nil {
            throw ValidationError("--sip needs --scenario (basic, forking, retargeting, deferred, ...): the SIP carriage follows a scenario's timeline")
        }
        if mikey1, let scenario = selection.scenario {
            throw ValidationError("--mikey-1 applies to the bare exchange, not to --scenario \(scenario.rawValue)")
        }
        if selection.scenario == nil, selection.policy != .continue {
            throw ValidationError("--policy \(selection.policy.rawValue) applies to a --scenario run, not to the bare exchange")
        }
    }

    func run() throws {
        try reportingFailures {
            let set = try selection.params.load()
            if selection.scenario != nil {
                try ScenarioExport(timeline: try selection.build(), directory: URL(fileURLWithPath: out),
                                   parameterSummary: set.summary, sip: sip).write()
                return
            }
            let run: BasicExchange
            do {
                run = try BasicExchange.run(parameterSet: set, prf: mikey1 ? .mikey1 : .hmacSHA256, seed: selection.seed)
            } catch {
                throw CommandFailure.failed("the exchange failed: \(error)")
            }
            try write(run)
        }
    }

    private func write(_ run: BasicExchange) throws {
        let directory = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.cannotCreate("--out: cannot create \(out): \(error.localizedDescription)")
        }
        var files = [String]()
        var capture = PacketCapture()
        let addresses = [run.cast.initiator: [UInt8]([127, 0, 0, 1]), run.cast.responder: [127, 0, 0, 2], run.cast.kms: [127, 0, 0, 3]]
        for (index, transfer) in run.transfers.enumerated() {
            let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
            let base = "\(number)-\(transfer.kind)"
            try save(Data(transfer.sent.message), base + ".bin", in: directory)
            try save(Data((Data(transfer.sent.message).base64EncodedString() + "\n").utf8), base + ".b64", in: directory)
            files.append(base + ".bin")
            capture.append(PacketCapture.Datagram(source: addresses[transfer.sender] ?? [127, 0, 0, 9],
                                                  destination: addresses[transfer.receiver] ?? [127, 0, 0, 9],
                                                  payload: transfer.sent.message, ntpTime: transfer.time))
        }
        try save(Data(capture.bytes), "capture.pcap", in: directory)
        try save(try ExportTranscript(run, seed: selection.seed, files: files).prettyJSON() + Data("\n".utf8), "transcript.json", in: directory)
        print("wrote \(files.count) messages, transcript.json and capture.pcap to \(out)")
    }

    private func save(_ data: Data, _ name: String, in directory: URL) throws {
        do {
            try data.write(to: directory.appendingPathComponent(name))
        } catch {
            throw CommandFailure.cannotCreate("--out: cannot write \(name): \(error.localizedDescription)")
        }
    }
}
