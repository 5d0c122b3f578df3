import Foundation

/// Why a report could not be put in its output folder. `message` is the one place these
/// become sentences.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The output folder already holds files and `--force` was not given.
  case folderNotEmpty(path: String)
  /// `--force` was given but the folder is not a Harvest report (no marker file, or files
  /// the marker does not list); nothing was touched.
  case notAHarvestReport(path: String, reason: String)
  /// The output path exists and is not a folder (a file, or a symbolic link).
  case notAFolder(path: String)
  /// A report file name that cannot be written as one plain file in the folder.
  case invalidFileName(String)
  /// A system call failed.
  case system(operation: String, path: String, errno: Int32, detail: String)
  /// The write was stopped on purpose partway through, standing in for a killed process;
  /// only tests ask for it.
  case interrupted(stage: String)

  /// One line for standard error.
  public var message: String {
    switch self {
    case .folderNotEmpty(let path):
      return "\(path): the output folder already holds files; give --force to replace an "
        + "earlier Harvest report there, or choose another folder with --out"
    case .notAHarvestReport(let path, let reason):
      return "\(path): not replaced, because it does not look like a Harvest report "
        + "(\(reason)); Harvest only replaces folders it wrote itself"
    case .notAFolder(let path):
      return "\(path): exists and is not a folder (a file or a symbolic link); choose another "
        + "--out"
    case .invalidFileName(let name):
      return "internal error: report file name \"\(name)\" is not a plain file name"
    case .system(let operation, let path, let code, let detail):
      let staging = path.contains(".harvest-new-") || path.contains(".harvest-old-")
      let denied = code == EACCES || code == EPERM || code == EROFS
      let hint =
        staging && denied
        ? "; a report is written into a temporary folder beside the output folder, so the "
          + "folder that holds --out must be writable"
        : ""
      return "\(path): could not \(operation): \(detail) (errno \(code))" + hint
    case .interrupted(let stage):
      return "the report write was interrupted \(stage)"
    }
  }

  public var description: String { message }
}
