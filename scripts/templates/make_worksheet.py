#!/usr/bin/env python3
"""Writes Templates/<year>/carryover-worksheet.json: the Capital Loss Carryover Worksheet.

There is no official PDF of the worksheet (it is printed inside the Schedule D
instructions), so the page is laid out here: a title block in the style of the forms, the
thirteen lines with their instructions paraphrased from the Schedule D instructions, and an
amount cell at the right of each line. The worksheet figures the carryover from the tax
year into the next one, from this year's Form 1040 and Schedule D.

Usage: make_worksheet.py --year 2025 --out Templates/2025/carryover-worksheet.json
"""

import argparse
import json

LEFT, RIGHT, TOP = 36.0, 576.0, 36.0
AMOUNT_X, AMOUNT_W = 468.0, 108.0
TEXT_W = AMOUNT_X - 72.0 - 8.0


def lines_for(year):
    nxt = year + 1
    return [
        (1, f"Enter the amount from your {year} Form 1040 or 1040-SR, line 15. If it is a loss, "
            "enter it in parentheses"),
        (2, f"Enter the loss from your {year} Schedule D, line 21, as a positive amount"),
        (3, "Combine lines 1 and 2. If zero or less, enter -0-"),
        (4, "Enter the smaller of line 2 or line 3"),
        ("note", f"If line 7 of your {year} Schedule D is a loss, go to line 5; otherwise, "
                 "enter -0- on line 5 and go to line 9."),
        (5, f"Enter the loss from your {year} Schedule D, line 7, as a positive amount"),
        (6, f"Enter any gain from your {year} Schedule D, line 15. If a loss, enter -0-"),
        (7, "Add lines 4 and 6"),
        (8, f"Short-term capital loss carryover for {nxt}. Subtract line 7 from line 5. If zero "
            f"or less, enter -0-. If more than zero, also enter this amount on your {nxt} "
            "Schedule D, line 6"),
        ("note", f"If line 15 of your {year} Schedule D is a loss, go to line 9; otherwise, "
                 "skip lines 9 through 13."),
        (9, f"Enter the loss from your {year} Schedule D, line 15, as a positive amount"),
        (10, f"Enter any gain from your {year} Schedule D, line 7. If a loss, enter -0-"),
        (11, "Subtract line 5 from line 4. If zero or less, enter -0-"),
        (12, "Add lines 10 and 11"),
        (13, f"Long-term capital loss carryover for {nxt}. Subtract line 12 from line 9. If zero "
             f"or less, enter -0-. If more than zero, also enter this amount on your {nxt} "
             "Schedule D, line 14"),
    ]


def wrap(text, size, width):
    """Breaks text into lines, estimating Liberation Sans at 0.5 em a character."""
    limit = int(width / (size * 0.5))
    lines, current = [], ""
    for word in text.split():
        candidate = (current + " " + word).strip()
        if len(candidate) > limit and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def text(value, x, y, size, font="regular", align=None):
    item = {"text": value, "x": x, "y": y, "size": size, "font": font}
    if align:
        item["align"] = align
    return item


def line(x1, y1, x2, y2, width=0.5):
    return {"kind": "line", "x1": x1, "y1": y1, "x2": x2, "y2": y2, "lineWidth": width}


def build(year):
    texts, shapes, fields = [], [], []
    texts.append(text("Capital Loss Carryover Worksheet", LEFT, TOP + 18, 16, "bold"))
    texts.append(text(f"Tax year {year}", RIGHT, TOP + 18, 12, "bold", "right"))
    texts.append(text(f"Figures the capital loss carryover from {year} to {year + 1} "
                      f"(Schedule D, lines 6 and 14, of the {year + 1} return). Keep for your "
                      "records.", LEFT, TOP + 34, 9))
    texts.append(text("Source: Instructions for Schedule D (Form 1040), Capital Loss Carryover "
                      "Worksheet\u2014Lines 6 and 14.", LEFT, TOP + 46, 8, "italic"))
    shapes.append(line(LEFT, TOP + 52, RIGHT, TOP + 52, 2))
    texts.append(text("Name(s) shown on return", LEFT, TOP + 62, 7))
    fields.append({"name": "name", "x": LEFT, "y": TOP + 64, "width": 400.0, "height": 14.0,
                   "align": "left", "size": 9.0})
    shapes.append(line(LEFT, TOP + 80, RIGHT, TOP + 80, 1))
    y = TOP + 100
    for number, body in lines_for(year):
        if number == "note":
            for row in wrap(body, 9, RIGHT - LEFT - 36):
                texts.append(text(row, LEFT + 36, y, 9, "italic"))
                y += 12
            y += 6
            continue
        rows = wrap(body, 9, TEXT_W)
        texts.append(text(f"{number}.", LEFT + 18, y, 9, "bold", "right"))
        for row in rows:
            texts.append(text(row, LEFT + 26, y, 9, "bold" if number in (8, 13) else "regular"))
            y += 12
        last = y - 12
        texts.append(text(str(number), AMOUNT_X - 4, last, 9, "bold", "right"))
        shapes.append({"kind": "rect", "x": AMOUNT_X, "y": last - 10, "width": AMOUNT_W,
                       "height": 14.0, "lineWidth": 0.5})
        fields.append({"name": f"line.{number}", "x": AMOUNT_X, "y": last - 10,
                       "width": AMOUNT_W, "height": 14.0, "align": "right", "size": 9.0})
        y += 10
    shapes.append(line(LEFT, y, RIGHT, y, 1))
    texts.append(text("Computer-generated worksheet. Amounts in parentheses are negative.",
                      LEFT, y + 12, 7))
    return {"format": 1, "form": "carryover-worksheet", "taxYear": year,
            "source": "Schedule D instructions (no official PDF of the worksheet)",
            "pages": [{"width": 612.0, "height": 792.0, "texts": texts, "shapes": shapes,
                       "checkboxes": [], "fields": fields}]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--note")
    args = parser.parse_args()
    template = build(args.year)
    if args.note:
        template["draft"] = True
        template["note"] = args.note
    with open(args.out, "w") as out:
        json.dump(template, out, indent=1, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    main()
