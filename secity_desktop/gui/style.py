"""The app's calm look in one place: soft panels, generous row heights for Thai marks."""

STYLE_SHEET = """
QLabel#indicatorTitle { font-size: 15pt; font-weight: 600; padding: 2px 0 4px 0; }
QLabel#componentLabel { color: #55606e; }
QLabel#totalScore { font-size: 22pt; font-weight: 600; color: #1d4e89; }
QLabel#tierLabel { font-size: 12pt; font-weight: 600; color: #2e7d4f; }
QLabel#panelHeading { font-size: 12pt; font-weight: 600; }
QLabel#readOnlyBanner { background: #fdecea; color: #7a1f16; border: 1px solid #e6a39b;
    border-radius: 4px; padding: 6px; }
QLabel#feedbackBanner { background: #fff6e0; color: #5c4100; border: 1px solid #e8c46a;
    border-radius: 4px; padding: 6px; }
QGroupBox#feedbackBox { background: #fff9ec; border: 1px solid #e8c46a; border-radius: 4px;
    margin-top: 14px; padding: 8px 6px 6px 6px; }
QLabel#answeredLabel { color: #55606e; }
QFrame#scorePanel { background: #f6f8fb; border: 1px solid #dde3ea; border-radius: 6px; }
QTreeView#indicatorTree::item { padding: 4px 2px; }
QProgressBar { border: none; background: #e3e8ee; border-radius: 3px; }
QProgressBar::chunk { background: #4a7fc1; border-radius: 3px; }
"""
