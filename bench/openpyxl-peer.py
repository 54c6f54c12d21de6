"""The peer of opinions.xlsx_100000_ms: Debian's python3-openpyxl in write-only mode writing
the same rows (read from the JSON-lines file the bench child wrote, not timed): values, widths,
frozen header, filter, print titles, A4 fit to width, page header and numbers. Cells are NOT
styled by default (plain write-only, the fast way openpyxl is used; styling every cell with
WriteOnlyCell made it about 10x slower here); `--styled` adds our look (font, fill, borders,
wrapping). Timed: from the new workbook to the saved file. Peak: VmHWM after resetting it
(/proc/self/clear_refs) once the rows are loaded, minus the RSS then.
Prints JSON: ms, peakRssMb, baselineRssMb, aboveMb, bytes, version."""
import datetime, json, os, sys, time

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    meta = json.loads(f.readline())
    headers = json.loads(f.readline())
    rows = [json.loads(line) for line in f]
date_col = headers.index("会議日")
dates = {}
for r in rows:
    v = r[date_col]
    if v:
        r[date_col] = dates.setdefault(v, datetime.datetime.strptime(v, "%Y-%m-%d"))


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576


def hwm_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024


styled = "--styled" in sys.argv
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
baseline = rss_mb()
t0 = time.perf_counter()
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet(meta["name"])
thin = Side(style="thin")
border = Border(left=thin, right=thin, top=thin, bottom=thin)
font = Font(name="游ゴシック", size=11)
bold = Font(name="游ゴシック", size=11, bold=True)
fill = PatternFill("solid", fgColor="FFD9E1F2")
top = Alignment(vertical="top", wrap_text=True)
right = Alignment(horizontal="right", vertical="top", wrap_text=True)
center = Alignment(horizontal="center", vertical="center", wrap_text=True)
for i, w in enumerate([7, 10.9, 50.8, 15.9, 6, 15.1, 10.9, 42.5, 12.6]):
    ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = w
ws.freeze_panes = "A2"
ws.print_title_rows = "1:1"
ws.auto_filter.ref = f"A1:{openpyxl.utils.get_column_letter(len(headers))}1"
ws.page_setup.paperSize = 9
ws.page_setup.orientation = "landscape"
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.oddHeader.center.text = meta["title"]
ws.oddFooter.center.text = "&P / &N"


def cell(v, f, a, bold_fill=False):
    if not styled:
        return v if v != "" else None
    c = WriteOnlyCell(ws, value=v if v != "" else None)
    c.font = f
    c.border = border
    c.alignment = a
    if bold_fill:
        c.fill = fill
    return c


ws.append([cell(h, bold, center, True) for h in headers])
for r in rows:
    cells = []
    for i, v in enumerate(r):
        c = cell(v, font, right if i == 0 else top)
        if styled and i == date_col:
            c.number_format = "yyyy/mm/dd"
        cells.append(c)
    ws.append(cells)
wb.save(out)
ms = (time.perf_counter() - t0) * 1000
peak = hwm_mb()
print(json.dumps({"ms": ms, "peakRssMb": peak, "baselineRssMb": baseline, "aboveMb": peak - baseline, "styled": styled, "bytes": os.path.getsize(out), "version": openpyxl.__version__}))
