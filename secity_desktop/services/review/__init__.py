"""The review of an assessment at an office: workflow, timeline, transport, sources."""
