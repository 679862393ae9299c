"""Veil API stubs."""
