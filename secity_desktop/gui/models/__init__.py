"""Qt item models over the store: they hold ids and fetch rows, never own the data."""
