"""Limber's command line: `python build.py [build|check|serve] [options]`; see --help."""

from limber.cli import main

if __name__ == "__main__":  # not when the preview's build process imports this file
    raise SystemExit(main())
