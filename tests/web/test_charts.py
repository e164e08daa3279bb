from datetime import date
from decimal import Decimal

from edgar_atm.web.charts import money_label, program_points, render_svg


def _row(event_type, event_date, **kw):
    return {"event_type": event_type, "event_date": event_date, "filed_date": event_date, **kw}


def test_cap_carries_forward_and_sales_sit_at_their_as_of_date():
    rows = [
        _row("sales_reported", "2022-02-25", as_of="2022-02-23", gross_proceeds=Decimal("1000000"), max_amount=300000000),
        _row("program_established", "2021-08-06", max_amount=300000000),
        _row("program_amended", "2022-02-25", max_amount=400000000),
    ]
    points = program_points(rows)
    assert [(p.day, p.event_type) for p in points] == [
        (date(2021, 8, 6), "program_established"),
        (date(2022, 2, 23), "sales_reported"),
        (date(2022, 2, 25), "program_amended"),
    ]
    assert [p.cap for p in points] == [Decimal(300000000), Decimal(300000000), Decimal(400000000)]
    # Remaining: cap minus cumulative sales when no filing states it; the later cap raise applies.
    assert [p.remaining for p in points] == [None, Decimal(299000000), Decimal(399000000)]


def test_a_stated_remaining_capacity_wins_over_the_arithmetic():
    rows = [_row("program_established", "2023-01-02", max_amount=50000000),
            _row("sales_reported", "2023-04-27", as_of="2023-04-26", gross_proceeds=4246131, remaining_amount=45000000)]
    assert program_points(rows)[-1].remaining == Decimal(45000000)


def test_rows_without_any_date_are_left_out():
    assert program_points([{"event_type": "suspended"}]) == []


def test_svg_has_a_path_per_known_series_and_a_marker_per_event():
    rows = [_row("program_established", "2021-08-06", max_amount=300000000),
            _row("sales_reported", "2022-02-25", as_of="2022-02-23", gross_proceeds=0)]
    svg = render_svg(program_points(rows), title="Watsco <ATM> & co")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'class="series-cap"' in svg and 'class="series-sales"' in svg and 'class="series-remaining"' in svg
    assert svg.count('class="event-marker"') == 2
    assert "Watsco &lt;ATM&gt; &amp; co" in svg and "<ATM>" not in svg


def test_a_program_without_sales_draws_no_sales_line():
    svg = render_svg(program_points([_row("program_established", "2025-12-31", max_amount=4000000000)]))
    assert 'class="series-cap"' in svg and 'class="series-sales"' not in svg
    assert "$4B" in svg  # the top grid line names the cap


def test_empty_history_says_so():
    assert "No dated events" in render_svg([])


def test_money_labels():
    assert [money_label(v) for v in (950, 14500000, 1250000000, 4000000000)] == ["$950", "$14.5M", "$1.2B", "$4B"]


def test_no_shares_sold_is_zero_dollars_of_sales():
    rows = [_row("program_established", "2021-08-06", max_amount=300000000),
            _row("sales_reported", "2022-02-25", as_of="2022-02-23", shares_sold=0)]
    assert program_points(rows)[-1].sales == 0 and program_points(rows)[-1].remaining == 300000000
