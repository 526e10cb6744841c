// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer binary, kept out of the main package so `swift build` there never needs
// libFuzzer. scripts/fuzz builds it with
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
// (the whole root package is instrumented for coverage) and picks the target with FUZZ_TARGET.
let package = Package(
    name: "mikey-ibake-fuzz",
    dependencies: [.package(name: "mikey-ibake-lab", path: "..")],
    targets: [
        .executableTarget(name: "fuzz", dependencies: [.product(name: "FuzzTargets", package: "mikey-ibake-lab")]),
    ]
)
