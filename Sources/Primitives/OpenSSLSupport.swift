import COpenSSL

/// Reading OpenSSL's per-thread error queue, so that a failure is reported with OpenSSL's
/// own reason and leaves no stale entry behind for the next call on this thread.
enum OpenSSLErrors {
    /// Removes every queued error and returns the reason text of the earliest one.
    static func takeReason() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "no reason given" }
        if let reason = ERR_reason_error_string(code) { return String(cString: reason) }
        return "error 0x" + String(code, radix: 16)
    }

    /// A ``PrimitivesError`` for an OpenSSL call that failed while working on `subject`.
    static func failure(_ subject: String, _ operation: String) -> PrimitivesError {
        PrimitivesError(.openSSL, subject, "\(operation) failed in OpenSSL: \(takeReason())")
    }

    /// Stops the process after an OpenSSL call that cannot fail on sound inputs failed anyway.
    ///
    /// Used only behind non-throwing APIs (hashing, HMAC, randomness) whose OpenSSL calls fail
    /// solely when memory is exhausted or the installation lacks its default provider;
    /// carrying on would hand out wrong digests, MACs or predictable bytes.
    static func fatal(_ operation: String) -> Never {
        fatalError("OpenSSL \(operation) failed: \(takeReason())")
    }
}

/// An algorithm implementation (`EVP_MD`, `EVP_CIPHER` or `EVP_MAC`) fetched from OpenSSL once
/// and kept for the life of the process, so that no call pays for a provider look-up.
///
/// `@unchecked Sendable` is sound: a fetched algorithm is immutable, OpenSSL lets several
/// threads use one at the same time (only its atomic reference count changes), and it is
/// never freed.
final class FetchedAlgorithm: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ name: String, fetch: (String) -> OpaquePointer?) {
        // Invariant: the default provider of every OpenSSL 3 build offers SHA-1, SHA-2,
        // AES-CTR and HMAC; if one is missing the installation is broken and no primitive
        // of this module could work.
        guard let pointer = fetch(name) else { OpenSSLErrors.fatal("fetch of \(name)") }
        self.pointer = pointer
    }
}
