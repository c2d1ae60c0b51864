"""Thai that wraps and elides at word boundaries in Qt, on every platform.

Qt breaks Thai lines at word boundaries only when it was built with libthai,
which Windows and most frozen builds lack: there a Thai label either does not
wrap at all (and is clipped) or wraps mid-word ("ครั้งถัด|ไป"). The shared rules
in ``core.thai_linebreak`` mark every allowed break with a zero-width space,
which every Unicode line breaker honours and no font draws. Eliding ("…") is
done here too, at the last word boundary that fits, instead of mid-word.

Two shared pieces carry this everywhere Thai is shown: :class:`ThaiLabel`, the
app's word-wrapping label (every ``setText`` marks the breaks; ``text()`` gives
the plain text back), and :class:`WordElideDelegate`, installed on every table
and list by :func:`thai_cells`, which elides cells at a word and lets wrapped
cells break at Thai words.

Rich text (bold names, coloured hints, links) gets the same treatment
(docs/thai-everywhere.md): :func:`rich_hints` puts the hints into the text between tags
only (never inside a tag, an attribute or an entity), names kept whole; and the
label lays the HTML out in a scratch text document at its width and turns the
hint where each line must end into a ``<br>``, until Qt breaks nowhere else. So a
libthai-enabled Qt finds no line it needs to break inside a word ("ล่า|สุด").

The label also keeps room below the baseline. Sarabun's line metrics (hhea
descent 232/1000) are shallower than its own underscore and below-vowels
(ุ ู reach about 560/1000); Windows lays text out with the OS/2 win metrics and
shows them, but FreeType builds use hhea, so a label sized to its text cut off
the last line's underscores ("certificate lamphun 2569.pdf") and sara u. The
missing depth is measured from the font and kept as a bottom margin.
"""

from __future__ import annotations

import math
import re
from typing import TypeVar

from secity_desktop.core.thai_linebreak import (
    ZWSP,
    break_opportunities,
    strip_break_hints,
    with_break_hints,
)
from secity_desktop.gui.qt import Qt, QtCore, QtGui, QtWidgets

ELLIPSIS = "…"
#: QLabel lays rich text out in a document whose root frame has no margin (qlabel.cpp,
#: ``ensureTextLayouted``; ``documentMargin()`` still reports Qt's default 4).
_LABEL_DOC_MARGIN = 0.0
V = TypeVar("V", bound=QtWidgets.QAbstractItemView)
#: Glyphs that reach furthest below the baseline in Thai UI text (and file names).
_DEEP = "_ุูฏฐญ"

__all__ = ["ELLIPSIS", "ThaiLabel", "WordElideDelegate", "descent_shortfall", "elide_words",
           "prebreak_rich", "rich_hints", "set_thai_html", "set_wrapped_text", "strip_break_hints", "thai_cells",
           "wrapped"]

#: A tag (with its attributes), a comment or an entity: never given a hint.
_MARKUP = re.compile(r"(<!--.*?-->|<[^>]*>|&#?\w+;)", re.S)
_SPACE = re.compile(r"[ \t\n]+(?=[^ \t\n])")
#: Where a line may already end without our help: white space, a hint, a line separator.
_OPEN = frozenset(f" \t\n{ZWSP}\u2028\u2029\u00a0")


def wrapped(text: str, keep: tuple[str, ...] = ()) -> str:
    """Text for a word-wrapping label or cell: Thai word boundaries marked (none inside
    the ``keep`` phrases, such as people's names)."""
    return with_break_hints(text, tuple(keep))


def rich_hints(rich: str, keep: tuple[str, ...] = ()) -> str:
    """HTML ``rich`` with Thai word-boundary hints in its text only (tags, attributes and
    entities untouched; no hint inside a word of a ``keep`` phrase, such as a person's
    name: it may still break at its spaces, as a plain-text label's does).

    A hint also follows each space between words: Qt may break at either, and
    :func:`prebreak_rich` turns only hints into ``<br>`` (a hint is found again by its
    rank in the laid-out text, where a space may have been collapsed)."""
    if not any(_is_thai(ch) for ch in rich):
        return rich
    return "".join(part if i % 2 else _SPACE.sub(lambda m: m.group() + ZWSP, wrapped(part, keep))
                   for i, part in enumerate(_MARKUP.split(rich)))


