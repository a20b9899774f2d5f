import Glibc
import Synchronization
import ValleyEngine

/// The status line on standard error while a load or an evaluation runs at a terminal:
/// `reading facts.kb: 42% of 29.1 MB, 1,234,567 facts, 812,345 facts/s`.
///
/// The engine hands over a ``ProgressReport`` now and then (``EvaluationBudget/progress``).
/// The line appears once the work has gone on for ``delay``, is redrawn in place (carriage
/// return, the text, clear to the end of the line) at most every ``redrawInterval``, and is
/// erased by ``clear()`` before anything else is written, so nothing of it stays on the
/// screen. Only made when standard error is a terminal: scripts' output never holds it.
final class ProgressLine: Sendable {
  /// How long work goes on before the line appears, unless `VALLEY_PROGRESS_DELAY` (seconds)
  /// says otherwise: the tests set it to 0 so that they need not run long work.
  static let defaultDelay = Duration.seconds(1)
  /// The least time between two redraws.
  static let redrawInterval = Duration.milliseconds(100)

  private struct State {
    /// When the first report since the last ``clear()`` came: when the work began.
    var began: ContinuousClock.Instant?
    /// When the line was last drawn; nil when it is not on the screen.
    var drawn: ContinuousClock.Instant?
  }

  private let state = Mutex(State())
  /// Whether a line is on the screen, for the SIGINT handler (``eraseOnInterrupt()``).
  private static let onScreen = Atomic<Bool>(false)
  /// How long work goes on before the line appears.
  let delay: Duration

  private init(delay: Duration) {
    self.delay = delay
  }

  /// The line for this process, or nil when standard error is not a terminal or `disabled`
  /// (`--no-progress`).
  static func make(disabled: Bool) -> ProgressLine? {
    guard !disabled, Terminal.errorIsTerminal else { return nil }
    eraseOnInterrupt()
    var delay = defaultDelay
    if let text = System.environment("VALLEY_PROGRESS_DELAY"), let seconds = Double(text), seconds >= 0,
      seconds.isFinite
    {
      delay = .milliseconds(Int64(seconds * 1000))
    }
    return ProgressLine(delay: delay)
  }

  /// Lets `session` report to this line.
  func attach(to session: Session) {
    session.budget.progress = { [self] report in self.show(report) }
  }

  /// Draws `report` if the work has gone on long enough and the line was not drawn too
  /// recently.
  func show(_ report: ProgressReport) {
    let now = ContinuousClock.now
    let due = state.withLock { state -> Bool in
      let began = state.began ?? now
      state.began = began
      guard now - began >= delay else { return false }
      if let drawn = state.drawn, now - drawn < Self.redrawInterval { return false }
      state.drawn = now
      return true
    }
    guard due else { return }
    let text = ProgressRenderer.line(report, width: Terminal.errorColumns - 1)
    Self.onScreen.store(true, ordering: .relaxed)
    Terminal.write(stdout: "", stderr: "\r" + text + "\u{1B}[K")
  }

  /// Erases the line if it is shown, and starts waiting afresh for the next piece of work.
  /// Returns whether there was a line to erase.
  @discardableResult
  func clear() -> Bool {
    let shown = state.withLock { state -> Bool in
      defer { state = State() }
      return state.drawn != nil
    }
    if shown {
      Terminal.write(stdout: "", stderr: Self.erase.description)
      Self.onScreen.store(false, ordering: .relaxed)
    }
    return shown
  }

  /// A carriage return and a clear to the end of the line.
  private static let erase: StaticString = "\r\u{1B}[K"

  /// Makes a Ctrl-C that ends the process (`valley run`, or the prompt while it loads its
  /// starting knowledge) erase the line first, so that it does not stay above the shell's
  /// prompt. The prompt's own handler (``Terminal/catchInterrupts()``) replaces this one.
  private static func eraseOnInterrupt() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
      // Only what is safe in a signal handler: an atomic load, write(2), signal, raise.
      if ProgressLine.onScreen.load(ordering: .relaxed) {
        _ = Glibc.write(STDERR_FILENO, ProgressLine.erase.utf8Start, ProgressLine.erase.utf8CodeUnitCount)
      }
      Glibc.signal(signal, SIG_DFL)
      raise(signal)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
