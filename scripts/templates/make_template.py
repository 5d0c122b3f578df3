#!/usr/bin/env python3
"""Builds a Harvest form template (Templates/<year>/<form>.json) from an official IRS PDF.

The official forms are static PDFs whose page content is a plain stream of text and path
operators, with the fillable cells as AcroForm widgets. This script

  1. decompresses the PDF with `qpdf --qdf` and interprets each page's content stream:
     text runs (string, font weight, size, baseline, advance width) and rules, boxes and
     filled shapes, all in points from the top-left corner of the page;
  2. reads the widget rectangles with `qpdf --json` and names them by position (top to
     bottom, left to right), which stays stable when the IRS renumbers its field names;
  3. cross-checks the text against `pdftotext -bbox-layout`, so a stream the interpreter
     misreads is reported instead of silently producing a wrong template.

Usage:
  make_template.py --form 8949|schedule-d --pdf OFFICIAL.pdf --out Templates/2025/form8949.json
      [--year 2026 --source-year 2025 --note "..."]   # reuse a year's geometry for another

With --year different from --source-year every printed occurrence of the source year is
replaced and the template is marked as a draft.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

FORM_NAMES = {"8949": "form8949", "schedule-d": "schedule-d"}


# --- PDF content stream tokenizer --------------------------------------------------------

DELIMS = b"()<>[]{}/%"
WHITESPACE = b" \t\r\n\f\x00"


def tokenize(data):
    """Yields operands and operators of a content stream."""
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in WHITESPACE:
            i += 1
        elif c == ord("%"):
            while i < n and data[i] not in b"\r\n":
                i += 1
        elif c == ord("("):
            depth, i, out = 1, i + 1, bytearray()
            while i < n and depth:
                ch = data[i]
                if ch == ord("\\"):
                    i += 1
                    esc = data[i]
                    if esc in b"01234567":
                        digits = bytes([esc])
                        while len(digits) < 3 and data[i + 1] in b"01234567":
                            i += 1
                            digits += bytes([data[i]])
                        out.append(int(digits, 8) & 0xFF)
                    else:
                        out += {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t",
                                ord("b"): b"\b", ord("f"): b"\f"}.get(esc, bytes([esc]))
                elif ch == ord("("):
                    depth += 1
                    out.append(ch)
                elif ch == ord(")"):
                    depth -= 1
                    if depth:
                        out.append(ch)
                else:
                    out.append(ch)
                i += 1
            yield ("str", bytes(out))
        elif c == ord("<") and data[i + 1:i + 2] == b"<":
            yield ("op", "<<")
            i += 2
        elif c == ord(">") and data[i + 1:i + 2] == b">":
            yield ("op", ">>")
            i += 2
        elif c == ord("<"):
            j = data.index(b">", i)
            hextext = re.sub(rb"\s", b"", data[i + 1:j])
            if len(hextext) % 2:
                hextext += b"0"
            yield ("str", bytes.fromhex(hextext.decode()))
            i = j + 1
        elif c in b"[]":
            yield ("op", chr(c))
            i += 1
        elif c == ord("/"):
            j = i + 1
            while j < n and data[j] not in WHITESPACE and data[j] not in DELIMS:
                j += 1
            yield ("name", data[i + 1:j].decode("latin-1"))
            i = j
        else:
            j = i
            while j < n and data[j] not in WHITESPACE and data[j] not in DELIMS:
                j += 1
            word = data[i:j].decode("latin-1")
            i = j
            try:
                yield ("num", float(word))
            except ValueError:
                yield ("op", word)


def multiply(m, n):
    """The product m × n of two PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F]


