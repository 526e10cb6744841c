import ArgumentParser
import Foundation
import IBE
import Primitives

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the pairing, BF-IBE, hashing to the curve, scalar multiplication and ECDH.",
        discussion: """
            For each parameter set: pairing, BF encrypt, BF decrypt, BF extract, hash-to-point and \
            G1 scalar multiply; then P-256 and P-384 ECDH scalar multiply; then the MIKEY-SAKKE \
            primitives: SAKKE encapsulate, decapsulate (receiver key prepared), pairing and key \
            preparation at RFC 6509 parameter set 1 (sakke-1), and ECCSI sign and verify beside \
            OpenSSL's ECDSA sign and verify on P-256 (p256). Each figure is the median \
            and the minimum in microseconds, and the median divided by the time of one GMP modular \
            multiplication (mpz_mul + mpz_mod) of the same size measured in the same run: the \
            "mulmod-equivalents", comparable across machines. Then timeline-NAME (building each \
            scenario's whole run) and the attack lab: attack-* (the plain run of basic and one \
            branch of it, as `run --attack` computes them; attack-*-branch the branch alone, its \
            plain run built beforehand with the IBE work shared) and, at toy parameters, \
            attack-sweep-basic (every bit flip of `attacks --sweep`). Then the demonstrator: ui-frame \
            (rendering one whole frame at 120x40 and 200x60) and ui-start (process start to the \
            first frame, on a pseudo-terminal). Use a release build.
            """
    )

    @Flag(help: "Print JSON: {\"results\":[{\"name\",\"params\",\"median_us\",\"min_us\",\"mulmods\"}]}.")
    var json = false

    @Option(name: .customLong("params"), help: "A parameter set to measure (repeatable; default: every set not marked insecure).")
    var parameterSets: [ParameterSetName] = []

    @Flag(help: "Only the demonstrator's ui-frame and ui-start.") var ui = false

    @Flag(name: .customLong("mikey-sakke"), help: "Only SAKKE (sakke-1) and ECCSI with the ECDSA yardstick (p256).")
    var mikeySAKKE = false

    @Flag(help: "Only the network: a call between processes on loopback (net-call), the KMS's REQUEST_KEY rate (kms-request).")
    var net = false

    func validate() throws {
        guard [ui, mikeySAKKE, net].filter({ $0 }).count <= 1 else {
            throw ValidationError("--ui, --mikey-sakke and --net exclude each other; give one")
        }
    }

    func run() throws {
        try reportingFailures {
            var sets = try (parameterSets.isEmpty ? ParameterSetName.all : parameterSets).map { try $0.load() }
            if parameterSets.isEmpty {
                sets = sets.filter { !$0.isInsecure }
                sets.sort { ($0.isBenchmarkOnly ? 1 : 0, $0.securityBits) < ($1.isBenchmarkOnly ? 1 : 0, $1.securityBits) }
            }
            let suite = BenchmarkSuite()
            var results = [BenchmarkResult]()
            if net {
                let set = try (parameterSets.first ?? .default).load()
                let measured = try NetBenchmarks(executable: Self.executablePath, parameterSet: set).run()
                if json { try printJSON(measured) } else { measured.forEach(printRow) }
                return
            }
            let arithmetic = !ui && !mikeySAKKE
            for set in arithmetic ? sets : [] {
                let measured = try suite.run(parameterSet: set)
                results += measured
                if !json { measured.forEach(printRow) }
            }
            for curve in arithmetic ? [NISTCurve.p256, .p384] : [] {
                let measured = suite.run(ecdh: curve)
                results.append(measured)
                if !json { printRow(measured) }
            }
            if !ui {
                let measured = try suite.runSAKKE() + suite.runECCSI()
                results += measured
                if !json { measured.forEach(printRow) }
            }
            if !mikeySAKKE {
                let interface = UIBenchmarks()
                var measured = try interface.frames()
                if let start = interface.start(executable: Self.executablePath) { measured.append(start) }
                results += measured
                if !json { measured.forEach(printRow) }
            }
            if json { try printJSON(results) }
        }
    }

    private func printJSON(_ results: [BenchmarkResult]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(["results": results])
        print(String(decoding: data, as: UTF8.self))
    }

    private func printRow(_ result: BenchmarkResult) {
        func column(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        print(result.params.padding(toLength: 12, withPad: " ", startingAt: 0)
              + result.name.padding(toLength: 32, withPad: " ", startingAt: 0)
              + column(String(format: "%.1f µs", result.medianMicroseconds), 14)
              + column(String(format: "min %.1f µs", result.minimumMicroseconds), 18)
              + column(result.mulmods.map { String(format: "%.0f mulmods", $0) } ?? "", 16))
    }

    /// This program, to time its start-up (`/proc/self/exe`, else argv[0]).
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
