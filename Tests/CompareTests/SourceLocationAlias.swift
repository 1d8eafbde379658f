import Diagnostics

/// `Testing` also declares a `SourceLocation`; in this module the name means ours.
typealias SourceLocation = Diagnostics.SourceLocation
