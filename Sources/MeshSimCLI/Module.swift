// Module MeshSimCLI.
