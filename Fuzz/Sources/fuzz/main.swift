import FuzzTargets
#if canImport(Glibc)
import Glibc
#endif

// libFuzzer's driver, called from this main rather than libFuzzer's own main (SwiftPM
// links an executable's main under another name, which libFuzzer's main would clash with).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The target FUZZ_TARGET names.
enum Selected {
    static let target = getenv("FUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) }
}

guard let target = Selected.target else {
    // FUZZ_TARGET=list (or unset): the targets, for scripts/fuzz --list.
    let width = FuzzTarget.allCases.map(\.rawValue.count).max() ?? 0
    for target in FuzzTarget.allCases {
        print(target.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + target.summary)
    }
    exit(getenv("FUZZ_TARGET").map { String(cString: $0) == "list" } ?? false ? 0 : 2)
}
// Build the seeded exchange before the first input, so its cost is not counted in that input's time.
target.prepare()

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { data, size in
    Selected.target?.run(data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
})
