"""Every indicator as CSV, all of them as one XLSX workbook, and the board's quarterly PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.cases.pdf_text import pdf_text
from tests.monitor.factories import person
from tests.offers.factories import DealFactory, DealPromiseFactory, EmployerFactory
from werkpad.accounts.models import User
from werkpad.monitor.selectors import INDICATOR_CODES
from werkpad.organisations.roles import Role

D = dt.date
YEAR_2019 = {"start": "2019-01", "end": "2019-12"}


@pytest.fixture
def city(db: None) -> None:
    bakery = EmployerFactory(name="Bakkerij Jansen & Zn")
    deal = DealFactory(employer=bakery, starts_on=D(2019, 1, 1), ends_on=D(2019, 12, 31))
    DealPromiseFactory(deal=deal, offer_kind="paid_job", places=2)
    for _ in range(7):
        person((D(2015, 1, 1), None, ""))
    person((D(2018, 1, 1), D(2019, 2, 10), "work"))
    person((D(2019, 5, 1), None, ""))


@pytest.fixture
def lead(client: Client, user_with_role: Callable[..., User]) -> Client:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    return client


def test_each_indicator_as_csv(city: None, lead: Client) -> None:
    for code in INDICATOR_CODES:
        response = lead.get(f"/monitor/export/{code}.csv", YEAR_2019)
        assert response.status_code == 200, code
        assert response["Content-Type"].startswith("text/csv")
        assert f"bhag-monitor-{code}-" in response["Content-Disposition"]
    flows = list(
        csv.DictReader(
            io.StringIO(lead.get("/monitor/export/flows.csv", YEAR_2019).content.decode())
        )
    )
    assert len(flows) == 4  # quarters of 2019
    first = flows[0]
    assert [first[key] for key in list(first)[:4]] == ["2019 K1", "8", "0", "1"]


def test_an_unknown_indicator_is_not_found(lead: Client) -> None:
    assert lead.get("/monitor/export/everyone.csv").status_code == 404


def test_all_indicators_in_one_workbook(city: None, lead: Client) -> None:
    response = lead.get("/monitor/export/monitor.xlsx", YEAR_2019)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == list(INDICATOR_CODES)
    flows = book["flows"]
    assert flows["A5"].value == "Periode"
    assert [cell.value for cell in flows[6]][:4] == ["2019 K1", 8, 0, 1]


def test_the_board_downloads_suppressed_figures(
    city: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.BOARD))
    book = load_workbook(io.BytesIO(client.get("/monitor/export/monitor.xlsx", YEAR_2019).content))
    assert [cell.value for cell in book["flows"][6]][:4] == ["2019 K1", 8, 0, "< 5"]


def test_quarterly_report_for_the_board(
    city: None, client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.BOARD))
    response = client.get("/monitor/rapportage.pdf", {"kwartaal": "2019-2"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "2019-Q2" in text
    assert "Bijstand halveren" in text
    assert "< 5" in text
    assert "Bakkerij Jansen & Zn" in text  # reportlab's own markup characters stay text
    assert client.get("/monitor/rapportage.pdf", {"kwartaal": "2019-5"}).status_code == 404
    assert client.get("/monitor/rapportage.pdf", {"kwartaal": "2099-1"}).status_code == 404
