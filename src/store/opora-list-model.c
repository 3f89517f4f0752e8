#define G_LOG_DOMAIN "opora-store"

#include <string.h>

#include "opora-list-model.h"
#include "opora-store-private.h"

#define PAGE_SIZE 64
#define MAX_PAGES 48
/* A list this short keeps all its keys from one ordered query, so scrolling it never
 * repeats the search page by page. Search results are usually such lists. */
#define MAX_KEPT_KEYS 100000
/* A search that cannot be counted at once shows its first rows before it is counted (see
 * opora_list_model_reload): one page, if the scan in the list's order finds them in time. */
#define COUNT_BUDGET_US      (10 * 1000)
#define FIRST_ROWS PAGE_SIZE
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

  guint         max_kept_keys;
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

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OporaListModel, opora_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_array_unref (page->keys);
  g_array_unref (page->hashes);
  g_free (page);
}

void
opora_stmt_bind_params (sqlite3_stmt *stmt,
                        GPtrArray    *params,
                        int           first_index)
{
  if (params == NULL)
    return;
  for (guint i = 0; i < params->len; i++)
    {
      GVariant *value = g_ptr_array_index (params, i);
      int index = first_index + (int) i;

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        sqlite3_bind_double (stmt, index, g_variant_get_double (value));
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1,
                           SQLITE_TRANSIENT);
      else
        g_assert_not_reached ();
    }
}

static int
over_budget_cb (void *data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Counts the list into @n; with @budget_us, gives up (FALSE) when that takes longer. */
static gboolean
count_rows_within (OporaListModel *self,
                   gint64          budget_us,
                   guint          *n)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = opora_store_get_db (self->store);
  gint64 deadline = g_get_monotonic_time () + budget_us;
  sqlite3_stmt *stmt;
  int rc;

  *n = 0;
  if (self->count_sql == NULL)
    return TRUE;
  stmt = opora_store_prepare (self->store, self->count_sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot count a list: %s", error->message);
      return TRUE;
    }
  opora_stmt_bind_params (stmt, self->params, 1);
  if (budget_us > 0)
    sqlite3_progress_handler (db, 1000, over_budget_cb, &deadline);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n = (guint) sqlite3_column_int64 (stmt, 0);
  if (budget_us > 0)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static guint
count_rows (OporaListModel *self)
{
  guint n;

  count_rows_within (self, 0, &n);
  return n;
}

/* A hash of every column of the current row: two reads of a row that give the same
 * hash showed the same values. */
static guint
hash_row (sqlite3_stmt *stmt)
{
  guint hash = 2166136261u;

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const guchar *bytes = sqlite3_column_blob (stmt, i);
      int n = sqlite3_column_bytes (stmt, i);

      hash = (hash ^ (guint) sqlite3_column_type (stmt, i)) * 16777619u;
      for (int j = 0; j < n; j++)
        hash = (hash ^ bytes[j]) * 16777619u;
    }
  return hash;
}

static GObject *
read_item (OporaListModel *self,
           gint64          key,
           guint          *hash)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = opora_store_prepare (self->store, self->row_sql, &error);
  GObject *item = NULL;

  if (stmt == NULL)
    {
      g_critical ("Cannot read a list row: %s", error->message);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      item = self->read_row (stmt);
      *hash = hash_row (stmt);
    }
  sqlite3_reset (stmt);
  return item;
}

/* Reads up to @limit keys from @offset in the list's order (or the reverse order). */
static GArray *
read_keys (OporaListModel *self,
           gboolean        reverse,
           guint           limit,
           guint           offset)
{
  g_autoptr(GError) error = NULL;
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  int n_params = self->params ? (int) self->params->len : 0;
  sqlite3_stmt *stmt;

  if (self->scanning)
    stmt = opora_store_prepare (self->store,
                                reverse ? self->scan_reverse_keys_sql : self->scan_keys_sql,
                                &error);
  else
    stmt = opora_store_prepare (self->store, reverse ? self->reverse_keys_sql : self->keys_sql,
                                &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot read a list's keys: %s", error->message);
      return keys;
    }
  opora_stmt_bind_params (stmt, self->params, 1);
  sqlite3_bind_int64 (stmt, n_params + 1, limit);
  sqlite3_bind_int64 (stmt, n_params + 2, offset);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (keys, key);
    }
  sqlite3_reset (stmt);
  return keys;
}

/* Reads the keys of one page, from whichever end of the list is nearer, so reaching the
 * last rows of a million never skips more than half of them. */
