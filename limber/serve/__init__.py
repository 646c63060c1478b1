"""The editors' live preview, beside the pipeline: watch, rebuild off the serving loop, serve, reload.

server (the loop and its signals), handlers (the site and the reload socket), files (which file
a request names), overlay (reload script and error banner), rebuild (what each save sets off),
worker (the process that keeps the site in memory: after a save it makes the open pages at once,
then builds the whole site, both through limber.build.pipeline.SiteBuild), watcher (file-system events).
"""

from limber.serve.server import serve

__all__ = ["serve"]