def apply(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def gray_of(values):
    """A gray level (0 black, 1 white) for a DeviceGray, RGB or CMYK colour."""
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        r, g, b = values
        return 0.299 * r + 0.587 * g + 0.114 * b
    c, m, y, k = values
    return 1 - min(1, 0.299 * c + 0.587 * m + 0.114 * y + k)


def font_weight(base_font):
    """Maps an IRS font to the substitute's faces: regular, bold, italic, boldItalic."""
    name = base_font.split("+")[-1]
    bold = any(key in name for key in ("Bd", "Bold", "Blk", "Black", "Demi", "Heavy"))
    italic = any(key in name for key in ("It", "Oblique"))
    if bold and italic:
        return "boldItalic"
    if bold:
        return "bold"
    return "italic" if italic else "regular"


class PageReader:
    """Interprets one page's content stream into text runs and vector shapes."""

    def __init__(self, height, fonts):
        self.height = height
        self.fonts = fonts
        self.glyphs = []
        self.shapes = []

    def run(self, data):
        stack = []
        gs = {"ctm": [1, 0, 0, 1, 0, 0], "lw": 1.0, "fill": 0.0, "stroke": 0.0}
        saved = []
        path = []
        current = None
        start = None
        ts = {}
        operands = []
        array = None
        for kind, value in tokenize(data):
            if kind == "op" and value == "[":
                array = []
                continue
            if kind == "op" and value == "]":
                operands.append(array)
                array = None
                continue
            if array is not None:
                array.append(value)
                continue
            if kind != "op":
                operands.append(value)
                continue
            op = value
            args = operands
            operands = []
            if op in ("<<", ">>"):
                operands = []
                continue
            if op == "q":
                saved.append(dict(gs))
            elif op == "Q":
                gs = saved.pop()
            elif op == "cm":
                gs["ctm"] = multiply(args, gs["ctm"])
            elif op == "w":
                gs["lw"] = args[0]
            elif op in ("g", "rg", "k"):
                gs["fill"] = gray_of(args)
            elif op in ("G", "RG", "K"):
                gs["stroke"] = gray_of(args)
            elif op == "m":
                current = start = apply(gs["ctm"], *args)
                path.append(["M", *current])
            elif op == "l":
                current = apply(gs["ctm"], *args)
                path.append(["L", *current])
            elif op in ("c", "v", "y"):
                pts = [apply(gs["ctm"], args[i], args[i + 1]) for i in range(0, len(args), 2)]
                if op == "v":
                    pts = [current] + pts
                elif op == "y":
                    pts = [pts[0], pts[1], pts[1]]
                path.append(["C", *pts[0], *pts[1], *pts[2]])
                current = pts[-1]
            elif op == "h":
                path.append(["Z"])
                current = start
            elif op == "re":
                x, y, w, h = args
                corners = [apply(gs["ctm"], x, y), apply(gs["ctm"], x + w, y),
                           apply(gs["ctm"], x + w, y + h), apply(gs["ctm"], x, y + h)]
                path.append(["M", *corners[0]])
                for corner in corners[1:]:
                    path.append(["L", *corner])
                path.append(["Z"])
            elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"):
                if op in ("s", "b", "b*"):
                    path.append(["Z"])
                fill = op in ("f", "F", "f*", "B", "B*", "b", "b*")
                stroke = op in ("S", "s", "B", "B*", "b", "b*")
                if path and op != "n":
                    scale = (abs(gs["ctm"][0]) + abs(gs["ctm"][3])) / 2
                    self.shapes.append({
                        "path": path, "fill": gs["fill"] if fill else None,
                        "stroke": gs["stroke"] if stroke else None,
                        "lineWidth": gs["lw"] * scale,
                    })
                path = []
            elif op == "BT":
                ts.update(tm=[1, 0, 0, 1, 0, 0], tlm=[1, 0, 0, 1, 0, 0])
            elif op == "Tf":
                ts["font"], ts["size"] = args
            elif op == "Tm":
                ts["tm"] = list(args)
                ts["tlm"] = list(args)
            elif op in ("Td", "TD"):
                ts["tlm"] = multiply([1, 0, 0, 1, args[0], args[1]], ts["tlm"])
                ts["tm"] = list(ts["tlm"])
                if op == "TD":
                    ts["leading"] = -args[1]
            elif op == "TL":
                ts["leading"] = args[0]
            elif op == "Tc":
                ts["tc"] = args[0]
            elif op == "Tw":
                ts["tw"] = args[0]
            elif op == "Tz":
                ts["tz"] = args[0] / 100
            elif op == "T*":
                self.next_line(ts)
            elif op == "Tj":
                self.show(ts, gs, args[0])
            elif op == "'":
                self.next_line(ts)
                self.show(ts, gs, args[0])
            elif op == "TJ":
                for item in args[0]:
                    if isinstance(item, bytes):
                        self.show(ts, gs, item)
                    else:
                        shift = -item / 1000 * ts["size"] * ts.get("tz", 1)
                        ts["tm"] = multiply([1, 0, 0, 1, shift, 0], ts["tm"])

    def next_line(self, ts):
        ts["tlm"] = multiply([1, 0, 0, 1, 0, -ts.get("leading", 0)], ts["tlm"])
        ts["tm"] = list(ts["tlm"])

    def show(self, ts, gs, text):
        font = self.fonts[ts["font"]]
        for byte in text:
            matrix = multiply(ts["tm"], gs["ctm"])
            x, y = apply(matrix, 0, 0)
            size = ts["size"] * abs(matrix[3])
            advance = (font["widths"].get(byte, 500) / 1000 * ts["size"] + ts.get("tc", 0)
                       + (ts.get("tw", 0) if byte == 32 else 0)) * ts.get("tz", 1)
            x_end, _ = apply(matrix, advance, 0)
            self.glyphs.append({
                "char": bytes([byte]).decode("cp1252", errors="replace"),
                "x": x, "x_end": x_end, "y": self.height - y, "size": size,
                "font": font["weight"], "outline": font["outline"], "gray": gs["fill"],
            })
            ts["tm"] = multiply([1, 0, 0, 1, advance, 0], ts["tm"])


def join_runs(glyphs):
    """Joins glyphs that sit on one baseline, in one face, one after the other, into runs."""
    runs = []
    for glyph in glyphs:
        last = runs[-1][-1] if runs else None
        if (last and abs(last["y"] - glyph["y"]) < 0.2 and last["font"] == glyph["font"]
                and abs(last["size"] - glyph["size"]) < 0.05 and last["gray"] == glyph["gray"]
                and last["outline"] == glyph["outline"]
                and -0.5 < glyph["x"] - last["x_end"] < glyph["size"] * 0.3):
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    texts = []
    for run in runs:
        ink = [g for g in run if g["char"].strip()]
        if not ink:
            continue
        first, last = run.index(ink[0]), len(run) - run[::-1].index(ink[-1])
        run = run[first:last]
        item = {"text": "".join(g["char"] for g in run), "x": r2(run[0]["x"]),
                "y": r2(run[0]["y"]), "size": r2(run[0]["size"]), "font": run[0]["font"],
                "width": r2(run[-1]["x_end"] - run[0]["x"])}
        if run[0]["gray"] != 0:
            item["gray"] = r2(run[0]["gray"])
        if run[0]["outline"]:
            item["outline"] = True
        texts.append(item)
    return texts


def r2(value):
    return round(value, 2)


def simplify(shape, height):
    """Turns a path into a line, a rectangle or a general path in top-left coordinates."""
    path = [[seg[0]] + [r2(v if i % 2 == 0 else height - v) for i, v in enumerate(seg[1:])]
            for seg in shape["path"]]
    kinds = "".join(seg[0] for seg in path)
    stroke_width = r2(shape["lineWidth"]) if shape["stroke"] is not None else None
    if kinds == "ML" and shape["fill"] is None:
        item = {"kind": "line", "x1": path[0][1], "y1": path[0][2],
                "x2": path[1][1], "y2": path[1][2], "lineWidth": stroke_width}
        if shape["stroke"]:
            item["gray"] = r2(shape["stroke"])
        return item
    if kinds == "MLLLZ":
        xs = [seg[1] for seg in path[:4]]
        ys = [seg[2] for seg in path[:4]]
        axis_aligned = len(set(xs)) == 2 and len(set(ys)) == 2
        if axis_aligned:
            item = {"kind": "rect", "x": min(xs), "y": min(ys),
                    "width": r2(max(xs) - min(xs)), "height": r2(max(ys) - min(ys))}
            if shape["fill"] is not None:
                item["fill"] = r2(shape["fill"])
            if stroke_width is not None:
                item["lineWidth"] = stroke_width
                if shape["stroke"]:
                    item["gray"] = r2(shape["stroke"])
            return item
    item = {"kind": "path", "commands": path}
    if shape["fill"] is not None:
        item["fill"] = r2(shape["fill"])
    if stroke_width is not None:
        item["lineWidth"] = stroke_width
    return item


# --- Reading the PDF ---------------------------------------------------------------------

def qpdf_objects(pdf):
    result = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=none",
                             pdf], check=True, capture_output=True)
    return json.loads(result.stdout)["qpdf"][1]


