/* Opt-in timing for the window benchmark; see opora-bench.h.
 *
 * The first frame is timed from the process's start as the kernel recorded it
 * (/proc/self/stat, in clock ticks of 10 ms), so it includes loading the libraries, GTK's
 * start, opening the database and building every page; the monotonic time printed beside
 * lets the benchmark time it from its own fork instead, to the microsecond.
 *
 * A user action starts an interval: a key pressed in the main window, a search entry's
 * text changed (by that key, or set through accessibility), a button clicked (Save). The
 * interval ends on the first frame the main window paints after a list changed because of
 * it (a selection model's items-changed, or an adjustment scrolled). to-change-ms is the
 * last such change before that frame, so it is the work: a search entry's delay, the
 * query, the commit and the reload; to-paint-ms adds laying out and drawing the rows.
 * Marks on the way: to-search-ms when the search entry, after its delay, asked for the
 * search; to-commit-ms when the store committed. */
#define G_LOG_DOMAIN "opora-bench"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "opora-bench.h"
#include "opora-row-recycler.h"

typedef struct
{
  const char *event;     /* "key", "search", "click"; NULL when nothing waits */
  char       *detail;    /* the key's name, the search text, the button's label */
  gint64      started;   /* g_get_monotonic_time () of the action */
  gint64      searched;  /* of the search entry's search-changed after it, or 0 */
  gint64      changed;   /* of the last list change after it, or 0 */
  gint64      committed; /* of the first store commit after it, or 0 */
  guint       n_items;
} Pending;

static Pending pending;
static gboolean first_frame_painted;

/* OPORA_BENCH_REDRAWS=N: once the window has been still for a while after its first
 * frame, it is redrawn whole N frames running, each timed from the frame clock's update
 * to its end of painting: what one frame of the page shown costs. */
static guint redraws_left;
static gboolean redrawing;
static gint64 frame_started;

static void
start (const char *event,
       const char *detail)
{
  pending.event = event;
  g_free (pending.detail);
  pending.detail = g_strdup (detail ? detail : "");
  pending.started = g_get_monotonic_time ();
  pending.searched = 0;
  pending.changed = 0;
  pending.committed = 0;
  pending.n_items = 0;
}

static double
ms_between (gint64 from,
            gint64 to)
{
  return (to - from) / 1000.0;
}

/* Milliseconds since the kernel started this process. */
static gint64
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *fields;
  unsigned long long start_ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (fields = strrchr (stat, ')')) == NULL
      || sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d "
                 "%*d %*d %*d %*d %llu", &start_ticks) != 1)
    return -1;
  /* The start time counts from boot, suspend included, as CLOCK_BOOTTIME does. */
  clock_gettime (CLOCK_BOOTTIME, &now);
  return (gint64) now.tv_sec * 1000 + now.tv_nsec / 1000000
         - (gint64) (start_ticks * 1000 / sysconf (_SC_CLK_TCK));
}

static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (!first_frame_painted)
    {
      first_frame_painted = TRUE;
      g_printerr ("opora-bench first-frame-ms=%" G_GINT64_FORMAT " rss-kb=%" G_GINT64_FORMAT
                  " peak-rss-kb=%" G_GINT64_FORMAT " monotonic-us=%" G_GINT64_FORMAT "\n",
                  ms_since_process_start (), status_kb ("VmRSS:"), status_kb ("VmHWM:"), now);
      return;
    }

  if (pending.event == NULL)
    return;
  /* A search that leaves the list as it was («С»: one letter is no search yet) ends with
   * the first frame after it was made. */
  if (pending.changed == 0 && pending.searched != 0)
    {
      g_printerr ("opora-bench event=%s to-change-ms=%.1f to-paint-ms=%.1f to-search-ms=%.1f"
                  " n-items=unchanged detail=%s\n", pending.event,
                  ms_between (pending.started, pending.searched),
                  ms_between (pending.started, now),
                  ms_between (pending.started, pending.searched), pending.detail);
      pending.event = NULL;
      return;
    }
  if (pending.changed == 0)
    return;
  g_printerr ("opora-bench event=%s to-change-ms=%.1f to-paint-ms=%.1f", pending.event,
              ms_between (pending.started, pending.changed),
              ms_between (pending.started, now));
  if (pending.searched != 0)
    g_printerr (" to-search-ms=%.1f", ms_between (pending.started, pending.searched));
  if (pending.committed != 0)
    g_printerr (" to-commit-ms=%.1f", ms_between (pending.started, pending.committed));
  g_printerr (" n-items=%u detail=%s\n", pending.n_items, pending.detail);
  pending.event = NULL;
}

static void
update_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  frame_started = g_get_monotonic_time ();
}

static void
redraw_painted_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  if (!redrawing || redraws_left == 0 || frame_started == 0)
    return;
  g_printerr ("opora-bench redraw-ms=%.2f\n", ms_between (frame_started, g_get_monotonic_time ()));
  frame_started = 0;
  redraws_left--;
}

/* Every widget drawn again, none of GTK's kept drawings reused: the charts included. */
static void
queue_draw_all (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_draw_all (child);
}

