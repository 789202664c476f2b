"""`record` behaves as `dataclass(frozen=True)` does: the same equality, hash and repr."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seeds.dates import PartialDate
from seeds.frozen import builder, record


def _pair(**options: bool):
    """The same class made by `record` and by `dataclass(frozen=True)`, with a subclass
    of each that adds a field left out of comparison but hashed."""

    def body() -> dict:
        return {
            "__annotations__": {"a": "int", "b": "str", "c": "tuple", "d": "int"},
            "b": "x",
            "c": field(default=(), compare=False),
            "d": field(default=0, repr=False, hash=False),
        }

    def child() -> dict:
        return {"__annotations__": {"e": "int"}, "e": field(default=0, compare=False, hash=True)}

    made = record(type("Thing", (), body()), **options)
    reference = dataclass(frozen=True, **options)(type("Thing", (), body()))
    made_child = record(type("Child", (made,), child()), **options)
    reference_child = dataclass(frozen=True, **options)(type("Child", (reference,), child()))
    return made, reference, made_child, reference_child


values = st.tuples(st.integers(-3, 3), st.sampled_from(["", "x", "<b>&"]), st.integers(0, 2))


@given(values, values, st.booleans(), st.booleans())
def test_equality_hash_and_repr_match_a_frozen_dataclass(one, other, kw_only, sub) -> None:
    made, reference, made_child, reference_child = _pair(kw_only=kw_only)
    if sub:
        made, reference = made_child, reference_child
    (a1, b1, d1), (a2, b2, d2) = one, other
    extra = {"e": a1} if sub else {}
    m1 = made(a=a1, b=b1, c=(a1,), d=d1, **extra)
    m2 = made(a=a2, b=b2, c=(a2,), d=d2)
    r1 = reference(a=a1, b=b1, c=(a1,), d=d1, **extra)
    r2 = reference(a=a2, b=b2, c=(a2,), d=d2)
    assert (m1 == m2) is (r1 == r2)
    assert (m1 != m2) is (r1 != r2)
    assert hash(m1) == hash(r1)
    assert repr(m1) == repr(r1)


def test_fields_left_out_of_comparison_are_left_out_of_equality_and_hash() -> None:
    made, *_ = _pair()
    assert made(1, c=(1,)) == made(1, c=(2,))  # compare=False
    assert made(1, d=1) != made(1, d=2)  # compared, though not hashed
    assert hash(made(1, d=1)) == hash(made(1, d=2))
    assert "d=" not in repr(made(1, d=5))


def test_a_record_is_frozen_and_never_equal_to_another_class() -> None:
    made, reference, *_ = _pair()
    thing = made(1)
    with pytest.raises(FrozenInstanceError):
        thing.a = 2  # type: ignore[attr-defined]
    assert thing != reference(1)
    assert thing != (1, "x")
    assert dataclasses.replace(thing, a=2) == made(2)
    month = PartialDate(2023, 5)  # a record the caches pickle
    assert pickle.loads(pickle.dumps(month)) == month
    assert hash(pickle.loads(pickle.dumps(month))) == hash(month)


def test_keyword_only_and_subclasses() -> None:
    @record(kw_only=True)
    class Base:
        a: int

    @record(kw_only=True)
    class Child(Base):
        b: int = 0

    with pytest.raises(TypeError):
        Base(1)  # type: ignore[misc]
    assert Child(a=1, b=2) == Child(a=1, b=2)
    assert Child(a=1, b=2) != Child(a=1, b=3)
    assert Child(a=1) != Base(a=1)
    assert repr(Child(a=1, b=2)) == "test_keyword_only_and_subclasses.<locals>.Child(a=1, b=2)"
    assert len({Child(a=1), Child(a=1), Child(a=2)}) == 2


def test_equality_hash_and_repr_are_shared_not_generated_per_class() -> None:
    from quizzes.model import Choice, QuestionSet
    from seeds.model import Figure, Pack

    for method in ("__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__"):
        assert len({getattr(cls, method) for cls in (Choice, QuestionSet, Figure, Pack)}) == 1


def test_a_record_that_holds_itself_prints_as_a_dataclass_does() -> None:
    @record
    class Box:
        items: list

    @dataclass(frozen=True)
    class Reference:
        items: list

    box, reference = Box([]), Reference([])
    box.items.append(box)
    reference.items.append(reference)
    assert repr(box).replace("Box", "Reference") == repr(reference)


@given(values, st.booleans())
def test_a_builder_makes_what_the_class_makes(value, sub) -> None:
    made, _, made_child, _ = _pair()
    cls = made_child if sub else made
    a, b, d = value
    args = (a, b, (a,), d, a) if sub else (a, b, (a,), d)
    built = builder(cls)(*args)
    expected = cls(*args)
    assert type(built) is cls
    assert built == expected and hash(built) == hash(expected)
    assert repr(built) == repr(expected)
    assert dataclasses.asdict(built) == dataclasses.asdict(expected)
    with pytest.raises(FrozenInstanceError):
        built.a = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        builder(cls)(a)  # every field, always: no defaults


def test_a_builder_refuses_a_record_that_does_more_than_store_its_fields() -> None:
    @record
    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError(self.a)

    @record
    class Derived:
        a: int
        b: int = field(init=False, default=0)

    for cls in (Checked, Derived):
        with pytest.raises(TypeError, match="not a plain record"):
            builder(cls)


# A field's shape: (kind, keyword-only); kinds as dataclass knows them.
KINDS = ("required", "default", "factory", "unset", "default, not in init", "factory, not init")
shapes = st.lists(st.tuples(st.sampled_from(KINDS), st.booleans()), max_size=6)
NAMES = ("a", "store", "cls", "object", "field", "none")  # a field may be called anything


def _spec(kind: str, kw_only: bool, n: int) -> object:
    return {
        "required": field(kw_only=kw_only),
        "default": field(default=n, kw_only=kw_only),
        "factory": field(default_factory=lambda: [n], kw_only=kw_only),
        "unset": field(init=False, repr=False, compare=False),
        "default, not in init": field(default=-n, init=False),
        "factory, not init": field(default_factory=lambda: {n}, init=False),
    }[kind]


def _both(shape, kw_only: bool, post_init: bool):
    def body() -> dict:
        names = {NAMES[n]: _spec(kind, kw, n) for n, (kind, kw) in enumerate(shape)}
        made = {"__annotations__": dict.fromkeys(names, "object"), **names}
        if post_init:
            made["__post_init__"] = lambda self: object.__setattr__(self, "seen", True)
        return made

    outcomes = []
    for make in (record(kw_only=kw_only), dataclass(frozen=True, kw_only=kw_only)):
        try:
            outcomes.append(make(type("Shape", (), body())))
        except TypeError as err:  # a required field after a default: both refuse it
            outcomes.append(type(err))
    return outcomes


def _outcome(cls, args, kwargs):
    try:
        return vars(cls(*args, **kwargs))
    except TypeError:
        return TypeError


@given(shapes, st.booleans(), st.booleans(), st.lists(st.integers(0, 9), max_size=7))
def test_init_takes_and_stores_what_a_frozen_dataclass_init_does(
    shape, kw_only, post_init, given_values
) -> None:
    made, reference = _both(shape, kw_only, post_init)
    if isinstance(made, type) and issubclass(made, TypeError):
        assert reference is TypeError
        return
    assert str(inspect.signature(made)) == str(inspect.signature(reference))
    names = NAMES[: len(shape)]
    positional = tuple(given_values)
    keywords = dict(zip(names, given_values, strict=False))
    for args, kwargs in (((), {}), (positional, {}), ((), keywords), (positional[:1], keywords)):
        assert _outcome(made, args, kwargs) == _outcome(reference, args, kwargs)


def test_a_record_keeps_its_own_init_and_refuses_its_own_setattr() -> None:
    @record
    class Own:
        a: int

        def __init__(self, text: str) -> None:
            object.__setattr__(self, "a", len(text))

    assert Own("abc").a == 3
    with pytest.raises(TypeError, match="__setattr__"):

        @record
        class Loose:
            a: int

            def __setattr__(self, name: str, value: object) -> None: ...


def test_a_plain_subclass_of_a_record_may_add_attributes_but_not_fields() -> None:
    made, reference, *_ = _pair()

    class Extra(made):  # type: ignore[misc, valid-type]
        pass

    class ReferenceExtra(reference):  # type: ignore[misc, valid-type]
        pass

    for cls in (Extra, ReferenceExtra):
        thing = cls(1)
        thing.note = "kept"
        assert thing.note == "kept"
        with pytest.raises(FrozenInstanceError):
            thing.a = 2
        with pytest.raises(FrozenInstanceError):
            del thing.a


def test_an_undocumented_record_is_documented_as_a_dataclass_is() -> None:
    made, reference, made_child, reference_child = _pair(kw_only=True)
    assert made.__doc__ == reference.__doc__ and made.__doc__.startswith("Thing(*, a: 'int'")
    assert made_child.__doc__ == reference_child.__doc__

    @record
    class Documented:
        """Says what it is."""

    assert Documented.__doc__ == "Says what it is."
    assert made(a=1).__doc__ == reference(a=1).__doc__
    assert inspect.getdoc(made) == inspect.getdoc(reference)


def test_an_undocumented_record_signs_its_docstring_only_when_it_is_read(monkeypatch) -> None:
    import seeds.frozen

    read: list[object] = []
    monkeypatch.setattr(seeds.frozen, "signature", lambda cls: read.append(cls) or "(a)")

    @record
    class Quiet:
        a: int

    assert read == []
    assert Quiet.__doc__ == "Quiet(a)" and read == [Quiet]
    assert Quiet.__doc__ == "Quiet(a)" and read == [Quiet]  # made once, then kept

    def refused(cls: object) -> str:
        raise ValueError("no signature")

    monkeypatch.setattr(seeds.frozen, "signature", refused)

    @record
    class Unsigned:
        a: int

    assert Unsigned.__doc__ == "Unsigned"  # as dataclass writes it then
