"""gRPC servicers: proto <-> domain, nothing else."""
