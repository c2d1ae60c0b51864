"""The assessor's workbench: navigator, indicator page, evidence, score panel, undo."""
