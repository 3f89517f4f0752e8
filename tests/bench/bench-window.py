#!/usr/bin/python3
"""The window benchmark: starts the real `opora` on a large database (made by `opora-cli
demo --size 1000000 --seed 1` when DATABASE does not exist yet) on its Social contracts page, and measures, as a person uses it, the
first frame, the memory, search as you type, the jump to the end of the list, and saving
one edit. Prints figures; never fails on time.

  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- \\
    tests/bench/bench-window.py build/src/opora DATABASE [RUNS]

Where each figure comes from (see src/ui/opora-bench.c, on with OPORA_BENCH=1):
- first frame: from this script's fork of opora to the end of the first frame the window
  painted (GdkFrameClock::after-paint), both on CLOCK_MONOTONIC; opora's own figure, from
  the process's start as the kernel recorded it, is printed beside; and the same for a
  window started without the accessibility bus (GTK_A11Y=none), which nobody drives.
- memory: the resident set at the first frame, and its peak (VmHWM) at the end of the run.
- a search keystroke: each character is inserted at the end of the entry's text through
  accessibility, one insertion as a key typed is (synthetic typing of Cyrillic under Xvfb
  gives garbage); opora times from the entry's text changing to the first frame painted
  after the list changed.
- the end of the list: a row is clicked with the pointer, End pressed (XTest); timed from
  the key press to the first frame painted after the list scrolled.
- saving one edit: a contract opened with Enter, a field changed, Save clicked; timed from
  the button's click to the store's commit and to the list repainted."""

import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
import atspi_driver as d  # noqa: E402

SEARCHES = [("number", None), ("surname", "иванов")]


