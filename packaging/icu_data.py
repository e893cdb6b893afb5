"""Shrink the ICU data library Qt links against to the parts Qt calls ICU for.

Qt Core links ICU for collation (``ucol_*``), locale-aware case mapping (``u_strTo*``), time
zone names and IDs (``ucal_*``) and code-page converters (``ucnv_*``). The data library
(``libicudata``, about 30 MiB) also carries what none of those calls reaches: word and line
break dictionaries, unit, currency and language display names, transliteration rules and
spelled-out number rules. Those items are dropped, and so are the tables of the legacy code
pages (``*.cnv``): Qt 6 on Unix speaks UTF-8 to the system, which ICU converts in code, and the
app never names a legacy code page. Everything else stays: the root and locale bundles,
collation, zones and the region names zone names use, the converter alias table.

ICU's common data is one package, ``icudtNNl.dat``, exported by the library as the symbol
``icudtNN_dat``: a header, then a table of contents (item count, then name and data offsets
from the table's start, names sorted) and 16-byte aligned items. It is rewritten with fewer
items and linked back into a shared library of the same name with binutils (``objcopy``,
``ld``), which PyInstaller needs on Linux anyway. The frozen app's self-test then exercises
collation, zone names and case mapping.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

# Item folders inside the package that no ICU function Qt imports ever opens.
UNUSED_FOLDERS = ("brkitr", "curr", "lang", "rbnf", "translit", "unit")
# Top-level items Qt's ICU calls never open: the legacy code-page tables.
UNUSED_SUFFIXES = (".cnv",)
_ALIGN = 16


def repack(data: bytes) -> tuple[bytes, int]:
    """``data`` without the items in ``UNUSED_FOLDERS``; returns it and the number dropped."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = header_size
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items: list[tuple[bytes, bytes]] = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = data[toc + name_offset : data.index(b"\0", toc + name_offset)]
        end = entries[index + 1][1] if index + 1 < count else len(data) - toc
        items.append((name, data[toc + data_offset : toc + end]))
    kept = [(name, body) for name, body in items if _wanted(name.decode("ascii"))]
    names = b"".join(name + b"\0" for name, _ in kept)
    table_size = 4 + 8 * len(kept)
    offset = _aligned(table_size + len(names))
    table = [struct.pack("<I", len(kept))]
    bodies = []
    name_offset = table_size
    for name, body in kept:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = body + b"\0" * (_aligned(len(body)) - len(body))
        bodies.append(padded)
        offset += len(padded)
    front = b"".join(table) + names
    front += b"\0" * (_aligned(len(front)) - len(front))
    return data[:header_size] + front + b"".join(bodies), len(items) - len(kept)


def _wanted(name: str) -> bool:
    parts = name.split("/")
    if len(parts) > 2:
        return parts[1] not in UNUSED_FOLDERS
    return not name.endswith(UNUSED_SUFFIXES)


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def shrink_library(library: Path) -> tuple[int, int]:
    """Rewrite ``library`` (``libicudataNN.so``) in place; returns its size before and after."""
    symbol, size = _data_symbol(library)
    file_format, architecture = _object_format(library)
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        _run("objcopy", "-O", "binary", "--only-section=.rodata", library, "rodata.bin", cwd=folder)
        section = (folder / "rodata.bin").read_bytes()
        if len(section) != size:
            raise ValueError(f"{library.name}: {symbol} is not the whole of .rodata")
        packed, _ = repack(section)
        (folder / "icudata.dat").write_bytes(packed)
        _run(
            "objcopy", "-I", "binary", "-O", file_format, "-B", architecture,
            "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
            "--set-section-alignment", f".rodata={_ALIGN}",
            "--redefine-sym", f"_binary_icudata_dat_start={symbol}",
            "--strip-symbol", "_binary_icudata_dat_end",
            "--strip-symbol", "_binary_icudata_dat_size",
            "icudata.dat", "icudata.o",
            cwd=folder,
        )  # fmt: skip
        linked = ["ld", "-shared", "-z", "noexecstack", "-soname", library.name]
        _run(*linked, "-o", "icudata.so", "icudata.o", cwd=folder)
        (folder / "icudata.so").replace(library)
    return before, library.stat().st_size


def _data_symbol(library: Path) -> tuple[str, int]:
    """The exported ``icudtNN_dat`` symbol and its size in bytes."""
    listing = _run("nm", "-D", "-S", "--defined-only", library)
    found = re.findall(r"^[0-9a-f]+ ([0-9a-f]+) \w (icudt\d+_dat)$", listing, re.MULTILINE)
    if len(found) != 1:
        raise ValueError(f"{library.name}: expected one icudtNN_dat symbol, found {found}")
    size, name = found[0]
    return name, int(size, 16)


def _object_format(library: Path) -> tuple[str, str]:
    """objcopy's BFD name and architecture for objects that link with ``library``."""
    header = _run("objdump", "-f", library)
    file_format = re.search(r"file format (\S+)", header)
    architecture = re.search(r"architecture: ([^,\s]+)", header)
    if not file_format or not architecture:
        raise ValueError(f"cannot tell the object format of {library}")
    return file_format.group(1), architecture.group(1)


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    return subprocess.run(
        [str(part) for part in command], check=True, capture_output=True, text=True, cwd=cwd
    ).stdout
