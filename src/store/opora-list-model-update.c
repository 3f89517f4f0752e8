/* A lazy list after a change: a broad search's first rows found at once and the rest
 * counted on the store's reader in a worker thread; a save followed by the rows it changed
 * instead of a reload. See opora_list_model_reload(). */
#define G_LOG_DOMAIN "opora-store"

#include <string.h>

#include "opora-list-model-private.h"

/* The first FIRST_ROWS keys, found with @keys_sql (a scan: walking the index of the
 * list's order and testing each row), or fewer if the list ends before; NULL when that
 * takes longer than @budget_us (few rows match). */
GArray *
opora_list_model_read_first_keys (OporaListModel *self,
                                  const char     *keys_sql,
                                  gint64          budget_us)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = opora_store_get_db (self->store);
  int n_params = self->params ? (int) self->params->len : 0;
  gint64 deadline = g_get_monotonic_time () + budget_us;
  GArray *keys;
  sqlite3_stmt *stmt;
  int rc;

  stmt = opora_store_prepare (self->store, keys_sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot read a list's first keys: %s", error->message);
      return NULL;
    }
  opora_stmt_bind_params (stmt, self->params, 1);
  sqlite3_bind_int64 (stmt, n_params + 1, FIRST_ROWS);
  sqlite3_bind_int64 (stmt, n_params + 2, 0);

  keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), FIRST_ROWS);
  sqlite3_progress_handler (db, 1000, opora_list_model_over_budget, &deadline);
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

void
opora_list_model_note_counted (OporaListModel *self)
{
  self->last_search_was_narrow = self->scan_keys_sql != NULL && self->completion == NULL
                                 && self->n_items < NARROW_SEARCH_ROWS;
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

  /* The walk tests rows its own way (opora_person_match for the index): should it ever
   * have chosen other first rows than the count's, the count's are the list. */
  if (keys != NULL && self->keys != NULL
      && (keys->len < self->keys->len
          || memcmp (keys->data, self->keys->data, self->keys->len * sizeof (gint64)) != 0))
    {
      g_clear_pointer (&self->keys, g_array_unref);
      self->keys = keys;
      self->n_items = keys->len;
      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->lru);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, shown, self->n_items);
      return;
    }
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
  guint n = opora_list_model_count (self);

  install_completion (self, n,
                      n <= self->max_kept_keys ? opora_list_model_read_keys (self, FALSE, n, 0)
                                               : NULL);
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
      opora_list_model_note_counted (self);
      return;
    }
  install_completion (self, done->n_items, g_steal_pointer (&done->keys));
  completed_free (done);
  opora_list_model_note_counted (self);
}

void
opora_list_model_start_completion (OporaListModel *self)
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
  g_task_set_source_tag (task, opora_list_model_start_completion);
  g_task_set_task_data (task, job, completion_free);
  g_task_run_in_thread (task, complete_in_thread);
}

void
opora_list_model_cancel_completion (OporaListModel *self)
{
  if (self->completion == NULL)
    return;
  g_cancellable_cancel (self->completion);
  opora_store_reader_interrupt (self->store);
  g_clear_object (&self->completion);
}

/* The keys page @number would hold now, in the list's order. */
static GArray *
current_page_keys (OporaListModel *self,
                   guint           number)
{
  guint first = number * PAGE_SIZE;
  guint count = MIN (PAGE_SIZE, self->n_items - first);
  gboolean from_end = first > self->n_items / 2;
  GArray *keys = opora_list_model_read_keys (self, from_end, count,
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
gboolean
opora_list_model_refresh_in_place (OporaListModel *self)
{
  g_autoptr(GArray) changed = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->completion != NULL || self->keys_sql == NULL || self->n_items == 0)
    return FALSE;
  if (self->keys != NULL)
    {
      /* One key more than before tells a row added at the end. */
      g_autoptr(GArray) keys = opora_list_model_read_keys (self, FALSE, self->n_items + 1, 0);

      if (!same_keys (keys, self->keys))
        return FALSE;
    }
  else
    {
      if (opora_list_model_count (self) != self->n_items)
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
          gint64 key = g_array_index (page->keys, gint64, i);
          GObject *item = opora_list_model_read_item (self, key, &hash);
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

