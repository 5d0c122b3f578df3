/// The `harvest` command line.
public enum HarvestCommand {
  /// Runs with the process arguments and exits.
  public static func main() {}
}
