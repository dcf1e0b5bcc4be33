"""Each page in a real headless Chromium: loads cleanly, offline, draws what SPARQL returned, filters.

Screenshots go to tests/output/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef

from unkg.config import Settings
from unkg.store import Store, open_store
from unkg.views import write_view
from unkg.views.headless import STABLE_JS
from unkg.views.results import fetch

pytestmark = pytest.mark.browser

BASE = "https://w3id.org/unkg/"
TANAKA = BASE + "person/tanaka-aiko"
STABLE = STABLE_JS
VIEWS = ("who-met-whom", "positions", "institutions")
Opener = Callable[[Path], Any]


def expected_node_count(store: Store, name: str, settings: Settings) -> int:
    """How many nodes the view's query returns: people; speakers and topics; people and organizations."""
    if name == "who-met-whom":
        return len(fetch(store, "view_people", settings).distinct("person"))
    if name == "positions":
        rows = fetch(store, "view_positions", settings)
        complete = [r for r in rows.records if r["speaker"] and r["topic"] and r["stance"]]
        return len({r["speaker"] for r in complete} | {r["topic"] for r in complete})
    rows = fetch(store, "view_institutions", settings)
    linked = [r for r in rows.records if r["organization"] and r["relation"] in ("post", "visit")]
    return len({r["person"] for r in linked} | {r["organization"] for r in linked})


def drawn(page: Any) -> int:
    count: int = page.evaluate("window.unkgView.drawnNodeCount()")
    return count


def drawn_labels(page: Any) -> set[str]:
    return set(page.evaluate("window.unkgView.drawnLabels()"))


def choose(page: Any, facet: str, value: str) -> None:
    page.select_option(f"select[data-facet={facet}]", value)
    page.wait_for_function(STABLE, timeout=120_000)


