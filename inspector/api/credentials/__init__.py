"""Where the IAM token comes from: five sources, one cache, errors that name the source.

The submodules are imported one by one on purpose: :mod:`.plan` is plain data the window can
load before it paints, everything else loads httpx, PyJWT or cryptography.
"""
