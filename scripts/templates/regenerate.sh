#!/bin/sh
# Rebuilds every template under Templates/ from the official IRS PDFs.
# Usage: scripts/templates/regenerate.sh [IRS_PDF_DIR]   (default ../shared/reference/irs)
# A new tax year: add its two lines below, pointing at the new PDFs, and run this again.
set -eu
cd "$(dirname "$0")/../.."
irs=${1:-../shared/reference/irs}
make="python3 scripts/templates/make_template.py"
sheet="python3 scripts/templates/make_worksheet.py"
draft2026="Early-release draft: the 2026 forms keep the 2025 layout, so this template is the \
2025 geometry with the year changed. Regenerate it from the final 2026 PDFs when the IRS \
publishes them."

for year in 2024 2025; do
  mkdir -p "Templates/$year"
  $make --form 8949 --pdf "$irs/f8949-$year.pdf" --source-year $year \
    --out "Templates/$year/form8949.json"
  $make --form schedule-d --pdf "$irs/f1040sd-$year.pdf" --source-year $year \
    --out "Templates/$year/schedule-d.json"
  $sheet --year $year --out "Templates/$year/carryover-worksheet.json"
done

mkdir -p Templates/2026
$make --form 8949 --pdf "$irs/f8949-2025.pdf" --source-year 2025 --year 2026 \
  --note "$draft2026" --out Templates/2026/form8949.json
$make --form schedule-d --pdf "$irs/f1040sd-2025.pdf" --source-year 2025 --year 2026 \
  --note "$draft2026" --out Templates/2026/schedule-d.json
$sheet --year 2026 --note "$draft2026" --out Templates/2026/carryover-worksheet.json
