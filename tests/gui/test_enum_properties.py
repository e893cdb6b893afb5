"""Qt properties set by name (the first frame's alignments and flags): a typo fails loudly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inspector.ui.qt_namespace import set_enum_property
from inspector.ui.widgets.inert import selectable

pytestmark = pytest.mark.gui


def test_flags_set_by_name_are_the_flags_qt_reads(qtbot: QtBot) -> None:
    label = selectable(QLabel())
    qtbot.addWidget(label)
    assert label.textInteractionFlags() == (
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    set_enum_property(label, "alignment", "AlignRight|AlignTop")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop


@pytest.mark.parametrize(("name", "keys"), [("alignment", "AlignRigth"), ("alignmnet", "AlignTop")])
def test_a_misspelt_property_or_key_raises(qtbot: QtBot, name: str, keys: str) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=name):
        set_enum_property(label, name, keys)


def test_the_namespace_proxy_keeps_each_name_it_has_read() -> None:
    """A model's ``data()`` reads its roles thousands of times a second: after the first read
    a name is a plain attribute of the proxy, not a lookup through ``__getattr__``."""
    from inspector.ui.qt_namespace import Qt as proxy

    assert proxy.ItemDataRole is Qt.ItemDataRole
    assert vars(proxy)["ItemDataRole"] is Qt.ItemDataRole
