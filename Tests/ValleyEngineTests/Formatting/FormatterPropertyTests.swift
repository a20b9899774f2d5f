import Testing
import ValleyTestSupport

@testable import ValleyEngine

/// Random programs, their blanks replaced by random blanks, line breaks and comments, format
/// to texts that mean the same, keep the comments and format to themselves.
@Suite struct FormatterPropertyTests {
  @Test(arguments: 1...40) func scrambledProgramsFormatFaithfully(seed: Int) throws {
    let program = RandomProgram.make(seed: UInt64(seed)).valleyText
    var random = SplitMix64(seed: UInt64(seed) &* 7919)
    let fillers = [" ", "  ", "\n", "\t", "\n\n\n", " /* c */ ", " % line\n", "\n  % own\n  ", " /* two\n lines */ "]
    var scrambled = ""
    for character in program {
      if character == " " || character == "\n" {
        scrambled += fillers[Int(random.next() % UInt64(fillers.count))]
      } else {
        scrambled.append(character)
      }
    }
    let formatted = try #require(FormatCheck.format(scrambled, kind: .knowledge, name: "seed \(seed)"))
    FormatCheck.expectFaithful(scrambled, formatted, kind: .knowledge, name: "seed \(seed)")
    #expect(FormatCheck.meaning(of: formatted, kind: .knowledge) == FormatCheck.meaning(of: program, kind: .knowledge))
    // Without comments the layout does not depend on the input's blanks.
    let plain = "\n\n" + program.split(separator: "\n").joined(separator: "   \n   ") + "\n\n"
    #expect(FormatCheck.format(plain, kind: .knowledge) == FormatCheck.format(program, kind: .knowledge))
  }
}
