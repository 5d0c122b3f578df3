extension ScheduleD {
  /// The header of `schedule-d.csv`.
  public static let csvHeader = ["line", "proceeds", "cost", "adjustment", "gain_loss", "answer"]

  /// `schedule-d.csv`: one row per line in form order. A blank line has empty cells; lines
  /// with one amount fill `gain_loss` only; `answer` is `yes` or `no` on lines 17, 20 and
  /// 22 when the flow reaches them.
  public var csvBytes: [UInt8] {
    var writer = CSVWriter(header: ScheduleD.csvHeader)
    for line in lines {
      writer.row([
        line.id,
        line.proceeds?.description ?? "",
        line.cost?.description ?? "",
        line.adjustment?.description ?? "",
        line.gainLoss?.description ?? "",
        line.answer.map { $0 ? "yes" : "no" } ?? "",
      ])
    }
    return writer.bytes
  }
}
