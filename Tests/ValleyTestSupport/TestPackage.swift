import Foundation

/// The package the tests belong to.
public enum TestPackage {
  /// The package's root folder (the one holding Package.swift), found from this file's path.
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)  // Tests/ValleyTestSupport/TestPackage.swift
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()
}
