"""Metadata database and artifact store."""
