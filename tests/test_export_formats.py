"""rawi export: JSON Lines against the schema, spreadsheet-safe CSV, Parquet round trip,
ClaimReview JSON-LD structure, GEXF/GraphML networks, and the click command."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from rawi.cli.export import export as export_cmd
from rawi.export import COLUMNS, export
from rawi.export.rows import iter_rows
from rawi.store import open_store
from rawi.store.ingest import IngestOptions, ingest, no_analysis

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    """The demo corpus, ingested and analysed (once for this module)."""
    db = str(tmp_path_factory.mktemp("export") / "demo.db")
    with open_store(db) as store:
        ingest([str(DEMO)], store, IngestOptions(jobs=1, progress=False))
    return db


@pytest.fixture
def tricky_db(tmp_path) -> str:
    """Two articles whose titles and bodies hold commas, quotes and line breaks (no analysis)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text('الوزير: "لا زيادة"، والنقابة ترد\n\nقال الوزير، أمس، إن الأسعار لن ترتفع.\n'
                               "وأضاف: «الرواتب, كما هي».\n", encoding="utf-8")
    (src / "b.txt").write_text("مطر غزير في العاصمة\n\nهطلت أمطار غزيرة.\n\nوأغلقت المدارس أبوابها.\n",
                               encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest([str(src)], store, IngestOptions(jobs=1, progress=False, analyze=no_analysis))
    return db


def test_export_jsonl_documents_validate_against_schema(demo_db, tmp_path):
    import jsonschema

    schema = json.loads((resources.files("rawi") / "schema" / "document-v1.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    out = tmp_path / "docs.jsonl"
    with open_store(demo_db, readonly=True) as store:
        n = export(store, "jsonl", "documents", out)
        ids = store.doc_ids(include_duplicates=False)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == len(ids) > 20
    for line in lines:
        rec = json.loads(line)
        errors = sorted(validator.iter_errors(rec), key=str)
        assert not errors, f"{rec['doc_id']}: {errors[0].message}"
    assert any(json.loads(l)["attributions"] for l in lines)


def test_export_csv_bom_quoting_and_arabic(tricky_db, tmp_path):
    out = tmp_path / "docs.csv"
    with open_store(tricky_db, readonly=True) as store:
        export(store, "csv", "documents", out, bom=True)
        docs = {d.id: d for d in store.iter_documents()}
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [tuple(rows[0].keys())] == [COLUMNS["documents"]]
    by_id = {r["doc_id"]: r for r in rows}
    assert set(by_id) == set(docs) == {"a", "b"}
    for doc_id, doc in docs.items():
        assert by_id[doc_id]["title"] == doc.title
        assert by_id[doc_id]["text"] == doc.text  # line breaks survive quoting
    assert by_id["a"]["title"] == 'الوزير: "لا زيادة"، والنقابة ترد'
    assert "\n" in by_id["b"]["text"]


def test_export_csv_without_bom_is_plain_utf8(tricky_db, tmp_path):
    out = tmp_path / "docs.csv"
    with open_store(tricky_db, readonly=True) as store:
        export(store, "csv", "documents", out)
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "مطر غزير" in raw.decode("utf-8")


@pytest.mark.parametrize("what", ["documents", "attributions", "speakers", "claims", "stories"])
def test_export_parquet_round_trips(demo_db, tmp_path, what):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")

    out = tmp_path / f"{what}.parquet"
    with open_store(demo_db, readonly=True) as store:
        n = export(store, "parquet", what, out)
        expected = [{c: r.get(c) for c in COLUMNS[what]} for r in iter_rows(store, what)]
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS[what])
    assert table.num_rows == n == len(expected) > 0
    assert table.to_pylist() == expected


def test_export_claimreview_follows_schema_org(demo_db, tmp_path):
    out = tmp_path / "claims.jsonld"
    with open_store(demo_db, readonly=True) as store:
        n = export(store, "claimreview", None, out)
        outlets = {store.document_info(i)["outlet"] for i in store.doc_ids()}
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(reviews, list) and len(reviews) == n > 0
    for r in reviews:
        assert r["@context"] == "https://schema.org"
        assert r["@type"] == "ClaimReview"
        assert isinstance(r["claimReviewed"], str) and r["claimReviewed"]
        assert r["reviewRating"] == {"@type": "Rating"}  # no invented verdict
        assert len(r["datePublished"]) == 10
        item = r["itemReviewed"]
        assert item["@type"] == "Claim"
        if "author" in item:
            assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
        articles = [item["firstAppearance"], *item["appearance"]]
        assert len(item["appearance"]) >= 1
        for a in articles:
            assert a["@type"] == "NewsArticle"
            assert a["headline"] and a["identifier"]
            assert a.get("url", "https://").startswith("http")  # only articles with a URL have one
            assert a.get("datePublished", "2026")[:4] == "2026"
            if "publisher" in a:
                assert a["publisher"]["@type"] == "Organization" and a["publisher"]["name"] in outlets
        assert item["firstAppearance"] == item["appearance"][0]
    assert any(len(r["itemReviewed"]["appearance"]) >= 2 for r in reviews)
    firsts = [r["itemReviewed"]["firstAppearance"] for r in reviews]
    assert any("url" in a and "publisher" in a and "datePublished" in a for a in firsts)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_network_opens_with_networkx(demo_db, tmp_path, fmt):
    nx = pytest.importorskip("networkx", reason="networkx is not installed")

    out = tmp_path / f"net.{fmt}"
    with open_store(demo_db, readonly=True) as store:
        n = export(store, fmt, "claims", out)
        n_claims = len(list(iter_rows(store, "attributions")))
    g = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert g.number_of_nodes() == n
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"speaker", "claim", "outlet"}
    assert sum(1 for _, d in g.nodes(data=True) if d["type"] == "claim") == n_claims
    assert all(d.get("label") for _, d in g.nodes(data=True))
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"said", "published", "same"} <= relations
    assert relations <= {"said", "published", "same", "denies", "contradicts"}
    for u, v, d in g.edges(data=True):
        if d["relation"] == "said":
            assert g.nodes[u]["type"] == "speaker" and g.nodes[v]["type"] == "claim"
        elif d["relation"] == "published":
            assert g.nodes[u]["type"] == "outlet" and g.nodes[v]["type"] == "claim"
        else:
            assert g.nodes[u]["type"] == g.nodes[v]["type"] == "claim"


def test_export_cli_jsonl_to_stdout_and_errors(tricky_db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(export_cmd, ["--db", tricky_db, "--to", "jsonl", "--what", "documents"])
    assert res.exit_code == 0, res.output
    ids = [json.loads(l)["doc_id"] for l in res.stdout.splitlines()]
    assert ids == ["a", "b"]
    res = runner.invoke(export_cmd, ["--db", tricky_db, "--to", "parquet"])
    assert res.exit_code != 0 and "-o FILE" in res.output
    res = runner.invoke(export_cmd, ["--db", tricky_db, "--to", "claimreview", "--what", "documents"])
    assert res.exit_code != 0 and "--what claims" in res.output
    res = runner.invoke(export_cmd, ["--db", str(tmp_path / "none.db"), "--to", "csv"])
    assert res.exit_code != 0 and "no store here" in res.output
    out = tmp_path / "s.csv"
    res = runner.invoke(export_cmd, ["--db", tricky_db, "--to", "csv", "--bom", "-o", str(out)])
    assert res.exit_code == 0 and out.read_bytes().startswith(b"\xef\xbb\xbf")
