// Primitives: OpenSSL-backed hashes, MACs, AES-CM, NIST curves, randomness.