def resolve(objects, ref):
    if isinstance(ref, str) and ref.endswith(" R"):
        return objects["obj:" + ref]["value"]
    return ref


def page_streams(pdf):
    """The decompressed content of each page, in page order."""
    with tempfile.TemporaryDirectory() as tmp:
        out = tmp + "/content"
        subprocess.run(["qpdf", "--split-pages", "--qdf", "--object-streams=disable", pdf,
                        out + "-%d.pdf"], check=True)
        streams = []
        page = 1
        while True:
            try:
                data = open(f"{out}-{page}.pdf", "rb").read()
            except FileNotFoundError:
                break
            streams.append(data)
            page += 1
    return streams


def qdf_page_content(qdf):
    """Concatenates the content streams of a single-page QDF file."""
    parts = re.findall(rb"%% Contents for page 1\n%% Original object ID: [^\n]*\n\d+ 0 obj\n"
                       rb"<<.*?>>\nstream\n(.*?)\nendstream", qdf, re.S)
    return b"\n".join(parts)


def read_fonts(objects, page):
    fonts = {}
    for name, ref in resolve(objects, page["/Resources"]).get("/Font", {}).items():
        font = resolve(objects, ref)
        widths = resolve(objects, font.get("/Widths", []))
        first = int(font.get("/FirstChar", 0))
        base = font.get("/BaseFont", "/Helvetica")[1:]
        fonts[name[1:]] = {
            "widths": {first + i: w for i, w in enumerate(widths)},
            "weight": font_weight(base),
            "outline": "Ou" in base.split("-")[-1],
        }
    return fonts


