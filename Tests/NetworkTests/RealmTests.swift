import Foundation
import IBE
import Network
import Primitives
import Testing

/// `net init`'s realm on disk: what the KMS and the phones read back, secrets kept to
/// their owner, and the refusals that keep a classroom's realm from being lost.
@Suite struct RealmTests {
    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("realm-\(UUID().uuidString)")
    }

    @Test("a realm reads back as written: sP matches s, one PSK per user, the secrets 0600, realm.json public")
    func roundTrip() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let users = ["sip:alice@ims.example", "sip:bob@ims.example"]
        let made = try Realm.create(at: directory, users: users, parameterSet: try ParameterSet.named("toy"), using: HMACDRBG(seed: 7))
        let read = try Realm.load(from: directory)
        #expect(read.description == made.description && read.publicParameters.publicKey == made.publicParameters.publicKey)
        #expect(try read.kms().publicParameters.publicKey == read.publicParameters.publicKey)
        let psks = try read.psks()
        #expect(Set(psks.keys) == Set(users) && psks.values.allSatisfy { $0.count == 32 } && Set(psks.values).count == 2)
        func mode(_ path: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(path).path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        let (secretMode, publicMode) = (try mode("kms.secret"), try mode("realm.json"))
        #expect(secretMode == 0o600 && publicMode == 0o644)
        let pskFiles = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("psk").path)
        let pskModes = try pskFiles.map { try mode("psk/\($0)") }
        #expect(pskFiles.count == 2 && pskModes.allSatisfy { $0 == 0o600 })
        // The same seed makes the same realm (a classroom set-up repeated).
        let again = Self.directory()
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try Realm.create(at: again, users: users, parameterSet: try ParameterSet.named("toy"), using: HMACDRBG(seed: 7))
        #expect(try Realm.load(from: again).psks() == psks)
    }

    @Test("an existing realm is not overwritten; a user that is not a URI, or not of the realm, is refused by name")
    func refusals() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let set = try ParameterSet.named("toy")
        _ = try Realm.create(at: directory, users: ["sip:alice@ims.example"], parameterSet: set, using: HMACDRBG(seed: 1))
        #expect(throws: NetworkError.self) { try Realm.create(at: directory, users: ["sip:x@y"], parameterSet: set, using: HMACDRBG(seed: 1)) }
        #expect(throws: NetworkError.self) {
            try Realm.create(at: Self.directory(), users: ["alice"], parameterSet: set, using: HMACDRBG(seed: 1))
        }
        do {
            _ = try Realm.load(from: directory).psk(for: "sip:mallory@ims.example")
            Issue.record("a stranger's PSK was read")
        } catch {
            #expect(error.description.contains("sip:mallory@ims.example") && error.description.contains("sip:alice@ims.example"))
        }
        #expect(throws: NetworkError.self) { try Realm.load(from: Self.directory()) }
    }
}
