"""The main window's status bar: when the last change was saved, whose workspace this is.

There is no Save button (docs/editor.md), so the status bar is where a person sees
that their work is kept; the permanent part names the workspace, the role and the
province, and says DEMO DATA loudly when it is. Texts stay in the ``MainWindow``
translation context, where ``i18n/secity_th.ts`` keys them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import format_date_th
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import descent_shortfall

translate = QtCore.QCoreApplication.translate

ROLE_LABELS = {
    Role.ASSESSOR: ("ผู้ประเมิน", "Assessor"),
    Role.PROVINCE: ("สำนักงานจังหวัด", "Province"),
    Role.REGION: ("สำนักงานภาค", "Region"),
    Role.NATIONAL: ("ส่วนกลาง", "National"),
    Role.MUNICIPALITY: ("เทศบาล (ประเมินตนเอง)", "Municipality (self-assessment)"),
}


def add_status_labels(window: Any) -> None:
    """``window.saved_label``, ``window.workspace_label`` (and ``window.demo_label``)."""
    ws = window.ws
    role = ROLE_LABELS[ws.role][0 if window.lang == "th" else 1]
    province = ws.province_code or "—"
    text = translate("MainWindow", "Workspace: {path} · role: {role} · province: {province}").format(
        path=str(ws.data_dir), role=role, province=province
    )
    bar = window.statusBar()
    window.saved_label = QtWidgets.QLabel(window)
    window.saved_label.setObjectName("savedLabel")
    bar.addWidget(window.saved_label, 1)
    label = window.workspace_label = QtWidgets.QLabel(text, window)
    label.setObjectName("workspaceLabel")  # a path's underscores kept (thai_wrap)
    label.setContentsMargins(0, 0, 0, descent_shortfall(label.font()))
    bar.addPermanentWidget(label)
    if ws.setting("demo") == "1":  # never mistake demo data for real results
        window.demo_label = QtWidgets.QLabel(translate("MainWindow", "DEMO DATA"), window)
        window.demo_label.setObjectName("demoLabel")
        window.demo_label.setStyleSheet("color: white; background: #b26a00; padding: 0 6px;")
        bar.addPermanentWidget(window.demo_label)


def saved_text(moment: dt.datetime, lang: str) -> str:
    """*All changes saved · last saved …*, the date Buddhist Era in Thai."""
    local = moment.astimezone()
    when = (
        f"{format_date_th(local.date(), short=True)} {local:%H:%M:%S}"
        if lang == "th"
        else f"{local:%Y-%m-%d %H:%M:%S}"
    )
    return translate("MainWindow", "All changes saved · last saved {when}").format(when=when)