static Page *
load_page (OporaListModel *self,
           guint           number)
{
  guint first = number * PAGE_SIZE;
  guint count = MIN (PAGE_SIZE, self->n_items - first);
  gboolean from_end = self->keys == NULL && first > self->n_items / 2;
  g_autoptr(GArray) keys = NULL;
  Page *page;

  if (self->keys != NULL)
    {
      keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), count);
      g_array_append_vals (keys, &g_array_index (self->keys, gint64, first), count);
    }
  else
    keys = read_keys (self, from_end, count,
                      from_end ? self->n_items - first - count : first);

  page = g_new0 (Page, 1);
  page->number = number;
  page->items = g_ptr_array_new_full (count, g_object_unref);
  page->keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), count);
  page->hashes = g_array_sized_new (FALSE, FALSE, sizeof (guint), count);
  for (guint i = 0; i < keys->len; i++)
    {
      guint at = from_end ? keys->len - 1 - i : i;
      gint64 key = g_array_index (keys, gint64, at);
      guint hash = 0;
      GObject *item = read_item (self, key, &hash);

      if (item == NULL)
        continue;
      g_ptr_array_add (page->items, item);
      g_array_append_val (page->keys, key);
      g_array_append_val (page->hashes, hash);
    }
  return page;
}

static Page *
get_page (OporaListModel *self,
          guint           number)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));

  if (page != NULL)
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (number));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (number));
      return page;
    }

  page = load_page (self, number);
  if (page == NULL)
    return NULL;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (number));
  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  return page;
}

/* The first FIRST_ROWS keys, found by walking the index of the list's order and testing
 * each row; NULL when that takes longer than FIRST_ROWS_BUDGET_US (few rows match). */
static GArray *
read_first_keys (OporaListModel *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = opora_store_get_db (self->store);
  int n_params = self->params ? (int) self->params->len : 0;
  gint64 deadline = g_get_monotonic_time () + self->first_rows_budget_us;
  GArray *keys;
  sqlite3_stmt *stmt;
  int rc;

  stmt = opora_store_prepare (self->store, self->scan_keys_sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot read a list's first keys: %s", error->message);
      return NULL;
    }
  opora_stmt_bind_params (stmt, self->params, 1);
  sqlite3_bind_int64 (stmt, n_params + 1, FIRST_ROWS);
  sqlite3_bind_int64 (stmt, n_params + 2, 0);

  keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), FIRST_ROWS);
  sqlite3_progress_handler (db, 1000, over_budget_cb, &deadline);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (keys, key);
    }
  sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    g_clear_pointer (&keys, g_array_unref);
  return keys;
}

/* Counting the rest of a list whose first rows are shown, on the store's reader in a
 * worker thread, so typing on is not held up by a search that matches half a city. */
typedef struct
{
  OporaStore *store;
  char       *count_sql;
  char       *keys_sql;
  GPtrArray  *params;
  guint       max_kept_keys;
} Completion;

typedef struct
{
  guint   n_items;
  GArray *keys;      /* every key in order, or NULL past MAX_KEPT_KEYS */
} Completed;

static void
completion_free (gpointer data)
{
  Completion *job = data;

  g_object_unref (job->store);
  g_free (job->count_sql);
  g_free (job->keys_sql);
  g_clear_pointer (&job->params, g_ptr_array_unref);
  g_free (job);
}

static void
completed_free (gpointer data)
{
  Completed *done = data;

  g_clear_pointer (&done->keys, g_array_unref);
  g_free (done);
}

/* Runs @sql with the job's parameters (then @limit and offset 0 if @keys): the count into
 * @n, or the keys into @keys. Returns SQLite's last result code. */
static int
run_on_reader (sqlite3    *db,
               const char *sql,
               GPtrArray  *params,
               guint      *n,
               GArray     *keys,
               guint       limit)
{
  int n_params = params ? (int) params->len : 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  opora_stmt_bind_params (stmt, params, 1);
  if (keys != NULL)
    {
      sqlite3_bind_int64 (stmt, n_params + 1, limit);
      sqlite3_bind_int64 (stmt, n_params + 2, 0);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      if (keys != NULL)
        g_array_append_val (keys, value);
      else
        *n = (guint) value;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static void
complete_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Completion *job = task_data;
  g_autoptr(GArray) keys = NULL;
  Completed *done;
  guint n = 0;
  int rc = SQLITE_INTERRUPT;
  sqlite3 *db;

  db = opora_store_reader_acquire (job->store);
  if (db == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "The database has no second connection");
      return;
    }
  /* An interrupt meant for the job before may land on this one: try again unless it
   * was meant for this one. */
  for (int attempt = 0; attempt < 3 && rc == SQLITE_INTERRUPT
                        && !g_cancellable_is_cancelled (cancellable); attempt++)
    {
      g_clear_pointer (&keys, g_array_unref);
      rc = run_on_reader (db, job->count_sql, job->params, &n, NULL, 0);
      if (rc == SQLITE_DONE && n <= job->max_kept_keys
          && !g_cancellable_is_cancelled (cancellable))
        {
          keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
          rc = run_on_reader (db, job->keys_sql, job->params, NULL, keys, n);
        }
    }
  if (rc != SQLITE_DONE && !g_cancellable_is_cancelled (cancellable))
    g_warning ("Cannot count a list on the reader: %s", sqlite3_errmsg (db));
  opora_store_reader_release (job->store);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (rc != SQLITE_DONE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "The reader failed");
      return;
    }
  done = g_new0 (Completed, 1);
  done->n_items = keys ? keys->len : n;
  done->keys = g_steal_pointer (&keys);
  g_task_return_pointer (task, done, completed_free);
}

