import Diagnostics
import ScenarioFormat
import Testing

@Suite struct JSONOutputTests {
  @Test func prettyOutputIndentsTwoSpacesAndSortsKeys() {
    let output: JSONOutput = [
      "seed": 7, "scenario": "colorteller", "empty": [:], "list": [], "ok": true,
      "traffic": [["name": "color1", "latencyMs": .number("3.1"), "service": nil]],
    ]
    #expect(
      output.rendered() == """
        {
          "empty": {},
          "list": [],
          "ok": true,
          "scenario": "colorteller",
          "seed": 7,
          "traffic": [
            {
              "latencyMs": 3.1,
              "name": "color1",
              "service": null
            }
          ]
        }
        """)
    #expect(
      output.rendered(pretty: false)
        == #"{"empty":{},"list":[],"ok":true,"scenario":"colorteller","seed":7,"traffic":[{"latencyMs":3.1,"name":"color1","service":null}]}"#
    )
  }

  @Test func keysAreOrderedByUTF8Bytes() {
    let output: JSONOutput = ["é": 1, "a": 2, "B": 3, "_": 4, "🙂": 5, "z": 6, "aa": 7]
    #expect(output.rendered(pretty: false) == #"{"B":3,"_":4,"a":2,"aa":7,"z":6,"é":1,"🙂":5}"#)
  }

  @Test(arguments: [
    ("plain", #""plain""#), ("q\"b\\s/", #""q\"b\\s/""#), ("\n\r\t", #""\n\r\t""#),
    ("\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}", #""\u0000\u0001\u0008\u000c\u001f\u007f""#),
    ("\u{2028}\u{2029}", #""\u2028\u2029""#), ("é🙂", "\"é🙂\""),
  ])
  func escapesStrings(value: String, json: String) {
    #expect(JSONOutput.string(value).rendered() == json)
    #expect(JSONOutput.object([value: .null]).rendered(pretty: false) == "{\(json):null}")
  }

  @Test func writesScalars() {
    #expect(JSONOutput.int(.min).rendered() == "-9223372036854775808")
    #expect(JSONOutput.bool(false).rendered() == "false")
    #expect(JSONOutput.null.rendered() == "null")
    #expect(JSONOutput.array([1, [2]]).rendered() == "[\n  1,\n  [\n    2\n  ]\n]")
  }

  @Test(
    arguments: [
      (3.14159, 2, "3.14"), (4, 1, "4.0"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.05, 1, "0.1"),
      (-0.004, 2, "0.00"), (0.001, 3, "0.001"), (12, 0, "12"), (-1.25, 3, "-1.250"),
      (1234.5678, 1, "1234.6"),
    ] as [(Double, Int, String)])
  func decimalFormatsFixedFractionDigits(value: Double, digits: Int, text: String) {
    #expect(JSONOutput.decimal(value, fractionDigits: digits) == .number(text))
  }

  @Test func decimalOfNonFiniteOrHugeIsNull() {
    #expect(JSONOutput.decimal(.nan, fractionDigits: 1) == .null)
    #expect(JSONOutput.decimal(.infinity, fractionDigits: 1) == .null)
    #expect(JSONOutput.decimal(1e300, fractionDigits: 2) == .null)
  }

  @Test func copiesReadValues() throws {
    let engine = DiagnosticEngine()
    let node = try #require(
      JSONReader.parse(
        #"{"b": [1, 2.50, "x"], "a": {"n": null, "t": true}, "big": 99999999999999999999}"#,
        file: "f", diagnostics: engine))
    #expect(
      JSONOutput(node) == [
        "b": [1, .number("2.50"), "x"], "a": ["n": nil, "t": true],
        "big": .number("99999999999999999999"),
      ])
    #expect(
      JSONOutput(node).rendered(pretty: false)
        == #"{"a":{"n":null,"t":true},"b":[1,2.50,"x"],"big":99999999999999999999}"#)
  }
}
