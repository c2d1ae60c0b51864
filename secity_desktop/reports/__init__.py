"""PDF, CSV and XLSX output with correct Thai. No Qt."""
