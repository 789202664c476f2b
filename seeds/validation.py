"""Schema validation of read YAML, with errors turned into located, plain-words problems."""

from __future__ import annotations

import dataclasses
import difflib
import typing
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from seeds.document import Document, describe
from seeds.problems import Problem

M = TypeVar("M")


_ADAPTERS: dict[object, TypeAdapter[Any]] = {}


def _adapter(model: Any) -> TypeAdapter[Any]:
    """One validator a model (or annotated type), built on first use."""
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def parse(model: type[M], data: object) -> M:
    """``data`` as ``model``, validated and converted; ValidationError if it is not one."""
    value: M = _adapter(model).validate_python(data)
    return value


def valid(model: Any, data: object) -> Any | None:
    """``data`` as ``model`` (a class or an annotated type), or None if it is not one."""
    try:
        return parse(model, data)
    except ValidationError:
        return None


def json_schema(model: type) -> dict[str, Any]:
    """The JSON Schema of ``model``, for editors."""
    return _adapter(model).json_schema()


def dump(obj: Any) -> dict[str, Any]:
    """A model as plain data that YAML can hold, leaving out fields at their defaults."""
    return _adapter(type(obj)).dump_python(obj, mode="json", exclude_defaults=True)


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """The document as ``model``, or None and every schema problem, each located."""
    try:
        return parse(model, doc.data), []
    except ValidationError as err:
        return None, [_problem(doc, model, e) for e in err.errors(include_url=False)]


_NUMBER_KINDS = (
    "decimal_parsing",
    "int_parsing",
    "float_parsing",
    "decimal_type",
    "int_from_float",
    "finite_number",
)
_SHAPE_KINDS = (
    "string_type",
    "list_type",
    "dict_type",
    "model_type",
    "model_attributes_type",
    "dataclass_type",
    "dataclass_args_type",
)
_SHAPES = {
    "string_type": "text",
    "list_type": "a list (`- item` lines)",
    "dict_type": "a mapping (`key: value` lines)",
}


def _problem(doc: Document, model: type, error: Any) -> Problem:
    loc = tuple(error["loc"])
    kind, field = error["type"], _field_name(loc)
    message, hint = error["msg"], ""
    if kind == "missing":
        message = f"missing required field '{field}'"
        hint = f"add `{field}:` here"
    elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
        message, hint = _unknown_field(doc, model, loc, field)
    elif kind in _NUMBER_KINDS:
        message = f"'{field}' must be a number, not {_shown(error['input'])}"
        hint = "write digits only, e.g. 5000 or 2.5 (no commas, no units)"
    elif kind in ("bool_parsing", "bool_type"):
        message = f"'{field}' must be true or false, not {_shown(error['input'])}"
    elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        message = f"'{field}' must be a date, not {_shown(error['input'])}"
        hint = "write it as YYYY-MM-DD, e.g. 2023-02-21"
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"'{field}' cannot be {_shown(error['input'])}; expected {expected}"
    elif kind == "string_pattern_mismatch" and field in ("id", "by", "who", "fact", "pack"):
        message = f"'{field}' {_shown(error['input'])} is not a valid id"
        hint = "use lowercase letters, digits and dashes, e.g. li-wei"
    elif kind == "string_pattern_mismatch":
        message = f"'{field}' has an unexpected form: {_shown(error['input'])}"
    elif kind in _SHAPE_KINDS:
        wanted = _SHAPES.get(kind, "a mapping")
        message = f"'{field}' must be {wanted}, not {_describe(error['input'])}"
    elif kind == "string_too_short":
        message = f"'{field}' is empty"
        hint = "write some text or remove the field"
    elif kind == "value_error":
        message = str(error.get("ctx", {}).get("error", message))
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        loc, message, hint = _union_tag(error, loc)
    else:
        message = f"'{field}': {message[0].lower()}{message[1:]}"
    return doc.problem(loc, message, hint)


def _unknown_field(doc: Document, model: type, loc: tuple[Any, ...], field: str) -> tuple[str, str]:
    """(message, hint) for a field the model does not have: the closest known one."""
    known = _known_fields(model, doc, loc)
    close = difflib.get_close_matches(str(field), known, n=1, cutoff=0.7)
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else (f"known fields here: {', '.join(known)}" if known else "remove it")
    )
    return f"unknown field '{field}'", hint


def _union_tag(error: Any, loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], str, str]:
    """(where, message, hint) for a question's `type:` that is missing or not one known."""
    ctx = error.get("ctx", {})
    tag_field = str(ctx.get("discriminator", "type")).strip("'")
    if error["type"] == "union_tag_not_found":
        return loc, f"missing required field '{tag_field}'", f"add `{tag_field}:` here"
    raw = error["input"].get(tag_field) if isinstance(error["input"], dict) else None
    if isinstance(raw, dict | list):  # pydantic gives the tag as the text of the value
        message = f"'{tag_field}' must be text, not {describe(raw)}"
    else:
        message = f"'{tag_field}' cannot be {_shown(ctx.get('tag'))}"
    return (*loc, tag_field), message, f"expected one of {ctx.get('expected_tags', '')}"


def _field_name(loc: tuple[Any, ...]) -> str:
    names = [step for step in loc if isinstance(step, str)]
    return names[-1] if names else "value"


def _shown(value: Any) -> str:
    """A value as a message quotes it: a scalar in quotes (cut short), else its kind."""
    if value is None:
        return "empty"
    if isinstance(value, dict | list):
        return describe(value)
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _describe(value: Any) -> str:
    """What a value is, for 'must be X, not ...': its kind, or the text it holds."""
    if isinstance(value, dict | list) or value is None:
        return describe(value, empty="empty")
    return f"the text {_shown(value)}"


def _fields(model: Any) -> dict[str, Any]:
    """A model's field names and their (resolved) annotations; {} for anything else."""
    if not (isinstance(model, type) and dataclasses.is_dataclass(model)):
        return {}
    hints = typing.get_type_hints(model, include_extras=True)
    return {f.name: hints[f.name] for f in dataclasses.fields(model)}


def _known_fields(model: type, doc: Document, loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model that holds ``loc``'s last step, found by walking the schema."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        fields = _fields(current)
        if step not in fields:
            # A discriminated-union tag: look it up among the union's members.
            current = _union_member(current, step)
            continue
        current = _inner_model(fields[step])
    return sorted(_fields(current))


def _inner_model(annotation: Any) -> Any:
    """The model inside list[...], X | None or Annotated[...], if any."""
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _inner_model(origin) if origin not in (None, list, dict) else None


def _union_member(current: Any, tag: Any) -> Any:
    """The sibling model whose literal ``type`` field is ``tag``."""
    for base in getattr(current, "__mro__", ()):
        for sub in getattr(base, "__subclasses__", list)():
            type_field = _fields(sub).get("type")
            if type_field is not None and tag in getattr(type_field, "__args__", ()):
                return sub
    return current
