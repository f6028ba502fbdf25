#!/usr/bin/env python3
"""Moves every literal `Lang.T("中文", "English")` pair in src/InterviewPortal.Web into the shared resource files.

    python3 scripts/l10n-convert.py            # convert, rewrite files, update both .resx files
    python3 scripts/l10n-convert.py --check    # only list what is left (exit 1 if anything is)

Each call whose two arguments are string literals (plain, verbatim or interpolated) becomes a key in
src/InterviewPortal.Web/Resources/SharedResource.{zh-CN,en-US}.resx, and the call becomes
`T["Key", args]` in a view (T is the injected IStringLocalizer<SharedResource>) or `Texts.Get("Key", args)` in
code. Interpolation holes become {0}, {1}... (format and alignment kept); the same expression in both languages
is one argument. Re-running converts only the calls that are left; an identical pair reuses its key, and an
existing key is never changed or duplicated. Calls it cannot read (non-literal arguments) are listed and left.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
RES = os.path.join(SRC, "InterviewPortal.Web", "Resources", "SharedResource.{}.resx")
CULTURES = ("zh-CN", "en-US")
CALL = "Lang.T("
SKIP_FILES = {os.path.join("Infrastructure", "Localization", "Lang.cs")}


class Unreadable(Exception):
    pass


def skip_ws(s, i):
    while i < len(s) and s[i] in " \t\r\n":
        i += 1
    return i


def skip_string(s, i):
    """Skips any C# string or char literal starting at i (used inside holes); returns the index after it."""
    j = i
    interp = verbatim = False
    while s[j] in "$@":
        interp |= s[j] == "$"
        verbatim |= s[j] == "@"
        j += 1
    if s[j] == "'":
        j += 1
        while s[j] != "'":
            j += 2 if s[j] == "\\" else 1
        return j + 1
    _, _, end = read_literal(s, i)
    return end


def read_hole(s, i):
    """s[i] is just after '{'. Returns (expression, alignment, format, index after '}')."""
    depth, j = 0, i
    while True:
        c = s[j]
        if depth == 0 and c in ",:}" and not (c == ":" and ":" in (s[j + 1], s[j - 1])):
            break
        if c in "\"'" or (c in "$@" and s[j + 1] in "\"$@"):
            j = skip_string(s, j)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        j += 1
    expr, align, fmt = s[i:j].strip(), None, None
    if c == ",":
        k = j + 1
        while s[k] not in ":}":
            k += 1
        align, j = s[j + 1:k].strip(), k
        c = s[j]
    if c == ":":
        k = s.index("}", j)
        fmt, j = s[j + 1:k], k
    return expr, align, fmt, j + 1


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def read_literal(s, i):
    """Reads a string literal at s[i]. Returns (parts, interpolated, index after). parts: str or (expr, align, fmt)."""
    interp = verbatim = False
    while i < len(s) and s[i] in "$@":
        interp |= s[i] == "$"
        verbatim |= s[i] == "@"
        i += 1
    if i >= len(s) or s[i] != '"' or s.startswith('"""', i):
        raise Unreadable("not a plain string literal")
    i += 1
    parts, text = [], []
    while True:
        if i >= len(s):
            raise Unreadable("unterminated string")
        c = s[i]
        if c == '"':
            if verbatim and s[i + 1:i + 2] == '"':
                text.append('"')
                i += 2
                continue
            i += 1
            break
        if c == "\\" and not verbatim:
            n = s[i + 1]
            if n in ESCAPES:
                text.append(ESCAPES[n])
                i += 2
            elif n == "u":
                text.append(chr(int(s[i + 2:i + 6], 16)))
                i += 6
            else:
                raise Unreadable("escape \\" + n)
            continue
        if interp and c == "{":
            if s[i + 1:i + 2] == "{":
                text.append("{{")
                i += 2
                continue
            parts.append("".join(text))
            text = []
            expr, align, fmt, i = read_hole(s, i + 1)
            parts.append((expr, align, fmt))
            continue
        if interp and c == "}" and s[i + 1:i + 2] == "}":
            text.append("}}")
            i += 2
            continue
        text.append(c)
        i += 1
    parts.append("".join(text))
    return parts, interp, i


def read_call(s, start):
    """s[start:] begins with 'Lang.T('. Returns (zh_parts, zh_interp, en_parts, en_interp, end index)."""
    i = skip_ws(s, start + len(CALL))
    zh, zi, i = read_literal(s, i)
    i = skip_ws(s, i)
    if i >= len(s) or s[i] != ",":
        raise Unreadable("first argument is not a single literal")
    en, ei, i = read_literal(s, skip_ws(s, i + 1))
    i = skip_ws(s, i)
    if i >= len(s) or s[i] != ")":
        raise Unreadable("second argument is not a single literal")
    return zh, zi, en, ei, i + 1


def compose(parts, interp, args, formatted):
    """The resource text: holes as {n}; braces escaped when the text will go through string.Format."""
    out = []
    for p in parts:
        if isinstance(p, tuple):
            expr, align, fmt = p
            if expr not in args:
                args.append(expr)
            out.append("{" + str(args.index(expr)) + ("," + align if align else "") + (":" + fmt if fmt else "") + "}")
        elif interp:
            out.append(p if formatted else p.replace("{{", "{").replace("}}", "}"))
        else:
            out.append(p.replace("{", "{{").replace("}", "}}") if formatted else p)
    return "".join(out)


