"""Prompt and list files: loading, rendering, version selection."""

from __future__ import annotations

import pytest

from veil.synthesizers.errors import InvalidConfigError
from veil.synthesizers.text import prompts
from veil.synthesizers.text.prompts import Prompt, load_list, load_prompt

FIELDS = {
    "paraphrase": ("text",),
    "persona": ("persona", "text"),
    "style": ("style", "text"),
    "translate": ("language", "text"),
    "judge": ("description", "text"),
    "pe_random": ("description", "slots"),
    "pe_variation": ("description", "text"),
}


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_shipped_prompts_load_and_follow_the_conventions(name):
    prompt = load_prompt(name)
    assert isinstance(prompt, Prompt) and prompt.name == name and prompt.version >= 1
    assert prompt.id == f"{name}.v{prompt.version}"
    assert prompt.system.splitlines()[0] == f"veil-prompt: {prompt.id}"
    assert set(prompt.fields) == set(FIELDS[name])
    if "text" in FIELDS[name]:
        assert "<text>\n{text}\n</text>" in prompt.user
        assert "{text}" not in prompt.system  # the private text goes in exactly one place
    else:
        assert "{text}" not in prompt.system + prompt.user and "<text>" not in prompt.user
    system = prompt.system.lower()
    if name == "judge":
        assert '{"score"' in prompt.system and "json" in system
    else:
        assert "output only" in system and "personal data" in system


def test_render_fills_fields_once_and_keeps_values_verbatim():
    values = {"text": "Refund {description} now, {not_a_field} {{x}}", "description": "a support ticket"}
    messages = load_prompt("pe_variation").render(**values, unused="ignored")
    assert [m["role"] for m in messages] == ["system", "user"]
    user = messages[1]["content"]
    assert f"<text>\n{values['text']}\n</text>" in user  # braces inside the value were not expanded
    assert "a support ticket" in user and "{description}" not in user.replace(values["text"], "")
    judge = load_prompt("judge").render(text="x y z", description="a note")
    assert '{"score": <integer 1-5>' in judge[0]["content"]  # JSON braces in the template survive


@pytest.mark.parametrize("missing", ["persona", "text"])
def test_missing_field_names_the_field(missing):
    fields = {"persona": "a pirate", "text": "hello there"}
    del fields[missing]
    with pytest.raises(ValueError, match=missing):
        load_prompt("persona").render(**fields)
    with pytest.raises(ValueError, match="text"):
        load_prompt("paraphrase").render(text=None)


def test_shipped_lists():
    list_id, personas = load_list("personas")
    assert list_id == "personas.v1"
    assert len(set(personas)) >= 12 and not any(p.startswith("#") for p in personas)
    assert len(set(load_list("styles")[1])) >= 6
    assert len(set(load_list("languages")[1])) >= 4
    personas.clear()  # callers get a copy
    assert len(load_list("personas")[1]) >= 12


def _write_prompt(folder, name: str, version: int, user: str = "Say {text}.") -> None:
    body = f"[system]\nveil-prompt: {name}.v{version}\nSystem v{version}.\n[user]\n{user}\n"
    (folder / f"{name}.v{version}.txt").write_text(body, encoding="utf-8")


def test_latest_version_is_picked_numerically(tmp_path, monkeypatch):
    for version in (1, 2, 10):
        _write_prompt(tmp_path, "demo", version)
    (tmp_path / "colours.v1.txt").write_text("# a comment\nred\n\n  green  \n", encoding="utf-8")
    (tmp_path / "colours.v3.txt").write_text("blue\n# note\ncyan\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a versioned file", encoding="utf-8")
    monkeypatch.setattr(prompts, "PROMPT_DIR", tmp_path)

    assert load_prompt("demo").version == 10 and load_prompt("demo").system.endswith("System v10.")
    assert load_prompt("demo", 2).id == "demo.v2"
    assert load_list("colours") == ("colours.v3", ["blue", "cyan"])
    assert load_list("colours", 1) == ("colours.v1", ["red", "green"])
    with pytest.raises(InvalidConfigError, match="demo.v1, demo.v2, demo.v10"):
        load_prompt("demo", 4)
    with pytest.raises(InvalidConfigError, match="colours, demo"):
        load_prompt("nope")


def test_malformed_files_are_rejected(tmp_path, monkeypatch):
    (tmp_path / "nouser.v1.txt").write_text("[system]\nveil-prompt: nouser.v1\nhi\n", encoding="utf-8")
    (tmp_path / "badtag.v1.txt").write_text("[system]\nveil-prompt: other.v1\n[user]\n{text}\n", encoding="utf-8")
    monkeypatch.setattr(prompts, "PROMPT_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"\[user\]"):
        load_prompt("nouser")
    with pytest.raises(ValueError, match="veil-prompt: badtag.v1"):
        load_prompt("badtag")
