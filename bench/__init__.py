"""Benchmarks of the inspector against the floor it stands on: ``python -m bench``."""
