"""The registry of question types: every part of quiz finds a type's pieces here.

A question type is one module (``quiz/bank/types/<name>.py``) holding its model class and one
:class:`QuestionType` that says everything else about it: the fields a bank file may give it,
how they are checked and the question built (with line numbers), its plain-dict codec (dump,
authoring) and its cache row, how a response is graded, which export shape it presents as and
how ``quiz author`` edits it. The module ends with ``register(...)``.

Loading, dumping, the cache, grading, the exporters, authoring and the quiz screen's answer
widget all dispatch through :func:`type_of` (by a question's class) or :func:`question_type`
(by the name in the file), never by ``isinstance`` on the seven classes. So a new type needs
no edit of those modules (``tests/test_question_types.py`` registers one from the test suite).

The tables below (:data:`QUESTION_TYPES`, :data:`TYPE_NAMES`, :data:`ROW_BUILDERS`) are the
registry itself, kept up to date by :func:`register`, so a module that imported one sees a type
registered later. They iterate in registration order: the seven built-in types in the order of
``quiz/bank/types/__init__.py``, then any registered after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from msgspec import Struct

from quiz.bank.question import Question
from quiz.bank.types.form import FormSpec
from quiz.bank.types.shapes import Shape

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade

Q = TypeVar("Q", bound=Question)

#: The fields every question may have, whatever its type (read by ``validate_question``).
COMMON_FIELDS = frozenset(
    {
        "id",
        "type",
        "prompt",
        "source",
        "fact",
        "explanation",
        "tags",
        "difficulty",
        "silence",
        "held_back",
    }
)

#: The "slow" threshold of a type that gives none, and of a type name no longer registered.
DEFAULT_SLOW_SECONDS = 40.0


class QuestionType(Struct, Generic[Q], frozen=True, kw_only=True):
    """Everything quiz knows about one question type besides its model class's own methods.

    - ``model``: the class; its ``TYPE`` is the name in a bank file, its ``NAME`` the name
      people read (one place for both: :attr:`name`, :attr:`display_name`).
    - ``short_name``: how an export's notes count it ("2 true/false questions").
    - ``fields``: the keys a bank file may give this type besides :data:`COMMON_FIELDS`.
    - ``build(check, mapping, where, common)``: the question from its bank-file mapping, each
      problem added to ``check`` with its line; None when it cannot be built. ``common`` holds
      the shared fields, already read.
    - ``to_dict(question)``: the type's own keys of the bank-file mapping, in the file's order;
      ``leading`` names those written before the prompt (``multiple: true``).
    - ``to_row(question)``: the type's own fields of its bank-cache row (plain tuples, strings
      and numbers: the cache is ``marshal`` data); ``from_row(*row)``: the question from the
      whole row, type name first, by position (a 100,000-question bank is built from rows at
      every warm start: no dict, no ``**kwargs``).
    - ``grade(question, response)``: a :class:`quiz.marking.Grade`; what a response is follows
      from the shape (``quiz/grading.py`` lists them).
    - ``shape(question)``: the export shape it presents as (:mod:`quiz.bank.types.shapes`).
    - ``form``: how ``quiz author`` edits it.
    - ``slow_seconds``: from how many seconds a right answer counts as laboured (FSRS's Hard,
      :func:`quiz.srs.rating_for`): reading plus answering time for a learner who knows the
      answer but had to dig for it (a statement is read quicker than six events are ordered).
    """

    model: type[Q]
    short_name: str
    fields: frozenset[str]
    build: Callable[[Checker, LineDict, str, dict[str, Any]], Q | None]
    to_dict: Callable[[Q], dict[str, Any]]
    leading: tuple[str, ...] = ()
    to_row: Callable[[Q], tuple[Any, ...]]
    from_row: Callable[..., Q]
    grade: Callable[[Q, Any], Grade]
    shape: Callable[[Q], Shape]
    form: FormSpec[Q]
    slow_seconds: float = DEFAULT_SLOW_SECONDS

    @property
    def name(self) -> str:
        """The name in a bank file's ``type:`` ("multiple_choice")."""
        return self.model.TYPE

    @property
    def display_name(self) -> str:
        """The name people read ("Multiple choice"), everywhere the app shows it."""
        return self.model.NAME


_BY_NAME: dict[str, QuestionType[Any]] = {}
_BY_CLASS: dict[type[Question], QuestionType[Any]] = {}
#: Type name in a file -> its model class.
QUESTION_TYPES: dict[str, type[Question]] = {}
#: Type name in the file -> the name people read ("cloze" -> "Fill in the blank").
TYPE_NAMES: dict[str, str] = {}
#: Type name in a cache row -> the builder of a question from the whole row.
ROW_BUILDERS: dict[str, Callable[..., Question]] = {}


