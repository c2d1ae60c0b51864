"""The workspace store: one SQLite file (WAL) plus content-addressed evidence files. No Qt."""
