import Diagnostics

/// Strings, numbers and the literals `true`, `false` and `null`.
extension JSONParser {
  /// Reads a value that is not an array or object.
  mutating func parseScalar(at path: JSONPath, expecting expectation: String) throws(Failure)
    -> JSONNode
  {
    let start = location
    guard let byte = peek() else { throw unexpected(expectation, path: path) }
    let value: JSONValue
    switch byte {
    case UInt8(ascii: "\""):
      value = .string(try parseString(path: path))
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      value = .number(try parseNumber(path: path))
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      value = try parseLiteral(path: path, expecting: expectation)
    default:
      throw unexpected(expectation, path: path)
    }
    return JSONNode(value: value, location: start, path: path)
  }

  /// Reads `true`, `false` or `null`; any other bare word is an error naming the word.
  private mutating func parseLiteral(path: JSONPath, expecting expectation: String)
    throws(Failure) -> JSONValue
  {
    var end = index
    while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
    let word = String(decoding: bytes[index..<end], as: UTF8.self)
    let literals: [(String, JSONValue)] = [
      ("true", .bool(true)), ("false", .bool(false)), ("null", .null),
    ]
    if let (_, value) = literals.first(where: { $0.0 == word }) {
      while index < end { advance() }
      return value
    }
    if end == bytes.count, let (literal, _) = literals.first(where: { $0.0.hasPrefix(word) }) {
      while index < end { advance() }
      throw fail(
        .syntaxUnexpectedEnd, "expected '\(literal)', found end of input", at: location,
        path: path)
    }
    throw unexpected(
      expectation, path: path,
      hint: "strings must be in double quotes; the only bare words are true, false and null")
  }

  /// Reads a string (the opening quote is next), resolving escapes.
  mutating func parseString(path: JSONPath) throws(Failure) -> String {
    let start = location
    advance()
    var buffer: [UInt8] = []
    while true {
      guard let byte = peek() else {
        throw fail(
          .syntaxUnterminatedString, "expected '\"' to close the string, found end of input",
          at: start, path: path)
      }
      switch byte {
      case UInt8(ascii: "\""):
        advance()
        return String(decoding: buffer, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape(into: &buffer, stringStart: start, path: path)
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        throw fail(
          .syntaxUnterminatedString, "expected '\"' to close the string, found end of line",
          at: start, path: path, hint: "strings cannot span lines; write a line break as \\n")
      case 0..<0x20:
        throw unexpected(
          "a character or '\"' in string", path: path,
          hint: "control characters must be escaped, for example \\t or \\u0000")
      case 0x80...:
        guard let (_, length) = scalar(at: index) else {
          throw fail(
            .syntaxInvalidUTF8, "invalid UTF-8 byte \(Self.hex(byte)) in string", at: location,
            path: path)
        }
        buffer.append(contentsOf: bytes[index..<index + length])
        for _ in 0..<length { advance() }
      default:
        buffer.append(byte)
        advance()
      }
    }
  }

  /// Reads one escape sequence (the backslash is next) and appends its UTF-8 encoding.
  private mutating func parseEscape(
    into buffer: inout [UInt8], stringStart: SourceLocation, path: JSONPath
  ) throws(Failure) {
    let escapeLocation = location
    advance()
    guard let byte = peek() else {
      throw fail(
        .syntaxUnterminatedString, "expected '\"' to close the string, found end of input",
        at: stringStart, path: path)
    }
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
      UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
      UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let resolved = simple[byte] {
      advance()
      buffer.append(resolved)
      return
    }
    guard byte == UInt8(ascii: "u") else {
      throw unexpected(
        "an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX) after '\\'",
        id: .syntaxInvalidEscape, at: escapeLocation, path: path)
    }
    advance()
    let unit = try parseHexQuad(stringStart: stringStart, path: path)
    var value = UInt32(unit)
    switch unit {
    case 0xD800...0xDBFF:
      let lowLocation = location
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else {
        throw fail(
          .syntaxInvalidEscape,
          "expected a low surrogate escape '\\uDC00'…'\\uDFFF' after high surrogate "
            + "'\\u\(Self.hexQuad(unit))', found none", at: escapeLocation, path: path)
      }
      advance()
      advance()
      let low = try parseHexQuad(stringStart: stringStart, path: path)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw fail(
          .syntaxInvalidEscape,
          "expected a low surrogate escape '\\uDC00'…'\\uDFFF' after high surrogate "
            + "'\\u\(Self.hexQuad(unit))', found '\\u\(Self.hexQuad(low))'",
          at: lowLocation, path: path)
      }
      value = 0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
    case 0xDC00...0xDFFF:
      throw fail(
        .syntaxInvalidEscape,
        "expected a high surrogate escape '\\uD800'…'\\uDBFF' before low surrogate "
          + "'\\u\(Self.hexQuad(unit))', found none", at: escapeLocation, path: path)
    default:
      break
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw fail(.syntaxInvalidEscape, "invalid escape", at: escapeLocation, path: path)
    }
    UTF8.encode(scalar) { buffer.append($0) }
  }

  /// Reads the four hex digits of a `\u` escape.
  private mutating func parseHexQuad(stringStart: SourceLocation, path: JSONPath)
    throws(Failure) -> UInt16
  {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard let byte = peek() else {
        throw fail(
          .syntaxUnterminatedString, "expected '\"' to close the string, found end of input",
          at: stringStart, path: path)
      }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default:
        throw unexpected("4 hex digits after '\\u'", id: .syntaxInvalidEscape, path: path)
      }
      value = value << 4 | UInt16(digit)
      advance()
    }
    return value
  }

  /// Reads a number following JSON's grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
  private mutating func parseNumber(path: JSONPath) throws(Failure) -> JSONNumber {
    let startIndex = index
    func isDigit(_ byte: UInt8?) -> Bool {
      byte.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
    }
    func soFar(_ parser: JSONParser) -> String {
      String(decoding: parser.bytes[startIndex..<parser.index], as: UTF8.self)
    }
    if peek() == UInt8(ascii: "-") { advance() }
    guard isDigit(peek()) else {
      throw unexpected("a digit after '-' in number", id: .syntaxInvalidNumber, path: path)
    }
    if peek() == UInt8(ascii: "0") {
      advance()
      if isDigit(peek()) {
        throw unexpected(
          "'.', 'e' or the end of the number after leading '0' in '\(soFar(self))'",
          id: .syntaxInvalidNumber, path: path, hint: "JSON numbers cannot have leading zeros")
      }
    }
    while isDigit(peek()) { advance() }
    if peek() == UInt8(ascii: ".") {
      advance()
      guard isDigit(peek()) else {
        throw unexpected(
          "a digit after '.' in number '\(soFar(self))'", id: .syntaxInvalidNumber, path: path)
      }
      while isDigit(peek()) { advance() }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      advance()
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
      guard isDigit(peek()) else {
        throw unexpected(
          "a digit in the exponent of number '\(soFar(self))'", id: .syntaxInvalidNumber,
          path: path)
      }
      while isDigit(peek()) { advance() }
    }
    return JSONNumber(text: soFar(self))
  }

  /// `D83D`-style text for a UTF-16 code unit.
  static func hexQuad(_ unit: UInt16) -> String {
    let digits = String(unit, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }
}
