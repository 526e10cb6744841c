import COpenSSL

/// The hash functions MIKEY-IBAKE and RFC 5091 use, computed by OpenSSL (FIPS 180-4).
///
/// The raw values (`sha1` … `sha512`) are the names parameter files and options use.
public enum HashFunction: String, CaseIterable, Sendable {
    case sha1, sha224, sha256, sha384, sha512

    /// Octets in a digest: 20, 28, 32, 48 or 64.
    public var digestLength: Int {
        switch self {
        case .sha1: 20
        case .sha224: 28
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// The name used in the standards, for example `SHA-256`.
    public var displayName: String {
        switch self {
        case .sha1: "SHA-1"
        case .sha224: "SHA-224"
        case .sha256: "SHA-256"
        case .sha384: "SHA-384"
        case .sha512: "SHA-512"
        }
    }

    /// The digest of `data`.
    public func digest(_ data: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: digestLength) { output, written in
            let ok = data.withUnsafeBytes { input in
                // EVP_Digest with an explicitly fetched EVP_MD: no provider look-up per call.
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, nil, algorithm.pointer, nil)
            }
            guard ok == 1 else { OpenSSLErrors.fatal("\(displayName) digest") }
            written = digestLength
        }
    }

    /// The digest of `first || second`, computed without building the concatenation.
    public func digest(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { OpenSSLErrors.fatal("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex2(context, algorithm.pointer, nil) == 1,
              first.withUnsafeBytes({ EVP_DigestUpdate(context, $0.baseAddress, $0.count) }) == 1,
              second.withUnsafeBytes({ EVP_DigestUpdate(context, $0.baseAddress, $0.count) }) == 1
        else { OpenSSLErrors.fatal("\(displayName) digest") }
        return [UInt8](unsafeUninitializedCapacity: digestLength) { output, written in
            guard EVP_DigestFinal_ex(context, output.baseAddress, nil) == 1 else {
                OpenSSLErrors.fatal("\(displayName) digest")
            }
            written = digestLength
        }
    }

    /// The algorithm name OpenSSL's default provider knows.
    var openSSLName: String {
        switch self {
        case .sha1: "SHA1"
        case .sha224: "SHA224"
        case .sha256: "SHA256"
        case .sha384: "SHA384"
        case .sha512: "SHA512"
        }
    }

    /// The `EVP_MD`, fetched once per hash for the whole process.
    var algorithm: FetchedAlgorithm {
        switch self {
        case .sha1: Self.sha1Algorithm
        case .sha224: Self.sha224Algorithm
        case .sha256: Self.sha256Algorithm
        case .sha384: Self.sha384Algorithm
        case .sha512: Self.sha512Algorithm
        }
    }

    private static let sha1Algorithm = fetch(.sha1)
    private static let sha224Algorithm = fetch(.sha224)
    private static let sha256Algorithm = fetch(.sha256)
    private static let sha384Algorithm = fetch(.sha384)
    private static let sha512Algorithm = fetch(.sha512)

    private static func fetch(_ hash: HashFunction) -> FetchedAlgorithm {
        FetchedAlgorithm(hash.openSSLName) { EVP_MD_fetch(nil, $0, nil) }
    }
}
