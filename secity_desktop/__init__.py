"""SECity Desktop: offline assessment of municipalities against the Sustainable Environment City criteria."""

__version__ = "0.1.0"
