"""The rules of who may change things (reception.roles), without Streamlit."""

from __future__ import annotations

import pytest

from reception import roles


def test_the_password_must_match_exactly():
    assert roles.password_matches("hemligt ord", "hemligt ord")
    assert not roles.password_matches("hemligt or", "hemligt ord")
    assert not roles.password_matches("Hemligt ord", "hemligt ord")
    assert not roles.password_matches("", "")  # no password set unlocks nothing
    assert roles.password_matches("lösenord", "lösenord")


def test_the_session_keeps_a_fingerprint_not_the_password():
    print_ = roles.fingerprint("hemligt ord")
    assert "hemligt" not in print_ and print_ == roles.fingerprint("hemligt ord")
    assert print_ != roles.fingerprint("hemligt ord2")


@pytest.mark.parametrize(
    ("address", "local"),
    [("127.0.0.1", True), ("127.0.1.1", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("0.0.0.0", False), ("", False), (None, False), ("192.168.1.20", False), ("::", False),
     ("dashboard.example", False)],
)  # fmt: skip
def test_only_loopback_counts_as_this_machine(address, local):
    assert roles.is_local_address(address) is local


def test_the_mode_follows_what_the_operator_set_up():
    assert roles.mode(sso=False, password=False, address="127.0.0.1") == "local"
    assert roles.mode(sso=False, password=False, address=None) == "read_only"
    assert roles.mode(sso=False, password=False, address="0.0.0.0") == "read_only"
    assert roles.mode(sso=False, password=True, address="0.0.0.0") == "password"
    assert roles.mode(sso=False, password=True, address="127.0.0.1") == "password"
    assert roles.mode(sso=True, password=False, address="0.0.0.0") == "sso"
    assert roles.mode(sso=True, password=True, address=None) == "sso+password"


def test_a_session_through_a_reverse_proxy_is_not_this_machine():
    """deploy/'s app processes listen on 127.0.0.1, but the network reaches them through nginx."""
    through_nginx = ["Host", "X-Forwarded-For", "X-Real-IP", "Upgrade"]
    assert roles.came_through_proxy(through_nginx)
    assert roles.came_through_proxy(["forwarded"])
    assert not roles.came_through_proxy(["Host", "Origin", "Cookie"])
    assert roles.mode(sso=False, password=False, address="127.0.0.1", proxied=True) == "read_only"
    assert roles.mode(sso=False, password=True, address="127.0.0.1", proxied=True) == "password"


def test_the_editor_list_reads_strings_and_lists_case_blind():
    editors = roles.editor_list("Anna@Kommun.se, bo@lan.se;  cia@gr.se", ["Dag@GR.se"], None, "")
    assert editors == {"anna@kommun.se", "bo@lan.se", "cia@gr.se", "dag@gr.se"}
    assert roles.is_listed("ANNA@kommun.se ", editors)
    assert not roles.is_listed("eve@elsewhere.example", editors)
    assert not roles.is_listed(None, editors)
