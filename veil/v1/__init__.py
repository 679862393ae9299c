"""Generated gRPC stubs of the Veil API (regenerate with scripts/gen_protos.py)."""
