"""Form rendering in NL Design System (Utrecht) style with accessible inline errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES: dict[str, str] = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "clearablefile": "utrecht-file-input",
    "file": "utrecht-file-input",
}
DEFAULT_WIDGET_CLASS = "utrecht-textbox utrecht-textbox--html-input"


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class StyledFormMixin:
    """Adds the design-system classes to every widget and links errors to their field."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget_type = type(field.widget).__name__.lower().removesuffix("input")
            css_class = WIDGET_CLASSES.get(widget_type, DEFAULT_WIDGET_CLASS)
            field.widget.attrs["class"] = (
                f"{css_class} {field.widget.attrs.get('class', '')}".strip()
            )

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        form: Any = self
        for name in form.errors:
            if name in self.fields:
                bound = form[name]
                widget_attrs = self.fields[name].widget.attrs
                widget_attrs["aria-invalid"] = "true"
                widget_attrs["aria-describedby"] = f"{bound.auto_id}_error"
