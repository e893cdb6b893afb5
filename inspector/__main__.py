"""``python -m inspector``: the same entry point as ``cloud-desktop-inspector``."""

import sys

from inspector.cli.main import main

sys.exit(main())
