"""Versioned prompt templates and word lists, stored as ``<name>.v<N>.txt`` next to this module.

A prompt file has a ``[system]`` and a ``[user]`` section; the system section
starts with ``veil-prompt: <name>.v<N>`` so servers (and the fake one in the
tests) can tell prompts apart. Placeholders are ``{identifier}``; anything else
in braces (e.g. a JSON example) is left as written. A list file holds one item
per line; blank lines and ``#`` comments are skipped.

Versions are immutable once shipped: change a prompt by adding ``v<N+1>``, so
the prompt id recorded in a report always names the exact text used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from veil.synthesizers.errors import InvalidConfigError

__all__ = ["Prompt", "available_prompts", "load_list", "load_prompt"]

_FILE_RE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\.v(?P<version>[1-9][0-9]*)\.txt$")
_FIELD_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SECTION_RE = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)

# The folder the files are read from (module attribute so tests can point it elsewhere).
PROMPT_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Prompt:
    """A chat prompt template.

    Attributes:
        name: Prompt name, e.g. ``"paraphrase"``.
        version: Version number of the file it came from.
        system: System message template.
        user: User message template.
    """

    name: str
    version: int
    system: str
    user: str

    @property
    def id(self) -> str:
        """``"<name>.v<version>"``, as recorded in reports."""
        return f"{self.name}.v{self.version}"

    @property
    def fields(self) -> tuple[str, ...]:
        """Placeholder names the prompt needs, in first-use order."""
        seen: dict[str, None] = {}
        for template in (self.system, self.user):
            for match in _FIELD_RE.finditer(template):
                seen.setdefault(match.group(1), None)
        return tuple(seen)

    def render(self, **fields: object) -> list[dict[str, str]]:
        """Fill the placeholders and return chat messages.

        Values are inserted verbatim in one pass (braces inside a value are not
        expanded again). Fields the prompt does not use are ignored.

        Args:
            **fields: A value for every name in ``self.fields``.

        Returns:
            ``[{"role": "system", ...}, {"role": "user", ...}]``.

        Raises:
            ValueError: A needed field is missing or None (the message names it).
        """
        missing = [name for name in self.fields if fields.get(name) is None]
        if missing:
            raise ValueError(f"prompt {self.id} is missing field(s): {', '.join(missing)}")
        values = {name: str(fields[name]) for name in self.fields}

        def fill(template: str) -> str:
            return _FIELD_RE.sub(lambda m: values[m.group(1)], template)

        return [
            {"role": "system", "content": fill(self.system)},
            {"role": "user", "content": fill(self.user)},
        ]


def _not_found(kind: str, name: str, version: int | None, known: list[str]) -> InvalidConfigError:
    # The name may come from a request: it is never echoed.
    del name, version
    desc = f"unknown {kind}; known: {', '.join(known) or 'none'}"
    return InvalidConfigError(desc, violations=[(kind, desc)])


@lru_cache(maxsize=8)
def _catalogue_of(directory: Path) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for entry in directory.iterdir():
        match = _FILE_RE.match(entry.name)
        if match:
            found.setdefault(match["name"], []).append(int(match["version"]))
    return {name: tuple(sorted(versions)) for name, versions in sorted(found.items())}


def _catalogue() -> dict[str, tuple[int, ...]]:
    """name -> sorted versions of every ``<name>.v<N>.txt`` in ``PROMPT_DIR``."""
    return _catalogue_of(PROMPT_DIR)


def _resolve(directory: Path, kind: str, name: str, version: int | None) -> tuple[int, str]:
    catalogue = _catalogue_of(directory)
    versions = catalogue.get(name, ())
    if version is None and versions:
        version = versions[-1]
    if version is None or version not in versions:
        known = [f"{name}.v{v}" for v in versions] if versions else list(catalogue)
        raise _not_found(kind, name, version, known)
    return version, (directory / f"{name}.v{version}.txt").read_text(encoding="utf-8")


def available_prompts() -> dict[str, tuple[int, ...]]:
    """Names of all prompt and list files with their versions."""
    return dict(_catalogue())


def load_prompt(name: str, version: int | None = None) -> Prompt:
    """Load a prompt template.

    Args:
        name: Prompt name, e.g. ``"paraphrase"``.
        version: Version to load; ``None`` picks the highest version on disk.

    Returns:
        The parsed ``Prompt``.

    Raises:
        InvalidConfigError: No such prompt or version (field ``"prompt"``).
        ValueError: The file is not a well-formed prompt (a packaging bug).
    """
    return _load_prompt(PROMPT_DIR, name, version)


@lru_cache(maxsize=64)
def _load_prompt(directory: Path, name: str, version: int | None) -> Prompt:
    version, raw = _resolve(directory, "prompt", name, version)
    parts = _SECTION_RE.split(raw.replace("\r\n", "\n"))
    # split -> [preamble, "system", body, "user", body]
    if len(parts) != 5 or parts[1] != "system" or parts[3] != "user" or parts[0].strip():
        raise ValueError(f"prompt file {name}.v{version}.txt must hold a [system] then a [user] section")
    system, user = parts[2].strip("\n"), parts[4].strip("\n")
    tag = f"veil-prompt: {name}.v{version}"
    if system.split("\n", 1)[0].strip() != tag:
        raise ValueError(f"prompt file {name}.v{version}.txt: system section must start with {tag!r}")
    return Prompt(name=name, version=version, system=system, user=user)


@lru_cache(maxsize=64)
def _load_list(directory: Path, name: str, version: int | None) -> tuple[str, tuple[str, ...]]:
    version, raw = _resolve(directory, "list", name, version)
    items = tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    if not items:
        raise ValueError(f"list file {name}.v{version}.txt is empty")
    return f"{name}.v{version}", items


def load_list(name: str, version: int | None = None) -> tuple[str, list[str]]:
    """Load a word/phrase list (e.g. ``"personas"``, ``"styles"``, ``"languages"``).

    Args:
        name: List name.
        version: Version to load; ``None`` picks the highest version on disk.

    Returns:
        ``(id, items)`` where id is ``"<name>.v<N>"``.

    Raises:
        InvalidConfigError: No such list or version (field ``"list"``).
    """
    list_id, items = _load_list(PROMPT_DIR, name, version)
    return list_id, list(items)
