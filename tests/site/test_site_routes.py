"""The site in-process: every page type, Linked Data negotiation (303 to documents), 404, headers, escaping."""

from __future__ import annotations

import gzip
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from sitecheck import XSS

DELFT = "https://w3id.org/sociaal-domein/id/gemeente/gm0503"
PAGES = ["/", "/id/gemeente/gm0503.html", "/id/organisatie/mee-delft.html", "/id/bron/004.html", "/data",
         "/vergelijk", "/vergelijk?g=gemeente/gm0503&g=gemeente/gm0289", "/zoek?q=zzzzqqq", "/nergens"]


def _a_kind(kg, cls: str) -> str:
    df = kg.query(f"SELECT ?e WHERE {{ ?e a sd:{cls} }} ORDER BY ?e LIMIT 1")
    return df["e"][0].replace("https://w3id.org/sociaal-domein", "") + ".html"


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_html_with_a_strict_policy(site, path):
    r = site.get(path, headers={"Accept": "text/html"})
    assert r.status_code in (200, 404), r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
    assert r.headers["x-frame-options"] == "DENY"
    assert '<html lang="nl">' in r.text
    assert "<script" not in r.text  # pages work without JavaScript
    assert not re.search(r"\son[a-z]+\s*=", r.text), "an inline event handler"
    assert "<h1>" in r.text and '<main id="inhoud">' in r.text


@pytest.mark.parametrize("cls", ["Samenwerkingsverband", "Initiatief", "Persoon", "Provincie", "Afspraak"])
def test_every_kind_has_a_page(site, kg, cls):
    path = _a_kind(kg, cls)
    r = site.get(path)
    assert r.status_code == 200
    iri = "https://w3id.org/sociaal-domein" + path[:-5]
    label = kg.query(f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }}")
    assert f"<h1>{label['l'][0]}</h1>".replace("&", "&amp;").replace("'", "&#39;") in r.text


def test_gemeente_page_shows_profile_map_partners_and_quotes(site, kg):
    html = site.get("/id/gemeente/gm0503.html").text
    for heading in ("Profiel", "Kaart", "Actief in Delft", "Wat de bronnen zeggen", "Werkt samen met"):
        assert heading in html
    assert 'src="/kaart/gemeente/gm0503"' in html and "&lt;iframe src=" in html  # the map and its snippet
    quote = kg.query(f"""SELECT ?q WHERE {{ ?c rdf:subject <{DELFT}> ; sd:citaat ?q ; sd:status sd:Vermeld }}
                         ORDER BY ?q LIMIT 1""")["q"][0]
    assert quote.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;") in html
    assert 'class="badge vermeld"' in html and 'class="badge afgeleid"' in html


def test_thing_iri_answers_303_to_the_document_asked_for(site):
    for accept, suffix in (("text/html", "html"), ("text/turtle", "ttl"), ("application/ld+json", "jsonld"),
                           ("application/n-triples", "nt"), ("*/*", "html"), (None, "html")):
        r = site.get("/id/gemeente/gm0503", headers={"Accept": accept} if accept else {})
        assert r.status_code == 303 and r.headers["location"] == f"/id/gemeente/gm0503.{suffix}"
        assert "Accept" in r.headers["vary"]
    assert site.get("/id/gemeente/gm0503", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("suffix,fmt", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_documents_hold_the_triples_and_the_claims(site, kg, suffix, fmt):
    r = site.get(f"/id/gemeente/gm0503.{suffix}")
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format=fmt)
    assert (URIRef(DELFT), RDFS.label, Literal("Delft", lang="nl")) in g
    claims = kg.query(f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c rdf:subject <{DELFT}> }}")["n"][0]
    subject = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
    assert len(set(g.subjects(subject, URIRef(DELFT)))) == claims