def read_widgets(objects, page, height):
    widgets = []
    for ref in resolve(objects, page.get("/Annots", [])):
        annot = resolve(objects, ref)
        if annot.get("/Subtype") != "/Widget":
            continue
        kind = annot.get("/FT") or resolve(objects, annot["/Parent"]).get("/FT")
        x1, y1, x2, y2 = annot["/Rect"]
        da = annot.get("/DA", "")
        size = re.search(r"([\d.]+) Tf", da)
        widgets.append({
            "kind": "checkbox" if kind == "/Btn" else "text",
            "x": r2(x1), "y": r2(height - y2), "width": r2(x2 - x1), "height": r2(y2 - y1),
            "align": ["left", "center", "right"][int(annot.get("/Q", 0))],
            "size": float(size.group(1)) if size else 0,
            "hidden": bool(int(annot.get("/F", 0)) & 64),
        })
    return widgets


def bbox_words(pdf):
    """Words with their boxes from pdftotext, per page, for the cross-check."""
    result = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                            capture_output=True, text=True)
    root = ET.fromstring(re.sub(r'xmlns="[^"]+"', "", result.stdout, count=1))
    pages = []
    for page in root.iter("page"):
        pages.append([(w.text or "", float(w.get("xMin")), float(w.get("yMin")))
                      for w in page.iter("word")])
    return pages


