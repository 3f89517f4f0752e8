/* The lazy list model's insides, shared by opora-list-model.c (the GListModel, its pages,
 * reloads) and opora-list-model-update.c (a broad search's first rows and its count in a
 * worker thread; following a save in place). Internal to src/store/. */
#pragma once

#include <string.h>

#include "opora-list-model.h"
#include "opora-store-private.h"

G_BEGIN_DECLS

#define PAGE_SIZE 64
#define MAX_PAGES 48
/* A list this short keeps all its keys from one ordered query, so scrolling it never
 * repeats the search page by page. Search results are usually such lists. */
#define MAX_KEPT_KEYS 100000
/* A search shows its first rows before it is counted when a walk in the list's order finds
 * them at once (see opora_list_model_reload): one page, in QUICK_SCAN_BUDGET_US when asked
 * to walk first; failing that, it is counted if that takes no more than COUNT_BUDGET_US;
 * failing that too, the walk is given FIRST_ROWS_BUDGET_US. */
#define QUICK_SCAN_BUDGET_US (20 * 1000)
#define COUNT_BUDGET_US      (10 * 1000)
#define FIRST_ROWS PAGE_SIZE
/* A search that matched fewer rows than this (of a million, the brief walk finds a page
 * only when more than about 25,000 match) is not walked briefly when typed on. */
#define NARROW_SEARCH_ROWS 20000
#define FIRST_ROWS_BUDGET_US (150 * 1000)

typedef struct
{
  guint      number;
  GPtrArray *items;  /* GObject, PAGE_SIZE or fewer at the end */
  GArray    *keys;   /* gint64: the key of each item */
  GArray    *hashes; /* guint: what each item's row held, to tell a changed row */
} Page;

struct _OporaListModel
{
  GObject     parent_instance;

  OporaStore *store;
  GType       item_type;
  char       *row_sql;
  OporaListRowFunc read_row;
  GStrv       watched_tables;

  char       *count_sql;
  char       *keys_sql;
  char       *reverse_keys_sql;
  char       *scan_keys_sql;          /* the same keys found by walking the order's index */
  char       *scan_reverse_keys_sql;  /* or NULL; see opora_list_model_set_scan_query */
  GPtrArray  *params;
  gboolean    scanning;     /* this query reads its pages with the scan */
  char       *quick_scan_keys_sql;    /* or NULL: walked briefly before the count */
  gboolean    last_search_was_narrow; /* counted, under NARROW_SEARCH_ROWS rows */

  guint         max_kept_keys;
  gint64        quick_scan_budget_us;
  gint64        count_budget_us;
  gint64        first_rows_budget_us;
  guint         generation; /* bumped by every reload: a late completion is dropped */
  GCancellable *completion; /* counting the rest of a list shown by its first rows */

  guint       n_items;
  GArray     *keys;    /* every key in order, when the list is short; else NULL */
  GHashTable *pages;   /* page number → Page */
  GQueue      lru;     /* page numbers, most recent first */
  gulong      changed_id;
};

/* A progress handler for SQLite: non-zero (stop) once @data, a gint64 deadline of
 * g_get_monotonic_time(), has passed. */
int       opora_list_model_over_budget       (void           *data);
/* Counts the list into @n; with @budget_us > 0, gives up (FALSE) when that takes longer. */
gboolean  opora_list_model_count_within      (OporaListModel *self,
                                              gint64          budget_us,
                                              guint          *n);
guint     opora_list_model_count             (OporaListModel *self);
/* Up to @limit keys from @offset in the list's order (or the reverse order). */
GArray   *opora_list_model_read_keys         (OporaListModel *self,
                                              gboolean        reverse,
                                              guint           limit,
                                              guint           offset);
/* The item of @key, and a hash of its row into @hash; NULL if there is no such row. */
GObject  *opora_list_model_read_item         (OporaListModel *self,
                                              gint64          key,
                                              guint          *hash);

/* opora-list-model-update.c */
/* Called once the list is counted: remembers whether it was a narrow search. */
void      opora_list_model_note_counted      (OporaListModel *self);
GArray   *opora_list_model_read_first_keys   (OporaListModel *self,
                                              const char     *keys_sql,
                                              gint64          budget_us);
void      opora_list_model_start_completion  (OporaListModel *self);
void      opora_list_model_cancel_completion (OporaListModel *self);
gboolean  opora_list_model_refresh_in_place  (OporaListModel *self);

G_END_DECLS
