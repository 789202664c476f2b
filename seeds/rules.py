"""Validation rules that the model classes carry without importing pydantic.

The fact and question models are plain frozen dataclasses, so a command that reads a
pack or set from the validated cache never pays for pydantic (about 0.2 s a process).
Their fields carry `Rule`s in `Annotated[...]`: each stands for pydantic metadata
(constraints, validators, a description) and builds it only when pydantic first
builds a schema, which happens in `seeds.validation` when a changed file is validated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar

from seeds.frozen import record


class Rule:
    """Annotated metadata standing for pydantic metadata made by ``make`` on first use."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        made = self._make()
        made = made if isinstance(made, tuple) else (made,)
        # Through ``handler``, so the rules around this one still apply.
        return handler(Annotated[(source, *made)])


def _pydantic(name: str, *args: Any, **kwargs: Any) -> Rule:
    """A Rule standing for ``pydantic.<name>(*args, **kwargs)``."""

    def make() -> Any:
        import pydantic

        return getattr(pydantic, name)(*args, **kwargs)

    return Rule(make)


def text(**constraints: Any) -> Rule:
    """String constraints, as pydantic's StringConstraints takes them."""
    return _pydantic("StringConstraints", **constraints)


def field(**options: Any) -> Rule:
    """Bounds, lengths, a discriminator or a description, as pydantic's Field takes them."""
    return _pydantic("Field", **options)


def described(description: str) -> Rule:
    """A description for the JSON schema that editors read."""
    return field(description=description)


def after(check: Callable[[Any], Any]) -> Rule:
    """Run ``check`` on the validated value; a ValueError it raises is a located problem."""
    return _pydantic("AfterValidator", check)


def before(convert: Callable[[Any], Any]) -> Rule:
    """Turn the raw value into what the field's type validates (e.g. a shorthand form)."""
    return _pydantic("BeforeValidator", convert)


def json_schema(schema: dict[str, Any]) -> Rule:
    """The JSON schema editors see for a field written in a friendlier form than its type."""
    return _pydantic("WithJsonSchema", schema)


@record(kw_only=True)
class Strict:
    """Base of every model: immutable, built by keyword, unknown fields are errors."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
