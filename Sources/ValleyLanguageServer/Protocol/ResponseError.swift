/// An error answer to a request, with one of the protocol's codes.
public struct ResponseError: Error, Sendable, Equatable {
  /// The numeric code.
  public var code: Int
  /// What went wrong, for people.
  public var message: String

  /// The message was not JSON.
  public static func parseError(_ message: String) -> ResponseError { .init(code: -32700, message: message) }
  /// The JSON was not a request or notification.
  public static func invalidRequest(_ message: String) -> ResponseError { .init(code: -32600, message: message) }
  /// No such method.
  public static func methodNotFound(_ method: String) -> ResponseError {
    .init(code: -32601, message: "unknown method '\(method)'")
  }
  /// The parameters do not fit the method.
  public static func invalidParams(_ message: String) -> ResponseError { .init(code: -32602, message: message) }
  /// A request before `initialize`.
  public static let notInitialized = ResponseError(code: -32002, message: "the server is not initialized yet")
  /// The request cannot be done (a rename to a name that is not valid, say).
  public static func requestFailed(_ message: String) -> ResponseError { .init(code: -32803, message: message) }

  /// The error as the `error` member of a response.
  public var json: JSONValue { ["code": .int(code), "message": .string(message)] }
}
