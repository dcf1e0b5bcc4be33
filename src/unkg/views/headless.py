"""How the tests and the view benchmark drive a headless Chromium on the generated pages.

Debian's chromium (not a browser that Playwright would download). The flags keep it from reaching
for the network at start-up: this machine has none, and the pages must not need it.
"""

from __future__ import annotations

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# The page sets data-stable="true" on <html> once the layout has settled and physics is off.
STABLE_JS = "() => document.documentElement.dataset.stable === 'true'"
