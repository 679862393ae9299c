"""The shared vocabulary of Veil: column kinds, the error base, progress callbacks, text metrics.

Every other package may import this one; it imports nothing of Veil's.
"""
