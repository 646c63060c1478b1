"""Limber's command line: `python build.py [build|check|serve] [options]`; see --help."""

from limber.cli import main

raise SystemExit(main())
