"""The Sync place: export and key (assessor), import and trust registry (office)."""
