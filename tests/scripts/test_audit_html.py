#!/usr/bin/env python3
"""The HTML audit report in a real headless browser (Debian's chromium): it loads with no console
message (a CSP violation or a script error would print one), the three SVG charts render with
their bars and cells, record text is escaped (a hostile CSV cannot inject markup), and the
screenshot is a real picture, not a blank page.

Skips (exit 0) when chromium is not installed, so a machine without it still passes; CI installs it.

Usage: test_audit_html.py path/to/handoff-lint [--update-screenshot]
  --update-screenshot  also copies the screenshot to docs/img/audit-report.png"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUTS = ["tests/audit/crm-export.csv", "tests/audit/mixed"]
WIDTH, HEIGHT = 1280, 2000

HOSTILE_CSV = (
    "Account Name,AE,Close Date,Amount,Champion,Handoff Notes\n"
    '"<script>alert(1)</script>","<img src=x onerror=alert(2)>",2026-04-02,"$5,000",'
    '"Nadia Quist-Emberley <b>bold</b> & co","Risks:\n</td></tr></table><h1>injected</h1>"\n'
)


def chromium_binary():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(browser, profile, *args, url):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args, url]
    proc = subprocess.run(cmd, capture_output=True, timeout=180)
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def console_lines(stderr):
    """Console output as chromium logs it: '...:INFO:CONSOLE:1] "message", source: ...'."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_pixels(path):
    """(width, height, rows of RGB tuples) from an 8-bit RGB or RGBA PNG, unfiltered with zlib only."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[i] = (line[i] + pred) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def check_static(html):
    assert "<script" not in html.lower(), "the report must carry no script"
    tags = re.findall(r"<[a-zA-Z][^>]*>", html)  # real tags only: escaped text has &lt;, not <
    refs = [u for tag in tags for u in re.findall(r"""\s(?:src|href)\s*=\s*["']?([^"' >]+)""", tag)]
    external = [u for u in refs if not u.startswith("data:")]
    assert not external, f"external references: {external}"
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html)) - {"http://www.w3.org/2000/svg"}
    assert not urls, f"URLs in the report: {urls}"
    assert "Content-Security-Policy" in html


def check_escaping(binary, tmp):
    hostile = os.path.join(tmp, "hostile.csv")
    with open(hostile, "w") as f:
        f.write(HOSTILE_CSV)
    out = os.path.join(tmp, "hostile.html")
    subprocess.run([binary, "audit", "-f", "html", "-o", out, hostile], check=True, cwd=ROOT, timeout=60)
    html = open(out, encoding="utf-8").read()
    check_static(html)
    for raw in ("<script>alert(1)", "<img src=x", "<b>bold</b>", "<h1>injected"):
        assert raw not in html, f"unescaped record text: {raw}"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    return out


def main():
    binary = os.path.abspath(sys.argv[1])
    update = "--update-screenshot" in sys.argv[2:]
    browser = chromium_binary()
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "audit-report.html")
        subprocess.run([binary, "audit", "-f", "html", "--by", "ae,month,segment", "-o", report, *INPUTS],
                       check=True, cwd=ROOT, timeout=120)
        html = open(report, encoding="utf-8").read()
        check_static(html)
        assert "Fenwick &amp; &lt;Lowe&gt; Hardware" in html and "<Lowe>" not in html
        hostile = check_escaping(binary, tmp)
        print("static: self-contained (no script, no external reference), record text escaped")
        if not browser:
            print("skipped: no chromium")
            return 0

        # The console check must be able to fail: a page that logs is caught.
        probe = os.path.join(tmp, "probe.html")
        with open(probe, "w") as f:
            f.write('<!DOCTYPE html><p>probe</p><script>console.error("probe-error")</script>')
        _, err = chromium(browser, tempfile.mkdtemp(dir=tmp), "--dump-dom", url="file://" + probe)
        assert any("probe-error" in line for line in console_lines(err)), "console messages are not visible"

        for page in (report, hostile):
            dom, err = chromium(browser, tempfile.mkdtemp(dir=tmp), "--dump-dom", url="file://" + page)
            assert not console_lines(err), f"{os.path.basename(page)}: console: {console_lines(err)}"
        dom, _ = chromium(browser, tempfile.mkdtemp(dir=tmp), "--dump-dom", url="file://" + report)
        svgs, rects = dom.count("<svg"), dom.count("<rect")
        assert svgs == 3, f"{svgs} <svg> elements"
        for chart in ("chart-gaps", "chart-heat", "chart-months"):
            assert f'id="{chart}"' in dom, chart
        # Gap bars: 2 per category + 2 legend; heat map: 8 rows x 7 cells + 21 legend steps;
        # months: 4 bars.
        assert rects == (7 * 2 + 2) + (6 + 1) * 7 + 21 + 4, f"{rects} <rect> elements"
        assert dom.count("<table") >= 7, dom.count("<table")
        print(f"dom: {svgs} charts, {rects} rects, {dom.count('<table')} tables, no console message")

        shot = os.path.join(tmp, "audit-report.png")
        _, err = chromium(browser, tempfile.mkdtemp(dir=tmp), f"--screenshot={shot}",
                          f"--window-size={WIDTH},{HEIGHT}", url="file://" + report)
        assert os.path.exists(shot), f"no screenshot: {err[-2000:]}"
        width, height, rows = png_pixels(shot)
        assert (width, height) == (WIDTH, HEIGHT), (width, height)
        colours, non_background = set(), 0
        background = rows[5][5]
        for y in range(0, height, 7):
            for x in range(0, width, 3):
                pixel = rows[y][x]
                colours.add(pixel)
                non_background += pixel != background
        sampled = (height // 7 + 1) * (width // 3 + 1)
        assert len(colours) > 50, f"only {len(colours)} colours: a blank page?"
        assert non_background > sampled // 10, f"{non_background} of {sampled} pixels differ from the background"
        # The charts' series colours are on the page (Okabe-Ito blue and vermillion).
        assert (0x00, 0x72, 0xB2) in colours and (0xD5, 0x5E, 0x00) in colours, "chart colours missing"
        print(f"screenshot: {width}x{height}, {len(colours)} colours sampled")
        if update:
            target = os.path.join(ROOT, "docs", "img", "audit-report.png")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(shot, target)
            print(f"copied to {os.path.relpath(target, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
