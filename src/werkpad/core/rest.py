"""The REST framework classes named in settings: pagination and the JSON parser.

They live apart from `werkpad.core.api` because DRF imports them while it builds its own views;
a module that imports `rest_framework.views` itself would be imported half-way (a cycle).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser as DRFJSONParser


class Pagination(PageNumberPagination):
    """`{"count", "next", "previous", "results"}` with `?page=` and `?page_size=` (max 100)."""

    page_size_query_param = "page_size"
    max_page_size = 100


class JSONParser(DRFJSONParser):
    """DRF's JSON parser, also answering 400 (not 500) to JSON nested too deep to read."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise exceptions.ParseError(_("The JSON is nested too deeply.")) from error
