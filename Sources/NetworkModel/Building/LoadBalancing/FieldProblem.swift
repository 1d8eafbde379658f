/// A problem with one field, reported once every field has been read.
struct FieldProblem {
  var key: String
  var message: String
  var hint: String?
}