def test_unknown_entity_gets_a_helpful_404(site):
    r = site.get("/id/gemeente/gm9999", headers={"Accept": "text/turtle"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "https://w3id.org/sociaal-domein/id/gemeente/gm9999" in r.text
    r = site.get("/id/organisatie/mee-delf.html")
    assert r.status_code == 404 and 'href="/id/organisatie/mee-delft.html"' in r.text  # a suggestion
    assert site.get("/id/gemeente/gm0503%3E%20%7D.ttl").status_code == 404  # no IRI injection
    assert site.get("/id/nergens/x").status_code == 404


def test_search_is_forgiving(site):
    r = site.get("/zoek?q=gemeente%20d%C3%A9lft")
    assert r.status_code == 303 and r.headers["location"] == "/id/gemeente/gm0503.html"
    r = site.get("/zoek?q=Delfft")
    assert r.status_code == 200 and "Niets gevonden" in r.text and 'href="/id/gemeente/gm0503.html"' in r.text


def test_compare_two_and_five_with_selection_in_the_url(site):
    five = ["gemeente/gm0503", "gemeente/gm0289", "gemeente/gm0355", "gemeente/gm0406", "gemeente/gm0473"]
    for chosen in (five[:2], five):
        r = site.get("/vergelijk?" + "&".join(f"g={c}" for c in chosen))
        assert r.status_code == 200
        header = re.search(r"<thead><tr><th scope=\"col\">Kenmerk</th>(.*?)</tr></thead>", r.text).group(1)
        assert header.count("<th") == len(chosen)
        assert r.text.count(" checked") == len(chosen)
        assert "Wat ze delen" in r.text and "Waarin ze verschillen" in r.text
    r = site.get("/vergelijk?g=gemeente/gm0503&g=bestaat-niet")
    assert r.status_code == 400 and "bestaat-niet" in r.text


def test_source_page_lists_every_fact_from_it(site, kg):
    html = site.get("/id/bron/004.html").text
    n = kg.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c prov:wasDerivedFrom sdi:bron\\/004 }")
    assert f"Feiten uit deze bron ({n['n'][0]})" in html
    assert html.count('<td><span class="badge ') == n["n"][0]


def test_map_page_is_framable_and_runs_only_its_own_scripts(site):
    r = site.get("/kaart/gemeente/gm0503")
    assert r.status_code == 200 and "frame-ancestors *" in r.headers["content-security-policy"]
    assert "x-frame-options" not in r.headers
    assert "'unsafe-inline'" not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert site.get("/kaart/gemeente/gm9999").status_code == 404


def test_dumps_and_void(site, kg):
    nq = gzip.decompress(site.get("/data/kennisgraaf.nq.gz").content)
    assert nq.count(b"\n") == len(kg.store)
    ttl = site.get("/.well-known/void")
    g = Graph().parse(data=ttl.content, format="turtle")
    dumps = {str(o) for o in g.objects(None, URIRef("http://rdfs.org/ns/void#dataDump"))}
    assert dumps == {f"http://testserver/data/kennisgraaf.{x}.gz" for x in ("nq", "trig", "ttl")}
    assert site.get("/data/geheim.txt").status_code == 404


@pytest.mark.parametrize("path", ["/", "/id/gemeente/gm0001.html", "/id/organisatie/a.html", "/id/samenwerking/n.html",
                                  "/id/bron/T1.html", "/vergelijk", "/zoek?q=alf", "/nergens",
                                  "/kaart/gemeente/gm0001"])
def test_xss_probe_is_text_everywhere(xss_site, path):
    r = xss_site.get(path)
    assert r.status_code == (404 if path == "/nergens" else 200)
    body = r.text
    if path.startswith("/kaart"):
        assert "<script>alert" not in body and "<img src=x" not in body
        assert "\\u003cscript\\u003e" in body  # in the map's JSON, escaped
        return
    assert "<script" not in body and "<img" not in body
    if path != "/nergens":
        assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in body


def test_xss_probe_in_linked_data(xss_site):
    g = Graph().parse(data=xss_site.get("/id/organisatie/a.ttl").content, format="turtle")
    assert any(XSS in str(o) for o in g.objects())


def test_no_favicon_is_said_without_a_404(site):
    r = site.get("/favicon.ico")
    assert r.status_code == 204 and r.content == b""  # a 404 would be a console error on every page
