"""The command line's tables line up their columns by the width a terminal gives each character: seen by a tester,
the columns after a Chinese name were out of line with the others (a Chinese character takes two columns)."""

from __future__ import annotations

from core.commands.output import format_table, shown_width


def test_columns_line_up_after_wide_characters_and_combining_marks() -> None:
    table = format_table(["name", "etiology"], [["王小明", "diabetic"], ["Jose\u0301 Nun\u0303ez", "stroke"],
                                                ["Ann Lee", "trigeminal"]])
    lines = table.splitlines()
    starts = {shown_width(line[:line.rindex("  ") + 2]) for line in lines if not line.startswith("-")}
    assert starts == {len("José Núñez  ")}, table
    assert shown_width("王小明") == 6 and shown_width("Jose\u0301") == 4
