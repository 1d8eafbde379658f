import Foundation
import MeshSimCLI

exit(MeshSimCommand.main(Array(CommandLine.arguments.dropFirst())))
