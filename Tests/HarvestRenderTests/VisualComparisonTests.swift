import Foundation
import HarvestRender
import XCTest

/// Renders every blank template page and the official page at the same resolution and checks
/// that their ink agrees. The rendered, official and difference images are written under
/// `.build/visual/` for a person to look at.
///
/// The measure: ink is any pixel darker than mid-gray at 72 dpi. A pixel of one image counts
/// as a mismatch when the other image has no ink within 2 pixels of it (a tolerance for the
/// substitute typeface's different letter shapes). The score is mismatched ink over all ink.
final class VisualComparisonTests: XCTestCase {
  /// Measured on the shipped templates: 0.002–0.003 for Form 8949 pages, 0.004–0.005 for
  /// Schedule D page 1 and 0.010 for its page 2 (the widest substitute text). Blanking one
  /// line of text on the rendered Form 8949 page 1 scores 0.014–0.020, so the limit sits
  /// between: 1.5 times the worst page. A single missing rule (about 0.006) is below it.
  static let threshold = 0.015
  static let resolution = 72

  private let outputDirectory = TestSupport.packageRoot + "/.build/visual"

  func testBlankTemplatesMatchTheOfficialPages() throws {
    guard TestSupport.which("pdftoppm") != nil else {
      throw XCTSkip("pdftoppm is not installed (poppler-utils)")
    }
    try FileManager.default.createDirectory(
      atPath: outputDirectory,
      withIntermediateDirectories: true)
    let forms: [(year: Int, official: String, pick: (YearTemplates) -> FormTemplate)] = [
      (2024, "f8949-2024.pdf", \.form8949), (2025, "f8949-2025.pdf", \.form8949),
      (2024, "f1040sd-2024.pdf", \.scheduleD), (2025, "f1040sd-2025.pdf", \.scheduleD),
    ]
    var report: [String] = []
    for form in forms {
      let official = TestSupport.officialDirectory + "/" + form.official
      guard FileManager.default.fileExists(atPath: official) else {
        throw XCTSkip("official PDF \(form.official) is not available")
      }
      let template = form.pick(try TestSupport.library.templates(for: form.year))
      let rendered = outputDirectory + "/\(template.form)-\(form.year)-rendered.pdf"
      try Data(try TestSupport.renderer.blank(template)).write(to: URL(fileURLWithPath: rendered))

      for page in 1...template.pages.count {
        let name = "\(template.form)-\(form.year)-p\(page)"
        let ours = try rasterize(rendered, page: page, as: name + "-rendered")
        let theirs = try rasterize(official, page: page, as: name + "-official")
        let score = try compare(ours, theirs, difference: name + "-difference")
        report.append("\(name): \(String(format: "%.4f", score))")
        XCTAssertLessThan(score, Self.threshold, "\(name) differs from the official page")
      }
    }
    try report.joined(separator: "\n").appending("\n")
      .write(toFile: outputDirectory + "/scores.txt", atomically: true, encoding: .utf8)
  }

  private func rasterize(_ pdf: String, page: Int, as name: String) throws -> GrayImage {
    let prefix = outputDirectory + "/" + name
    _ = try TestSupport.run(
      "pdftoppm",
      [
        "-r", "\(Self.resolution)", "-gray", "-f", "\(page)", "-l", "\(page)", "-singlefile",
        pdf, prefix,
      ])
    _ = try? TestSupport.run(
      "pdftoppm",
      [
        "-r", "\(Self.resolution)", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile",
        pdf, prefix,
      ])
    let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))
    try? FileManager.default.removeItem(atPath: prefix + ".pgm")
    return try XCTUnwrap(GrayImage(pgm: data), "\(name).pgm is not a PGM image")
  }

  /// The share of ink with no ink of the other image nearby; writes a colour image of the
  /// difference: black where both agree, red only ours, blue only the official page.
  private func compare(
    _ ours: GrayImage, _ theirs: GrayImage, difference: String
  ) throws
    -> Double
  {
    XCTAssertEqual(ours.width, theirs.width)
    XCTAssertEqual(ours.height, theirs.height)
    let width = min(ours.width, theirs.width)
    let height = min(ours.height, theirs.height)
    func crop(_ image: GrayImage) -> [Bool] {
      let ink = image.ink()
      return (0..<height).flatMap { y in ink[(y * image.width)..<(y * image.width + width)] }
    }
    let a = crop(ours)
    let b = crop(theirs)
    let nearA = GrayImage.dilate(a, width: width, height: height, radius: 2)
    let nearB = GrayImage.dilate(b, width: width, height: height, radius: 2)

    var inkCount = 0
    var mismatched = 0
    var picture = [UInt8]()
    picture.reserveCapacity(width * height * 3)
    for index in 0..<(width * height) {
      let onlyOurs = a[index] && !nearB[index]
      let onlyTheirs = b[index] && !nearA[index]
      inkCount += (a[index] ? 1 : 0) + (b[index] ? 1 : 0)
      mismatched += (onlyOurs ? 1 : 0) + (onlyTheirs ? 1 : 0)
      switch (onlyOurs, onlyTheirs, a[index] || b[index]) {
      case (true, _, _): picture += [230, 0, 0]
      case (_, true, _): picture += [0, 0, 230]
      case (_, _, true): picture += [90, 90, 90]
      default: picture += [255, 255, 255]
      }
    }
    let ppm = outputDirectory + "/" + difference + ".ppm"
    var file = Data("P6\n\(width) \(height)\n255\n".utf8)
    file.append(contentsOf: picture)
    try file.write(to: URL(fileURLWithPath: ppm))
    if (try? TestSupport.run("convert", [ppm, outputDirectory + "/" + difference + ".png"]))
      != nil
    {
      try? FileManager.default.removeItem(atPath: ppm)
    }
    return inkCount == 0 ? 1 : Double(mismatched) / Double(inkCount)
  }
}
