"""A total and its parts in one row must not give a hidden count away: where only one part
would be hidden, another is hidden with it (secondary suppression)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from werkpad.monitor.tables import SUPPRESSED, Column, Kind, Table

TO_WORK = (
    Column("period", "Period", Kind.TEXT),
    Column("to_work", "To work", parts=("without_support", "with_support")),
    Column("without_support", "without support"),
    Column("with_support", "with support"),
)


def _table(columns: tuple[Column, ...], row: dict[str, object], *, suppressed: bool) -> Table:
    return Table("t", "T", "", columns, [row], suppressed=suppressed)


def test_the_board_cannot_subtract_to_find_a_small_part() -> None:
    row: dict[str, object] = {
        "period": "2019-Q1",
        "to_work": 12,
        "without_support": 9,
        "with_support": 3,
    }
    board = _table(TO_WORK, row, suppressed=True)
    assert [cell.text for cell in board.cells(row)] == ["2019-Q1", "12", "—", SUPPRESSED]
    assert board.plain_values(row) == ["2019-Q1", 12, "", SUPPRESSED]

    lead = _table(TO_WORK, row, suppressed=False)
    assert lead.plain_values(row) == ["2019-Q1", 12, 9, 3]


def test_nothing_more_is_hidden_when_nothing_can_be_worked_out() -> None:
    row: dict[str, object] = {"period": "p", "to_work": 15, "without_support": 9, "with_support": 6}
    assert _table(TO_WORK, row, suppressed=True).plain_values(row) == ["p", 15, 9, 6]
    two_small = {"period": "p", "to_work": 7, "without_support": 4, "with_support": 3}
    assert _table(TO_WORK, two_small, suppressed=True).plain_values(two_small) == [
        "p",
        7,
        SUPPRESSED,
        SUPPRESSED,
    ]


def test_a_share_built_on_a_count_hidden_with_another_is_hidden_too() -> None:
    columns = (
        Column("cohort", "Cohort", Kind.TEXT),
        Column("candidates", "Candidates", parts=("up", "same", "down")),
        Column("up", "Up"),
        Column("same", "Same"),
        Column("down", "Down"),
        Column("share_up", "Share up", Kind.SHARE, bases=("up", "candidates")),
    )
    row: dict[str, object] = {
        "cohort": "2020",
        "candidates": 30,
        "up": 10,
        "same": 18,
        "down": 2,
        "share_up": 1 / 3,
    }
    shown = _table(columns, row, suppressed=True).plain_values(row)
    assert shown == ["2020", 30, "", 18, SUPPRESSED, ""]


@given(st.lists(st.integers(0, 30), min_size=2, max_size=7))
def test_no_total_and_its_parts_ever_leave_exactly_one_count_hidden(parts: list[int]) -> None:
    keys = tuple(f"part_{index}" for index in range(len(parts)))
    columns = (Column("total", "Total", parts=keys), *(Column(key, key) for key in keys))
    row: dict[str, object] = {"total": sum(parts), **dict(zip(keys, parts, strict=True))}

    shown = _table(columns, row, suppressed=True).plain_values(row)

    pairs = list(zip([row["total"], *parts], shown, strict=True))
    hidden = [value for value, seen in pairs if seen in ("", SUPPRESSED)]
    assert all(value != 0 for value in hidden), "a 0 gives nothing away"
    assert len(hidden) != 1, "one hidden count would be the total minus the others"
    assert all(seen == SUPPRESSED for value, seen in pairs if 0 < value < 5)
