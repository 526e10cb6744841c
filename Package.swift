// swift-tools-version: 6.0
import PackageDescription

// Layers (DESIGN.md): each module depends only on the ones below it, and only the
// module that owns a system library imports it (CGMP -> Pairing, COpenSSL -> Primitives,
// CNcurses -> TerminalBackend).
let package = Package(
    name: "mikey-ibake-lab",
    products: [
        .executable(name: "mikey-ibake", targets: ["mikey-ibake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),

        .target(name: "Primitives", dependencies: ["COpenSSL"]),
        .target(name: "Pairing", dependencies: ["CGMP"]),
        .target(name: "LabAssets", path: "Assets", sources: ["LabAssets.swift"], resources: [.copy("params")]),
        .target(name: "IBE", dependencies: ["Primitives", "Pairing", "LabAssets"]),
        .target(name: "MIKEY", dependencies: ["Primitives"]),
        .target(name: "IBAKE", dependencies: ["MIKEY", "IBE", "Pairing", "Primitives"]),
        .target(name: "Scenarios", dependencies: ["IBAKE", "MIKEY", "IBE", "Pairing", "Primitives"]),
        .target(name: "TerminalBackend", dependencies: ["CNcurses"]),
        .executableTarget(
            name: "mikey-ibake",
            dependencies: [
                "Primitives", "Pairing", "IBE", "MIKEY", "IBAKE", "Scenarios", "TerminalBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Reads ../shared/vectors for the tests; not part of any product.
        .target(name: "TestSupport", dependencies: ["IBE", "Pairing", "Primitives"], path: "Tests/TestSupport"),
        // Vectors/ holds published known-answer files, read by path from the tests.
        .testTarget(name: "PrimitivesTests", dependencies: ["Primitives"], exclude: ["Vectors"]),
        .testTarget(name: "PairingTests", dependencies: ["Pairing", "IBE", "Primitives", "TestSupport"]),
        .testTarget(name: "IBETests", dependencies: ["IBE", "Pairing", "Primitives", "TestSupport"]),
        .testTarget(name: "MIKEYTests", dependencies: ["MIKEY", "Primitives"], exclude: ["Vectors"]),
        .testTarget(name: "IBAKETests", dependencies: ["IBAKE", "MIKEY", "IBE", "Pairing", "Primitives"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["mikey-ibake", "MIKEY", "IBAKE", "IBE"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "IBAKE", "IBE", "Primitives"]),
    ]
)