def set_thai_html(browser: QtWidgets.QTextEdit, html: str, keep: tuple[str, ...] = ()) -> None:
    """Show ``html`` in a read-only text browser with Thai word-boundary hints (:func:`rich_hints`),
    so its Thai wraps at words where Qt has no libthai (Windows). Not for pages holding commands
    to copy (the guide): a hint after a space would travel into the copied command."""
    browser.setHtml(rich_hints(html, keep))


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _bad_break(doc: QtGui.QTextDocument) -> int | None:
    """Index (among the document's hints) of the hint where the first line Qt ended inside a
    Thai word should have ended instead; None when every line ends at a word."""
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount() - 1):
            line = layout.lineAt(i)
            start, end = line.textStart(), line.textStart() + line.textLength()
            if end >= len(text) or end <= 0:
                continue
            before, after = text[end - 1], text[end]
            if before in _OPEN or after in _OPEN or not (_is_thai(before) or _is_thai(after)):
                continue
            last = text.rfind(ZWSP, start, end)
            if last <= start:
                continue  # a word wider than the line: nothing better than Qt's cut
            before_doc = block.position() + last
            return sum(1 for p in range(before_doc) if doc.characterAt(p) == ZWSP)
        block = block.next()
    return None


def prebreak_rich(hinted: str, width: float, font: QtGui.QFont, margin: float = 0.0) -> str:
    """HTML ``hinted`` (from :func:`rich_hints`) with a ``<br>`` at each hint where a line laid
    out ``width`` pixels wide must end, so that no line needs a break inside a Thai word."""
    doc = QtGui.QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(margin)
    option = doc.defaultTextOption()
    option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)  # as a word-wrapping QLabel's
    doc.setDefaultTextOption(option)
    parts = _MARKUP.split(hinted)
    for _ in range(200):  # one <br> per line at most; a label has far fewer lines
        doc.setHtml("".join(parts))
        doc.setTextWidth(width)
        doc.size()  # lays the document out (block layouts are empty until then)
        bad = _bad_break(doc)
        if bad is None:
            break
        seen = 0
        for i in range(0, len(parts), 2):
            count = parts[i].count(ZWSP)
            if seen + count > bad:
                pieces = parts[i].split(ZWSP)
                k = bad - seen + 1
                parts[i] = ZWSP.join(pieces[:k]) + "<br>" + ZWSP.join(pieces[k:])
                break
            seen += count
        else:
            break
    return "".join(parts)


def _is_rich(label: QtWidgets.QLabel, text: str) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))


def set_wrapped_text(label: QtWidgets.QLabel, text: str) -> None:
    """Show ``text`` wrapping at Thai word boundaries (the plain text stays in the tooltip-free
    accessible name, so screen readers and tests read it without the hints)."""
    label.setWordWrap(True)
    if isinstance(label, ThaiLabel):
        label.setText(text)  # it breaks the lines itself
    else:
        label.setText(wrapped(text))
    label.setAccessibleName(strip_break_hints(text))


def elide_words(text: str, metrics: QtGui.QFontMetrics, width: int) -> str:
    """``text`` shortened to ``width`` pixels at a word boundary, ending in "…".

    Falls back to Qt's character elision only when not even the first word fits.
    """
    plain = strip_break_hints(text)
    if metrics.horizontalAdvance(plain) <= width:
        return plain
    cuts = sorted(set(break_opportunities(plain)) | {i for i, ch in enumerate(plain) if ch == " "})
    best = ""
    for cut in cuts:
        candidate = plain[:cut].rstrip() + ELLIPSIS
        if metrics.horizontalAdvance(candidate) <= width:
            best = candidate
        else:
            break
    if best:
        return best
    return metrics.elidedText(plain, QtGui.Qt.TextElideMode.ElideRight, width)


