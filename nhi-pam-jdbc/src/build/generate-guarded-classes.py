#!/usr/bin/env python3
"""Writes the generated guarded JDBC classes: GuardedConnection, GuardedPreparedStatement and
GuardedResultSet, each a class whose every method goes to its handler.

Run from the repository root with a JDK on the PATH:
    python3 nhi-pam-jdbc/src/build/generate-guarded-classes.py
It reads each java.sql interface (and the interfaces it extends) with javap, so a class covers
exactly the methods of the running JDK (the reviewed method table, jdbc-method-table.txt, fails the
build when a JDK adds one). Every method calls the handler as a dynamic proxy would (same Method
objects, same arguments, same wrapping of undeclared checked exceptions), except the hot methods
named in a spec's DIRECT, which call the handler's direct methods: no Method lookup, no boxing, no
argument array. In a DIRECT body, {m} stands for the method's Method object.
"""
import re
import textwrap
import subprocess

DIR = "nhi-pam-jdbc/src/main/java/io/nhipam/jdbc/"

SPECS = [
    {
        "iface": "java.sql.Connection",
        "chain": ["java.sql.Connection"],
        "cls": "GuardedConnection",
        "handler": "ConnectionHandler",
        "doc": "{@code prepareStatement(String)} goes to the handler's direct method: an application"
               " prepares a statement for every query, on a connection it keeps.",
        "direct": {
            ("prepareStatement", ("java.lang.String",)): "return handler.prepare(this, a0);",
        },
    },
    {
        "iface": "java.sql.PreparedStatement",
        "chain": ["java.sql.PreparedStatement", "java.sql.Statement"],
        "cls": "GuardedPreparedStatement",
        "handler": "StatementHandler",
        "doc": "the parameter setters {@code setInt}, {@code setLong} and {@code setString},"
               " {@code executeQuery()} and {@code close()} go to the handler's direct methods: they are"
               " called for every execution. Plain and callable statements stay dynamic proxies over the"
               " same handler.",
        "direct": {
            ("setInt", ("int", "int")): "handler.setIntAt(a0, a1);",
            ("setLong", ("int", "long")): "handler.setLongAt(a0, a1);",
            ("setString", ("int", "java.lang.String")): "handler.setStringAt(a0, a1);",
            ("executeQuery", ()): "return handler.executeQueryPrepared(this, {m});",
            ("close", ()): "handler.closeStatement();",
        },
    },
    {
        "iface": "java.sql.ResultSet",
        "chain": ["java.sql.ResultSet"],
        "cls": "GuardedResultSet",
        "handler": "ResultSetHandler",
        "doc": "the hot getters ({@code next()}, {@code getString}, {@code getInt}, {@code getLong},"
               " {@code getBigDecimal} by index), {@code getMetaData()} and {@code close()} go to the handler's direct methods, which do what the table"
               " says of them without a method lookup, boxing or an argument array. A result set is read a"
               " value at a time, hundreds of times per statement: that is where a proxy costs most.",
        "direct": {
            ("next", ()): "return handler.nextRow();",
            ("getString", ("int",)): "return handler.stringAt(a0);",
            ("getInt", ("int",)): "return handler.intAt(a0);",
            ("getLong", ("int",)): "return handler.longAt(a0);",
            ("getBigDecimal", ("int",)): "return handler.decimalAt(a0);",
            ("getMetaData", ()): "return handler.metaData();",
            ("close", ()): "handler.closeResults();",
        },
    },
    {
        "iface": "java.sql.ResultSetMetaData",
        "chain": ["java.sql.ResultSetMetaData"],
        "cls": "GuardedResultSetMetaData",
        "handler": "PassiveHandler",
        "doc": "its descriptive getters (names, types and sizes: the methods whose name starts with get or"
               " is and that return a primitive or a String, which the table passes) call the driver's"
               " metadata directly: an application reads the column count and labels of every result.",
        "direct": {},
        "passive": True,
    },
]
BOXES = {"boolean": "Boolean", "byte": "Byte", "short": "Short", "int": "Integer", "long": "Long",
         "float": "Float", "double": "Double"}
SQL_EXCEPTION = "java.sql.SQLException"


def simple(t):
    return re.sub(r"\bjava\.lang\.(?=[A-Z])", "", t)


def erasure(t):
    return re.sub(r"<.*>", "", t)


def split_params(p):
    out, depth, cur = [], 0, ""
    for ch in p:
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


METHOD = re.compile(r"public (?:abstract|default) (<T> )?(.+?) (\w+)\((.*)\)(?: throws ([\w.]+))?;$")


