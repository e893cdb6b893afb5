"""Render the application icon from its SVG source into every size the platforms need.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Writes the PNG sizes into inspector/resources/icons/ (package data: the window icon and the
Linux desktop icon) and the Windows .ico and macOS .icns into resources/. Qt renders the SVG,
so each small size is drawn at its size rather than scaled down from a big bitmap; Pillow
(the `build` extra) packs the .ico and .icns. The results are committed: a build needs neither.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "cloud-desktop-inspector.svg"
PNG_FOLDER = ROOT / "inspector" / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> Image.Image:
    """The SVG drawn by Qt at ``size`` pixels square, as a Pillow image."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    pixels = bytes(image.constBits())  # ARGB32: B, G, R, A bytes on little-endian machines
    return Image.frombuffer("RGBA", (size, size), pixels, "raw", "BGRA", 0, 1)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # QImage and the SVG renderer need one
    images = {size: render(size) for size in {*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES}}
    PNG_FOLDER.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        images[size].save(PNG_FOLDER / f"cloud-desktop-inspector-{size}.png", optimize=True)

    def pack(path: Path, fmt: str, sizes: tuple[int, ...]) -> None:
        largest = images[max(sizes)]
        others = [images[size] for size in sizes if size != max(sizes)]
        largest.save(path, format=fmt, sizes=[(s, s) for s in sizes], append_images=others)

    pack(ROOT / "resources" / "cloud-desktop-inspector.ico", "ICO", ICO_SIZES)
    pack(ROOT / "resources" / "cloud-desktop-inspector.icns", "ICNS", ICNS_SIZES)
    del app
    print(f"wrote {len(PNG_SIZES)} PNG sizes, the .ico and the .icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
