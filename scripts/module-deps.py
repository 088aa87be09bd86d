#!/usr/bin/env python3
"""Module dependency graph of the summarizer core (crates/brief-core), and its cycles.

Reads every `.rs` file under the core's `src/`, finds the paths it names that start with
`crate::`, `super::` or `self::` (in `use` declarations, braces expanded, and in code; comments
and string literals are ignored), resolves each to the module it points into, and collapses modules
to nodes: `text::<module>` and `rank::<module>` for what is under `text/` and `rank/` (a file in a
folder such as `text/token/words.rs` belongs to `text::token`), the top-level module (`analyze`,
`error`, ...) otherwise, and `crate` for the crate root (`lib.rs`), whose re-exports are followed to
the module they come from. A node's own submodules and its parent's re-exports are edges like any
other: `text/mod.rs` naming `text::token` is an edge `text -> text::token`.

Prints the edges when given `--edges`, then every cycle (as a strongly connected component with one
cycle through it), and exits with 1 if there is one, else prints "no cycles" and exits with 0.

Usage: scripts/module-deps.py [--edges] [path/to/crate/src]
"""

import re
import sys
from pathlib import Path

GROUPS = ("text", "rank")


def strip_comments_and_strings(code: str) -> str:
    """The code without comments, string and char literals (replaced by spaces)."""
    out = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith("//", i):
            j = code.find("\n", i)
            i = n if j < 0 else j
        elif code.startswith("/*", i):
            j = code.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == "r" and re.match(r'r#*"', code[i:]) and not re.match(r"\w", code[i - 1 : i] or " "):
            hashes = re.match(r'r(#*)"', code[i:]).group(1)
            end = code.find('"' + hashes, i + len(hashes) + 2)
            i = n if end < 0 else end + 1 + len(hashes)
            out.append(" ")
        elif c == '"':
            j = i + 1
            while j < n and code[j] != '"':
                j += 2 if code[j] == "\\" else 1
            i = j + 1
            out.append(" ")
        elif c == "'" and re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'|'\\x[0-9a-fA-F]{2}'", code[i:]):
            m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'|'\\x[0-9a-fA-F]{2}'", code[i:])
            i += len(m.group(0))
            out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def module_of(path: Path, src: Path) -> list:
    """The module path of a source file: `text/token/words.rs` is ['text', 'token', 'words']."""
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] in ("mod", "lib"):
        parts.pop()
    return parts


def expand_use(tree: str) -> list:
    """The paths of a `use` tree: `a::{b, c::{d, e}}` gives a::b, a::c::d and a::c::e."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)
    tree = re.sub(r"\s+", "", tree)
    depth = 0
    for k, ch in enumerate(tree):
        if ch == "{":
            if depth == 0:
                prefix, inner = tree[:k], tree[k + 1 : tree.rindex("}")]
                items, d, start = [], 0, 0
                for m, c2 in enumerate(inner):
                    d += c2 == "{"
                    d -= c2 == "}"
                    if c2 == "," and d == 0:
                        items.append(inner[start:m])
                        start = m + 1
                items.append(inner[start:])
                return [p for item in items if item for p in expand_use(prefix + item)]
            depth += 1
    return [tree]


def inline_modules(code: str) -> list:
    """`(start, end, name)` of each inline module (`mod tests { ... }`), outermost first."""
    found = []
    for m in re.finditer(r"\bmod\s+(\w+)\s*\{", code):
        depth, i = 0, m.end() - 1
        while i < len(code):
            depth += code[i] == "{"
            depth -= code[i] == "}"
            if depth == 0:
                break
            i += 1
        found.append((m.start(), i, m.group(1)))
    return found


def resolve(path: list, here: list):
    """The absolute module path a `crate::`/`super::`/`self::` path starts with, or None."""
    if not path:
        return None
    if path[0] == "crate":
        return path[1:]
    if path[0] in ("super", "self"):
        base = list(here)
        rest = list(path)
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                base = base[:-1]
            rest.pop(0)
        return base + rest
    return None


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show_edges = "--edges" in sys.argv
    src = Path(args[0] if args else Path(__file__).resolve().parent.parent / "crates/brief-core/src")
    files = sorted(src.rglob("*.rs"))
    modules = {tuple(module_of(f, src)) for f in files}

    def node(path: list) -> str:
        # The longest prefix that is a module, collapsed to its node.
        while path and tuple(path) not in modules:
            path = path[:-1]
        if not path:
            return "crate"
        if path[0] in GROUPS and len(path) >= 2:
            return f"{path[0]}::{path[1]}"
        return path[0]

    # The crate root's re-exports (`pub use analyze::{Analysis, ...}`) point into their modules.
    root_names = {}
    lib = src / "lib.rs"
    for tree in re.findall(r"\bpub\s+use\s+([^;]+);", strip_comments_and_strings(lib.read_text())):
        for p in expand_use(tree):
            parts = p.split("::")
            root_names[parts[-1]] = parts[:-1]

    edges = {}
    for f in files:
        here = module_of(f, src)
        me = node(here)
        code = strip_comments_and_strings(f.read_text())
        inline = inline_modules(code)
        paths = []
        for m in re.finditer(r"\buse\s+([^;]+);", code):
            paths += [(m.start(), p.split("::")) for p in expand_use(m.group(1))]
        for m in re.finditer(r"\b(?:crate|super|self)(?:::\w+)+", code):
            paths.append((m.start(), m.group(0).split("::")))
        for offset, p in paths:
            # Inside `mod tests { ... }`, `super::` is the file's module.
            inner = [name for start, end, name in inline if start <= offset < end]
            target = resolve(p, here + inner)
            if target is None:
                continue
            if target and tuple(target[:1]) not in modules and target[0] in root_names:
                target = root_names[target[0]] + target[1:]
            to = node(target)
            if to != me:
                edges.setdefault(me, set()).add(to)

    if show_edges:
        for a in sorted(edges):
            print(f"{a} -> {', '.join(sorted(edges[a]))}")

    # Tarjan's strongly connected components; a component of more than one node has a cycle.
    index, low, stack, on_stack, sccs = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            sccs.append(comp)

    nodes = sorted(set(edges) | {w for ws in edges.values() for w in ws})
    for v in nodes:
        if v not in index:
            visit(v)
    cycles = [sorted(c) for c in sccs if len(c) > 1]
    for comp in cycles:
        # One cycle through the component, by a breadth-first search back to its first node.
        start, members = comp[0], set(comp)
        prev, queue = {start: None}, [start]
        found = None
        while queue and found is None:
            v = queue.pop(0)
            for w in sorted(edges.get(v, ())):
                if w == start:
                    found = v
                    break
                if w in members and w not in prev:
                    prev[w] = v
                    queue.append(w)
        cycle = [start]
        v = found
        while v is not None and v != start:
            cycle.insert(1, v)
            v = prev[v]
        print(f"cycle among {{{', '.join(comp)}}}: {' -> '.join(cycle + [start])}")
    if cycles:
        return 1
    print(f"no cycles ({len(nodes)} modules, {sum(len(w) for w in edges.values())} edges)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
