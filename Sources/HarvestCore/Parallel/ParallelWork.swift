import Dispatch

/// Independent pieces of work spread over the machine's cores.
enum ParallelWork {
  /// Runs `body` for every index below `count`, each index taken by whichever core is free;
  /// on the calling thread alone when there is one piece.
  static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
    guard count > 1 else {
      if count == 1 { body(0) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
  }
}

/// The start of memory whose slots the pieces of a `ParallelWork.forEach` fill, each piece
/// its own slots, so no two threads ever touch the same one.
struct DisjointSlots<Element>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Element>
}
