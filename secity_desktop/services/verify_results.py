"""What a verification worker sends back, and how the importing process takes it (cheaply).

A worker's chunk of results (``services/verify_worker.verify_chunk``) is a list of
``(number, kind, outcome)``: a :class:`~secity_desktop.bundle.read.VerifiedBundle` holds
≈ 50 pydantic document models (the manifest and its entries, each revision's responses and
evidence records). Pickled as pydantic pickles them, every model costs a Python
``__getstate__`` call in the worker and a ``__setstate__`` call in the importing process,
run on the pool's result thread while the importing process verifies its own share:
≈ 0.25–0.3 ms of the importing process and ≈ 0.25–0.7 ms of the worker per file, measured
in the import (branch improws, docs/performance.md). Both sides' time is the import's critical path, since they meet in the
middle of the list.

So the worker pickles the chunk here, itself, with a pickler that writes each document model
as its class, its field values (the model's own ``__dict__``) and the fields that were set,
and the importing process rebuilds each model from those with :func:`_model` — no
validation, no ``__setstate__``: the same values the worker's validated models held, field
for field. The whole chunk crosses as one ``bytes`` (nothing is left for the pool's result
thread to rebuild; the importing process decodes it between two of its own files).

What this trusts: only what the worker built while it verified the file (its own models,
made by the same readers under the same checks). Nothing is taken from the file that the
worker did not check; the models rebuilt here are exactly those the worker returned. Pickle
crosses only between this process and the workers it started (as before).
"""

from __future__ import annotations

import copyreg
import io
import pickle
import typing
from pathlib import Path, PosixPath, PurePath, WindowsPath
from typing import Any

from pydantic import BaseModel

from secity_desktop.bundle import documents

#: every document model a verified bundle can hold → the names of all its fields, in order
_NAMES: dict[type[BaseModel], tuple[str, ...]] = {
    cls: tuple(cls.__pydantic_fields__)
    for cls in vars(documents).values()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == documents.__name__
}
_FIELDS: dict[type[BaseModel], frozenset[str]] = {cls: frozenset(n) for cls, n in _NAMES.items()}


def _models_in(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_models_in(a) for a in typing.get_args(annotation))


def _list_of_flat(annotation: Any) -> type[BaseModel] | None:
    """The model class of a ``list[Model]`` field whose model holds no model (a flat record)."""
    if typing.get_origin(annotation) is not list:
        return None
    (item,) = typing.get_args(annotation)
    if item not in _NAMES or any(_models_in(f.annotation) for f in item.__pydantic_fields__.values()):
        return None
    return item  # type: ignore[no-any-return]


#: per model class, its fields that hold lists of flat records: (field, record class). Those
#: records (a revision's responses and evidence, the manifest's entries…) are most of a
#: bundle's models; they cross as a tuple of their field dicts and are rebuilt in one loop
#: (:func:`_records`), not through one pickle reduce each.
_ROWS: dict[type[BaseModel], tuple[tuple[str, type[BaseModel]], ...]] = {
    cls: tuple((name, item) for name, f in cls.__pydantic_fields__.items()
               if (item := _list_of_flat(f.annotation)) is not None)
    for cls in _NAMES
}
# (every class here forbids extra fields and has no private attributes, so its instances carry
# ``__pydantic_extra__`` and ``__pydantic_private__`` None: tests/services/test_verify_results.py)


#: BaseModel's own slots, set straight through their descriptors (what ``object.__setattr__``
#: finds by name: the frozen models' ``__setattr__`` is never involved)
_SLOTS = vars(BaseModel)
_DICT = _SLOTS["__dict__"].__set__
_FIELDS_SET = _SLOTS["__pydantic_fields_set__"].__set__
_EXTRA = _SLOTS["__pydantic_extra__"].__set__
_PRIVATE = _SLOTS["__pydantic_private__"].__set__


def _bare(cls: type[BaseModel], values: dict[str, Any], fields_set: set[str],
          _new: Any = object.__new__) -> BaseModel:
    """An instance of ``cls`` holding ``values`` (what pydantic's own ``__setstate__`` does,
    without its state dict)."""
    m = _new(cls)
    _DICT(m, values)
    _FIELDS_SET(m, fields_set)
    _EXTRA(m, None)
    _PRIVATE(m, None)
    return m


def _model(cls: type[BaseModel], values: dict[str, Any], fields_set: set[str] | None) -> BaseModel:
    """A worker's document model, rebuilt with the field values it verified. ``fields_set``
    None: every field."""
    for name, item in _ROWS[cls]:
        rows = values[name]
        if type(rows) is tuple:
            values[name] = _records(item, rows)
    return _bare(cls, values, set(_FIELDS[cls]) if fields_set is None else fields_set)


def _records(cls: type[BaseModel], rows: tuple[dict[str, Any], ...]) -> list[BaseModel]:
    """Flat records (all fields set) from their field dicts, in one loop."""
    every = _FIELDS[cls]  # (only the document models of bundle.documents are rebuilt here)
    return [_bare(cls, values, set(every)) for values in rows]


def _reduce_model(m: BaseModel) -> Any:
    cls = type(m)
    fields_set = m.__pydantic_fields_set__
    values = m.__dict__
    rows = _ROWS[cls]
    if rows:
        values = dict(values)  # (the worker's model is left as it is)
        for name, item in rows:
            records = values[name]
            n = len(_NAMES[item])
            if all(type(r) is item and len(r.__pydantic_fields_set__) == n for r in records):
                values[name] = tuple([r.__dict__ for r in records])
            # (else: a model each, through this same reducer)
    return _model, (cls, values, None if len(fields_set) == len(_NAMES[cls]) else fields_set)


def _reduce_path(p: PurePath) -> Any:
    return type(p), (str(p),)  # one string, parsed once (not the parts, joined again)


_TABLE = copyreg.dispatch_table.copy()
_TABLE.update(dict.fromkeys(_FIELDS, _reduce_model))
_TABLE.update(dict.fromkeys({type(Path()), PosixPath, WindowsPath}, _reduce_path))


def dumps(results: list[tuple[int, str, Any]]) -> bytes:
    """A chunk's results as one ``bytes`` (in the worker)."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _TABLE
    pickler.dump(results)
    return buf.getvalue()


def loads(blob: bytes) -> list[tuple[int, str, Any]]:
    """The chunk's results again (in the importing process)."""
    out: list[tuple[int, str, Any]] = pickle.loads(blob)
    return out
