"""Validation rules that the model classes carry without importing pydantic.

The fact and question models are plain frozen dataclasses, so a command that reads a
pack or set from the validated cache never pays for pydantic (about 0.2 s a process).
Their fields carry `Rule`s in `Annotated[...]`: each stands for pydantic metadata
(constraints, validators, a description) and builds it only when pydantic first
builds a schema, which happens in `seeds.schema` when a changed file is validated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar

from seeds.records import record


class Rule:
    """Annotated metadata standing for pydantic metadata made by ``make`` on first use."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        made = self._make()
        made = made if isinstance(made, tuple) else (made,)
        # Through ``handler``, so the rules around this one still apply.
        return handler(Annotated[(source, *made)])


def text(**constraints: Any) -> Rule:
    """String constraints, as pydantic's StringConstraints takes them."""

    def make() -> Any:
        from pydantic import StringConstraints

        return StringConstraints(**constraints)

    return Rule(make)


def field(**options: Any) -> Rule:
    """Bounds, lengths, a discriminator or a description, as pydantic's Field takes them."""

    def make() -> Any:
        from pydantic import Field

        return Field(**options)

    return Rule(make)


def described(description: str) -> Rule:
    """A description for the JSON schema that editors read."""
    return field(description=description)


def after(check: Callable[[Any], Any]) -> Rule:
    """Run ``check`` on the validated value; a ValueError it raises is a located problem."""

    def make() -> Any:
        from pydantic import AfterValidator

        return AfterValidator(check)

    return Rule(make)


def before(convert: Callable[[Any], Any]) -> Rule:
    """Turn the raw value into what the field's type validates (e.g. a shorthand form)."""

    def make() -> Any:
        from pydantic import BeforeValidator

        return BeforeValidator(convert)

    return Rule(make)


def json_schema(schema: dict[str, Any]) -> Rule:
    """The JSON schema editors see for a field written in a friendlier form than its type."""

    def make() -> Any:
        from pydantic import WithJsonSchema

        return WithJsonSchema(schema)

    return Rule(make)


@record(kw_only=True)
class Strict:
    """Base of every model: immutable, built by keyword, unknown fields are errors."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
