import COpenSSL

/// One OpenSSL `X509`, freed with the last reference.
///
/// `@unchecked Sendable` is sound: the certificate is complete (signed and, where parsed,
/// already decoded) before it is wrapped and is never modified after; OpenSSL's read-only
/// accessors on a finished `X509` may run on several threads at once (the cached extension
/// data is computed under OpenSSL's own lock).
final class OwnedX509: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { X509_free(pointer) }
}
