import Foundation
import HarvestCore
import HarvestRender
import XCTest

/// Paths and helpers shared by the renderer tests.
enum TestSupport {
  /// The package root, found from this file's path.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The templates shipped with the package.
  static let library = TemplateLibrary(directory: packageRoot + "/Templates")

  /// A renderer over the shipped templates.
  static let renderer = PDFRenderer(templates: library)

  /// Where the official IRS PDFs are kept: `HARVEST_IRS_PDFS`, or `../shared/reference/irs`
  /// beside the package.
  static let officialDirectory =
    ProcessInfo.processInfo.environment["HARVEST_IRS_PDFS"]
    ?? packageRoot + "/../shared/reference/irs"

  /// Runs a tool and returns its standard output; nil when the tool is not installed.
  static func run(_ tool: String, _ arguments: [String]) throws -> Data? {
    guard let path = which(tool) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw NSError(domain: tool, code: Int(process.terminationStatus))
    }
    return data
  }

  /// The full path of a tool on PATH.
  static func which(_ tool: String) -> String? {
    for directory in ["/usr/bin", "/usr/local/bin", "/bin"] {
      let path = directory + "/" + tool
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// The text of a PDF (or of one page of it) as `pdftotext -layout` extracts it.
  static func text(of pdf: [UInt8], page: Int? = nil, raw: Bool = false) throws -> String {
    let file = temporaryFile("pdf")
    defer { try? FileManager.default.removeItem(atPath: file) }
    try Data(pdf).write(to: URL(fileURLWithPath: file))
    var arguments = [raw ? "-raw" : "-layout"]
    if let page { arguments += ["-f", "\(page)", "-l", "\(page)"] }
    guard let data = try run("pdftotext", arguments + [file, "-"]) else {
      throw XCTSkip("pdftotext is not installed (poppler-utils)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The number of pages of a PDF.
  static func pageCount(of pdf: [UInt8]) throws -> Int {
    let file = temporaryFile("pdf")
    defer { try? FileManager.default.removeItem(atPath: file) }
    try Data(pdf).write(to: URL(fileURLWithPath: file))
    guard let data = try run("pdfinfo", [file]) else {
      throw XCTSkip("pdfinfo is not installed (poppler-utils)")
    }
    let info = String(decoding: data, as: UTF8.self)
    let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
    return Int(line.split(separator: " ").last ?? "") ?? -1
  }

  /// A fresh path in the temporary directory.
  static func temporaryFile(_ suffix: String) -> String {
    NSTemporaryDirectory() + "harvest-render-\(UUID().uuidString).\(suffix)"
  }

  /// A date from its ISO text.
  static func date(_ iso: String) -> CivilDate {
    CivilDate(iso: iso)!
  }

  /// A row with the given amounts in cents.
  static func row(
    _ box: Form8949Box, sold: String, acquired: String = "2024-01-10",
    proceeds: Int64, cost: Int64, adjustment: Int64 = 0, code: String = "",
    description: String = "100 sh XYZ"
  ) -> Form8949Row {
    Form8949Row(
      box: box, description: description,
      dateAcquired: acquired == "INHERITED" ? .inherited : .date(date(acquired)),
      dateSold: date(sold), proceeds: Money(cents: proceeds), costBasis: Money(cents: cost),
      code: code, adjustment: Money(cents: adjustment))
  }
}
