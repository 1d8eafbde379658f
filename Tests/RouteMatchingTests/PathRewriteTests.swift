import RouteMatching
import Testing

@Suite struct PathRewriteTests {
  // Behaviour 19: gateway route prefix '/chapter' forwards '/chapter/1' as '/1' by default,
  // unchanged with defaultPrefix DISABLED; custom prefix values start and end with '/'.
  @Test(arguments: [
    (PathRewrite.replacePrefix(matched: "/chapter", with: "/"), "/chapter/1", "/1"),
    (.replacePrefix(matched: "/chapter", with: "/"), "/chapter", "/"),
    (.replacePrefix(matched: "/chapter", with: "/"), "/chapter/", "/"),
    (.replacePrefix(matched: "/red", with: "/"), "/red/tell", "/tell"),
    (.replacePrefix(matched: "/chapter/", with: "/"), "/chapter/1", "/1"),
    (.replacePrefix(matched: "/", with: "/"), "/a/b", "/a/b"),
    (.replacePrefix(matched: "/chapter", with: "/book/"), "/chapter/1", "/book/1"),
    (.replacePrefix(matched: "/chapter", with: "/"), "/other", "/other"),
    (.keep, "/chapter/1", "/chapter/1"),
    (.replacePath("/index.html"), "/chapter/1", "/index.html"),
  ])
  func rewritesTheForwardedPath(_ rewrite: PathRewrite, _ path: String, _ expected: String) {
    #expect(rewrite.apply(to: path) == expected)
  }

  @Test func routerBehindTheGatewaySeesTheRewrittenPath() throws {
    // AWS behaviour §1.8: gateway route prefix '/red' with the default rewrite does not reach a
    // router route matching prefix '/red'.
    let router = RouteTable(rules: [
      RouteRule(
        name: "route red", condition: .path(.prefix("/red", caseSensitive: true)), action: 1)
    ])
    let forwarded = PathRewrite.replacePrefix(matched: "/red", with: "/").apply(to: "/red/tell")
    var head = try request("http://svc.local/red/tell")
    head.path = forwarded
    #expect(router.firstMatch(head) == nil)
    head.path = PathRewrite.keep.apply(to: "/red/tell")
    #expect(router.firstMatch(head)?.index == 0)
  }
}
