"""Write ``i18n/qt_th.ts``: Thai for the Qt strings the app shows (Qt ships no Thai catalogue).

Qt's own buttons and dialogs (OK/Cancel, Yes/No, the file dialog, the line-edit
context menu, the wizard's Back/Next, progress Cancel, undo labels) are translated
by Qt's ``qtbase_<lang>`` catalogues, and PySide6 ships none for Thai. This table
is the project's own, in the same contexts and source texts as Qt 6 uses, kept
as data here and written out as a Linguist ``.ts`` so the normal build compiles it
beside ``secity_th.ts``. Run after editing the table: ``python scripts/qt_catalogue.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent

THAI: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "ตกลง", "Save": "บันทึก", "Save All": "บันทึกทั้งหมด", "Open": "เปิด",
        "&Yes": "ใช่ (&Y)", "Yes to &All": "ใช่ทั้งหมด (&A)", "&No": "ไม่ใช่ (&N)",
        "N&o to All": "ไม่ใช่ทั้งหมด (&O)", "Abort": "ยุติ", "Retry": "ลองอีกครั้ง",
        "Ignore": "ข้าม", "Close": "ปิด", "Cancel": "ยกเลิก", "Discard": "ไม่บันทึก",
        "Help": "วิธีใช้", "Apply": "ใช้", "Reset": "ตั้งค่าใหม่",
        "Restore Defaults": "คืนค่าเริ่มต้น",
    },
    "QGnomeTheme": {
        "&OK": "ตกลง (&O)", "&Save": "บันทึก (&S)", "&Cancel": "ยกเลิก (&C)",
        "&Close": "ปิด (&C)", "Close without Saving": "ปิดโดยไม่บันทึก",
    },
    "QDialogButtonBox": {"OK": "ตกลง"},
    "QMessageBox": {
        "Show Details...": "แสดงรายละเอียด...", "Hide Details...": "ซ่อนรายละเอียด...",
        "About Qt": "เกี่ยวกับ Qt",
    },
    "QErrorMessage": {
        "&Show this message again": "แสดงข้อความนี้อีก (&S)", "&OK": "ตกลง (&O)",
        "An error occurred": "เกิดข้อผิดพลาด", "Warning:": "คำเตือน:",
        "Information:": "ข้อมูล:", "Critical Error:": "ข้อผิดพลาดร้ายแรง:",
        "Fatal Error:": "ข้อผิดพลาดร้ายแรง:", "Debug Message:": "ข้อความตรวจแก้:",
    },
    "QProgressDialog": {"Cancel": "ยกเลิก"},
    "QInputDialog": {"Enter a value:": "ป้อนค่า:"},
    "QWizard": {
        "Go Back": "ย้อนกลับ", "< &Back": "< ย้อนกลับ (&B)", "Continue": "ดำเนินการต่อ",
        "&Next": "ถัดไป (&N)", "&Next >": "ถัดไป > (&N)", "Commit": "ยืนยัน", "Done": "เสร็จ",
        "&Finish": "เสร็จสิ้น (&F)", "Cancel": "ยกเลิก", "Help": "วิธีใช้", "&Help": "วิธีใช้ (&H)",
    },
    "QLineEdit": {
        "&Undo": "เลิกทำ (&U)", "&Redo": "ทำซ้ำ (&R)", "Cu&t": "ตัด (&T)", "&Copy": "คัดลอก (&C)",
        "&Paste": "วาง (&P)", "Delete": "ลบ", "Select All": "เลือกทั้งหมด",
    },
    "QWidgetTextControl": {
        "&Undo": "เลิกทำ (&U)", "&Redo": "ทำซ้ำ (&R)", "Cu&t": "ตัด (&T)", "&Copy": "คัดลอก (&C)",
        "Copy &Link Location": "คัดลอกตำแหน่งลิงก์ (&L)", "&Paste": "วาง (&P)", "Delete": "ลบ",
        "Select All": "เลือกทั้งหมด",
    },
    "QAbstractSpinBox": {
        "&Select All": "เลือกทั้งหมด (&S)", "&Step up": "เพิ่มขึ้น (&S)", "Step &down": "ลดลง (&D)",
    },
    "QUndoStack": {"Undo %1": "เลิกทำ %1", "Redo %1": "ทำซ้ำ %1", "Undo": "เลิกทำ", "Redo": "ทำซ้ำ"},
    "QScrollBar": {
        "Scroll here": "เลื่อนมาที่นี่", "Left edge": "ขอบซ้าย", "Top": "บนสุด",
        "Right edge": "ขอบขวา", "Bottom": "ล่างสุด", "Page left": "เลื่อนซ้ายหนึ่งหน้า",
        "Page up": "เลื่อนขึ้นหนึ่งหน้า", "Page right": "เลื่อนขวาหนึ่งหน้า",
        "Page down": "เลื่อนลงหนึ่งหน้า", "Scroll left": "เลื่อนซ้าย", "Scroll up": "เลื่อนขึ้น",
        "Scroll right": "เลื่อนขวา", "Scroll down": "เลื่อนลง",
    },
    "QTabBar": {"Scroll Left": "เลื่อนซ้าย", "Scroll Right": "เลื่อนขวา"},
    "QComboBox": {"Open the combo box selection popup": "เปิดรายการให้เลือก",
                  "True": "จริง", "False": "เท็จ"},
    "QAbstractFileIconProvider": {
        "Drive": "ไดรฟ์", "File": "แฟ้ม", "File Folder": "โฟลเดอร์", "Folder": "โฟลเดอร์",
        "Alias": "นามแฝง", "Shortcut": "ทางลัด", "Unknown": "ไม่ทราบ",
    },
    "QFileSystemModel": {
        "Name": "ชื่อ", "Size": "ขนาด", "Kind": "ชนิด", "Type": "ประเภท",
        "Date Modified": "วันที่แก้ไข", "My Computer": "คอมพิวเตอร์ของฉัน", "Computer": "คอมพิวเตอร์",
    },
    "QFileDialog": {
        "&Look in:": "ค้นหาใน (&L):", "Back": "ย้อนกลับ",
        "Go back": "ย้อนกลับ", "Alt+Left": "Alt+Left", "Forward": "ไปข้างหน้า",
        "Go forward": "ไปข้างหน้า", "Alt+Right": "Alt+Right",
        "Parent Directory": "โฟลเดอร์แม่", "Go to the parent directory": "ไปยังโฟลเดอร์แม่",
        "Alt+Up": "Alt+Up", "Create New Folder": "สร้างโฟลเดอร์ใหม่",
        "Create a New Folder": "สร้างโฟลเดอร์ใหม่", "List View": "มุมมองรายการ",
        "Change to list view mode": "เปลี่ยนเป็นมุมมองรายการ", "Detail View": "มุมมองรายละเอียด",
        "Change to detail view mode": "เปลี่ยนเป็นมุมมองรายละเอียด", "Sidebar": "แถบด้านข้าง",
        "List of places and bookmarks": "รายการตำแหน่งและที่คั่น", "Files": "แฟ้ม",
        "File &name:": "ชื่อแฟ้ม (&N):", "Files of &type:": "ชนิดแฟ้ม (&T):",
        "Directories": "โฟลเดอร์", "Directory:": "โฟลเดอร์:", "&Open": "เปิด (&O)",
        "&Save": "บันทึก (&S)", "&Choose": "เลือก (&C)", "Open": "เปิด", "Save As": "บันทึกเป็น",
        "Find Directory": "เลือกโฟลเดอร์", "All Files (*)": "ทุกแฟ้ม (*)",
        "All files (*)": "ทุกแฟ้ม (*)", "Show ": "แสดง ", "&Rename": "เปลี่ยนชื่อ (&R)",
        "&Delete": "ลบ (&D)", "Show &hidden files": "แสดงแฟ้มที่ซ่อน (&H)",
        "&New Folder": "โฟลเดอร์ใหม่ (&N)", "New Folder": "โฟลเดอร์ใหม่", "Remove": "นำออก",
        "Recent Places": "ตำแหน่งล่าสุด", "Delete": "ลบ",
        "Could not delete directory.": "ลบโฟลเดอร์ไม่ได้",
        "%1 already exists.\nDo you want to replace it?": "%1 มีอยู่แล้ว\nต้องการแทนที่หรือไม่?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nไม่พบแฟ้ม\nโปรดตรวจสอบชื่อแฟ้ม",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nไม่พบโฟลเดอร์\nโปรดตรวจสอบชื่อโฟลเดอร์",
        "'%1' is write protected.\nDo you want to delete it anyway?":
            "'%1' ถูกป้องกันการเขียน\nต้องการลบหรือไม่?",
        "Are you sure you want to delete '%1'?": "ต้องการลบ '%1' หรือไม่?",
    },
}


def ts_text(lang: str = "th") -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
           f'<TS version="2.1" language="{lang}">']
    for context in sorted(THAI):
        out.append(f"<context>\n    <name>{context}</name>")
        for source, translation in sorted(THAI[context].items()):
            out.append("    <message>")
            out.append(f"        <source>{escape(source)}</source>")
            out.append(f"        <translation>{escape(translation)}</translation>")
            out.append("    </message>")
        out.append("</context>")
    out.append("</TS>")
    return "\n".join(out) + "\n"


def main() -> int:
    (ROOT / "i18n" / "qt_th.ts").write_text(ts_text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
