"""Runtime hook of the frozen app: PySide6 is the only Qt binding inside, so say so at once.

qasync picks its binding from ``QT_API`` and would otherwise probe PyQt5 first; the app sets the
variable too, but only on the window path, and this runs before any of the app's imports.
"""

import os

os.environ["QT_API"] = "pyside6"