static gboolean
redraw_tick_cb (GtkWidget     *window,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  if (redraws_left == 0)
    return G_SOURCE_REMOVE;
  queue_draw_all (window);
  gtk_widget_queue_resize (window);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_redraws_cb (gpointer window)
{
  redrawing = TRUE;
  frame_started = 0;
  gtk_widget_add_tick_callback (window, redraw_tick_cb, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* OPORA_BENCH_TYPE=TEXT: once the window has settled, TEXT is typed into the shown page's
 * search one character at a time, each when the one before has been painted, then the
 * search is cleared and the window closed: search as you type measured without an
 * accessibility bus (GTK_A11Y=none) or a driver, and under a profiler. */
static char *typed_text;
static glong typed_chars;

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_is_drawable (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
type_next_cb (gpointer window)
{
  GtkWidget *entry = find_search_entry (window);
  glong n = g_utf8_strlen (typed_text, -1);

  if (pending.event != NULL)
    return G_SOURCE_CONTINUE;  /* the last keystroke is not painted yet */
  if (entry == NULL || typed_chars > n)
    {
      if (entry == NULL)
        g_warning ("OPORA_BENCH_TYPE: the page shown has no search");
      gtk_window_close (window);
      return G_SOURCE_REMOVE;
    }
  if (typed_chars == n)
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    {
      const char *from = g_utf8_offset_to_pointer (typed_text, typed_chars);
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (entry), from,
                                (int) (g_utf8_next_char (from) - from), &position);
    }
  typed_chars++;
  return G_SOURCE_CONTINUE;
}

static gboolean
start_typing_cb (gpointer window)
{
  g_timeout_add (300, type_next_cb, window);
  return G_SOURCE_REMOVE;
}

static void
window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  const char *redraws = g_getenv ("OPORA_BENCH_REDRAWS");

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  if (redraws != NULL && (redraws_left = (guint) g_ascii_strtoull (redraws, NULL, 10)) > 0)
    {
      g_signal_connect (clock, "update", G_CALLBACK (update_cb), NULL);
      g_signal_connect (clock, "after-paint", G_CALLBACK (redraw_painted_cb), NULL);
      /* Charts are computed when the page is built; give the window time to settle. */
      g_timeout_add_seconds (3, start_redraws_cb, window);
    }
  if ((typed_text = g_strdup (g_getenv ("OPORA_BENCH_TYPE"))) != NULL)
    g_timeout_add_seconds (2, start_typing_cb, window);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state)
{
  /* Ctrl+S is one action: its Ctrl alone is none. */
  if (keyval < GDK_KEY_Shift_L || keyval > GDK_KEY_Hyper_R)
    start ("key", gdk_keyval_name (keyval));
  return GDK_EVENT_PROPAGATE;
}

static gboolean
text_changed_hook (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               user_data)
{
  GObject *instance = g_value_get_object (&values[0]);
  const char *text;

  if (!GTK_IS_SEARCH_ENTRY (instance))
    return TRUE;
  text = gtk_editable_get_text (GTK_EDITABLE (instance));
  /* The key that typed it started the interval already. */
  if (g_strcmp0 (pending.event, "key") == 0 && pending.changed == 0)
    {
      pending.event = "search";
      g_free (pending.detail);
      pending.detail = g_strdup (text);
    }
  else
    start ("search", text);
  return TRUE;
}

/* A search entry waits for typing to pause before it searches (search-delay). */
static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  if (g_strcmp0 (pending.event, "search") == 0 && pending.searched == 0)
    pending.searched = g_get_monotonic_time ();
  return TRUE;
}

static gboolean
clicked_hook (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  start ("click", gtk_button_get_label (g_value_get_object (&values[0])));
  return TRUE;
}

static gboolean
list_changed_hook (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               user_data)
{
  GObject *instance = g_value_get_object (&values[0]);

  /* A view shows a selection model; the store's own models are behind one. The last
   * change before the frame counts: a reload says "all gone" before "all new". */
  if (pending.event == NULL)
    return TRUE;
  if (GTK_IS_SELECTION_MODEL (instance))
    {
      pending.changed = g_get_monotonic_time ();
      /* The rows of the list, not the recycler's stale ones waiting below them. */
      pending.n_items = g_list_model_get_n_items (
        OPORA_IS_ROW_RECYCLER (instance)
        ? G_LIST_MODEL (opora_row_recycler_get_model (OPORA_ROW_RECYCLER (instance)))
        : G_LIST_MODEL (instance));
    }
  else if (GTK_IS_ADJUSTMENT (instance))
    pending.changed = g_get_monotonic_time ();
  return TRUE;
}

static void
store_changed_cb (OporaStore *store,
                  const char *table)
{
  if (pending.event != NULL && pending.committed == 0)
    pending.committed = g_get_monotonic_time ();
}

void
opora_bench_watch_window (OporaWindow *window)
{
  GtkEventController *keys;
  const char *section;

  static gboolean hooked = FALSE;

  g_return_if_fail (OPORA_IS_WINDOW (window));

  if (g_getenv ("OPORA_BENCH") == NULL || hooked)
    return;
  hooked = TRUE;

  section = g_getenv ("OPORA_BENCH_SECTION");
  if (section != NULL && !opora_window_show_page (window, section))
    g_warning ("OPORA_BENCH_SECTION: there is no section “%s”", section);

  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  g_signal_connect (opora_window_get_store (window), "changed",
                    G_CALLBACK (store_changed_cb), NULL);

  /* A signal is found once its type is initialised (the pages have done it already). */
  g_type_default_interface_ref (GTK_TYPE_EDITABLE);
  g_type_default_interface_ref (G_TYPE_LIST_MODEL);
  g_type_class_ref (GTK_TYPE_BUTTON);
  g_type_class_ref (GTK_TYPE_SEARCH_ENTRY);
  g_type_class_ref (GTK_TYPE_ADJUSTMENT);
  g_signal_add_emission_hook (g_signal_lookup ("changed", GTK_TYPE_EDITABLE), 0,
                              text_changed_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("clicked", GTK_TYPE_BUTTON), 0,
                              clicked_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                              list_changed_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("value-changed", GTK_TYPE_ADJUSTMENT), 0,
                              list_changed_hook, NULL, NULL);
}
