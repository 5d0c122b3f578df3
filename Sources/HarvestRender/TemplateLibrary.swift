import Foundation

/// The form templates of every tax year, read from a `Templates` directory with one folder
/// per year (`Templates/2025/form8949.json`, `schedule-d.json`, `carryover-worksheet.json`).
public struct TemplateLibrary: Sendable {
  /// The directory holding one folder per tax year.
  public let directory: String

  /// Opens the templates under `directory`; nothing is read until a year is asked for.
  public init(directory: String) {
    self.directory = directory
  }

  /// The tax years with a complete set of templates, in increasing order.
  public var availableYears: [Int] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.compactMap { name -> Int? in
      guard let year = Int(name), name.count == 4 else { return nil }
      let folder = directory + "/" + name
      let complete = FormKind.allCases.allSatisfy {
        FileManager.default.fileExists(atPath: folder + "/" + $0.fileName)
      }
      return complete ? year : nil
    }.sorted()
  }

  /// The templates of one tax year.
  ///
  /// - Throws: `RenderError.noTemplate` naming the available years when there is none,
  ///   `RenderError.badTemplate` when a file cannot be read.
  public func templates(for year: Int) throws -> YearTemplates {
    guard availableYears.contains(year) else {
      throw RenderError.noTemplate(year: year, available: availableYears)
    }
    let folder = directory + "/\(year)"
    return YearTemplates(
      form8949: try load(folder + "/" + FormKind.form8949.fileName),
      scheduleD: try load(folder + "/" + FormKind.scheduleD.fileName),
      carryoverWorksheet: try load(folder + "/" + FormKind.carryoverWorksheet.fileName))
  }

  /// True when the year's templates are built from a draft or an earlier year's form, so
  /// the caller should warn that the layout may change.
  public func isDraft(_ year: Int) -> Bool {
    guard let templates = try? templates(for: year) else { return false }
    return templates.isDraft
  }

  /// The warning to print on standard error when a year's templates are drafts, or nil.
  public func draftWarning(_ year: Int) -> String? {
    guard let templates = try? templates(for: year), templates.isDraft else { return nil }
    let notes = templates.notes.isEmpty ? "" : ": " + templates.notes[0]
    return "the \(year) form templates are not from final IRS forms" + notes
  }

  private func load(_ path: String) throws -> FormTemplate {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RenderError.badTemplate(path: path, reason: "cannot be read")
    }
    do {
      return try JSONDecoder().decode(FormTemplate.self, from: data)
    } catch {
      throw RenderError.badTemplate(path: path, reason: "\(error)")
    }
  }
}

/// The three templates of one tax year.
public struct YearTemplates: Sendable {
  /// Form 8949, Part I on page 1 and Part II on page 2.
  public var form8949: FormTemplate
  /// Schedule D, both pages.
  public var scheduleD: FormTemplate
  /// The Capital Loss Carryover Worksheet page.
  public var carryoverWorksheet: FormTemplate

  /// True when any of the templates is a draft.
  public var isDraft: Bool {
    [form8949, scheduleD, carryoverWorksheet].contains { $0.draft == true }
  }

  /// The notes the templates carry, such as why they are drafts.
  public var notes: [String] {
    [form8949, scheduleD, carryoverWorksheet].compactMap(\.note)
  }
}

/// The forms a year's folder holds.
enum FormKind: CaseIterable {
  case form8949, scheduleD, carryoverWorksheet

  var fileName: String {
    switch self {
    case .form8949: return "form8949.json"
    case .scheduleD: return "schedule-d.json"
    case .carryoverWorksheet: return "carryover-worksheet.json"
    }
  }
}
