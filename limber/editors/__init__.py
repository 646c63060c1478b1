"""Editors' tools beside the pipeline: the field reference, the JSON Schema, the scaffold.

Each is generated from the field declarations on the records (limber.model.records, limber.model.dosage,
limber.model.vocabulary), never written by hand.
"""
