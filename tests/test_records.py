"""Reading curated YAML: lines kept, hostile input refused early with a clear message."""

import textwrap

import pytest
import yaml

from graph.build import build
from graph.cli import main
from graph.errors import InputError
from graph.sources.records import MAX_ALIAS_EXPANSION, _LineLoader, load_yaml, read_records_file

BOMB = "records:\n  - id: organisatie/lol\n    a: &a [" + ", ".join(['"lol"'] * 9) + "]\n" + "".join(
    f"    {c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))


def test_the_c_parser_is_used_and_keeps_lines(tmp_path):
    assert issubclass(_LineLoader, yaml.CSafeLoader)
    path = tmp_path / "x.yaml"
    path.write_text(textwrap.dedent("""\
        source: "004"
        records:
          - id: organisatie/a
            type: Organisatie

          - about: organisatie/a
            label: A
        """), encoding="utf-8")
    first, second = read_records_file(path)
    assert (first.line, second.line, second.line_of("label")) == (3, 6, 7)
    assert first.default_source == "004"


def test_an_alias_bomb_is_refused_with_file_and_line(data_copy, capsys):
    (data_copy / "curated" / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    with pytest.raises(InputError) as info:
        build(data=data_copy, output=data_copy.parent / "out", shacl=False)
    (p,) = info.value.problems
    assert p.file.endswith("curated/bomb.yaml") and 3 <= p.line <= 11
    assert "alias" in p.message and f"{MAX_ALIAS_EXPANSION:,}" in p.message and p.hint
    assert main(["build", "--data", str(data_copy), "--output", str(data_copy.parent / "out2")]) == 1
    err = capsys.readouterr().err
    assert "bomb.yaml" in err and "Traceback" not in err


def test_short_aliases_stay_allowed(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("records:\n  - id: organisatie/a\n    quote: &q [een, twee]\n    inferred: &w waarom\n"
                    "  - id: organisatie/b\n    quote: *q\n    inferred: *w\n", encoding="utf-8")
    a, b = read_records_file(path)
    assert b.fields["quote"] == ["een", "twee"] and b.fields["inferred"] == "waarom"


def test_a_file_past_the_size_limit_is_refused_before_parsing(data_copy, monkeypatch):
    big = data_copy / "curated" / "groot.yaml"
    big.write_text("records:\n" + "  - about: gemeente/gm0503\n    label: x\n" * 2000, encoding="utf-8")
    monkeypatch.setenv("KENNISGRAAF_MAX_YAML_MB", "0.01")
    with pytest.raises(InputError) as info:
        load_yaml(big, "curated/groot.yaml")
    (p,) = info.value.problems
    assert p.file == "curated/groot.yaml" and "too large" in p.message and "KENNISGRAAF_MAX_YAML_MB" in p.hint
    monkeypatch.setenv("KENNISGRAAF_MAX_YAML_MB", "1")
    assert len(load_yaml(big)["records"]) == 2000
