"""The HTML pages, read as text: self-contained, escaped, and saying what they show (no browser needed)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef

from unkg.config import Settings
from unkg.store import Store
from unkg.views import build_view, render_page
from unkg.views.pages import script_json

BASE = "https://w3id.org/unkg/"


def embedded_payload(html: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="unkg-data">(.*?)</script>', html, re.DOTALL)
    assert match, "the page embeds its network as JSON"
    loaded: dict[str, object] = json.loads(match.group(1))
    return loaded


@pytest.mark.parametrize("name", ["who-met-whom", "positions", "institutions"])
def test_page_loads_nothing_from_outside(small_store: Store, settings: Settings, name: str) -> None:
    html = render_page(build_view(small_store, name, settings))
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", html, re.IGNORECASE)
    assert not re.search(r"url\((?!\s*['\"]?data:)", html)
    assert "@import" not in html
    for cdn in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "unpkg.com", "bootstrap.min"):
        assert cdn not in html  # pyvis's template would load bootstrap and vis-network from these
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp and "default-src 'none'" in unescape(csp.group(1))  # forbids any request the page might try


@pytest.mark.parametrize("name", ["who-met-whom", "positions", "institutions"])
def test_page_has_title_legend_and_what_it_shows_from_which_reports(
    small_store: Store, settings: Settings, name: str
) -> None:
    view = build_view(small_store, name, settings)
    html = render_page(view)
    assert f"<h1>{view.title}</h1>" in html
    assert "<h2>Legend</h2>" in html
    assert 'class="what"' in html
    assert "Report of Dialogue A (dialogue-a.txt)" in html and "Summary of Meeting B (meeting-b.txt)" in html


def tag_counts(html: str) -> dict[str, int]:
    """How many script, img, b and iframe start tags a page has (vis-network's own code included)."""
    return {
        tag: len(re.findall(rf"<{tag}\b", html, re.IGNORECASE)) for tag in ("script", "img", "b", "iframe")
    }


def test_crafted_names_and_quotes_stay_text_in_the_html(
    crafted: Any, small_store: Store, make_store: Callable[[dict[URIRef, Graph]], Store], settings: Settings
) -> None:
    baseline = render_page(build_view(small_store, "who-met-whom", settings))
    html = render_page(build_view(make_store(crafted.graphs), "who-met-whom", settings))
    assert tag_counts(html) == tag_counts(baseline)  # no tag came in with the crafted text
    assert crafted.name not in html and crafted.quote not in html  # only escaped forms are written
    payload = embedded_payload(html)
    networks = payload["networks"]
    assert isinstance(networks, list)
    nodes = {node["id"]: node for node in networks[0]["nodes"]}
    assert nodes[str(crafted.person)]["label"] == crafted.name  # the exact text comes back out of the JSON
    quotes = [
        item.get("quote")
        for section in networks[0]["details"][str(crafted.person)]["sections"]
        for item in section["items"]
    ]
    assert crafted.quote in quotes


def test_script_json_cannot_close_the_script_element() -> None:
    text = script_json({"name": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": "</script><!-- & \u2028"}


def test_large_networks_start_filtered_and_say_so(
    tmp_path: Path, settings: Settings, make_store: Callable[[dict[URIRef, Graph]], Store]
) -> None:
    from unkg.views.pages import TOP_NODES
    from unkg.views.synthetic import synthetic_graphs

    store = make_store(synthetic_graphs(400))
    html = render_page(build_view(store, "who-met-whom", settings))
    assert f'<input type="checkbox" id="top" checked> only the {TOP_NODES} most connected' in html
