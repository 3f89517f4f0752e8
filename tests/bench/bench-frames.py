#!/usr/bin/python3
"""One frame of a page: starts the real `opora` on DATABASE on a section (by default
Indicators, whose charts are drawn by src/render/), lets it settle, then has it lay out and
draw its whole window N frames running (OPORA_BENCH_REDRAWS, src/ui/opora-bench.c) and
prints the time of each frame from the frame clock's update to the end of its painting.
Prints figures; never fails on time.

  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \\
    tests/bench/bench-frames.py build/src/opora DATABASE [SECTION] [FRAMES]"""

import os
import statistics
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    opora, database = sys.argv[1], sys.argv[2]
    section = sys.argv[3] if len(sys.argv) > 3 else "indicators"
    frames = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    build = os.path.dirname(os.path.dirname(os.path.abspath(opora)))
    scratch = tempfile.mkdtemp(prefix="opora-bench-frames-")
    env = dict(os.environ, OPORA_BENCH="1", OPORA_BENCH_SECTION=section,
               OPORA_BENCH_REDRAWS=str(frames), GSK_RENDERER="cairo", GTK_A11Y="none",
               GSETTINGS_BACKEND="memory", LANGUAGE="ru", LC_ALL="C.UTF-8",
               OPORA_LOCALEDIR=os.path.join(build, "po"),
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "resources"),
               HOME=scratch, XDG_CONFIG_HOME=scratch, XDG_DATA_HOME=scratch,
               XDG_CACHE_HOME=scratch)
    process = subprocess.Popen([opora, "--database", database], env=env,
                               stderr=subprocess.PIPE, text=True)
    times = []
    try:
        for line in process.stderr:
            if line.startswith("opora-bench redraw-ms="):
                times.append(float(line.split("=", 1)[1]))
                if len(times) == frames:
                    break
    finally:
        process.terminate()
        process.wait(timeout=30)
    if not times:
        print("no frames timed", file=sys.stderr)
        sys.exit(1)
    times.sort()
    print(f"{section} page on {database}: {len(times)} frames, whole window laid out and drawn")
    print(f"min {times[0]:.2f} ms, median {statistics.median(times):.2f} ms, "
          f"90th percentile {times[int(len(times) * 0.9) - 1]:.2f} ms, max {times[-1]:.2f} ms")


if __name__ == "__main__":
    main()
