"""PDF output: Thai typesetting on reportlab. No Qt, so it runs headless in the CLI and tests."""
