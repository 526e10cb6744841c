import IBE
import Pairing
import Primitives

/// The MIKEY-SAKKE primitives in `bench` (issue 13): SAKKE at RFC 6509 parameter set 1
/// (params `sakke-1`) and ECCSI on P-256 beside OpenSSL's ECDSA on P-256 (params `p256`),
/// each measured in the same run so the ratio ECCSI : ECDSA means something.
extension BenchmarkSuite {
    /// sakke-encapsulate (§6.2.1, the KMS's tables warm), sakke-decapsulate (§6.2.2 with the
    /// receiver key prepared once), sakke-pairing (<R, K>, nothing prepared) and
    /// sakke-prepare-key (checking and preparing one RSK: what a receiver pays once a period).
    func runSAKKE() throws -> [BenchmarkResult] {
        let random = HMACDRBG(seed: 3)
        let parameters = SAKKEParameters.parameterSet1
        let curve = parameters.curve
        let kms = SAKKEKeyManagementService(parameters: parameters, using: random)
        let identifier = Array("2026-11\u{0}tel:+447700900123\u{0}".utf8)
        let rsk = try kms.receiverSecretKey(for: identifier)
        let key = try SAKKEReceiverKey(identifier: identifier, rsk: rsk, kmsPublicKey: kms.publicKey, parameters: parameters)
        let (_, data) = try parameters.encapsulate(to: identifier, kmsPublicKey: kms.publicKey, using: random)
        let unit = mulModTime(curve.p)
        func result(_ name: String, _ operation: () -> Void) -> BenchmarkResult {
            BenchmarkResult(name: name, params: "sakke-1", timing: sampling.measure(operation), unit: unit)
        }
        return [
            result("sakke-encapsulate") { _ = try? parameters.encapsulate(to: identifier, kmsPublicKey: kms.publicKey, using: random) },
            result("sakke-decapsulate") { _ = try? key.decapsulate(data) },
            result("sakke-pairing") { _ = curve.pairing(data.r, rsk) },
            result("sakke-prepare-key") {
                _ = try? SAKKEReceiverKey(identifier: identifier, rsk: rsk, kmsPublicKey: kms.publicKey, parameters: parameters)
            },
        ]
    }

    /// eccsi-sign and eccsi-verify (RFC 6507 §5.2.1, §5.2.2, the signer's key validated
    /// once), then ecdsa-sign and ecdsa-verify (OpenSSL, SHA-256) on the same message.
    func runECCSI() throws -> [BenchmarkResult] {
        let random = HMACDRBG(seed: 4)
        let kms = ECCSIKeyManagementService(using: random)
        let identifier = Array("2026-11\u{0}tel:+447700900123\u{0}".utf8)
        let key = try ECCSISigningKey(kms.provision(identifier, using: random), kpak: kms.kpak)
        let message = random.bytes(200)
        let signature = key.sign(message, using: random)
        let ecdsa = try ECDSAReference(curve: .p256)
        let ecdsaSignature = try ecdsa.sign(message)
        let unit = mulModTime(BigInt(bytes: NISTCurve.p256.fieldPrime))
        func result(_ name: String, _ operation: () -> Void) -> BenchmarkResult {
            BenchmarkResult(name: name, params: "p256", timing: sampling.measure(operation), unit: unit)
        }
        return [
            result("eccsi-sign") { _ = key.sign(message, using: random) },
            result("eccsi-verify") { _ = try? ECCSI.verify(signature, of: message, identifier: identifier, kpak: kms.kpak) },
            result("ecdsa-sign") { _ = try? ecdsa.sign(message) },
            result("ecdsa-verify") { _ = ecdsa.verify(ecdsaSignature, of: message) },
        ]
    }
}
