"""Use cases (edit, import, export, review, certify) over the store; shared by the CLI and the GUI. No Qt."""