def click_node(page: Any, node_id: str) -> None:
    """Click where vis-network drew the node."""
    point = page.evaluate(
        "(id) => { const n = window.unkgView.network; return n.canvasToDOM(n.getPositions([id])[id]); }",
        node_id,
    )
    box = page.query_selector("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def assert_clean(opened: Any) -> None:
    assert opened.errors == [], f"console errors: {opened.errors}"
    assert opened.outside_requests == [], f"requests outside the file: {opened.outside_requests}"
    assert opened.dialogs == []


@pytest.mark.parametrize("name", VIEWS)
def test_page_loads_offline_and_draws_every_node_the_query_returned(
    small_store: Store, settings: Settings, open_view: Opener, output_dir: Path, name: str
) -> None:
    page_path = write_view(small_store, name, output_dir / f"{name}.html", "html", settings)
    opened = open_view(page_path)
    assert_clean(opened)
    expected = expected_node_count(small_store, name, settings)
    assert expected > 0
    assert drawn(opened.page) == expected
    assert opened.page.evaluate("window.unkgView.stats.stableMs") is not None  # physics stabilised ...
    assert opened.page.evaluate("window.unkgView.network.physics.physicsEnabled") is False  # ... then stopped
    opened.page.screenshot(path=str(output_dir / f"{name}.png"))


@pytest.mark.parametrize(
    ("name", "expected_labels"),
    [
        ("who-met-whom", {"Wei Chen", "Na Li"}),
        (
            "positions",
            {
                "Wei Chen",
                "Na Li",
                "the Japanese and Chinese participants",
                "multilateralism",
                "Security Council reform",
            },
        ),
        ("institutions", {"Wei Chen", "WHO"}),
    ],
)
def test_filtering_by_country_changes_what_is_shown(
    small_store: Store,
    settings: Settings,
    open_view: Opener,
    output_dir: Path,
    name: str,
    expected_labels: set[str],
) -> None:
    opened = open_view(write_view(small_store, name, output_dir / f"{name}.html", "html", settings))
    before = drawn_labels(opened.page)
    choose(opened.page, "country", "CHN")
    assert drawn_labels(opened.page) == expected_labels != before
    opened.page.screenshot(path=str(output_dir / f"{name}-china.png"))
    choose(opened.page, "country", "")
    assert drawn_labels(opened.page) == before
    assert_clean(opened)


def test_edge_kinds_and_meetings_filter_the_lines(
    small_store: Store, settings: Settings, open_view: Opener, output_dir: Path
) -> None:
    opened = open_view(
        write_view(small_store, "who-met-whom", output_dir / "who-met-whom.html", "html", settings)
    )
    page = opened.page
    edges = page.evaluate("window.unkgView.drawnEdgeCount()")
    page.uncheck("input[data-multi=kind][value=same-session]")
    page.wait_for_function(STABLE)
    assert (
        page.evaluate("window.unkgView.drawnEdgeCount()") == 5
    )  # asked (2 pairs), answered, hosted, pictured
    assert page.evaluate("window.unkgView.drawnEdgeCount()") < edges
    choose(page, "event", BASE + "meeting/meeting-b")
    assert drawn_labels(page) == {"Aiko Tanaka", "Na Li", "Hiroshi Sato"}
    assert page.is_hidden(f"option[value='{BASE}meeting/dialogue-a/session/2']")  # other meeting's session
    choose(page, "session", BASE + "meeting/dialogue-a/session/2")  # picking it anyway (keyboard) ...
    assert page.input_value("select[data-facet=event]") == BASE + "meeting/meeting-b"
    choose(page, "event", "")
    assert page.input_value("select[data-facet=session]") == BASE + "meeting/dialogue-a/session/2"
    assert drawn_labels(page) == {"Aiko Tanaka", "Wei Chen", "Greta Lind"}
    page.check("input[data-multi=kind][value=same-session]")
    page.wait_for_function(STABLE)
    choose(page, "country", "KOR")  # nobody from Korea in session 2
    assert drawn(page) == 0
    assert "Nothing matches" in page.text_content("#notice")
    assert_clean(opened)


def test_clicking_a_person_shows_posts_sessions_and_quotes(
    small_store: Store, settings: Settings, open_view: Opener, output_dir: Path
) -> None:
    opened = open_view(
        write_view(small_store, "who-met-whom", output_dir / "who-met-whom.html", "html", settings)
    )
    page = opened.page
    click_node(page, TANAKA)
    page.wait_for_selector("#details h2")
    assert page.text_content("#details h2") == "Aiko Tanaka"
    panel = page.text_content("#details")
    assert "Professor, North University" in panel
    assert "Session 2: Visit to WHO" in panel
    assert "\u201cProfessor Tanaka asked the Director how human rights would be protected.\u201d" in panel
    assert "Report of Dialogue A (dialogue-a.txt)" in panel
    page.screenshot(path=str(output_dir / "who-met-whom-details.png"))
    assert_clean(opened)


def test_search_box_finds_a_name(
    small_store: Store, settings: Settings, open_view: Opener, output_dir: Path
) -> None:
    opened = open_view(
        write_view(small_store, "who-met-whom", output_dir / "who-met-whom.html", "html", settings)
    )
    page = opened.page
    page.fill("#search", "tanaka")
    assert page.text_content("#search-result") == "1 match"
    assert page.evaluate("window.unkgView.network.getSelectedNodes()") == [TANAKA]
    page.press("#search", "Enter")
    assert page.text_content("#details h2") == "Aiko Tanaka"


def test_positions_filter_by_topic_compares_everyone_on_it(
    small_store: Store, settings: Settings, open_view: Opener, output_dir: Path
) -> None:
    opened = open_view(write_view(small_store, "positions", output_dir / "positions.html", "html", settings))
    page = opened.page
    choose(page, "topic", BASE + "topic/security-council-reform")
    assert drawn_labels(page) == {"Security Council reform", "Wei Chen", "Min-jun Kim"}
    page.check("input[name=mode][value=countries]")
    page.wait_for_function(STABLE)
    assert drawn_labels(page) == {"Security Council reform", "China", "Republic of Korea"}
    assert_clean(opened)


def test_positions_switch_to_countries(
    small_store: Store, settings: Settings, open_view: Opener, output_dir: Path
) -> None:
    opened = open_view(write_view(small_store, "positions", output_dir / "positions.html", "html", settings))
    page = opened.page
    page.check("input[name=mode][value=countries]")
    page.wait_for_function(STABLE)
    assert drawn_labels(page) == {
        "China",
        "Japan",
        "Republic of Korea",
        "Country not stated",
        "human rights",
        "multilateralism",
        "Security Council reform",
    }
    page.screenshot(path=str(output_dir / "positions-countries.png"))
    assert_clean(opened)


def test_crafted_script_in_a_name_or_quote_shows_as_text(
    crafted: Any,
    make_store: Callable[[dict[URIRef, Graph]], Store],
    settings: Settings,
    open_view: Opener,
    output_dir: Path,
) -> None:
    store = make_store(crafted.graphs)
    opened = open_view(write_view(store, "who-met-whom", output_dir / "crafted.html", "html", settings))
    page = opened.page
    assert crafted.name in drawn_labels(page)
    click_node(page, str(crafted.person))
    page.wait_for_selector("#details h2")
    assert page.text_content("#details h2") == crafted.name
    assert crafted.quote in page.text_content("#details blockquote")
    assert page.evaluate("document.querySelectorAll('img, b, iframe').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    page.screenshot(path=str(output_dir / "crafted.png"))
    assert_clean(opened)  # and no alert() dialog opened


@pytest.mark.slow
def test_a_large_network_starts_filtered_says_so_and_can_show_everything(
    make_store: Callable[[dict[URIRef, Graph]], Store],
    settings: Settings,
    open_view: Opener,
    output_dir: Path,
) -> None:
    from unkg.views.pages import TOP_NODES
    from unkg.views.synthetic import synthetic_graphs

    store = make_store(synthetic_graphs(1000))
    opened = open_view(write_view(store, "who-met-whom", output_dir / "large.html", "html", settings))
    page = opened.page
    assert drawn(page) == TOP_NODES
    assert f"starts with the {TOP_NODES} most connected" in page.text_content("#notice")
    page.screenshot(path=str(output_dir / "large.png"))
    page.uncheck("#top")
    page.wait_for_function(STABLE, timeout=300_000)
    assert drawn(page) == len(fetch(store, "view_people", settings).distinct("person"))
    assert page.is_hidden("#notice")
    assert_clean(opened)


def _require_extraction() -> None:
    if importlib.util.find_spec("unkg.extract") is None or not hasattr(
        importlib.import_module("unkg.extract"), "extract"
    ):
        pytest.skip("the extraction stage (unkg.extract.extract) is not in this checkout yet")


@pytest.mark.slow
@pytest.mark.parametrize("name", VIEWS)
def test_pages_of_the_real_reports(
    request: pytest.FixtureRequest, settings: Settings, open_view: Opener, output_dir: Path, name: str
) -> None:
    _require_extraction()
    store_dir: Path = request.getfixturevalue("built_store_dir")
    with open_store(store_dir, read_only=True) as store:
        page_path = write_view(store, name, output_dir / f"real-{name}.html", "html", settings)
        expected = expected_node_count(store, name, settings)
    opened = open_view(page_path)
    assert_clean(opened)
    assert expected > 0
    assert drawn(opened.page) == expected  # two reports: few enough people to start unfiltered
    opened.page.screenshot(path=str(output_dir / f"real-{name}.png"))
    options = opened.page.eval_on_selector_all(
        "select[data-facet=country] option",
        "options => options.map(o => o.value).filter(v => v && v !== 'none')",
    )
    assert options  # the reports state some countries
    country = "CHN" if "CHN" in options else options[0]
    before = drawn_labels(opened.page)
    choose(opened.page, "country", country)
    assert drawn_labels(opened.page) != before
    opened.page.screenshot(path=str(output_dir / f"real-{name}-{country}.png"))
    assert_clean(opened)


@pytest.mark.slow
def test_the_page_the_build_writes_loads_offline(
    request: pytest.FixtureRequest, settings: Settings, open_view: Opener, output_dir: Path
) -> None:
    _require_extraction()
    store_dir: Path = request.getfixturevalue("built_store_dir")
    page_path = store_dir.parent / "out" / "who-met-whom.html"
    assert page_path.is_file()
    with open_store(store_dir, read_only=True) as store:
        expected = expected_node_count(store, "who-met-whom", settings)
    opened = open_view(page_path)
    assert_clean(opened)
    assert drawn(opened.page) == expected
    opened.page.screenshot(path=str(output_dir / "build-who-met-whom.png"))


def test_a_crafted_report_with_markup_shows_its_text_as_text(
    settings: Settings, open_view: Opener, output_dir: Path, tmp_path: Path
) -> None:
    """Markup in a report (a <script> in a quote, an <img onerror>, quotes and an apostrophe in a name)
    goes through the real pipeline and is shown as text: no element, no script, no dialog."""
    from unkg.pipeline import build

    report = Path(__file__).parent / "fixtures" / "crafted-dialogue-2030.txt"
    out = tmp_path / "out"
    build([report], settings=settings, store_dir=tmp_path / "store", out_dir=out)
    opened = open_view(out / "who-met-whom.html")
    page = opened.page
    assert "Mary O'Hara" in drawn_labels(page)
    click_node(page, BASE + "person/o-hara-mary")
    page.wait_for_selector("#details blockquote")
    quotes = page.text_content("#details")
    assert '<script>alert("x")</script> and "quoted" words & more.' in quotes
    assert page.evaluate("document.querySelectorAll('img, iframe, #details script').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    page.screenshot(path=str(output_dir / "crafted-report.png"))
    assert_clean(opened)  # no console error, no outside request, no alert() dialog