_PIECE = re.compile(f"[^ {ZWSP}\n]+[ {ZWSP}]*|[ {ZWSP}]+")


def prebreak(hinted: str, width: float, metrics: QtGui.QFontMetricsF) -> str:
    """``hinted`` with a newline wherever a greedy fill of ``width`` pixels ends a line,
    breaking only at spaces and the hints' zero-width spaces (a word wider than the
    line stays whole on its own line, for Qt to cut)."""
    lines: list[str] = []
    for paragraph in hinted.split("\n"):
        line = ""
        for piece in _PIECE.findall(paragraph):
            candidate = line + piece
            if line and metrics.horizontalAdvance(candidate.rstrip(" " + ZWSP)) > width:
                lines.append(line.rstrip(" "))
                line = piece.lstrip(" ")
            else:
                line = candidate
        lines.append(line.rstrip(" "))
    return "\n".join(lines)


def descent_shortfall(font: QtGui.QFont) -> int:
    """Pixels the deepest glyphs (``_``, ุ, ู, ฐ) reach below the font's declared descent."""
    metrics = QtGui.QFontMetrics(font)
    return max(0, metrics.tightBoundingRect(_DEEP).bottom() + 1 - metrics.descent())


class ThaiLabel(QtWidgets.QLabel):
    """A word-wrapping label whose Thai wraps at words on every platform and is never cut below.

    ``setText`` stores the plain text (``text()`` returns it, so callers and tests compare
    what they set) and shows it with break hints; the bottom margin holds the glyphs that
    hang below the font's declared descent (see the module docstring).
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[call-overload]
        self._plain = super().text()
        self._keep: tuple[str, ...] = ()
        self._hinted = self._hint()
        self._broken_at = -1
        self.setWordWrap(True)
        if self._plain:
            super().setText(self._hinted)
        self._keep_descent()

    def setText(self, text: str, keep: tuple[str, ...] = ()) -> None:
        """Show ``text``; ``keep`` lists phrases (people's and places' names) never broken."""
        self._plain = text
        self._keep = tuple(keep)
        self._hinted = self._hint()
        self._broken_at = -1
        super().setText(self._hinted)
        # A label never shown nor sized has no width yet: breaking at its default 100 px
        # laid its rich text out a dozen times for nothing (the first show of a place built
        # with a long banner); its first resize event breaks it at the real width.
        if self.isVisible() or self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self._break_lines()

    def setTextFormat(self, fmt: Qt.TextFormat) -> None:
        """Rich and plain text take their hints differently: set again in the new format."""
        super().setTextFormat(fmt)
        if self._plain:
            self.setText(self._plain, self._keep)

    def _hint(self) -> str:
        if _is_rich(self, self._plain):
            return rich_hints(self._plain, self._keep)
        return wrapped(self._plain, self._keep)

    def minimumSizeHint(self) -> QtCore.QSize:
        """As a wrapping label's: one line high (the newlines of :meth:`_break_lines` are
        for the current width only and must not raise the window's minimum height)."""
        size = super().minimumSizeHint()
        m = self.contentsMargins()
        one_line = QtGui.QFontMetrics(self.font()).lineSpacing() + m.top() + m.bottom() \
            + 2 * max(0, self.margin())
        return QtCore.QSize(size.width(), min(size.height(), one_line))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._break_lines()

    def _break_lines(self) -> None:
        """Thai text is broken into lines here, at our word breaks only.

        Where Qt has libthai (Linux), its dictionary adds breaks of its own ("ครั้งถัด|ไป",
        "ล่า|สุด"); lines that already fit leave it nothing to break. Plain text is filled
        greedily by :func:`prebreak`; rich text is laid out by Qt in a scratch document and
        given a ``<br>`` wherever Qt would break inside a word (:func:`prebreak_rich`).
        """
        width = self.contentsRect().width() - 2 * max(0, self.margin())
        if width <= 2 or width == self._broken_at or ZWSP not in self._hinted:
            return
        self._broken_at = width
        if _is_rich(self, self._plain):  # laid out exactly as the label's own document is
            broken = prebreak_rich(self._hinted, width, self.font(), _LABEL_DOC_MARGIN)
        else:
            width -= 2
            broken = prebreak(self._hinted, width, QtGui.QFontMetricsF(self.font()))
        if broken != QtWidgets.QLabel.text(self):
            super().setText(broken)

    def text(self) -> str:
        return self._plain

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self._keep_descent()

    def _keep_descent(self) -> None:
        m = self.contentsMargins()
        room = descent_shortfall(self.font())
        if m.bottom() != room:
            self.setContentsMargins(m.left(), m.top(), m.right(), room)


