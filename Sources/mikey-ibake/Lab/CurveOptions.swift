import ArgumentParser
import Pairing

/// `--p` and `--q`, given in full: the type-1 curve that `lab pairing` and
/// `lab hash-to-point` compute on. (`generate-params` takes them too, but optional,
/// as the alternative to searching.)
struct CurveOptions: ParsableArguments {
    @Option(help: "The field prime p, in hex.") var p: String
    @Option(help: "The subgroup order q, in hex.") var q: String

    /// The curve, with p and q checked to be prime.
    func curve() throws -> TypeOneCurve {
        try LabInputs.curve(p: p, q: q)
    }
}