/* The whole list is known: the rows past the first ones join it. */
static void
install_completion (OporaListModel *self,
                    guint           n_items,
                    GArray         *keys)
{
  guint shown = self->n_items;

  g_clear_pointer (&self->keys, g_array_unref);
  self->keys = keys;
  self->n_items = keys ? keys->len : n_items;
  if (self->n_items > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, self->n_items - shown);
  else if (self->n_items < shown)
    {
      /* Rows went between the two reads: start the rows over. */
      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->lru);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, shown, self->n_items);
    }
}

static void
complete_now (OporaListModel *self)
{
  guint n = count_rows (self);

  install_completion (self, n, n <= self->max_kept_keys ? read_keys (self, FALSE, n, 0) : NULL);
}

static void
completion_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OporaListModel *self = OPORA_LIST_MODEL (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  Completed *done = g_task_propagate_pointer (G_TASK (result), &error);

  if (generation != self->generation)
    {
      g_clear_pointer (&done, completed_free);
      return;
    }
  g_clear_object (&self->completion);
  if (done == NULL)
    {
      /* No reader (a file it cannot open again): count here instead. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        complete_now (self);
      return;
    }
  install_completion (self, done->n_items, g_steal_pointer (&done->keys));
  completed_free (done);
}

static void
start_completion (OporaListModel *self)
{
  g_autoptr(GTask) task = NULL;
  Completion *job = g_new0 (Completion, 1);

  job->store = g_object_ref (self->store);
  job->count_sql = g_strdup (self->count_sql);
  job->keys_sql = g_strdup (self->keys_sql);
  job->params = self->params ? g_ptr_array_ref (self->params) : NULL;
  job->max_kept_keys = self->max_kept_keys;

  self->completion = g_cancellable_new ();
  task = g_task_new (self, self->completion, completion_done_cb,
                     GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, start_completion);
  g_task_set_task_data (task, job, completion_free);
  g_task_run_in_thread (task, complete_in_thread);
}

static void
cancel_completion (OporaListModel *self)
{
  if (self->completion == NULL)
    return;
  g_cancellable_cancel (self->completion);
  opora_store_reader_interrupt (self->store);
  g_clear_object (&self->completion);
}

static GType
opora_list_model_get_item_type (GListModel *model)
{
  return OPORA_LIST_MODEL (model)->item_type;
}

static guint
opora_list_model_get_n_items (GListModel *model)
{
  return OPORA_LIST_MODEL (model)->n_items;
}

static gpointer
opora_list_model_get_item (GListModel *model,
                           guint       position)
{
  OporaListModel *self = OPORA_LIST_MODEL (model);
  Page *page;
  guint offset = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;
  page = get_page (self, position / PAGE_SIZE);
  if (page == NULL || offset >= page->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = opora_list_model_get_item_type;
  iface->get_n_items = opora_list_model_get_n_items;
  iface->get_item = opora_list_model_get_item;
}

/* The keys page @number would hold now, in the list's order. */
static GArray *
current_page_keys (OporaListModel *self,
                   guint           number)
{
  guint first = number * PAGE_SIZE;
  guint count = MIN (PAGE_SIZE, self->n_items - first);
  gboolean from_end = first > self->n_items / 2;
  GArray *keys = read_keys (self, from_end, count,
                            from_end ? self->n_items - first - count : first);

  if (from_end)
    for (guint i = 0; i < keys->len / 2; i++)
      {
        gint64 swap = g_array_index (keys, gint64, i);

        g_array_index (keys, gint64, i) = g_array_index (keys, gint64, keys->len - 1 - i);
        g_array_index (keys, gint64, keys->len - 1 - i) = swap;
      }
  return keys;
}

static gboolean
same_keys (GArray *a,
           GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* After a write to a table the list watches: when the list still has the same rows in the
 * same order — an edit that moved nothing, the usual save — reads the rows it keeps again
 * and tells only those that changed, so a view keeps its place instead of going back to
 * the top of a million rows. FALSE when the rows came, went or moved: reload then. */
static gboolean
refresh_in_place (OporaListModel *self)
{
  g_autoptr(GArray) changed = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->completion != NULL || self->keys_sql == NULL || self->n_items == 0)
    return FALSE;
  if (self->keys != NULL)
    {
      /* One key more than before tells a row added at the end. */
      g_autoptr(GArray) keys = read_keys (self, FALSE, self->n_items + 1, 0);

      if (!same_keys (keys, self->keys))
        return FALSE;
    }
  else
    {
      if (count_rows (self) != self->n_items)
        return FALSE;
      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Page *page = value;
          g_autoptr(GArray) keys = current_page_keys (self, page->number);

          if (!same_keys (keys, page->keys))
            return FALSE;
        }
    }

  changed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      for (guint i = 0; i < page->items->len; i++)
        {
          guint hash = 0;
          GObject *item = read_item (self, g_array_index (page->keys, gint64, i), &hash);
          guint position = page->number * PAGE_SIZE + i;

          if (item == NULL)
            return FALSE;
          if (hash == g_array_index (page->hashes, guint, i))
            {
              g_object_unref (item);
              continue;
            }
          g_object_unref (g_ptr_array_index (page->items, i));
          g_ptr_array_index (page->items, i) = item;
          g_array_index (page->hashes, guint, i) = hash;
          g_array_append_val (changed, position);
        }
    }
  g_array_sort (changed, compare_positions);
  for (guint i = 0; i < changed->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (changed, guint, i), 1, 1);
  return TRUE;
}

