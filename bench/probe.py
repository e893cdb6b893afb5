"""A child process for the start and memory figures: it starts a window and reports when.

``python -m bench.probe app [APP ARGS...]`` starts the inspector through its real entry point
(``inspector.cli.main.main``); ``python -m bench.probe bare`` starts the bare baseline window, and
``python -m bench.probe floor`` the same window loading the stack floor after its first paint
(:mod:`bench.stack_floor`). The
probe imports nothing of Qt itself: PySide6 makes every module imported after it slower (its
``__feature__`` import hook reads each module's source), so loading it early would move the
app's costs around. Instead it waits, with an import hook, for the app to load
``inspector.ui.window.main_window``, and attaches :class:`bench.first_frame.FirstFrameProbe` to each
``MainWindow`` as it is built, before it is shown. The bare window gets the same probe at the
same point. The probe reports one JSON line on stdout (:mod:`bench.protocol`) and exits.

``--until-image N`` (before the app's arguments) waits, after the first paint, for the form to
show an image with ``N`` labels (start the app with ``--image-id``) and reports peak RSS then.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

WATCHED_MODULE = "inspector.ui.window.main_window"


class _AfterImport(importlib.abc.MetaPathFinder):
    """Calls ``callback(module)`` right after ``name`` has been imported, once."""

    def __init__(self, name: str, callback: Callable[[ModuleType], None]) -> None:
        self._name = name
        self._callback = callback

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self._name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        loader: Any = spec.loader
        load = loader.exec_module
        callback = self._callback

        def exec_module(module: ModuleType) -> None:
            load(module)
            callback(module)

        loader.exec_module = exec_module
        return spec


def _attach(
    labels_expected: int | None, after_first_frame: Callable[[], dict[str, object]] | None = None
) -> Callable[[Any], None]:
    def attach(window: Any) -> None:
        from bench.first_frame import FirstFrameProbe

        window.first_frame_probe = FirstFrameProbe(window, labels_expected, after_first_frame)

    return attach


def _watch_main_window(attach: Callable[[Any], None]) -> Callable[[ModuleType], None]:
    def patch(module: ModuleType) -> None:
        window_class = module.MainWindow
        build = window_class.__init__

        def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
            build(self, *args, **kwargs)
            attach(self)

        window_class.__init__ = __init__

    return patch


def main(argv: list[str]) -> int:
    target, rest = argv[0], argv[1:]
    labels_expected: int | None = None
    if rest[:1] == ["--until-image"]:
        labels_expected, rest = int(rest[1]), rest[2:]
    attach = _attach(labels_expected)
    if target == "app":
        sys.meta_path.insert(0, _AfterImport(WATCHED_MODULE, _watch_main_window(attach)))
        from inspector.cli.main import main as app_main

        code = app_main(rest)
    elif target == "bare":
        from bench.bare_window import run_bare_window

        code = run_bare_window(attach)
    elif target == "floor":
        from bench.bare_window import run_bare_window
        from bench.stack_floor import load_stack

        code = run_bare_window(_attach(labels_expected, load_stack))
    else:
        raise SystemExit(f"unknown probe target {target!r}")
    print(f"the {target} window exited ({code}) before the probe reported", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
