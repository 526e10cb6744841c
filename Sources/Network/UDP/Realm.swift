import Foundation
import IBAKE
import IBE
import Pairing
import Primitives

/// A realm on disk (`mikey-ibake net init`): the KMS's master secret and public
/// parameters, and one pre-shared key per user for REQUEST_KEY (PROFILE D11). Secrets are
/// written readable by their owner only (0600); `realm.json` is public and is what a
/// phone needs besides its own PSK file.
///
///     DIR/realm.json          parameter set, KMS identity, sP, users, common identities
///     DIR/kms.secret          s, hex (0600)
///     DIR/psk/<user>.hex      the user's PSK, hex (0600)
public struct Realm: Sendable {
    /// What `realm.json` holds.
    public struct Description: Codable, Sendable, Equatable {
        public let params: String
        public let kms: String
        /// P_pub = [s]P, uncompressed (0x04 || x || y).
        public let sP: String
        public let users: [String]
        /// Each common identity (a user with several devices, PROFILE D13) and the users,
        /// its devices, whom the KMS grants its key besides their own. Absent when no user
        /// has devices of that kind.
        public let common: [String: [String]]?
    }

    public let directory: URL
    public let description: Description
    public let parameterSet: ParameterSet
    public let publicParameters: BFPublicParameters

    /// The KMS identity every realm uses (PROFILE D19: an absolute URI).
    public static let kmsURI = "https://kms.ims.example"

