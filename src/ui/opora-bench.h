/* Opt-in timing for the window benchmark (tests/bench/bench-window.py).
 *
 * Off unless the environment has OPORA_BENCH set; then the window opens on the section
 * named by OPORA_BENCH_SECTION (if any) and prints to stderr, once its first frame is
 * painted,
 *   opora-bench first-frame-ms=N rss-kb=N monotonic-us=N
 * and after every user action that changes a list,
 *   opora-bench event=E to-change-ms=N to-paint-ms=N [to-search-ms=N] [to-commit-ms=N]
 *               n-items=N detail=TEXT
 * (see opora-bench.c for what starts and ends each interval). With OPORA_BENCH_REDRAWS=N
 * the window, 3 s after it is shown, is laid out and drawn again N frames running:
 *   opora-bench redraw-ms=N      (one line a frame) */
#pragma once

#include "opora-window.h"

G_BEGIN_DECLS

void opora_bench_watch_window (OporaWindow *window);

G_END_DECLS
