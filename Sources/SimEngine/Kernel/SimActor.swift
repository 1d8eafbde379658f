/// A simulation actor: an entity that reacts to the messages the event loop delivers to it.
///
/// Not a Swift `actor`: all actors run on one thread, one message at a time, in the order the
/// kernel dictates, which is what makes runs reproducible. Subclasses override the handlers
/// they need; they act on the world only through its scheduling verbs (`deliver`, `reply`,
/// `call`, `startTimer`).
open class SimActor {
  /// Index in `World.actors`.
  public internal(set) var id: Int32 = -1
  /// Stable name used in traces and for the actor's random stream (`task backend/2`).
  public let name: String

  public init(name: String) { self.name = name }

  /// The node this actor is drawn as in topology diagrams (a task draws as its service).
  open var groupName: String { name }

  /// How topology diagrams draw this actor's node.
  open var nodeKind: TopologyNode.Kind { .component }

  /// A request arrived for this actor (it is the callee of `exchange`).
  open func handleRequest(_ exchange: Int32, in world: World) {
    world.reply(exchange, .failure(.connectionRefused))
  }

  /// The response to an exchange this actor started has arrived.
  open func handleResponse(_ exchange: Int32, in world: World) {}

  /// One of this actor's timers fired.
  open func handleTimer(_ tag: Int64, in world: World) {}
}
