"""Plain-Python domain: models, framework loading, scoring, reference data, Thai calendar. No Qt."""