class Opora:
    """One run of opora with the benchmark's instrumentation on, its stderr read aside."""

    def __init__(self, opora, database, scratch, accessible=True):
        build = os.path.dirname(os.path.dirname(os.path.abspath(opora)))
        env = dict(os.environ, OPORA_BENCH="1", OPORA_BENCH_SECTION="contracts",
                   GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory", LANGUAGE="ru",
                   LC_ALL="C.UTF-8", OPORA_LOCALEDIR=os.path.join(build, "po"),
                   GSETTINGS_SCHEMA_DIR=os.path.join(build, "resources"),
                   HOME=scratch, XDG_CONFIG_HOME=scratch, XDG_DATA_HOME=scratch,
                   XDG_CACHE_HOME=scratch)
        for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
            env.pop(name, None)
        if not accessible:
            env["GTK_A11Y"] = "none"
        self.lines = queue.Queue()
        self.spawned_us = time.monotonic_ns() // 1000
        self.process = subprocess.Popen([opora, "--database", database], env=env,
                                        stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            line = line.rstrip("\n")
            if line.startswith("opora-bench "):
                self.lines.put(parse(line))
            elif line.strip():
                print(f"# opora: {line}", file=sys.stderr)

    def next_figure(self, timeout, having=None, **wanted):
        """The next line of figures that has the field @having and the fields @wanted."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise d.DriverError(f"no figures {wanted} within {timeout} s")
            try:
                figures = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if (having is None or having in figures) \
                    and all(figures.get(k) == v for k, v in wanted.items()):
                return figures

    def peak_rss_kb(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def close(self, frame):
        if frame is not None:
            d.do_action(frame, "window.close")
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def parse(line):
    """"opora-bench a=1 b=2.5 detail=free text" → {"a": 1, "b": 2.5, "detail": "free text"}"""
    figures = {}
    rest = line[len("opora-bench "):]
    if " detail=" in rest or rest.startswith("detail="):
        rest, detail = rest.split("detail=", 1)
        figures["detail"] = detail
    for field in rest.split():
        key, _, value = field.partition("=")
        try:
            figures[key] = int(value)
        except ValueError:
            try:
                figures[key] = float(value)
            except ValueError:
                figures[key] = value
    return figures


def type_search(opora, entry, text, results):
    """Types @text into the empty search one character at a time; keeps each keystroke's
    figures in @results (a list of (typed, figures))."""
    for end in range(1, len(text) + 1):
        typed = text[:end]
        log(f"typing «{typed}»")
        d.type_text(entry, text[end - 1])
        results.append((typed, opora.next_figure(600, event="search", detail=typed)))
        log(f"  {results[-1][1]}")


def first_frame_alone(opora_path, database, scratch):
    """The first frame and memory of a window nobody drives: without the accessibility
    bus, whose objects for every widget the other runs pay for."""
    opora = Opora(opora_path, database, scratch, accessible=False)
    try:
        first = opora.next_figure(600, having="first-frame-ms")
    finally:
        opora.process.terminate()
        opora.process.wait(timeout=60)
    return (first["monotonic-us"] - opora.spawned_us) / 1000, first["rss-kb"] / 1024


def one_run(opora_path, database, run, shots_dir):
    figures = {}
    scratch = tempfile.mkdtemp(prefix="opora-bench-")
    (figures["first frame, no accessibility bus (ms)"],
     figures["RSS at first frame, no accessibility bus (MB)"]) = \
        first_frame_alone(opora_path, database, scratch)
    opora = Opora(opora_path, database, scratch)
    frame = None
    try:
        first = opora.next_figure(600, having="first-frame-ms")
        figures["first frame, from fork (ms)"] = (first["monotonic-us"] - opora.spawned_us) / 1000
        figures["first frame, from process start (ms, ±10)"] = first["first-frame-ms"]
        figures["RSS at first frame (MB)"] = first["rss-kb"] / 1024
        d.screenshot(os.path.join(shots_dir, f"bench-window-{run}-first-frame.png"))

        app = d.find_app("opora", opora.process, timeout=60)
        frame = d.wait_for(lambda: next(iter(d.windows(app)), None), 30, what="the window")
        page = d.find(frame, "panel", "Социальные контракты", timeout=30)
        table = d.find(page, "tree table", "Социальные контракты")
        rows = d.wait_for(lambda: d.table_rows(table, limit=1), 30, what="the first row")
        entry = d.find(page, "entry", "Поиск контрактов")

        searches = {}
        for name, text in SEARCHES:
            results = []
            type_search(opora, entry, text or rows[0][0], results)
            searches[name] = results
            d.set_text(entry, "")
            searches.setdefault("cleared", []).append(
                ("", opora.next_figure(600, event="search", detail="")))
        figures["searches"] = searches

        # The end of the list: a row clicked, End pressed.
        first_row = d.wait_for(lambda: d.table_row_nodes(table, limit=1), 30,
                               what="the first row again")[0]
        d.pointer_click(first_row.get_child_at_index(0))
        time.sleep(0.3)  # the click is a press and a release; let both land first
        d.press("End")
        figures["end"] = opora.next_figure(600, event="key", detail="End")
        d.screenshot(os.path.join(shots_dir, f"bench-window-{run}-end.png"))

        # Saving one edit: the row at the end opened with Enter, one field changed, saved.
        before = set(d.windows(app))
        d.press("Return")
        editor = d.wait_for(lambda: next((w for w in d.windows(app) if w not in before),
                                         None), 30, what="the contract editor")
        field = d.find(editor, "text", "Причины трудной жизненной ситуации", timeout=30)
        d.set_text(field, f"Потеря работы (проверка {run}, {time.strftime('%H:%M:%S')})")
        d.click(d.find(editor, "push button", "Сохранить"))
        figures["save"] = opora.next_figure(600, event="click")
        d.wait_for(lambda: d.gone(editor), 30, what="the editor to close")
        d.screenshot(os.path.join(shots_dir, f"bench-window-{run}-saved.png"))

        figures["peak RSS (MB)"] = opora.peak_rss_kb() / 1024
    finally:
        opora.close(frame)
        shutil.rmtree(scratch, ignore_errors=True)
    return figures


def log(what):
    print(f"# {time.strftime('%H:%M:%S')} {what}", file=sys.stderr, flush=True)


def spread(values):
    values = sorted(values)
    if len(values) == 1:
        return f"{values[0]:.0f}"
    return f"{values[0]:.0f}–{values[-1]:.0f} (median {statistics.median(values):.0f})"


def spread_precise(values):
    values = sorted(values)
    return f"{values[0]:.1f}–{values[-1]:.1f} (median {statistics.median(values):.1f})"


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    opora_path, database = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    if not os.path.exists(database):
        cli = os.path.join(os.path.dirname(os.path.abspath(opora_path)), "cli", "opora-cli")
        log(f"making {database} with {cli} demo --size 1000000 --seed 1 (a few minutes)")
        subprocess.run([cli, "demo", "--db", database, "--size", "1000000", "--seed", "1"],
                       check=True)
    shots_dir = os.path.join(os.path.dirname(os.path.abspath(opora_path)), "..", "tests",
                             "artifacts")

    results = []
    for run in range(1, runs + 1):
        print(f"# run {run} of {runs}", flush=True)
        results.append(one_run(opora_path, database, run, shots_dir))

    print(f"\nopora on {database}, {runs} runs (min–max, median):\n")
    print("| what | figure |\n|---|---|")
    for key in ("first frame, from fork (ms)", "first frame, from process start (ms, ±10)",
                "first frame, no accessibility bus (ms)", "RSS at first frame (MB)",
                "RSS at first frame, no accessibility bus (MB)", "peak RSS (MB)"):
        print(f"| {key} | {spread([r[key] for r in results])} |")

    for name in ("number", "surname", "cleared"):
        steps = [r["searches"][name] for r in results]
        print(f"\nsearch by {name}, each keystroke; ms after it: the list changed (its "
              "first rows found, told to the view), the next frame painted\n")
        print("| typed | rows | list changed | painted |\n|---|---|---|---|")
        for i in range(len(steps[0])):
            typed = steps[0][i][0]
            figs = [s[i][1] for s in steps]
            print(f"| «{typed}» | {figs[0]['n-items']} "
                  f"| {spread_precise([f['to-change-ms'] for f in figs])} "
                  f"| {spread_precise([f['to-paint-ms'] for f in figs])} |")

    end = [r["end"] for r in results]
    print(f"\n| End: key → list scrolled | {spread_precise([f['to-change-ms'] for f in end])} |")
    print(f"| End: key → painted | {spread_precise([f['to-paint-ms'] for f in end])} |")
    save = [r["save"] for r in results]
    print(f"| save: click → committed | "
          f"{spread_precise([f.get('to-commit-ms', float('nan')) for f in save])} |")
    print(f"| save: click → lists reloaded | {spread_precise([f['to-change-ms'] for f in save])} |")
    print(f"| save: click → painted | {spread_precise([f['to-paint-ms'] for f in save])} |")


if __name__ == "__main__":
    main()
