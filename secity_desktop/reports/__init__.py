"""PDF, CSV and XLSX output with correct Thai. No Qt, so it runs headless in the CLI and tests."""