def methods(chain):
    """(generic, return type, name, parameters, thrown) of every instance method, most specific first."""
    seen = set()
    for iface in chain:
        text = subprocess.run(["javap", "-public", iface], capture_output=True, text=True, check=True).stdout
        for line in text.splitlines():
            line = line.strip()
            if not line.startswith("public") or "static" in line.split("(")[0] or "(" not in line:
                continue
            m = METHOD.search(line)
            if not m:
                raise SystemExit(f"cannot read {iface} method: {line}")
            params = split_params(m.group(4))
            key = (m.group(3), tuple(erasure(p) for p in params))
            if key in seen:
                continue  # redeclared by a more specific interface of the chain
            seen.add(key)
            yield m.group(1) is not None, m.group(2), m.group(3), params, m.group(5)
    yield True, "T", "unwrap", ["java.lang.Class<T>"], SQL_EXCEPTION
    yield False, "boolean", "isWrapperFor", ["java.lang.Class<?>"], SQL_EXCEPTION


def returning(ret, call):
    if ret == "void":
        return f"{call};"
    if ret in BOXES:
        return f"return ({BOXES[ret]}) {call};"
    if ret == "java.lang.Object":
        return f"return {call};"
    return f"return ({simple(ret)}) {call};"


def body(k, ret, names, thrown):
    args = f"{', ' + names if names else ''}"
    if thrown == SQL_EXCEPTION:
        return "    " + returning(ret, f"call(M[{k}]{args})")
    if thrown is None:
        return "    " + returning(ret, f"callObject(M[{k}]{args})")
    # a narrower checked exception (setClientInfo's SQLClientInfoException): what a proxy lets through
    array = f"new Object[] {{{names}}}" if names else "null"
    return (f"    try {{\n"
            f"      {returning(ret, f'handler.invoke(this, M[{k}], {array})')}\n"
            f"    }} catch ({thrown} | RuntimeException | Error e) {{\n"
            f"      throw e;\n"
            f"    }} catch (Throwable t) {{\n"
            f"      throw new UndeclaredThrowableException(t);\n"
            f"    }}")


def generate(spec):
    iface = spec["iface"]
    short = iface.rsplit(".", 1)[1]
    ms = list(methods(spec["chain"]))
    lookups, bodies = [], []
    for k, (generic, ret, name, params, thrown) in enumerate(ms):
        classes = ", ".join(simple(erasure(p)) + ".class" for p in params)
        lookups.append(f'      method({short}.class, "{name}"{", " + classes if classes else ""}),')
        args = ", ".join(f"{simple(p)} a{i}" for i, p in enumerate(params))
        names = ", ".join(f"a{i}" for i in range(len(params)))
        key = (name, tuple(erasure(p) for p in params))
        if key in spec["direct"]:
            text = "    " + spec["direct"][key].replace("{m}", f"M[{k}]")
        elif (spec.get("passive") and name != "isWrapperFor" and re.match(r"(get|is)[A-Z]", name)
              and (ret in BOXES or ret == "java.lang.String")):
            text = f"    return (({short}) handler.target).{name}({names});"
        else:
            text = body(k, ret, names, thrown)
        ann = "  @Override\n"
        if generic or ("<" in ret and key not in spec["direct"]):
            ann += '  @SuppressWarnings("unchecked")\n'
        throws = f" throws {thrown}" if thrown else ""
        bodies.append(f"{ann}  public {'<T> ' if generic else ''}{simple(ret)} {name}({args}){throws} {{\n"
                      f"{text}\n  }}\n")
    missing = set(spec["direct"]) - {(n, tuple(erasure(p) for p in ps)) for _, _, n, ps, _ in ms}
    if missing:
        raise SystemExit(f"{iface} has no method {missing}")
    cls, handler = spec["cls"], spec["handler"]
    doc = textwrap.fill(
        f"The guarded {{@link {short}}}: every method goes to its {{@link {handler}}} exactly as a dynamic"
        f" proxy's would (the same {{@link Method}} objects, so the same {{@link MethodTable}} entries and the"
        f" same denials), and {spec['doc']} The class is not public and has no way to reach the driver's"
        f" object.", width=100, initial_indent=" * ", subsequent_indent=" * ", break_on_hyphens=False)
    src = f'''package io.nhipam.jdbc;

import java.lang.reflect.Method;
{"import java.lang.reflect.UndeclaredThrowableException;" + chr(10) if any("UndeclaredThrowableException" in b for b in bodies) else ""}import java.sql.{short};

// GENERATED by nhi-pam-jdbc/src/build/generate-guarded-classes.py from {iface}; do not edit.

/**
{doc}
 */
final class {cls} extends GeneratedGuard implements {short} {{
  private static final Method[] M = {{
{chr(10).join(lookups)}
  }};

  private final {handler} handler;

  {cls}({handler} handler) {{
    super(handler);
    this.handler = handler;
  }}

{chr(10).join(bodies)}}}
'''
    with open(DIR + cls + ".java", "w") as f:
        f.write(src)
    print(f"wrote {DIR}{cls}.java: {len(ms)} methods")


def main():
    for spec in SPECS:
        generate(spec)


if __name__ == "__main__":
    main()