static void
store_changed_cb (OporaStore     *store,
                  const char     *table,
                  OporaListModel *self)
{
  if (self->watched_tables && g_strv_contains ((const char * const *) self->watched_tables, table)
      && !refresh_in_place (self))
    opora_list_model_reload (self);
}

static void
opora_list_model_dispose (GObject *object)
{
  OporaListModel *self = (OporaListModel *)object;

  if (self->store != NULL)
    {
      cancel_completion (self);
      g_clear_signal_handler (&self->changed_id, self->store);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_list_model_parent_class)->dispose (object);
}

static void
opora_list_model_finalize (GObject *object)
{
  OporaListModel *self = (OporaListModel *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_queue_clear (&self->lru);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_clear_pointer (&self->row_sql, g_free);
  g_clear_pointer (&self->count_sql, g_free);
  g_clear_pointer (&self->keys_sql, g_free);
  g_clear_pointer (&self->reverse_keys_sql, g_free);
  g_clear_pointer (&self->scan_keys_sql, g_free);
  g_clear_pointer (&self->scan_reverse_keys_sql, g_free);
  g_clear_pointer (&self->watched_tables, g_strfreev);

  G_OBJECT_CLASS (opora_list_model_parent_class)->finalize (object);
}

static void
opora_list_model_class_init (OporaListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = opora_list_model_dispose;
  object_class->finalize = opora_list_model_finalize;
}

static void
opora_list_model_init (OporaListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  g_queue_init (&self->lru);
  self->max_kept_keys = MAX_KEPT_KEYS;
  self->count_budget_us = COUNT_BUDGET_US;
  self->first_rows_budget_us = FIRST_ROWS_BUDGET_US;
}

OporaListModel *
opora_list_model_new (OporaStore          *store,
                      GType                item_type,
                      const char          *row_sql,
                      OporaListRowFunc     read_row,
                      const char * const  *watched_tables)
{
  OporaListModel *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (row_sql != NULL && read_row != NULL, NULL);

  self = g_object_new (OPORA_TYPE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->row_sql = g_strdup (row_sql);
  self->read_row = read_row;
  self->watched_tables = g_strdupv ((char **) watched_tables);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  return self;
}

static gboolean
same_params (GPtrArray *a,
             GPtrArray *b)
{
  guint n_a = a ? a->len : 0, n_b = b ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (!g_variant_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

void
opora_list_model_set_query (OporaListModel *self,
                            const char     *from_where,
                            GPtrArray      *params,
                            const char     *key,
                            const char     *order_by,
                            const char     *reverse_order_by)
{
  opora_list_model_set_scan_query (self, from_where, NULL, params, key, order_by,
                                   reverse_order_by);
}

static char *
keys_sql_for (const char *key,
              const char *from_where,
              const char *order_by)
{
  if (from_where == NULL)
    return NULL;
  return g_strdup_printf ("SELECT %s %s ORDER BY %s LIMIT ? OFFSET ?", key, from_where,
                          order_by);
}

void
opora_list_model_set_scan_query (OporaListModel *self,
                                 const char     *from_where,
                                 const char     *scan_from_where,
                                 GPtrArray      *params,
                                 const char     *key,
                                 const char     *order_by,
                                 const char     *reverse_order_by)
{
  g_autofree char *keys_sql = NULL;
  g_autofree char *scan_keys_sql = NULL;

  g_return_if_fail (OPORA_IS_LIST_MODEL (self));
  g_return_if_fail (from_where != NULL && key != NULL);
  g_return_if_fail (order_by != NULL && reverse_order_by != NULL);

  keys_sql = keys_sql_for (key, from_where, order_by);
  scan_keys_sql = keys_sql_for (key, scan_from_where, order_by);
  /* Asked again for what it shows (a filter told its choice again, a sort set to the
   * order it has): a reload would count a million rows and the view make its rows anew. */
  if (g_strcmp0 (keys_sql, self->keys_sql) == 0
      && g_strcmp0 (scan_keys_sql, self->scan_keys_sql) == 0
      && same_params (params, self->params))
    return;

  g_free (self->count_sql);
  g_free (self->keys_sql);
  g_free (self->reverse_keys_sql);
  g_free (self->scan_keys_sql);
  g_free (self->scan_reverse_keys_sql);
  self->count_sql = g_strdup_printf ("SELECT count(*) %s", from_where);
  self->keys_sql = g_steal_pointer (&keys_sql);
  self->reverse_keys_sql = keys_sql_for (key, from_where, reverse_order_by);
  self->scan_keys_sql = g_steal_pointer (&scan_keys_sql);
  self->scan_reverse_keys_sql = keys_sql_for (key, scan_from_where, reverse_order_by);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  if (params != NULL)
    self->params = g_ptr_array_ref (params);

  opora_list_model_reload (self);
}

void
opora_list_model_reload (OporaListModel *self)
{
  GArray *first = NULL;
  gboolean counted_in_time = FALSE;
  guint counted = 0;
  guint old_n;

  g_return_if_fail (OPORA_IS_LIST_MODEL (self));

  old_n = self->n_items;
  cancel_completion (self);
  self->generation++;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);

  /* Told as one change, a GtkSingleSelection (GTK 4.8) whose selected row is among those
   * removed looks for it, by pointer, in every row added: it would read the whole list,
   * a million rows, and keep them. All gone, then all new, it reads one row. */
  self->n_items = 0;
  if (old_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  g_clear_pointer (&self->keys, g_array_unref);
  self->scanning = FALSE;

  /* A search that matches many rows, too many to count at once (35,000 of a million
   * take a third of a second): its first rows are found by walking the order's index and
   * shown, and the count goes on in a worker thread. A search that matches few rows is
   * counted and read here, within the time given. */
  if (self->scan_keys_sql != NULL && !count_rows_within (self, self->count_budget_us, &counted))
    first = read_first_keys (self);
  else if (self->scan_keys_sql != NULL)
    counted_in_time = TRUE;
  if (first != NULL)
    {
      self->scanning = TRUE;
      self->keys = first;
      self->n_items = first->len;
      if (first->len == FIRST_ROWS)
        start_completion (self);
    }
  else
    {
      /* Count first: reading keys in order before knowing how many there are would sort
       * a million rows whose order has no index. */
      self->n_items = counted_in_time ? counted : count_rows (self);
      if (self->keys_sql != NULL && self->n_items <= self->max_kept_keys)
        {
          self->keys = read_keys (self, FALSE, self->n_items, 0);
          self->n_items = self->keys->len;
        }
    }
  if (self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

void
opora_list_model_set_budgets (OporaListModel *self,
                              gint64          count_us,
                              gint64          first_rows_us)
{
  g_return_if_fail (OPORA_IS_LIST_MODEL (self));
  g_return_if_fail (count_us > 0 && first_rows_us > 0);

  self->count_budget_us = count_us;
  self->first_rows_budget_us = first_rows_us;
}

void
opora_list_model_set_max_kept_keys (OporaListModel *self,
                                    guint           max_kept_keys)
{
  g_return_if_fail (OPORA_IS_LIST_MODEL (self));
  self->max_kept_keys = max_kept_keys;
}

gboolean
opora_list_model_is_counted (OporaListModel *self)
{
  g_return_val_if_fail (OPORA_IS_LIST_MODEL (self), FALSE);
  return self->completion == NULL;
}
