import COpenSSL

/// A reusable OpenSSL HMAC computation (RFC 2104) for one hash function.
///
/// One `EVP_MAC_CTX` is created with its digest set once; each MAC re-keys it with
/// ``begin(key:)``, feeds the message in parts with ``update(_:)`` (so callers need not
/// concatenate) and writes the tag with ``finish(into:)``. Not for concurrent use.
final class HMACContext {
    let hash: HashFunction
    private let context: OpaquePointer

    private static let mac = FetchedAlgorithm("HMAC") { EVP_MAC_fetch(nil, $0, nil) }

    init(hash: HashFunction) {
        guard let context = EVP_MAC_CTX_new(Self.mac.pointer) else { OpenSSLErrors.fatal("EVP_MAC_CTX_new") }
        let ok = OSSL_MAC_PARAM_DIGEST.withCString { name in
            hash.openSSLName.withCString { digest in
                // OpenSSL only reads the string; the parameter API is not const-correct.
                var parameters = [
                    OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return EVP_MAC_CTX_set_params(context, &parameters)
            }
        }
        guard ok == 1 else {
            EVP_MAC_CTX_free(context)
            OpenSSLErrors.fatal("HMAC-\(hash.displayName) set-up")
        }
        self.hash = hash
        self.context = context
    }

    deinit {
        // EVP_MAC_CTX_free wipes OpenSSL's copy of the key and the keyed digest states.
        EVP_MAC_CTX_free(context)
    }

    /// Starts a new MAC under `key` (any length; RFC 2104 hashes keys longer than a block).
    func begin(key: UnsafeRawBufferPointer) {
        let ok: Int32
        if let base = key.baseAddress, key.count > 0 {
            ok = EVP_MAC_init(context, base.assumingMemoryBound(to: UInt8.self), key.count, nil)
        } else {
            // An empty key is legal HMAC, but OpenSSL reads a NULL key as "keep the old key".
            ok = withUnsafeBytes(of: UInt8(0)) { empty in
                EVP_MAC_init(context, empty.baseAddress?.assumingMemoryBound(to: UInt8.self), 0, nil)
            }
        }
        guard ok == 1 else { OpenSSLErrors.fatal("HMAC-\(hash.displayName) key set-up") }
    }

    /// Appends `bytes` to the message.
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        guard EVP_MAC_update(context, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count) == 1 else {
            OpenSSLErrors.fatal("HMAC-\(hash.displayName) update")
        }
    }

    /// Appends `bytes` to the message.
    func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Writes the tag, exactly `hash.digestLength` octets, to `output`.
    func finish(into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count == hash.digestLength, "HMAC output buffer must hold one digest")
        var written = 0
        let tag = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard EVP_MAC_final(context, tag, &written, output.count) == 1, written == output.count
        else { OpenSSLErrors.fatal("HMAC-\(hash.displayName) final") }
    }
}
