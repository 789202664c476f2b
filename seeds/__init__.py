"""Packs of curated facts: the strict YAML reader (`seeds.yamlread`), the fact model
(`seeds.model`), loading and checking (`seeds.packs`).

Nothing is imported here, so `import seeds.paths` or `seeds.problems` stays light.
"""
