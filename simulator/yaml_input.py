"""Safe YAML for the simulator's input files: a tree of values that remember their lines.

Parsed with PyYAML's safe machinery only (the C parser where it is built) and
walked node by node, so every value keeps the line it starts on and anything
unsafe is refused where it stands: a tag other than the plain ones
(``!!python/object``), an alias (the "billion laughs" bomb), a key given twice,
nesting too deep. Scenarios and priors files both read through here.
"""

from __future__ import annotations

from typing import Any

import attrs
import yaml

from simulator.errors import ScenarioError

__all__ = ["Value", "read_yaml"]

_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@attrs.frozen
class Value:
    """A YAML value with the line it starts on (mappings hold `Value`s, as do lists)."""

    value: Any
    line: int


class _Tree:
    """Turns a node tree into `Value`s, refusing anything unsafe at its line."""

    def __init__(self, path: str, error: type[ScenarioError], what: str, depth: int) -> None:
        self.path, self.error, self.what, self.max_depth = path, error, what, depth
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, line: int | None, message: str) -> ScenarioError:
        return self.error(message, path=self.path, line=line)

    def read(self, node: yaml.Node, depth: int = 0) -> Value:
        line = node.start_mark.line + 1
        if depth > self.max_depth:
            raise self.fail(line, f"nesting deeper than {self.max_depth} levels")
        if node.tag not in _SAFE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(line, f"the YAML tag {tag} is not allowed in {self.what}")
        if isinstance(node, yaml.MappingNode):
            return Value(self._mapping(node, depth), line)
        if isinstance(node, yaml.SequenceNode):
            return Value([self.read(item, depth + 1) for item in node.value], line)
        try:
            return Value(self.constructor.construct_object(node), line)
        except (ValueError, yaml.YAMLError) as error:
            raise self.fail(line, f"cannot read {_shown(node.value)}: {_reason(error)}") from None
        except (LookupError, AttributeError, TypeError, ArithmeticError):
            # PyYAML's constructors fail this way on some malformed values: ``!!bool maybe``
            # (a KeyError), ``!!timestamp 99999-01-01`` (no match), ``!!int -`` (an IndexError).
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(line, f"cannot read {_shown(node.value)} as {tag}") from None

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Value]:
        out: dict[str, Value] = {}
        for key_node, value_node in node.value:
            key = self.read(key_node, depth + 1)
            if not isinstance(key.value, str):
                raise self.fail(key.line, f"a key must be text, not {key.value!r}")
            if key.value in out:
                raise self.fail(key.line, f"the key {key.value!r} appears twice")
            out[key.value] = self.read(value_node, depth + 1)
        return out


def _shown(text: object, most: int = 60) -> str:
    """``text`` quoted, cut short when long: a 5,000-digit number is not repeated whole."""
    shown = repr(text)
    return shown if len(shown) <= most else f"{shown[: most - 4]}...{shown[-1]}"


def _reason(error: Exception) -> str:
    if "int_max_str_digits" in str(error):
        return "a number of more than 4,300 digits"
    return str(error)


def _compose(text: str, path: str, error: type[ScenarioError], what: str) -> yaml.Node | None:
    try:
        _refuse_aliases(text, path, error, what)
        node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        return node
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = problem.problem or problem.context or "malformed YAML"
        raise error(f"broken YAML: {detail}", path=path, line=line) from None
    except yaml.reader.ReaderError as problem:
        line = text.count("\n", 0, problem.position) + 1
        code = problem.character if isinstance(problem.character, int) else ord(problem.character)
        raise error(
            f"a character YAML does not allow (#x{code:04x}): {problem.reason}",
            path=path,
            line=line,
        ) from None
    except yaml.YAMLError as problem:
        raise error(f"broken YAML: {problem}", path=path) from None


def _refuse_aliases(text: str, path: str, error: type[ScenarioError], what: str) -> None:
    """Refuse any alias where it is used: an input file never needs one, and a nest of
    them (the "billion laughs") would make any program that expands them explode."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            raise error(
                f"YAML aliases (*{event.anchor}) are not allowed in {what}",
                path=path,
                line=mark.line + 1 if mark is not None else None,
            )


def read_yaml(
    text: str, path: str, error: type[ScenarioError], *, what: str, max_depth: int = 32
) -> Value | None:
    """The document in ``text`` as `Value`s (``None`` when empty); problems raised as ``error``."""
    node = _compose(text, path, error, what)
    return None if node is None else _Tree(path, error, what, max_depth).read(node)
