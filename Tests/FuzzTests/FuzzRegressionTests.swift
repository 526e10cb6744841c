import Foundation
@testable import FuzzTargets
import IBAKE
import IBE
import MIKEY
import Testing

/// The committed fuzz inputs, replayed through the entry points libFuzzer calls: the small
/// seeds (Seeds/TARGET/) and every crash, timeout or leak a campaign kept (Reproducers/TARGET/,
/// each with NAME.expected). A violated property traps inside the entry point and fails the
/// suite; the tests also check what each input must come to.
@Suite("Fuzz inputs")
struct FuzzRegressionTests {
    struct Input: CustomTestStringConvertible, Sendable {
        let target: FuzzTarget
        let name: String
        let url: URL
        var bytes: [UInt8] { (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? [] }
        var testDescription: String { "\(target.rawValue)/\(name)" }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Every file under `kind`/TARGET/, sidecar `.expected` files left out.
    static func inputs(_ kind: String) -> [Input] {
        FuzzTarget.allCases.flatMap { target in
            let folder = directory.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasSuffix(".expected") && !$0.hasPrefix(".") }.sorted().map {
                Input(target: target, name: $0, url: folder.appendingPathComponent($0))
            }
        }
    }

    static let seeds = inputs("Seeds")

    @Test("every target has a committed seed")
    func everyTargetHasSeeds() {
        #expect(Set(Self.seeds.map(\.target)) == Set(FuzzTarget.allCases))
    }

    /// The seeds are real inputs: each one passes every check of its target (a handler's
    /// message decrypts and verifies in the harness's state), so mutations start past parsing.
    @Test("every seed is accepted by its target", arguments: seeds)
    func seedAccepted(input: Input) {
        #expect(input.target.run(input.bytes) == .accepted)
    }

    /// Each reproducer comes to the outcome its `.expected` file names: `accepted`, or
    /// `rejected: ` and the start of the reason.
    @Test("every reproducer replays to its expected outcome")
    func reproducers() throws {
        for input in Self.inputs("Reproducers") {
            let expectation = input.url.appendingPathExtension("expected")
            let expected = try String(contentsOf: expectation, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let outcome = input.target.run(input.bytes)
            switch outcome {
            case .accepted:
                #expect(expected == "accepted", "\(input.testDescription)")
            case .rejected(let reason):
                #expect(expected.hasPrefix("rejected: ") && reason.hasPrefix(expected.dropFirst("rejected: ".count)),
                        "\(input.testDescription): \(reason)")
            }
        }
    }

    /// The harness's exchange must be the one `export` writes, or the exported seed corpus
    /// would not decrypt in it (refresh with `scripts/fuzz --refresh-seeds`).
    @Test("the harness replays `mikey-ibake export --seed 1 --params toy`")
    func harnessIsTheExport() throws {
        let exported = try BasicExchange.run(parameterSet: try ParameterSet.named(SeededExchange.parameterSetName),
                                             seed: SeededExchange.seed)
        #expect(SeededExchange.shared.messages == exported.transfers.map(\.sent.message))
        let handlerSeeds = Self.seeds.filter { ![.decoder, .subpayloads, .tutorial, .params, .input].contains($0.target) }
        #expect(handlerSeeds.count == 7)
        for seed in handlerSeeds {
            #expect(SeededExchange.shared.messages.contains(seed.bytes), "\(seed.testDescription) is not a message of the exchange")
        }
    }

    /// V covers every octet up to its MAC: flipping any bit of a protected message must be
    /// refused by the receiver (KMS, provisioning client, initiator).
    @Test("a flipped bit anywhere in a V-protected message is refused",
          arguments: [FuzzTarget.kms, .provisioning, .initiatorResponse2])
    func flippedBitsRefused(target: FuzzTarget) {
        for seed in Self.seeds where seed.target == target {
            let bytes = seed.bytes
            for index in bytes.indices {
                for bit in [0, 7] {
                    var mutated = bytes
                    mutated[index] ^= 1 << bit
                    #expect(!target.run(mutated).isAccepted, "\(seed.testDescription): octet \(index) bit \(bit) accepted")
                }
            }
        }
    }

    /// The reused, prepared role (PreparedRole) must answer every input as a fresh role
    /// would: a refused input may not change it. Checked on a bit flip in every octet of
    /// the seed, each compared with a role prepared anew.
    @Test("a reused prepared role answers as a fresh one")
    func preparedRoleAnswersAsFresh() throws {
        let exchange = SeededExchange.shared
        for index in exchange.message2.indices {
            var mutated = exchange.message2
            mutated[index] ^= 0x04
            let fresh = exchange.freshResponder()
            _ = try fresh.receiveIMessage1(exchange.message1)
            _ = try fresh.makeRMessage1()
            let expected: FuzzOutcome
            do {
                _ = try fresh.receiveIMessage2(mutated)
                _ = try fresh.makeRMessage2()
                expected = .accepted
            } catch {
                expected = .rejected("\(error)")
            }
            #expect(fuzzResponderMessage2(mutated) == expected, "octet \(index)")
        }
        #expect(fuzzResponderMessage2(exchange.message2).isAccepted)
        #expect(fuzzResponderMessage2(exchange.message2).isAccepted, "a second genuine input finds a fresh role again")
    }

    /// Every prefix of a valid message is refused with an error located inside it (the
    /// entry point traps on an unlocated one).
    @Test("every truncation of a decoder seed is a located error")
    func truncationsRefused() {
        for seed in Self.seeds where seed.target == .decoder {
            let bytes = seed.bytes
            for count in 0..<bytes.count {
                guard case .rejected(let reason) = fuzzDecoder(Array(bytes.prefix(count))) else {
                    Issue.record("\(seed.testDescription) cut to \(count) octets decodes")
                    continue
                }
                #expect(reason.contains(" at offset "), "\(reason)")
            }
        }
    }
}
