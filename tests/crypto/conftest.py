"""The crypto tests share the bundle tests' ssh-keygen helpers (real interop checks)."""

from tests.bundle.conftest import keygen_available, run_keygen  # noqa: F401
