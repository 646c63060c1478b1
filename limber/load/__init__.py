"""Stages 1-2 (load, validate): content files read, parsed and checked into records."""
