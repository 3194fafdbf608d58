import pytest
from django.core.exceptions import ImproperlyConfigured

from inspection_portal.env import envbool, envint, envlist, envstr


@pytest.mark.parametrize("raw,expected", [("1", True), ("yes", True), ("ON", True), ("0", False), ("false", False)])
def test_envbool_reads_yes_and_no_words(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert envbool("FLAG", not expected) is expected


def test_envbool_default_when_unset(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    assert envbool("FLAG", True) is True


def test_envbool_fails_loudly_on_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        envbool("FLAG", False)


def test_envint_fails_loudly_on_nonsense(monkeypatch):
    monkeypatch.setenv("NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="NUMBER"):
        envint("NUMBER", 1)
    monkeypatch.setenv("NUMBER", "10")
    assert envint("NUMBER", 1) == 10


def test_envlist_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", " portal.example , ,127.0.0.1")
    assert envlist("HOSTS", []) == ["portal.example", "127.0.0.1"]
    monkeypatch.delenv("HOSTS")
    assert envlist("HOSTS", ["x"]) == ["x"]
    assert envstr("HOSTS", "d") == "d"
