"""The main window's tab of places, each built the first time it is shown or asked for.

A national workspace holds 78,500 assessments: building every place (review
queue, dashboard, coverage, reports, sync pages…) before the first paint took
tens of seconds, most of it for places nobody had opened yet. So a place is
registered as a *factory*; its tab holds an empty placeholder until the tab is
first shown, or until code asks for it through :meth:`PlaceTabs.place` (or
:meth:`PlaceTabs.widget`, which builds too). Then the real widget replaces the
placeholder at the same index, with the same title, without any other place
being shown on the way. Code and tests therefore never see a placeholder
unless they look at ``QTabWidget.widget`` from C++.
"""

from __future__ import annotations

from collections.abc import Callable

from secity_desktop.gui.qt import QtCore, QtWidgets, Signal

Factory = Callable[[], QtWidgets.QWidget]


class _Placeholder(QtWidgets.QWidget):
    """What a tab holds until its place is built."""

    def __init__(self, key: str, factory: Factory, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.factory = factory
        self.setObjectName(f"{key}Placeholder")


class PlaceTabs(QtWidgets.QTabWidget):
    built = Signal(str, object)
    """A place was built: its key and its widget (so the window can wire it to the others)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._built: dict[str, QtWidgets.QWidget] = {}
        self._keys: list[str] = []
        # connected before anyone else: the place exists when other currentChanged slots run
        self.currentChanged.connect(self._ensure_index)

    # --- registering ---------------------------------------------------------------
    def add_place(self, key: str, title: str, widget: QtWidgets.QWidget) -> int:
        """A place built already (the first one shown)."""
        self._built[key] = widget
        self._keys.append(key)
        return self.addTab(widget, title)

    def add_lazy(self, key: str, title: str, factory: Factory) -> int:
        """A place built on first show (or first :meth:`place` call)."""
        self._keys.append(key)
        return self.addTab(_Placeholder(key, factory, self), title)

    # --- asking ----------------------------------------------------------------------
    def has(self, key: str) -> bool:
        return key in self._keys

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built_place(self, key: str) -> QtWidgets.QWidget | None:
        """The place if it was built already (no building: for refreshing after a change)."""
        return self._built.get(key)

    def place(self, key: str) -> QtWidgets.QWidget | None:
        """The place, built now if it was not yet; None when this window has no such place."""
        if key in self._built:
            return self._built[key]
        for i in range(self.count()):
            w = super().widget(i)
            if isinstance(w, _Placeholder) and w.key == key:
                return self._build(i)
        return None

    def place_keys(self) -> list[str]:
        """Every place's key, in tab order."""
        return list(self._keys)

    def index_of_key(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def widget(self, index: int) -> QtWidgets.QWidget | None:  # type: ignore[override]
        """The place at ``index``, built if it was not yet."""
        w = super().widget(index)
        return self._build(index) if isinstance(w, _Placeholder) else w

    def currentWidget(self) -> QtWidgets.QWidget | None:  # type: ignore[override]
        return self.widget(self.currentIndex())

    # --- building ----------------------------------------------------------------------
    def _ensure_index(self, index: int) -> None:
        if isinstance(super().widget(index), _Placeholder):
            self._build(index)

    def _build(self, index: int) -> QtWidgets.QWidget:
        holder = super().widget(index)
        assert isinstance(holder, _Placeholder)
        real = holder.factory()
        for view in real.findChildren(QtWidgets.QAbstractItemView):
            view.setTabKeyNavigation(False)  # Tab leaves every list; arrows move inside it
        title, tip = self.tabText(index), self.tabToolTip(index)
        current = self.currentIndex() == index
        # Insert beside, move the current tab onto it, then drop the placeholder: no other
        # place is shown in between (a removed current tab would show its neighbour).
        blocker = QtCore.QSignalBlocker(self)
        try:
            self.insertTab(index + 1, real, title)
            self.setTabToolTip(index + 1, tip)
            if current:
                self.setCurrentIndex(index + 1)
            self.removeTab(index)
        finally:
            blocker.unblock()
        holder.deleteLater()
        self._built[holder.key] = real
        self.built.emit(holder.key, real)
        return real

    def key_of(self, widget: QtWidgets.QWidget | None) -> str | None:
        """The key of a place (built, or its placeholder), None for any other widget."""
        if isinstance(widget, _Placeholder):
            return widget.key
        return next((k for k, w in self._built.items() if w is widget), None)
