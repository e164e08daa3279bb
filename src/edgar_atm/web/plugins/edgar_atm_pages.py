"""Datasette plugin: per-issuer pages with a chart of each program and its event timeline.

Loaded by `edgar-atm serve` through Datasette's plugins_dir. Routes:

    /-/issuers              issuers with ATM programs, linking to their pages
    /-/issuer/<CIK|TICKER>  each program's cap, cumulative sales and remaining capacity over
                            time (SVG), its current row, and the issuer's event timeline
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from edgar_atm.web.charts import money_label, program_points, render_svg

_ISSUERS_SQL = """
SELECT cik, company, count(*) AS programs,
       sum(CASE WHEN status = 'active' THEN 1 ELSE 0 END) AS active
FROM atm_programs GROUP BY cik, company ORDER BY company
"""


def _database(datasette):
    return datasette.get_database()


async def _rows(datasette, sql: str, params: dict | None = None) -> list[dict]:
    result = await _database(datasette).execute(sql, params or {})
    return [dict(r) for r in result.rows]


async def _resolve(datasette, key: str) -> int | None:
    key = key.strip()
    if key.isdigit():
        return int(key)
    rows = await _rows(datasette, "SELECT cik FROM issuer_tickers WHERE upper(ticker) = upper(:t) LIMIT 1", {"t": key})
    return int(rows[0]["cik"]) if rows else None


def _money(value) -> str:
    return "" if value is None else money_label(value)


async def issuers(datasette, request):
    rows = await _rows(datasette, _ISSUERS_SQL)
    html = await datasette.render_template("edgar_atm_issuers.html", {"issuers": rows}, request=request)
    return Response.html(html)


async def issuer(datasette, request):
    key = request.url_vars["key"]
    cik = await _resolve(datasette, key)
    programs = await _rows(datasette, "SELECT * FROM atm_programs WHERE cik = :cik ORDER BY agreement_date, program_id",
                           {"cik": cik}) if cik is not None else []
    if not programs:
        html = await datasette.render_template(
            "edgar_atm_issuer.html", {"key": key, "missing": True, "programs": [], "events": []}, request=request)
        return Response.html(html, status=404)
    events = await _rows(datasette, "SELECT * FROM atm_timeline WHERE cik = :cik "
                         "ORDER BY event_date, filed_date, accession_number, event_seq", {"cik": cik})
    cards = []
    for program in programs:
        own = [e for e in events if e.get("program_id") == program["program_id"]]
        title = f"{program.get('agreement_type') or 'Agreement'} {program.get('agreement_date') or ''}".strip()
        cards.append({
            "program": program,
            "title": title,
            "chart": Markup(render_svg(program_points(own), title=f"{program['company']}: {title}")),
            "cap": _money(program.get("current_cap")),
            "sold": _money(program.get("gross_proceeds")),
            "remaining": _money(program.get("remaining_capacity")),
            "shares": None if program.get("shares_sold") is None else f"{program['shares_sold']:,} shares",
        })
    context = {"key": key, "missing": False, "database": _database(datasette).name, "company": programs[0]["company"], "cik": cik,
               "cards": cards, "events": events, "money": _money}
    return Response.html(await datasette.render_template("edgar_atm_issuer.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/issuers$", issuers), (r"^/-/issuer/(?P<key>[A-Za-z0-9.\-]{1,20})$", issuer)]