def cross_check(texts, words, page_number):
    """Warns about words pdftotext sees that no interpreted run starts near."""
    joined = "".join(t["text"] for t in texts)
    missing = [w for w, _, _ in words if w.strip(".,;:") not in joined]
    if missing:
        print(f"page {page_number}: {len(missing)} words not matched: {missing[:8]}",
              file=sys.stderr)


# --- Naming the fields -------------------------------------------------------------------

def rows_of(items, tolerance=2.0):
    """Groups widgets into rows by their bottom edge, top to bottom, each row left to right.

    The bottom edge, because a tall description cell shares its row with short money cells.
    """
    rows = []
    for item in sorted(items, key=lambda w: (w["y"] + w["height"], w["x"])):
        bottom = item["y"] + item["height"]
        if rows and abs(rows[-1][0]["y"] + rows[-1][0]["height"] - bottom) < tolerance:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [sorted(row, key=lambda w: w["x"]) for row in rows]


def field(name, widget, size=None):
    return {"name": name, "x": widget["x"], "y": widget["y"], "width": widget["width"],
            "height": widget["height"], "align": widget["align"],
            "size": size or default_size(widget)}


def default_size(widget):
    size = widget["size"] or 9
    return r2(min(size, max(6, widget["height"] * 0.62)))


def checkbox(name, widget):
    return {"name": name, "x": widget["x"], "y": widget["y"], "width": widget["width"],
            "height": widget["height"]}


def name_8949(page_index, widgets):
    """Names the Form 8949 cells: identity, box check boxes, the row grid and line 2."""
    texts = [w for w in widgets if w["kind"] == "text" and not w["hidden"]]
    boxes = [w for w in widgets if w["kind"] == "checkbox"]
    letters = (["A", "B", "C", "G", "H", "I"] if page_index == 0
               else ["D", "E", "F", "J", "K", "L"])[:len(boxes)]
    if len(boxes) == 3:
        letters = ["A", "B", "C"] if page_index == 0 else ["D", "E", "F"]
    rows = rows_of(texts)
    identity, grid_rows, totals = rows[0], rows[1:-1], rows[-1]
    fields = [field("name", identity[0]), field("ssn", identity[1])]
    hidden_totals = [w for w in widgets if w["kind"] == "text" and w["hidden"]]
    total_cells = sorted(totals + hidden_totals, key=lambda w: w["x"])
    columns = "defgh" if len(total_cells) == 5 else "degh"
    for letter, widget in zip(columns, total_cells):
        if letter != "f":
            fields.append(field("total." + letter, widget))
    first = grid_rows[0]
    top = min(w["y"] for w in first)
    bottom = max(w["y"] + w["height"] for w in first)
    last_bottom = max(w["y"] + w["height"] for w in grid_rows[-1])
    grid = {
        "name": "row", "rows": len(grid_rows), "top": r2(top),
        "pitch": r2((last_bottom - bottom) / (len(grid_rows) - 1)),
        "columns": [{"name": letter, "x": w["x"], "y": r2(w["y"] - top), "width": w["width"],
                     "height": w["height"], "align": w["align"], "size": default_size(w)}
                    for letter, w in zip("abcdefgh", first)],
    }
    shortest = min(c["height"] for c in grid["columns"])
    for column in grid["columns"]:
        if column["height"] > shortest:
            # A single line shares the baseline of the short cells beside it.
            column["valign"] = "bottom"
    checks = [checkbox("box." + letter, w) for letter, w in zip(letters, rows_of(boxes, 3))
              for w in [w[0]]]
    return fields, checks, grid


SCHEDULE_D_PAGE1 = [["1a", "1b", "2", "3"], ["4", "5", "6", "7"],
                    ["8a", "8b", "9", "10"], ["11", "12", "13", "14", "15"]]