def register(kind: QuestionType[Q]) -> QuestionType[Q]:
    """Add a type (its module calls this once, at import). Registering a type again with the
    same model class replaces it in place; another class under a taken name is refused."""
    name = kind.name
    if not name or not kind.display_name:
        raise ValueError(f"{kind.model.__name__} needs a TYPE and a NAME")
    known = _BY_NAME.get(name)
    if known is not None and known.model is not kind.model:
        raise ValueError(f"question type {name!r} is already {known.model.__name__}")
    _BY_NAME[name] = kind
    _BY_CLASS[kind.model] = kind
    QUESTION_TYPES[name] = kind.model
    TYPE_NAMES[name] = kind.display_name
    ROW_BUILDERS[name] = kind.from_row
    return kind


def unregister(name: str) -> None:
    """Remove a type added by :func:`register` (a test's own type, once it is done)."""
    kind = _BY_NAME.pop(name, None)
    if kind is None:
        return
    _BY_CLASS.pop(kind.model, None)
    QUESTION_TYPES.pop(name, None)
    TYPE_NAMES.pop(name, None)
    ROW_BUILDERS.pop(name, None)


def question_type(name: str) -> QuestionType[Any]:
    """The type named ``name`` in a bank file; KeyError when there is none."""
    return _BY_NAME[name]


def type_of(question: Question) -> QuestionType[Any]:
    """The type of ``question``, by its class (or the nearest registered base class)."""
    try:
        return _BY_CLASS[type(question)]
    except KeyError:
        for cls in type(question).__mro__[1:]:
            if cls in _BY_CLASS:
                return _BY_CLASS[cls]
    raise TypeError(f"{type(question).__name__} is not a registered question type")


def question_types() -> Iterator[QuestionType[Any]]:
    """Every registered type, in registration order (the built-in seven first)."""
    return iter(list(_BY_NAME.values()))


def shape_of(question: Question) -> Shape:
    """The export shape ``question`` presents as."""
    return type_of(question).shape(question)


def common_row(q: Question) -> tuple[Any, ...]:
    """The first ten fields of every cache row: the type name, then the shared fields."""
    return (
        q.TYPE,
        q.id,
        q.prompt,
        q.source,
        q.fact,
        q.explanation,
        q.tags,
        q.difficulty,
        q.silence,
        q.held_back,
    )


#: The shared fields of a cache row after the type name, in :func:`common_row`'s order.
COMMON_ROW_FIELDS = (
    "id",
    "prompt",
    "source",
    "fact",
    "explanation",
    "tags",
    "difficulty",
    "silence",
    "held_back",
)


def row_encoder(model: type[Q], own: tuple[str, ...]) -> Callable[[Q], tuple[Any, ...]]:
    """A type's ``to_row`` when its row is its own fields as they are (``own``, in row order
    after the shared ones); the field names are checked against the model's.

    The built-in types write their ``from_row`` out in their module (the parameters the row's
    fields, handed to the model by keyword) rather than have :func:`row_codec` compile one:
    compiling it took about 80 µs a type at every start, before the first question
    (``tests/bank/test_row_builders.py`` holds each written builder to the row)."""
    _check_row_fields(model, (*COMMON_ROW_FIELDS, *own))

    def to_row(question: Q) -> tuple[Any, ...]:
        return (*common_row(question), *(getattr(question, n) for n in own))

    return to_row


def _check_row_fields(model: type[Q], names: tuple[str, ...]) -> None:
    fields = set(getattr(model, "__struct_fields__", ()))
    missing = [n for n in names if not n.isidentifier() or n not in fields]
    if missing:
        raise ValueError(f"{model.__name__} has no field {', '.join(missing)}")


def row_codec(
    model: type[Q], own: tuple[str, ...]
) -> tuple[Callable[[Q], tuple[Any, ...]], Callable[..., Q]]:
    """A type's cache-row codec when its row is its own fields as they are (``own``, in row
    order after the shared ones): ``to_row`` and ``from_row``.

    ``from_row`` is written out once per type, with its fields as parameters, as
    :func:`collections.namedtuple` writes its ``__new__``: it is called once per question of a
    cached bank (100,000 on a big bank's start), and a generic builder that gathered the
    fields into a dict to unpack took three times as long. The field names are the model's
    own, checked before they are written into the source."""
    names = (*COMMON_ROW_FIELDS, *own)
    _check_row_fields(model, names)
    params = ", ".join(("_kind", *names))
    call = ", ".join(f"{n}={n}" for n in names)
    namespace: dict[str, Any] = {"model": model}
    exec(f"def from_row({params}):\n    return model({call})\n", namespace)
    from_row: Callable[..., Q] = namespace["from_row"]
    return row_encoder(model, own), from_row
