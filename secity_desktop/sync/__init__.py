"""Bundles, signatures, trust; no Qt"""