def area(path):
    rel = os.path.relpath(path, os.path.join(SRC, "InterviewPortal.Web")).split(os.sep)
    if rel[0] == "..":
        return os.path.relpath(path, SRC).split(os.sep)[0].split(".")[-1]
    if len(rel) > 2 and rel[0] in ("Pages", "Features", "Infrastructure"):
        return rel[1]
    return "Home" if rel[0] == "Pages" else rel[0].split(".")[0]


def slug(english):
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"\{\d+[^}]*\}", " ", english))[:6]
    return "".join(w[:1].upper() + w[1:] for w in words) or "Text"


def load():
    entries = []
    for culture in CULTURES:
        path = RES.format(culture)
        values = {}
        if os.path.exists(path):
            for data in ET.parse(path).getroot().iter("data"):
                value = data.find("value")
                values[data.get("name")] = value.text if value is not None and value.text else ""
        entries.append(values)
    return entries


HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def save(values, culture):
    lines = [HEADER]
    for key in sorted(values, key=str.lower):
        lines.append('  <data name="{}" xml:space="preserve">\n    <value>{}</value>\n  </data>\n'.format(
            escape(key, {'"': "&quot;"}), escape(values[key])))
    lines.append("</root>\n")
    with open(RES.format(culture), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(lines))


USING = "using InterviewPortal.Web.Infrastructure.Localization;"


def with_using(code):
    """Texts lives in Infrastructure.Localization: a file that now calls it gets the using if it has none."""
    if "Texts.Get(" not in code or USING in code or "namespace InterviewPortal.Web.Infrastructure.Localization" in code:
        return code
    usings = list(re.finditer(r"^using [^;(=]+;\r?\n", code, re.M))
    newline = "\r\n" if "\r\n" in code else "\n"
    if not usings:
        return USING + newline + newline + code
    # System usings first, then the rest in order: before the first non-System one that sorts after it.
    later = [u for u in usings if not u.group().startswith("using System") and u.group().strip() > USING]
    at = later[0].start() if later else usings[-1].end()
    return code[:at] + USING + newline + code[at:]


def sources():
    # Only the web project reads the shared resource (the data layer has no localizer).
    for base, dirs, files in os.walk(os.path.join(SRC, "InterviewPortal.Web")):
        dirs[:] = sorted(d for d in dirs if d not in ("bin", "obj", "wwwroot", "node_modules"))
        for name in sorted(files):
            path = os.path.join(base, name)
            if name.endswith((".cs", ".cshtml")) and not any(path.endswith(s) for s in SKIP_FILES):
                yield path


def main():
    check = "--check" in sys.argv
    zh_values, en_values = load()
    by_pair = {(zh_values[k], en_values.get(k)): k for k in zh_values}
    converted = reused = 0
    left = []
    for path in sources():
        with open(path, encoding="utf-8", newline="") as f:
            s = f.read()
        if CALL not in s:
            continue
        view = path.endswith(".cshtml")
        out, i = [], 0
        while (j := s.find(CALL, i)) >= 0:
            if j > 0 and (s[j - 1].isalnum() or s[j - 1] == "_"):
                out.append(s[i:j + len(CALL)])
                i = j + len(CALL)
                continue
            line = s.count("\n", 0, j) + 1
            try:
                zh, zi, en, ei, end = read_call(s, j)
            except (Unreadable, IndexError, ValueError) as e:
                left.append(f"{os.path.relpath(path, ROOT)}:{line}: {e}")
                out.append(s[i:j + len(CALL)])
                i = j + len(CALL)
                continue
            holes = any(isinstance(p, tuple) for p in zh + en)
            args = []
            zh_text = compose(zh, zi, args, holes)
            en_text = compose(en, ei, args, holes)
            key = by_pair.get((zh_text, en_text))
            if key is None:
                stem = area(path) + "." + slug(en_text)
                key, n = stem, 2
                while key in zh_values or key in en_values:
                    key, n = f"{stem}{n}", n + 1
                zh_values[key], en_values[key] = zh_text, en_text
                by_pair[(zh_text, en_text)] = key
            else:
                reused += 1
            converted += 1
            lit = '"' + key + '"'
            call_args = "".join(", " + a for a in args)
            if view:
                replacement = f"T[{lit}{call_args}]"
            else:
                replacement = f"Texts.Get({lit}{call_args})"
                # A message set once on a validator would keep the culture of its first request.
                if s[:j].rstrip().endswith(".WithMessage("):
                    replacement = "_ => " + replacement
            out.append(s[i:j])
            out.append(replacement)
            i = end
        out.append(s[i:])
        if not view:
            out = [with_using("".join(out))]
        if not check:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write("".join(out))
    if not check:
        save(zh_values, "zh-CN")
        save(en_values, "en-US")
    print(f"{converted} calls {'to convert' if check else 'converted'} ({reused} reused an existing key); "
          f"{len(zh_values)} keys; {len(left)} left for a hand fix")
    for entry in left:
        print("  left: " + entry)
    return 1 if check and (converted or left) else 0


if __name__ == "__main__":
    sys.exit(main())
