"""The editors' live preview, beside the pipeline: watch, rebuild off the serving loop, serve, reload.

server (the loop and its signals), handlers (the site and the reload socket), files (which file
a request names), overlay (reload script and error banner), rebuild (what each save sets off),
fast (the open pages, made again at once from the site kept in memory), worker (the full
builds, in a process of their own), watcher (file-system events).
"""

from limber.serve.server import serve

__all__ = ["serve"]
