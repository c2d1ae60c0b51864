"""Bundle container: documents, hostile-zip reading, deterministic writing, import planning; no Qt."""
