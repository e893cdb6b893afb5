"""The build hook: every wheel and editable install carries the compiled translations.

``build_py`` runs the project's own compiler (``tools.i18n_build``: Babel compiles the one
gettext catalogue) over ``resources/i18n`` into the package's ``locale`` folder, in the build
tree for a wheel and in the source tree for an editable install. Nothing is downloaded: Babel
is a build requirement (``pyproject.toml``).
The rest of the metadata is in ``pyproject.toml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithTranslations(build_py):
    """``build_py``, then the compiled ``.mo`` catalogues next to the modules."""

    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(ROOT))
        try:
            from tools import i18n_build
        finally:
            sys.path.remove(str(ROOT))
        package = ROOT / "inspector" if self.editable_mode else Path(self.build_lib) / "inspector"
        for path in i18n_build.build(package / "locale"):
            print(f"compiled {path.relative_to(package.parent)}")


setup(cmdclass={"build_py": BuildWithTranslations})
