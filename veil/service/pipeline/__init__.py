"""The work behind the RPCs, free of gRPC: upload, synthesis jobs, reads."""
