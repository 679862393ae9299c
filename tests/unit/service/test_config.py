from __future__ import annotations

import pytest

from veil.service.config import load_config
from veil.service.errors import ConfigError

TOKEN = "t" * 20


def test_env_tokens_and_defaults(tmp_path):
    config = load_config(
        env={"VEIL_TOKENS": f"{TOKEN}=acme", "VEIL_PORT": "6000"},
        overrides={"data_dir": tmp_path / "d", "master_key_file": tmp_path / "k"},
    )
    assert config.tokens == {TOKEN: "acme"} and config.port == 6000 and config.min_rows == 50


def test_same_field_in_file_and_env_is_refused(tmp_path):
    file = tmp_path / "veil.toml"
    file.write_text("port = 7000\n")
    with pytest.raises(ConfigError) as info:
        load_config(file=file, env={"VEIL_PORT": "6000"})
    assert info.value.reason == "CONFIG_SET_TWICE" and info.value.violations[0][0] == "port"


def test_invalid_values_name_the_field(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(env={"VEIL_TOKENS": "short=acme"}, overrides={"data_dir": tmp_path})
    assert info.value.violations[0][0] == "tokens"


def test_master_key_must_live_outside_data_dir(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(env={}, overrides={"data_dir": tmp_path, "master_key_file": tmp_path / "master.key"})
    assert "master_key_file" in str(info.value)


def test_pii_lists_from_json_env_and_toml(tmp_path):
    env = {"VEIL_PII_DENY_LIST": '{"PERSON": ["Zorblax"]}', "VEIL_PII_ALLOW_LIST": '["Victoria"]'}
    config = load_config(env=env)
    assert config.pii_deny_list == {"PERSON": ["Zorblax"]} and config.pii_allow_list == ["Victoria"]
    toml = tmp_path / "veil.toml"
    toml.write_text('pii_allow_list = ["Ideal"]\n[pii_deny_list]\nORGANIZATION = ["Acme"]\n')
    config = load_config(file=toml, env={})
    assert config.pii_allow_list == ["Ideal"] and config.pii_deny_list == {"ORGANIZATION": ["Acme"]}
    with pytest.raises(ConfigError) as info:
        load_config(env={"VEIL_PII_DENY_LIST": "not json"})
    assert "pii_deny_list" in str(info.value)
