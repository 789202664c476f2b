"""Packs of curated facts: the strict YAML reader, the fact model, loading and checking."""

from seeds.model import FACT_KINDS, Actor, Argument, Event, Fact, Figure, Pack, Term
from seeds.packs import BUNDLED_PACKS, LoadedPack, discover_packs, load_pack
from seeds.problems import Problem, ProblemsFound
from seeds.yamlread import Document, read_yaml

__all__ = [
    "BUNDLED_PACKS", "FACT_KINDS", "Actor", "Argument", "Document", "Event", "Fact", "Figure",
    "LoadedPack", "Pack", "Problem", "ProblemsFound", "Term", "discover_packs", "load_pack",
    "read_yaml",
]
