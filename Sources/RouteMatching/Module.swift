// Module RouteMatching.
