"""``python -m inspector``: the same entry point as ``cloud-desktop-inspector``."""

import sys

from inspector.cli import main

sys.exit(main())
