import Foundation

/// `harvest-report.json`, the file that marks a folder as a report Harvest wrote and lists
/// every file it holds, so that `--force` and the clean-up of interrupted runs delete only
/// those files.
struct ReportMarker: Codable, Equatable {
  static let fileName = "harvest-report.json"
  static let formatName = "harvest-report"

  var format: String
  var version: Int
  /// The report's files other than the marker, sorted.
  var files: [String]

  init(files: [String]) {
    self.format = ReportMarker.formatName
    self.version = 1
    self.files = files.sorted()
  }

  var bytes: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Encoding strings and an integer cannot fail.
    var data = (try? encoder.encode(self)) ?? Data()
    data.append(10)
    return [UInt8](data)
  }

  /// The marker in `bytes`, or nil when they are not a Harvest marker.
  static func decode(_ bytes: [UInt8]) -> ReportMarker? {
    guard let marker = try? JSONDecoder().decode(ReportMarker.self, from: Data(bytes)),
      marker.format == formatName, marker.version == 1,
      marker.files.allSatisfy(ReportArchive.isPlainName)
    else { return nil }
    return marker
  }
}
