"""The demo news portal: a deterministic synthetic news site served over HTTP, with its truth."""

from archive.portal.content import Portal, PortalConfig
from archive.portal.server import make_server, running_portal, serve_forever

__all__ = ["Portal", "PortalConfig", "make_server", "running_portal", "serve_forever"]
