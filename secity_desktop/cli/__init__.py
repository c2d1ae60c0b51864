"""The ``secity`` command line: every GUI feature, scriptable. No Qt."""
