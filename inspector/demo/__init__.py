"""The built-in demo API: real HTTP on 127.0.0.1 with sample images for every case the wire allows.

It serves ``--demo`` (try the inspector with no account) and the tests that need a real server.
Standard library only, so it runs wherever the headless layers run.
"""