    /// Makes a realm in `directory` (created if missing; an existing realm is not
    /// overwritten): a fresh s from `random`, and a 32-octet PSK per user. `common` names
    /// each common identity's devices, users whose requests may name it too (PROFILE D13).
    public static func create(at directory: URL, users: [String], common: [String: [String]] = [:], parameterSet: ParameterSet,
                              using random: RandomSource) throws(NetworkError) -> Realm {
        guard !users.isEmpty else { throw NetworkError("net init: give at least one --user URI") }
        for user in users where !Self.isAbsoluteURI(user) {
            throw NetworkError("net init: --user \(user): an absolute URI expected, such as sip:alice@ims.example (PROFILE D19)")
        }
        for (identity, devices) in common.sorted(by: { $0.key < $1.key }) {
            guard Self.isAbsoluteURI(identity) else {
                throw NetworkError("net init: --common \(identity): an absolute URI expected, such as sip:bob@ims.example (PROFILE D19)")
            }
            guard !devices.isEmpty else { throw NetworkError("net init: --common \(identity): name its devices, URI=DEVICE,DEVICE...") }
            for device in devices where !users.contains(device) {
                throw NetworkError("net init: --common \(identity): its device \(device) is not a --user of the realm")
            }
        }
        let realmFile = directory.appendingPathComponent("realm.json")
        guard !FileManager.default.fileExists(atPath: realmFile.path) else {
            throw NetworkError("net init: \(realmFile.path) exists; a realm is not overwritten (remove it to start again)")
        }
        let kms = KeyManagementService(parameterSet: parameterSet, using: random)
        let curve = parameterSet.curve
        let description = Description(params: parameterSet.name, kms: kmsURI,
                                      sP: Hex.encode(curve.uncompressedOctets(kms.publicParameters.publicKey)),
                                      users: users, common: common.isEmpty ? nil : common)
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("psk"), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try write(try encoder.encode(description), to: realmFile, secret: false)
            try write(Data(Hex.encode(kms.masterSecret.bytes).utf8), to: directory.appendingPathComponent("kms.secret"), secret: true)
            for user in users {
                try write(Data(Hex.encode(random.bytes(32)).utf8), to: pskFile(user, in: directory), secret: true)
            }
        } catch let error as NetworkError {
            throw error
        } catch {
            throw NetworkError("net init: cannot write the realm in \(directory.path): \(error.localizedDescription)")
        }
        return Realm(directory: directory, description: description, parameterSet: parameterSet,
                     publicParameters: kms.publicParameters)
    }

    /// Reads the realm in `directory`.
    public static func load(from directory: URL) throws(NetworkError) -> Realm {
        let file = directory.appendingPathComponent("realm.json")
        let description: Description
        do {
            description = try JSONDecoder().decode(Description.self, from: Data(contentsOf: file))
        } catch {
            throw NetworkError("\(file.path): not a realm (`mikey-ibake net init` writes one): \(error.localizedDescription)")
        }
        let parameterSet: ParameterSet
        do {
            parameterSet = try ParameterSet.named(description.params)
        } catch {
            throw NetworkError("\(file.path): parameter set \(description.params): \(error)")
        }
        guard let octets = Hex.decode(description.sP), let point = parameterSet.curve.point(uncompressed: octets) else {
            throw NetworkError("\(file.path): sP is not a point of \(description.params) in uncompressed hex")
        }
        let parameters = BFPublicParameters(curve: parameterSet.curve, generator: parameterSet.generator, publicKey: point,
                                            hash: parameterSet.hash)
        return Realm(directory: directory, description: description, parameterSet: parameterSet, publicParameters: parameters)
    }

    /// The KMS with the realm's master secret (only where `kms.secret` is readable).
    public func kms() throws(NetworkError) -> KeyManagementService {
        let file = directory.appendingPathComponent("kms.secret")
        let secret = try Self.readHex(file, what: "the KMS master secret")
        do {
            let kms = try KeyManagementService(parameterSet: parameterSet, masterSecret: BigInt(bytes: secret))
            guard kms.publicParameters.publicKey == publicParameters.publicKey else {
                throw NetworkError("\(file.path) does not match sP in realm.json")
            }
            return kms
        } catch let error as NetworkError {
            throw error
        } catch {
            throw NetworkError("\(file.path): \(error)")
        }
    }

    /// The pre-shared key of `user` (only where its file is readable).
    public func psk(for user: String) throws(NetworkError) -> [UInt8] {
        guard description.users.contains(user) else {
            throw NetworkError("\(user) is not a user of this realm; its users: \(description.users.joined(separator: ", "))")
        }
        return try Self.readHex(Self.pskFile(user, in: directory), what: "the PSK of \(user)")
    }

    /// The identities each user may ask keys for besides its own: a device's common
    /// identity (PROFILE D11, D13), what the KMS grants.
    public var grants: [String: Set<String>] {
        var grants = [String: Set<String>]()
        for (identity, devices) in description.common ?? [:] {
            for device in devices { grants[device, default: []].insert(identity) }
        }
        return grants
    }

    /// Every user's PSK, by URI: what the KMS checks requests with.
    public func psks() throws(NetworkError) -> [String: [UInt8]] {
        var psks = [String: [UInt8]]()
        for user in description.users { psks[user] = try psk(for: user) }
        return psks
    }

    /// `psk/<user>.hex`, the URI's characters outside [A-Za-z0-9.-] written as %XX.
    static func pskFile(_ user: String, in directory: URL) -> URL {
        let name = user.utf8.map { byte -> String in
            let scalar = Unicode.Scalar(byte)
            return (scalar.properties.isASCIIHexDigit || ("a"..."z").contains(Character(scalar)) || ("A"..."Z").contains(Character(scalar))
                || scalar == "." || scalar == "-") ? String(Character(scalar)) : String(format: "%%%02X", byte)
        }.joined()
        return directory.appendingPathComponent("psk").appendingPathComponent(name + ".hex")
    }

    static func isAbsoluteURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && !text.contains(" ")
    }

    private static func write(_ data: Data, to file: URL, secret: Bool) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: data,
                                             attributes: [.posixPermissions: secret ? 0o600 : 0o644]) else {
            throw NetworkError("cannot create \(file.path)")
        }
    }

    private static func readHex(_ file: URL, what: String) throws(NetworkError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw NetworkError("\(file.path): cannot read \(what) (missing, or not readable by this user)")
        }
        guard let octets = Hex.decode(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw NetworkError("\(file.path): \(what) is not hex")
        }
        return octets
    }
}
