"""Keys, signatures and certificate payloads; no Qt."""
