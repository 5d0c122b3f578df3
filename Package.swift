// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Harvest",
  products: [
    .executable(name: "harvest", targets: ["harvest"]),
    .library(name: "HarvestCore", targets: ["HarvestCore"]),
  ],
  targets: [
    .systemLibrary(
      name: "CCairo",
      path: "Sources/CCairo",
      pkgConfig: "cairo-ft",
      providers: [.apt(["libcairo2-dev"])]
    ),
    .target(name: "HarvestCore", path: "Sources/HarvestCore"),
    .target(
      name: "HarvestRender",
      dependencies: ["HarvestCore", "CCairo"],
      path: "Sources/HarvestRender"
    ),
    .target(
      name: "HarvestApp",
      dependencies: ["HarvestCore", "HarvestRender"],
      path: "Sources/HarvestApp"
    ),
    .executableTarget(name: "harvest", dependencies: ["HarvestApp"], path: "Sources/harvest"),
    .target(name: "SeededRandom", path: "Sources/SeededRandom"),
    .executableTarget(
      name: "harvest-bench", dependencies: ["SeededRandom"], path: "Sources/harvest-bench"),
    .testTarget(
      name: "HarvestCoreTests",
      dependencies: ["HarvestCore", "SeededRandom"],
      path: "Tests/HarvestCoreTests"
    ),
    .testTarget(
      name: "HarvestRenderTests",
      dependencies: ["HarvestRender", "HarvestCore"],
      path: "Tests/HarvestRenderTests"
    ),
    .testTarget(
      name: "HarvestAppTests",
      dependencies: ["HarvestApp", "HarvestCore", "SeededRandom"],
      path: "Tests/HarvestAppTests",
      exclude: ["Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
