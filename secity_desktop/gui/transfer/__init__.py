"""The Sync place: bundles in and out for every role (export, returns, upward), keys and trust."""