class WordElideDelegate(QtWidgets.QStyledItemDelegate):
    """Cells whose text is cut at a word ("เทศบาลเมือง…") rather than mid-word, and whose
    wrapped Thai breaks at words where the view wraps and the row is tall enough.

    Where the text goes in a cell is the cell less the style's text margins (its focus-frame
    margin + 1, each side, and any style-sheet padding). The delegate learns them once from
    Qt's own size hint for a plain text cell, which holds exactly the text and those margins,
    instead of asking the style from Python: the first ``style()`` call from Python builds
    every enum of ``QStyle`` (≈ 550 members, 10–15 ms of a start; docs/performance.md).
    """

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._margins: int | None = None  # both sides, learned from the first plain text cell
        self._measuring = False

    def initStyleOption(
        self, option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> None:
        super().initStyleOption(option, index)
        if self._measuring:
            return  # Qt's size hint, asked by _text_margins: the whole text, as Qt lays it out
        text = option.text
        width = option.rect.width()
        if not text or width <= 0:
            return  # size hints see the whole text
        metrics = option.fontMetrics
        features = option.features
        feature = QtWidgets.QStyleOptionViewItem.ViewItemFeature
        lines = max(1, option.rect.height() // max(1, metrics.lineSpacing()))
        if bool(features & feature.WrapText) and lines > 1:
            option.text = wrapped(text)
            return
        if features & (feature.HasDecoration | feature.HasCheckIndicator):
            room = self._room_beside(option, width)
        else:
            room = width - self._text_margins(option, index)
        if metrics.horizontalAdvance(text) > room:
            option.text = elide_words(text, metrics, room)
            option.textElideMode = Qt.TextElideMode.ElideNone

    def _text_margins(self, option: QtWidgets.QStyleOptionViewItem,
                      index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> int:
        """The style's text margins, both sides: Qt's size hint for this plain text cell less
        the text's own width (learned once; the same for every plain cell of the view)."""
        if self._margins is None:
            if index.data(Qt.ItemDataRole.SizeHintRole) is not None:
                return 2 * self._style_margin(option)  # a model-given hint says nothing
            self._measuring = True
            try:
                hint = QtWidgets.QStyledItemDelegate.sizeHint(self, option, index)
            finally:
                self._measuring = False
            text = QtGui.QFontMetricsF(option.font).horizontalAdvance(option.text)
            self._margins = max(0, hint.width() - math.ceil(text))
        return self._margins

    def _room_beside(self, option: QtWidgets.QStyleOptionViewItem, width: int) -> int:
        """Room for the text beside an icon or a check box (no list on the start path has one)."""
        margin = self._style_margin(option)
        room = width - 2 * margin
        if not option.icon.isNull():
            room -= option.decorationSize.width() + margin
        return room

    @staticmethod
    def _style_margin(option: QtWidgets.QStyleOptionViewItem) -> int:
        style = option.widget.style() if option.widget else QtWidgets.QApplication.style()
        return int(style.pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin)) + 1


def thai_cells(view: V) -> V:
    """Give ``view`` the word-boundary delegate (every table and list in the app takes it)."""
    view.setItemDelegate(WordElideDelegate(view))
    return view
