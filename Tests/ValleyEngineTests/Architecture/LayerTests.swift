import Foundation
import Testing
import ValleyTestSupport

/// The engine's folders are layers, and a file may use only what its own folder and the
/// folders below it declare (docs/architecture.md). This reads the sources the way a
/// reviewer would: it finds the types each folder declares at the top level and the type
/// names each file mentions (outside comments and quoted text), and reports every use of a
/// type from a higher layer.
@Suite struct LayerTests {
  /// Lowest first.
  static let layers = [
    "Diagnostics", "Store", "Syntax", "Files", "Semantics", "Planning", "Evaluation", "Knowledge",
    "Explanation", "Results", "Presentation", "Session", "Formatting",
  ]

  static let engine = URL(fileURLWithPath: TestPackage.root + "/Sources/ValleyEngine")

  @Test func everyFolderIsALayer() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.engine.path)
      .filter { !$0.hasPrefix(".") }.sorted()
    #expect(folders == Self.layers.sorted(), "add the new folder to LayerTests.layers and docs/architecture.md")
  }

  @Test func importsFlowDownward() throws {
    var sources: [(layer: Int, file: String, text: String)] = []
    for (layer, folder) in Self.layers.enumerated() {
      let url = Self.engine.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: url.path) else { continue }
      for case let path as String in walker where path.hasSuffix(".swift") {
        let text = try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
        sources.append((layer, folder + "/" + path, Self.code(of: text)))
      }
    }
    // Who declares each top-level type, and the names each layer declares at any depth.
    var owner: [String: Int] = [:]
    var local: [Int: Set<String>] = [:]
    for source in sources {
      for (name, topLevel) in Self.declarations(in: source.text) {
        local[source.layer, default: []].insert(name)
        if topLevel, owner[name] == nil { owner[name] = source.layer }
      }
    }
    #expect(owner.count > 100, "the scan found too few declarations to be meaningful")
    var violations: [String] = []
    for source in sources {
      for name in Self.typeNames(in: source.text) {
        guard let layer = owner[name], layer > source.layer, !(local[source.layer]?.contains(name) ?? false)
        else { continue }
        violations.append("\(source.file) uses \(name) from \(Self.layers[layer])")
      }
    }
    #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
  }

  /// Pointers into memory are Store's business (and, for system calls' buffers, Files').
  @Test func unsafeMemoryStaysInStore() throws {
    var offenders: [String] = []
    for folder in Self.layers where folder != "Store" && folder != "Files" {
      let url = Self.engine.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: url.path) else { continue }
      for case let path as String in walker where path.hasSuffix(".swift") {
        let code = Self.code(of: try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8))
        for word in ["Unsafe", "withMemoryRebound", ".allocate(", "withUnsafe"] where code.contains(word) {
          offenders.append("\(folder)/\(path) uses \(word)")
        }
      }
    }
    #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
  }

  /// The text without comments and without the contents of quoted text.
  static func code(of text: String) -> String {
    var out = ""
    var chars = Array(text.unicodeScalars)[...]
    func starts(_ s: String) -> Bool { chars.starts(with: s.unicodeScalars) }
    while let c = chars.first {
      if starts("//") {
        while let d = chars.first, d != "\n" { chars.removeFirst() }
      } else if starts("/*") {
        while !chars.isEmpty, !starts("*/") { chars.removeFirst() }
        chars = chars.dropFirst(2)
      } else if starts("\"\"\"") {
        chars = chars.dropFirst(3)
        while !chars.isEmpty, !starts("\"\"\"") { chars.removeFirst() }
        chars = chars.dropFirst(3)
        out += "\"\""
      } else if c == "\"" {
        chars.removeFirst()
        while let d = chars.first, d != "\"", d != "\n" {
          chars.removeFirst()
          if d == "\\" { chars = chars.dropFirst() }
        }
        chars = chars.dropFirst()
        out += "\"\""
      } else {
        out.unicodeScalars.append(c)
        chars.removeFirst()
      }
    }
    return out
  }

  /// Declared type names, and whether each is declared at the start of a line (top level).
  static func declarations(in code: String) -> [(String, Bool)] {
    let keywords: Set<Substring> = ["struct", "class", "enum", "protocol", "actor", "typealias"]
    var found: [(String, Bool)] = []
    for line in code.split(separator: "\n", omittingEmptySubsequences: true) {
      let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "=" })
      for (i, word) in words.enumerated() where keywords.contains(word) && i + 1 < words.count {
        let name = words[i + 1]
        guard let first = name.first, first.isUppercase else { continue }
        let modifiers = words[..<i].allSatisfy {
          ["public", "internal", "private", "fileprivate", "final", "indirect"].contains($0)
        }
        if modifiers { found.append((String(name), !line.hasPrefix(" "))) }
        break
      }
    }
    return found
  }

  /// Every capitalised identifier (a type name, in Valley's code).
  static func typeNames(in code: String) -> Set<String> {
    var names: Set<String> = []
    var current = ""
    for c in code.unicodeScalars {
      if c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) {
        current.unicodeScalars.append(c)
      } else {
        if let first = current.first, first.isUppercase { names.insert(current) }
        current = ""
      }
    }
    return names
  }
}
