"""`record`: a frozen dataclass that costs a third as much to define.

On Python 3.11 and 3.12, `dataclass(frozen=True)` compiles six methods for every class,
one `exec` each, which made defining the project's classes about 1 ms apiece at start-up.
A record compiles one, its `__init__` (written here as the frozen dataclass writes it);
`__setattr__`, `__delattr__`, equality, hash and repr are the functions below, shared by
every record, with the results the generated ones give (fields compared and hashed as a
tuple, in order). Dataclasses records it as not frozen, so a record's subclasses are
records too, never `dataclass(frozen=True)` (which refuses such a base).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from inspect import signature
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T] | None = None, /, *, kw_only: bool = False) -> Any:
    """Decorate a class as `dataclass(frozen=True)` would (`kw_only` as there)."""

    def make(cls: type[T]) -> type[T]:
        # Without a docstring, dataclass writes one from the signature: here, that of
        # object.__init__, which inspect tokenizes. The one it would give comes below.
        undocumented = cls.__doc__ is None
        if undocumented:
            cls.__doc__ = cls.__name__
        made: Any = dataclass(init=False, kw_only=kw_only, eq=False, repr=False)(cls)
        made._record_class = made
        for name in ("__setattr__", "__delattr__"):
            if name in cls.__dict__:
                raise TypeError(f"cannot overwrite {name} in frozen record {cls.__qualname__}")
        if "__init__" not in cls.__dict__:  # a class's own __init__ stays, as in a dataclass
            made.__init__ = _init(made)
        made.__setattr__, made.__delattr__ = _setattr, _delattr
        if undocumented:
            made.__doc__ = _SIGNATURE_DOC
        compared = [f.name for f in fields(made) if f.compare]
        hashed = [f.name for f in fields(made) if (f.compare if f.hash is None else f.hash)]
        shown = tuple(f.name for f in fields(made) if f.repr)
        made._record_compared = staticmethod(_getter(compared))
        made._record_hashed = staticmethod(_getter(hashed))
        made._record_shown = shown
        for name, method in (("__eq__", _eq), ("__hash__", _hash), ("__repr__", _repr)):
            if name not in made.__dict__:
                setattr(made, name, method)
        return made

    return make if cls is None else make(cls)


def _init(cls: Any) -> Callable[..., None]:
    """The ``__init__`` that ``dataclass(frozen=True)`` writes for ``cls``, in one exec.
    Its own names are dunders, so no field's parameter can hide them."""
    scope: dict[str, Any] = {"__store__": object.__setattr__, "__none__": _NO_VALUE}
    positional: list[str] = []
    keywords: list[str] = []
    body: list[str] = []
    for f in fields(cls):
        if isinstance(f.type, str) and f.type.startswith(("InitVar", "dataclasses.InitVar")):
            raise TypeError(f"{cls.__qualname__}: records take no InitVar")
        name, value, default = f.name, f.name, ""
        if f.default_factory is not MISSING:
            scope[f"__factory_{name}__"] = f.default_factory
            if f.init:
                default = "=__none__"
                body.append(f"if {name} is __none__: {name} = __factory_{name}__()")
            else:
                value = f"__factory_{name}__()"
        elif not f.init:
            continue  # read from the class (its default) or unset, as in a dataclass
        elif f.default is not MISSING:
            scope[f"__default_{name}__"] = f.default
            default = f"=__default_{name}__"
        if f.init and f.kw_only:
            keywords.append(name + default)
        elif f.init:
            if not default and positional and "=" in positional[-1]:
                raise TypeError(f"non-default argument {name!r} follows default argument")
            positional.append(name + default)
        body.append(f"__store__(self, {name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    params = ", ".join(["self", *positional, *(["*", *keywords] if keywords else [])])
    lines = "\n".join(f"    {line}" for line in body or ["pass"])
    exec(f"def __init__({params}):\n{lines}\n", scope)
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {f.name: f.type for f in fields(cls) if f.init} | {"return": None}
    return init


class _SignatureDoc:
    """An undocumented record's docstring, as dataclass writes it (the class's name and
    signature), made when first read and kept in its place: inspect takes a tenth of a
    millisecond a class, and start-up defines dozens that nothing documents."""

    def __get__(self, obj: Any, cls: type) -> str:
        try:
            text = str(signature(cls)).replace(" -> None", "")
        except (TypeError, ValueError):  # as dataclass does
            text = ""
        cls.__doc__ = doc = cls.__name__ + text
        return doc


_SIGNATURE_DOC = _SignatureDoc()


def _setattr(self: Any, name: str, value: Any) -> None:
    owner = self._record_class
    if type(self) is owner or name in owner.__dataclass_fields__:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    super(owner, self).__setattr__(name, value)


def _delattr(self: Any, name: str) -> None:
    owner = self._record_class
    if type(self) is owner or name in owner.__dataclass_fields__:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
    super(owner, self).__delattr__(name)


class _NoValue:
    """The default of a field with a default_factory: the factory is called instead."""

    def __repr__(self) -> str:
        return "<factory>"


_NO_VALUE = _NoValue()


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if not names:
        return lambda _: ()
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return bool(self._record_compared(self) == self._record_compared(other))


def _hash(self: Any) -> int:
    return hash(self._record_hashed(self))


@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_shown)
    return f"{self.__class__.__qualname__}({shown})"


def builder(cls: type[T]) -> Callable[..., T]:
    """A function making a ``cls`` from every field, positionally, that gives what
    ``cls(...)`` gives at a third of the cost: a frozen ``__init__`` stores each field
    through ``object.__setattr__``, this fills the new object's ``__dict__``. For the
    hundred thousand records a class's answers become; only for plain records (no
    ``__post_init__``, every field set by ``__init__``, no slots)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if (
        hasattr(cls, "__post_init__")
        or hasattr(cls, "__slots__")
        or not all(f.init for f in fields(cls))  # type: ignore[arg-type]
    ):
        raise TypeError(f"{cls.__qualname__} is not a plain record")
    # The parameters are numbered, not named: a field may be called as any local is.
    params = [f"v{i}" for i in range(len(names))]
    stores = "".join(f"    d[{name!r}] = {v}\n" for name, v in zip(names, params, strict=True))
    source = f"def build({', '.join(params)}):\n    made = new(cls)\n    d = made.__dict__\n"
    source += f"{stores}    return made\n"
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    exec(source, scope)
    build: Callable[..., T] = scope["build"]
    build.__qualname__ = f"builder({cls.__qualname__})"
    return build