def name_schedule_d(page_index, widgets):
    """Names the Schedule D cells by line: `1b.d`, `7.h`, `17.yes`, `name`, `ssn`."""
    texts = [w for w in widgets if w["kind"] == "text" and not w["hidden"]]
    boxes = [w for w in widgets if w["kind"] == "checkbox"]
    rows = rows_of(texts)
    fields = []
    if page_index == 0:
        fields += [field("name", rows[0][0]), field("ssn", rows[0][1])]
        lines = [line for group in SCHEDULE_D_PAGE1 for line in group]
        for line, row in zip(lines, rows[1:]):
            letters = {4: "degh", 3: "deh"}.get(len(row), "h")
            fields += [field(f"{line}.{letter}", w) for letter, w in zip(letters, row)]
        questions = ["qof"]
    else:
        for line, row in zip(["16", "18", "19", "21"], rows):
            fields.append(field(f"{line}.h", row[-1]))
        questions = ["17", "20", "22"]
    # Yes comes before No, beside it or above it.
    ordered = sorted(boxes, key=lambda w: (w["y"], w["x"]))
    checks = []
    for number, question in enumerate(questions):
        yes, no = ordered[2 * number], ordered[2 * number + 1]
        checks += [checkbox(f"{question}.yes", yes), checkbox(f"{question}.no", no)]
    return fields, checks, None


# --- Main --------------------------------------------------------------------------------

def retarget_year(texts, source_year, year):
    """Replaces the printed tax year, including the large split year in the corner."""
    old, new = str(source_year), str(year)
    for item in texts:
        item["text"] = item["text"].replace(old, new)
        if item["text"] == old[2:] and item["size"] >= 14:
            item["text"] = new[2:]


def build(args):
    objects = qpdf_objects(args.pdf)
    root = resolve(objects, objects["trailer"]["value"]["/Root"])
    pages_node = resolve(objects, root["/Pages"])
    words = bbox_words(args.pdf)
    streams = page_streams(args.pdf)
    pages = []
    for index, ref in enumerate(pages_node["/Kids"]):
        page = resolve(objects, ref)
        x0, y0, x1, y1 = page["/MediaBox"]
        width, height = x1 - x0, y1 - y0
        reader = PageReader(height, read_fonts(objects, page))
        reader.run(qdf_page_content(streams[index]))
        texts = join_runs(reader.glyphs)
        cross_check(texts, words[index], index + 1)
        if args.year != args.source_year:
            retarget_year(texts, args.source_year, args.year)
        widgets = read_widgets(objects, page, height)
        namer = name_8949 if args.form == "8949" else name_schedule_d
        fields, checks, grid = namer(index, widgets)
        entry = {
            "width": r2(width), "height": r2(height),
            "texts": texts,
            "shapes": [simplify(shape, height) for shape in reader.shapes],
            "checkboxes": checks,
            "fields": fields,
        }
        if grid:
            entry["grid"] = grid
        pages.append(entry)
    template = {
        "format": 1, "form": args.form, "taxYear": args.year,
        "source": args.pdf.split("/")[-1], "draft": args.year != args.source_year,
        "pages": pages,
    }
    if args.note:
        template["note"] = args.note
    return template


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form", choices=FORM_NAMES, required=True)
    parser.add_argument("--pdf", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--source-year", type=int, required=True,
                        help="the tax year printed on the official PDF")
    parser.add_argument("--year", type=int, help="the tax year of the template (default: same)")
    parser.add_argument("--note", help="a note kept in the template, e.g. why it is a draft")
    args = parser.parse_args()
    args.year = args.year or args.source_year
    template = build(args)
    with open(args.out, "w") as out:
        json.dump(template, out, indent=1, ensure_ascii=False)
        out.write("\n")
    for number, page in enumerate(template["pages"], 1):
        print(f"{args.out}: page {number}: {len(page['texts'])} texts, "
              f"{len(page['shapes'])} shapes, {len(page['fields'])} fields, "
              f"{len(page['checkboxes'])} check boxes", file=sys.stderr)


if __name__ == "__main__":
    main()
