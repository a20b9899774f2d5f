import Foundation

/// Runs `work` on a thread with a large stack, waits for it, and returns its value.
///
/// Swift Testing runs tests on threads with small stacks; tests of deep nesting use this so
/// that they measure the engine's own depth limit rather than the test runner's stack.
func onLargeStack<T: Sendable>(megabytes: Int = 64, _ work: @escaping @Sendable () -> T) -> T? {
  let box = ResultBox<T>()
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    box.value = work()
    done.signal()
  }
  thread.stackSize = megabytes << 20
  thread.start()
  done.wait()
  return box.value
}

/// Carries the result out of the thread; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
  var value: T?
}
