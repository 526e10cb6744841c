import Foundation
#if canImport(Glibc)
import Glibc
#endif
import IBAKE
import IBE
import Network
import NIOCore
import Primitives

/// `bench --net` (issue 14): a call between two processes on loopback, from `net call`'s
/// start to the keys on both sides, its KMS and phone already up and provisioned; and the
/// KMS's rate of REQUEST_KEY_PSK for distinct identities, its workers busy.
struct NetBenchmarks {
    let executable: String
    let parameterSet: ParameterSet

    /// A server process (`net kms`, `net phone`) and the address it listens on. Its output
    /// goes to a file, never a pipe nobody reads (a full pipe would stop the server).
    final class Server {
        let process = Process()
        let address: String
        private let log: URL

        init(_ executable: String, _ arguments: [String]) throws {
            log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-server-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments + ["--listen", "127.0.0.1:0", "--json"]
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = FileHandle.nullDevice
            try process.run()
            try handle.close()
            var text = ""
            let deadline = Date().addingTimeInterval(30)
            while !text.contains("\"listening\""), Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
                text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            }
            guard let line = text.split(separator: "\n").first(where: { $0.contains("\"listening\"") }),
                  let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], let address = object["address"]
            else { throw CommandFailure.failed("bench --net: \(arguments.first ?? "a server") did not start: \(text)") }
            self.address = address
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: log)
        }
    }

    func run(calls: Int = 9, requests: Int = 300) throws -> [BenchmarkResult] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-net-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let users = ["sip:alice@ims.example", "sip:bob@ims.example"] + (1...requests).map { "sip:user\($0)@ims.example" }
        let realm = try Realm.create(at: directory, users: users, parameterSet: parameterSet, using: HMACDRBG(seed: 1))
        let kms = try Server(executable, ["net", "kms", directory.path])
        let phone = try Server(executable, ["net", "phone", directory.path, "--identity", "sip:bob@ims.example", "--kms", kms.address])
        var times = [Duration]()
        let arguments = [executable, "net", "call", directory.path, "--identity", "sip:alice@ims.example", "--kms", kms.address,
                         "--to", "sip:bob@ims.example", "--at", phone.address, "--json"]
        for _ in 0..<calls {
            let start = ContinuousClock.now
            guard try Self.spawnAndWait(arguments) == 0 else { throw CommandFailure.failed("bench --net: a call failed") }
            times.append(ContinuousClock.now - start)
        }
        times.sort()
        let callResult = BenchmarkResult(name: "net-call", params: parameterSet.name, medianMicroseconds: times[times.count / 2].microseconds,
                                         minimumMicroseconds: times[0].microseconds, mulmods: nil)
        let elapsed = try requestBurst(realm: realm, users: Array(users.dropFirst(2)), kms: kms.address)
        let perRequest = elapsed.microseconds / Double(requests)
        let rate = BenchmarkResult(name: "kms-request (\(Int((Double(requests) / (elapsed.microseconds / 1_000_000)).rounded())) per s)",
                                   params: parameterSet.name, medianMicroseconds: perRequest, minimumMicroseconds: perRequest, mulmods: nil)
        return [callResult, rate]
    }

    /// Runs `arguments` (the executable first), output to /dev/null; its exit status.
    static func spawnAndWait(_ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        do {
            return try ChildProcess.exitStatus(of: try ChildProcess.spawn(arguments, actions: &actions))
        } catch {
            throw CommandFailure.failed("bench --net: \(error.description)")
        }
    }

    /// Sends one REQUEST_KEY_PSK per user, at most 32 outstanding, and times until every
    /// answer is in.
    private func requestBurst(realm: Realm, users: [String], kms: String) throws -> Duration {
        let requests = try users.map { user in
            try ProvisioningClient(profile: IBAKEProfile(parameterSet: realm.parameterSet), uri: user, kmsURI: realm.description.kms,
                                   psk: realm.psk(for: user), kmsParameters: realm.publicParameters, random: SystemRandom(),
                                   clock: SystemClock()).makeRequestKeyPSK().message
        }
        guard let endpoint = Endpoint(argument: kms) else { throw CommandFailure.failed("bench --net: KMS address \(kms)") }
        let address = try endpoint.address()
        let result = LockedDuration()
        try runNetwork {
            try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
                let start = ContinuousClock.now
                var sent = 0, answered = 0
                while sent < min(32, requests.count) { await socket.send(requests[sent], to: address); sent += 1 }
                for await event in socket.events {
                    if case .datagram = event {
                        answered += 1
                        if sent < requests.count { await socket.send(requests[sent], to: address); sent += 1 }
                        if answered == requests.count { break }
                    } else if ContinuousClock.now - start > .seconds(60) {
                        throw NetworkError("bench --net: \(answered) of \(requests.count) answers in 60 s")
                    }
                }
                result.set(ContinuousClock.now - start)
            }
        }
        return result.get()
    }
}

/// A duration handed from the network task to the waiting thread.
final class LockedDuration: @unchecked Sendable {
    // Invariant: set by the task before it ends, read after `runNetwork` returned.
    private let lock = NSLock()
    private var value = Duration.zero

    func set(_ duration: Duration) { lock.withLock { value = duration } }
    func get() -> Duration { lock.withLock { value } }
}
