"""The committed `openapi.yaml` is the API the code serves: regenerate it with `make schema`."""

from __future__ import annotations

import difflib
from pathlib import Path

from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.validation import validate_schema

COMMITTED = Path(__file__).resolve().parents[2] / "openapi.yaml"


def generated_schema() -> dict:
    # As `make schema` does: `werkpad spectacular --lang en --file openapi.yaml`.
    with translation.override("en"):
        return SchemaGenerator().get_schema(request=None, public=True)


def test_the_committed_schema_matches_the_code() -> None:
    generated = OpenApiYamlRenderer().render(generated_schema(), renderer_context={}).decode()
    committed = COMMITTED.read_text(encoding="utf-8") if COMMITTED.exists() else ""

    diff = "".join(
        difflib.unified_diff(
            committed.splitlines(keepends=True),
            generated.splitlines(keepends=True),
            "openapi.yaml (committed)",
            "openapi.yaml (from the code)",
        )
    )
    assert not diff, f"The API changed: run `make schema` and commit openapi.yaml.\n{diff[:5000]}"


def test_the_schema_is_valid_openapi_3_with_the_design_contract() -> None:
    schema = generated_schema()

    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/organisations/" in schema["paths"]
    assert "/api/v1/organisations/{slug}/" in schema["paths"]
    security = set(schema["components"]["securitySchemes"])
    assert {"tokenAuth", "cookieAuth"} <= security
    page = schema["components"]["schemas"]["PaginatedOrganisationList"]
    assert {"count", "next", "previous", "results"} <= set(page["properties"])
