#define G_LOG_DOMAIN "opora-store"

#include "opora-list-model-private.h"

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

int
opora_list_model_over_budget (void *data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Counts the list into @n; with @budget_us, gives up (FALSE) when that takes longer. */
gboolean
opora_list_model_count_within (OporaListModel *self,
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
    sqlite3_progress_handler (db, 1000, opora_list_model_over_budget, &deadline);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n = (guint) sqlite3_column_int64 (stmt, 0);
  if (budget_us > 0)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

guint
opora_list_model_count (OporaListModel *self)
{
  guint n;

  opora_list_model_count_within (self, 0, &n);
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

GObject *
opora_list_model_read_item (OporaListModel *self,
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
GArray *
opora_list_model_read_keys (OporaListModel *self,
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
    keys = opora_list_model_read_keys (self, from_end, count,
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
      GObject *item = opora_list_model_read_item (self, key, &hash);

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

static void
store_changed_cb (OporaStore     *store,
                  const char     *table,
                  OporaListModel *self)
{
  if (self->watched_tables && g_strv_contains ((const char * const *) self->watched_tables, table)
      && !opora_list_model_refresh_in_place (self))
    opora_list_model_reload (self);
}

static void
opora_list_model_dispose (GObject *object)
{
  OporaListModel *self = (OporaListModel *)object;

  if (self->store != NULL)
    {
      opora_list_model_cancel_completion (self);
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
  g_clear_pointer (&self->quick_scan_keys_sql, g_free);
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
  self->quick_scan_budget_us = QUICK_SCAN_BUDGET_US;
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
  opora_list_model_set_scan_query (self, from_where, NULL, NULL, params, key, order_by,
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
                                 const char     *quick_scan_from_where,
                                 GPtrArray      *params,
                                 const char     *key,
                                 const char     *order_by,
                                 const char     *reverse_order_by)
{
  g_autofree char *keys_sql = NULL;
  g_autofree char *scan_keys_sql = NULL;
  g_autofree char *quick_scan_keys_sql = NULL;

  g_return_if_fail (OPORA_IS_LIST_MODEL (self));
  g_return_if_fail (from_where != NULL && key != NULL);
  g_return_if_fail (order_by != NULL && reverse_order_by != NULL);

  keys_sql = keys_sql_for (key, from_where, order_by);
  scan_keys_sql = keys_sql_for (key, scan_from_where, order_by);
  quick_scan_keys_sql = scan_from_where != NULL
                        ? keys_sql_for (key, quick_scan_from_where, order_by) : NULL;
  /* Asked again for what it shows (a filter told its choice again, a sort set to the
   * order it has): a reload would count a million rows and the view make its rows anew. */
  if (g_strcmp0 (keys_sql, self->keys_sql) == 0
      && g_strcmp0 (scan_keys_sql, self->scan_keys_sql) == 0
      && g_strcmp0 (quick_scan_keys_sql, self->quick_scan_keys_sql) == 0
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
  g_free (self->quick_scan_keys_sql);
  self->quick_scan_keys_sql = g_steal_pointer (&quick_scan_keys_sql);
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
  opora_list_model_cancel_completion (self);
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
   * shown, and the count goes on in a worker thread. A search by names is walked first,
   * briefly, testing each row on its own: counting «ив», or walking with the index's
   * matches, cannot even be cut short while the index reads its 126,000 persons. A search
   * that matches few rows is then counted and read here, within the time given; one that
   * matches too many for that, but too few for the brief walk, is walked longer with the
   * index's matches (read once, then a lookup a row: ten times faster a row). */
  if (self->scan_keys_sql != NULL)
    {
      /* A search typed on after one that matched few rows matches fewer: the brief walk
       * would not find a page, and its time would be lost. */
      if (self->quick_scan_keys_sql != NULL && !self->last_search_was_narrow)
        first = opora_list_model_read_first_keys (self, self->quick_scan_keys_sql,
                                                  self->quick_scan_budget_us);
      if (first == NULL && opora_list_model_count_within (self, self->count_budget_us,
                                                          &counted))
        counted_in_time = TRUE;
      else if (first == NULL)
        first = opora_list_model_read_first_keys (self, self->scan_keys_sql,
                                                  self->first_rows_budget_us);
    }
  if (first != NULL)
    {
      self->scanning = TRUE;
      self->keys = first;
      self->n_items = first->len;
      if (first->len == FIRST_ROWS)
        opora_list_model_start_completion (self);
    }
  else
    {
      /* Count first: reading keys in order before knowing how many there are would sort
       * a million rows whose order has no index. */
      self->n_items = counted_in_time ? counted : opora_list_model_count (self);
      if (self->keys_sql != NULL && self->n_items <= self->max_kept_keys)
        {
          self->keys = opora_list_model_read_keys (self, FALSE, self->n_items, 0);
          self->n_items = self->keys->len;
        }
    }
  opora_list_model_note_counted (self);
  if (self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

void
opora_list_model_set_budgets (OporaListModel *self,
                              gint64          quick_scan_us,
                              gint64          count_us,
                              gint64          first_rows_us)
{
  g_return_if_fail (OPORA_IS_LIST_MODEL (self));
  g_return_if_fail (quick_scan_us > 0 && count_us > 0 && first_rows_us > 0);

  self->quick_scan_budget_us = quick_scan_us;
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
