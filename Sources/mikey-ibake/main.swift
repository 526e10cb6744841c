import Pairing
let p = BigInt(hex: "a7a73868e95fba886edef8ce96e7217e364bb946f5ed839628d1f80010940622a7afdaf9b049744a459e54dab7ba5be92539e8ff9b4f30a3cf6230c28e284d97")!
let q = BigInt.powerOfTwo(159) + BigInt.powerOfTwo(107) + .one
let p2 = BigInt(hex: "8cfdc0faf8a2638ac2e7f10b3cddb278ebeb55ac0c3a71282e8353af79db4bbe01e2719589b879a8ccd49c42be3805b0ff4984ec77845031e133dec5dd1d518d9c20059a9f2c145a4544eea8d238460f89c3d60648a43d8296c341547002a8ab375f621df3fa5125a9dec232b7350b266bfa69dd7e2a44e1f01e2bfddd8b24b7")!
let q2 = BigInt.powerOfTwo(159) + BigInt.powerOfTwo(116) - .one
for (p, q) in [(p, q), (p2, q2)] {
let curve = try TypeOneCurve(p: p, q: q)
let P = curve.multiply(curve.point(withY: BigInt(12345)), by: curve.cofactor)
let A = curve.multiply(P, by: BigInt(777)), B = curve.multiply(P, by: BigInt(999))
let clock = ContinuousClock()
let n = 200
var e = Fp2Element.one
let t = clock.measure { for _ in 0..<n { e = curve.pairing(A, B) } }
let mm = MulModProbe.time(modulus: p, count: 100000)
let per = t / n
let mmper = mm / 100000
print(p.bitWidth, "pairing", per, "mulmod", mmper, "ratio", Double(per.components.attoseconds) / Double(mmper.components.attoseconds))
let ts = clock.measure { for _ in 0..<n { _ = curve.multiply(A, by: q - BigInt(5)) } }
print("scalar", ts / n)
print(curve.field.power(e, q).isOne)
}
