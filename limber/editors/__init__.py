"""Editors' tools beside the pipeline: the field reference, the JSON Schema, the scaffold.

Each is generated from the field declarations in limber.model, never written by hand.
"""
