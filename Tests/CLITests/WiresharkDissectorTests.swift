import Foundation
import IBE
import MIKEY
import Primitives
@testable import mikey_ibake
import Scenarios
import TestSupport
import Testing

/// The lab's Wireshark dissector (Assets/wireshark/mikey-ibake.lua) on `export --scenario`'s
/// capture.pcap, for every scenario (toy, seed 1): tshark loads it without a Lua error, marks
/// nothing malformed, names every MIKEY frame's data type, and its filterable fields hold what
/// the lab's own decoder reads from the same octets; the lab's own records (UDP 52269) show as
/// group frames or opaque octets.
@Suite struct WiresharkDissectorTests {
    static let fields = ["mikeyibake.hdr.data_type", "mikeyibake.hdr.csb_id", "mikeyibake.hdr.srtp.ssrc",
                         "mikeyibake.idr.id_role", "mikeyibake.idr.id_data", "mikeyibake.rand.value",
                         "mikeyibake.ibake.encr_data_len", "mikeyibake.esk.encr_data_len", "mikeyibake.kemac.encr_data_len",
                         "mikeyibake.err.error_no", "mikeyibake.v.mac", "_ws.expert.severity"]

    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)), arguments: ScenarioName.allCases)
    func dissectorReadsEveryMessageAsTheLabDoes(name: ScenarioName) throws {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dissector-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy").write()
        let capture = directory.appendingPathComponent("capture.pcap")
        let messages = timeline.steps.compactMap(\.message)

        // The full tree (-V): no Lua error, nothing malformed, every MIKEY frame named by its data type.
        let verbose = try Tshark.output(of: capture, options: Tshark.dissectorOptions + ["-V"])
        for mark in ["Lua Error", "LUA ERROR", "Lua: Error", "Malformed"] {
            let lines = verbose.split(separator: "\n").filter { $0.localizedCaseInsensitiveContains(mark) }
            #expect(lines.isEmpty, "\(name): tshark -V prints \"\(mark)\": \(lines.prefix(3).joined(separator: " | "))")
        }
        let frames = Self.frames(verbose)
        try #require(frames.count == messages.count, "\(name): \(frames.count) frames for \(messages.count) messages")
        for (index, (frame, message)) in zip(frames, messages).enumerated() where message.transport == .mikey {
            let dataType = try MIKEYMessage(decoding: message.octets).header.dataType
            #expect(frame.contains("MIKEY-IBAKE: \(dataType.name)\n"), "\(name) frame \(index + 1): no MIKEY-IBAKE tree for \(dataType.name)")
            #expect(frame.contains("Data type: \(dataType.name) (\(dataType.rawValue))"),
                    "\(name) frame \(index + 1): data type \(dataType.name) not shown")
        }

        // Filterable fields (-T fields) against the lab's decoder.
        let rows = try Tshark.fields(Self.fields, of: capture, options: Tshark.dissectorOptions)
        try #require(rows.count == messages.count, "\(name): \(rows.count) rows for \(messages.count) messages")
        for (index, (row, message)) in zip(rows, messages).enumerated() {
            let frame = "\(name) frame \(index + 1) (\(message.kind))"
            try #require(row.count == Self.fields.count, "\(frame): \(row)")
            guard message.transport == .mikey else {
                #expect(row.dropLast().allSatisfy { $0.isEmpty }, "\(frame): a \(message.transport) datagram read as MIKEY: \(row)")
                continue
            }
            let decoded = try MIKEYMessage(decoding: message.octets)
            let header = decoded.header
            #expect(row[0] == "\(header.dataType.rawValue)", "\(frame): data type \(row[0])")
            #expect(row[1] == String(format: "0x%08x", header.csbID), "\(frame): CSB ID \(row[1])")
            if case .srtp(let sessions) = header.cryptoSessions {
                #expect(row[2] == sessions.map { String(format: "0x%08x", $0.ssrc) }.joined(separator: ","), "\(frame): SSRC \(row[2])")
            } else {
                #expect(row[2].isEmpty, "\(frame): SSRC \(row[2]) without an SRTP-ID map")
            }
            let idrs = decoded.payloads.compactMap { payload -> IDRPayload? in
                if case .idr(let idr) = payload { return idr } else { return nil }
            }
            #expect(row[3] == idrs.map { "\($0.role.rawValue)" }.joined(separator: ","), "\(frame): ID roles \(row[3])")
            #expect(row[4] == idrs.map { $0.text ?? "" }.joined(separator: ","), "\(frame): ID data \(row[4])")
            #expect(row[5] == (decoded.rand.map(Hex.encode) ?? ""), "\(frame): RAND \(row[5])")
            var ibake = [String](), esk = [String](), kemac = [String](), errors = [String](), macs = [String]()
            for payload in decoded.payloads {
                switch payload {
                case .ibake(let value): ibake.append("\(value.encryptedData.count)")
                case .esk(let value): esk.append("\(value.encryptedData.count)")
                case .kemac(let value): kemac.append("\(value.encryptedData.count)")
                case .error(let value): errors.append("\(value.error.rawValue)")
                case .verification(let value): macs.append(Hex.encode(value.mac))
                default: break
                }
            }
            #expect(row[6] == ibake.joined(separator: ","), "\(frame): IBAKE encr data len \(row[6]), lab \(ibake)")
            #expect(row[7] == esk.joined(separator: ","), "\(frame): ESK encr data len \(row[7]), lab \(esk)")
            #expect(row[8] == kemac.joined(separator: ","), "\(frame): KEMAC encr data len \(row[8]), lab \(kemac)")
            #expect(row[9] == errors.joined(separator: ","), "\(frame): error no \(row[9]), lab \(errors)")
            #expect(row[10] == macs.joined(separator: ","), "\(frame): V MAC \(row[10])")
            #expect(row[11].isEmpty, "\(frame): expert info \(row[11]) (truncation, unknown payload or trailing octets)")
        }

        // The lab's own records on 52269: group frames field by field, the others as opaque octets.
        let labFields = ["mikeyibake_lab.round", "mikeyibake_lab.count", "mikeyibake_lab.entry.length", "mikeyibake_lab.opaque",
                         "_ws.expert.severity"]
        let labRows = try Tshark.fields(labFields, of: capture, options: Tshark.dissectorOptions)
        try #require(labRows.count == messages.count, "\(name): \(labRows.count) rows for \(messages.count) messages")
        for (index, (row, message)) in zip(labRows, messages).enumerated() {
            let frame = "\(name) frame \(index + 1) (\(message.kind))"
            try #require(row.count == labFields.count, "\(frame): \(row)")
            #expect(row[4].isEmpty, "\(frame): expert info \(row[4])")
            guard message.transport == .labRecord else {
                #expect(row[0].isEmpty && row[3].isEmpty, "\(frame): a \(message.transport) datagram read as a lab record: \(row)")
                continue
            }
            if message.kind == .groupZ || message.kind == .groupX {
                #expect(row[0] == (message.kind == .groupZ ? "1" : "2"), "\(frame): round \(row[0])")
                let lengths = row[2].split(separator: ",").compactMap { Int($0) }
                #expect(lengths.count == Int(row[1]) && 6 + lengths.reduce(0) { $0 + 4 + $1 } == message.octets.count,
                        "\(frame): \(row[1]) entries of \(lengths) octets do not make the \(message.octets.count)-octet frame")
            } else {
                #expect(row[0].isEmpty && row[3] == Hex.encode(message.octets), "\(frame): not shown as its opaque octets")
            }
        }
    }

    /// Sub-payloads travel in the clear only in a NULL-encrypted KEMAC, which no scenario
    /// sends, so two messages are made here: gortsplib's published MIKEY-PSK message (one TEK
    /// Key data, RFC 3830) and a REQUEST_KEY_RESP whose NULL KEMAC holds ID || Key data
    /// (type 7, private key, RFC 6267 §4.2.1), followed, to check their layouts, by an SK and
    /// a toy-group ECCPT (padded to 32 bits) that otherwise only ever travel IBE-encrypted; its
    /// header has a GENERIC-ID map (RFC 6043) and it carries TR and RANDR payloads.
    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)))
    func subPayloadsInTheClear() throws {
        let gortsplib = Array(Primitives.Hex.decode("""
            01000500e69d51f801000030685760000000000b00ebfe6f2db1c13fd00a10c2dde443a84930a5757a7ed9c3a417fb01000000\
            1500010101011002010103010a0701010801010a0101000000220020001e9091783dfce8ddcd443a53508b64509f35bd8a86\
            bc4d8b7637a502493daf00
            """) ?? [])
        let privateKey: [UInt8] = Array(0x01...0x20), secretKey: [UInt8] = Array(0x40...0x4F), point: [UInt8] = [4] + Array(1...8)
        let chain = try SubPayloadChain.encode([
            .id(IDPayload(uri: "sip:alice@ims.example")),
            .keyData(KeyDataSubPayload(type: .privateKey, key: privateKey, keyValidity: .interval(validFrom: [0, 0, 0, 1], validTo: [0, 0, 0, 2]))),
            .sk(SecretKeySubPayload(key: secretKey, keyValidity: .spi([7]))),
            .eccpt(ECCPointSubPayload(value: .labToy(point), authAlgorithm: .hmacSHA256_256, tgkLength: 16)),
        ])
        let session = GenericCryptoSession(csID: 1, protocolType: .srtp, sFlag: true, policyNumbers: [0, 3], sessionData: [1, 2, 3], spi: [9])
        let response = try MIKEYMessage(header: CommonHeader(dataType: .requestKeyResponse, verificationRequired: false, prf: .hmacSHA256,
                                                             csbID: 0x0102_0304, cryptoSessions: .generic([session])),
                                        payloads: [
                                            .tr(TimestampWithRolePayload(role: .timeOfIssue, timestamp: .counter(5))),
                                            .randr(RANDWithRolePayload(role: .kms, value: Array(repeating: 0xAB, count: 16))),
                                            .kemac(KEMACPayload(encryption: .null, encryptedData: chain, macAlgorithm: .null, mac: [])),
                                        ]).encode()
        // The lab's own decoder reads both, so the octets are what the dissector should read.
        _ = try MIKEYMessage(decoding: gortsplib)
        _ = try MIKEYMessage(decoding: response)
        #expect(try SubPayloadChain.decode(chain, first: .id).count == 4)

        var capture = PacketCapture()
        for octets in [gortsplib, response] {
            capture.append(.init(source: [127, 0, 0, 1], destination: [127, 0, 0, 2], payload: octets, seconds: 0, microseconds: 0))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dissector-\(UUID().uuidString).pcap")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(capture.bytes).write(to: file)

        let verbose = try Tshark.output(of: file, options: Tshark.dissectorOptions + ["-V"])
        for mark in ["Lua Error", "LUA ERROR", "Lua: Error", "Malformed", "Expert Info"] {
            let lines = verbose.split(separator: "\n").filter { $0.localizedCaseInsensitiveContains(mark) }
            #expect(lines.isEmpty, "tshark -V prints \"\(mark)\": \(lines.prefix(3).joined(separator: " | "))")
        }
        let fields = ["mikeyibake.hdr.data_type", "mikeyibake.keydata.type", "mikeyibake.keydata.key", "mikeyibake.kv.vf",
                      "mikeyibake.kv.vt", "mikeyibake.id.id_data", "mikeyibake.sk.key", "mikeyibake.kv.spi",
                      "mikeyibake.eccpt.curve", "mikeyibake.eccpt.point", "mikeyibake.eccpt.padding", "mikeyibake.eccpt.tgk_len",
                      "mikeyibake.hdr.generic.policy_no", "mikeyibake.hdr.generic.session_data", "mikeyibake.hdr.generic.spi",
                      "mikeyibake.tr.ts_role", "mikeyibake.tr.ts_value", "mikeyibake.randr.value"]
        let rows = try Tshark.fields(fields, of: file, options: Tshark.dissectorOptions)
        try #require(rows.count == 2 && rows.allSatisfy { $0.count == fields.count }, "\(rows)")
        #expect(rows[0][0] == "0" && rows[0][1] == "2", "gortsplib: data type \(rows[0][0]), Key data type \(rows[0][1]) (TEK)")
        #expect(rows[0][2] == "9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf", "gortsplib: key \(rows[0][2])")
        let expected = ["21", "7", Hex.encode(privateKey), "00000001", "00000002", "sip:alice@ims.example", Hex.encode(secretKey), "07",
                        "240", Hex.encode(point), "00", "16", "0,3", "010203", "09", "1", "00000005", String(repeating: "ab", count: 16)]
        for (index, field) in fields.enumerated() {
            #expect(rows[1][index] == expected[index], "REQUEST_KEY_RESP: \(field) is \(rows[1][index]), expected \(expected[index])")
        }
    }

    /// tshark -V's text, one element a frame (from its "Frame N:" line to the next).
    static func frames(_ verbose: String) -> [String] {
        var frames: [String] = []
        for line in verbose.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Frame ") { frames.append("") }
            if !frames.isEmpty { frames[frames.count - 1] += line + "\n" }
        }
        return frames
    }
}
