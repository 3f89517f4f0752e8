/* See opora-row-recycler.h. */
#define G_LOG_DOMAIN "opora-ui"

#include "opora-row-recycler.h"

/* A change that removes rows and adds more than this many is told in two: GTK 4.8 looks
 * for a removed row it follows (the focused one, say) in every row added, asking the model
 * for each. */
#define MAX_ADDED_WITH_REMOVED 256
/* Old rows kept below a new list's first screenful until they are brought up to date: as
 * many as GTK 4.8 keeps widgets for, and some. */
#define STALE_ROWS 256
/* How long they may wait for more of the new list (its count on a million rows). */
#define STALE_MS 600

struct _OporaRow
{
  GObject           parent_instance;
  GObject          *record;
  OporaRowRecycler *owner;     /* not referenced; NULL once the row left the list */
  guint             position;
};

enum { ROW_PROP_0, ROW_PROP_RECORD, N_ROW_PROPS };
static GParamSpec *row_props[N_ROW_PROPS];

G_DEFINE_FINAL_TYPE (OporaRow, opora_row, G_TYPE_OBJECT)

struct _OporaRowRecycler
{
  GObject            parent_instance;
  GtkSelectionModel *model;
  GtkWidget         *view;      /* weak */
  GHashTable        *rows;      /* position → OporaRow the view holds (not referenced) */
  guint              n_items;   /* as told to the view */
  guint              fresh;     /* rows [0, fresh) are the model's; the rest are stale */
  gboolean           resetting; /* the model removed every row; its new ones are to come */
  guint              flush_id;
  guint              stale_id;
  GtkAdjustment     *vadjustment; /* the view's, watched for a scroll */
};

static void list_model_iface_init (GListModelInterface *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OporaRowRecycler, opora_row_recycler, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      selection_model_iface_init))

/* ---- OporaRow ---- */

static void
opora_row_finalize (GObject *object)
{
  OporaRow *self = OPORA_ROW (object);

  if (self->owner != NULL
      && g_hash_table_lookup (self->owner->rows, GUINT_TO_POINTER (self->position)) == self)
    g_hash_table_remove (self->owner->rows, GUINT_TO_POINTER (self->position));
  g_clear_object (&self->record);
  G_OBJECT_CLASS (opora_row_parent_class)->finalize (object);
}

static void
opora_row_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_RECORD:
      g_value_set_object (value, OPORA_ROW (object)->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_row_class_init (OporaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = opora_row_finalize;
  object_class->get_property = opora_row_get_property;
  row_props[ROW_PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, G_TYPE_OBJECT,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_props);
}

static void
opora_row_init (OporaRow *self)
{
}

GObject *
opora_row_get_record (OporaRow *self)
{
  g_return_val_if_fail (OPORA_IS_ROW (self), NULL);
  return self->record;
}

GObject *
opora_row_record_of (gpointer item)
{
  if (item != NULL && OPORA_IS_ROW (item))
    return OPORA_ROW (item)->record;
  return item;
}

static void
row_set_record (OporaRow *self,
                GObject  *record)
{
  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), row_props[ROW_PROP_RECORD]);
}

/* ---- the list ---- */

static GType
opora_row_recycler_get_item_type (GListModel *list)
{
  return OPORA_TYPE_ROW;
}

static guint
opora_row_recycler_get_n_items (GListModel *list)
{
  return OPORA_ROW_RECYCLER (list)->n_items;
}

static gpointer
opora_row_recycler_get_item (GListModel *list,
                             guint       position)
{
  OporaRowRecycler *self = OPORA_ROW_RECYCLER (list);
  OporaRow *row;

  if (position >= self->n_items)
    return NULL;
  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row == NULL)
    {
      row = g_object_new (OPORA_TYPE_ROW, NULL);
      row->owner = self;
      row->position = position;
      g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
    }
  else
    g_object_ref (row);
  /* A stale row keeps what it showed until it is brought up to date. */
  if (!self->resetting && position < self->fresh)
    {
      g_autoptr(GObject) record = g_list_model_get_item (G_LIST_MODEL (self->model), position);

      row_set_record (row, record);
    }
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = opora_row_recycler_get_item_type;
  iface->get_n_items = opora_row_recycler_get_n_items;
  iface->get_item = opora_row_recycler_get_item;
}

/* Tells the view that @removed rows at @position became @added: the rows in places both
 * had stay (the view keeps their widgets and binds them again), those past the new end
 * leave, those after move. Rows from @fresh_after on keep what they show till then. */
static void
tell (OporaRowRecycler *self,
      guint             position,
      guint             removed,
      guint             added,
      guint             fresh_after)
{
  g_autoptr(GPtrArray) rows = NULL;
  GHashTableIter iter;
  gpointer value;

  if (removed == 0 && added == 0)
    {
      self->fresh = fresh_after;
      return;
    }
  if (removed > 0 && added > MAX_ADDED_WITH_REMOVED)
    {
      tell (self, position, removed, MAX_ADDED_WITH_REMOVED,
            MIN (fresh_after, position + MAX_ADDED_WITH_REMOVED));
      tell (self, position + MAX_ADDED_WITH_REMOVED, 0, added - MAX_ADDED_WITH_REMOVED,
            fresh_after);
      return;
    }

  rows = g_ptr_array_sized_new (g_hash_table_size (self->rows));
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (rows, value);
  g_hash_table_steal_all (self->rows);
  for (guint i = 0; i < rows->len; i++)
    {
      OporaRow *row = g_ptr_array_index (rows, i);

      if (row->position >= position + removed)
        row->position = row->position - removed + added;
      else if (row->position >= position + added)
        {
          row->owner = NULL; /* gone from the list */
          continue;
        }
      g_hash_table_insert (self->rows, GUINT_TO_POINTER (row->position), row);
    }
  self->n_items = self->n_items - removed + added;
  self->fresh = MIN (fresh_after, self->n_items);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Rows a view of its height shows, with a margin (a row is at least 18 px high). */
static guint
rows_on_screen (OporaRowRecycler *self)
{
  int height = self->view != NULL ? gtk_widget_get_height (self->view) : 0;

  return height > 0 ? (guint) height / 18 + 2 : 48;
}

static gboolean bring_up_to_date_cb (gpointer data);

/* The view's rows from @from on become the model's, which has @n_model rows; the view's
 * rows before @from are the model's already. With @keep_stale, while the model has a
 * screenful and fewer rows than the view, the view's rows past the model's end are kept,
 * stale and unseen, for the model's rows still to come (or removed STALE_MS later). */
static void
follow_model (OporaRowRecycler *self,
              guint             from,
              guint             n_model,
              gboolean          keep_stale)
{
  g_clear_handle_id (&self->stale_id, g_source_remove);
  from = MIN (from, n_model);
  if (keep_stale && n_model < self->n_items && n_model >= rows_on_screen (self))
    {
      /* Past STALE_ROWS no row has a widget: those go at once. */
      if (self->n_items > n_model + STALE_ROWS)
        tell (self, n_model + STALE_ROWS, self->n_items - n_model - STALE_ROWS, 0, from);
      tell (self, from, n_model - from, n_model - from, n_model);
      self->stale_id = g_timeout_add (STALE_MS, bring_up_to_date_cb, self);
      return;
    }
  tell (self, from, self->n_items - from, n_model - from, n_model);
}

static gboolean
bring_up_to_date_cb (gpointer data)
{
  OporaRowRecycler *self = data;

  self->stale_id = 0;
  follow_model (self, self->fresh, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                FALSE);
  return G_SOURCE_REMOVE;
}

/* Scrolled while old rows wait below: they may come into sight, so they go at once —
 * once GTK is done with the layout that may have moved the adjustment. */
static void
scrolled_cb (GtkAdjustment    *adjustment,
             OporaRowRecycler *self)
{
  if (self->stale_id != 0)
    {
      g_source_remove (self->stale_id);
      self->stale_id = g_idle_add_full (G_PRIORITY_HIGH, bring_up_to_date_cb, self, NULL);
    }
}

/* The model removed every row and no new ones came with the same turn of the main loop:
 * the list is empty. */
static gboolean
flush_cb (gpointer data)
{
  OporaRowRecycler *self = data;

  self->flush_id = 0;
  self->resetting = FALSE;
  follow_model (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)), FALSE);
  return G_SOURCE_REMOVE;
}

static void
model_items_changed_cb (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        OporaRowRecycler *self)
{
  guint n_model = g_list_model_get_n_items (model);

  if (self->resetting)
    {
      /* The new list after the old one went: the view's rows take the new ones. */
      g_clear_handle_id (&self->flush_id, g_source_remove);
      self->resetting = FALSE;
      follow_model (self, 0, n_model, TRUE);
      return;
    }
  if (position == 0 && added == 0 && n_model == 0 && removed > 0 && self->n_items > 0)
    {
      /* "All gone, then all new" (see opora_list_model_reload): wait for the new. */
      self->resetting = TRUE;
      self->fresh = 0;
      self->flush_id = g_idle_add_full (G_PRIORITY_HIGH, flush_cb, self, NULL);
      return;
    }
  if (self->fresh < self->n_items)
    {
      /* Stale rows below: the view follows the model from the first row either changed. */
      follow_model (self, MIN (position, self->fresh), n_model, TRUE);
      return;
    }
  tell (self, position, removed, added, n_model);
}

/* ---- the selection: the model's ---- */

static gboolean
opora_row_recycler_is_selected (GtkSelectionModel *model,
                                guint              position)
{
  OporaRowRecycler *self = OPORA_ROW_RECYCLER (model);

  return position < self->fresh && !self->resetting
         && gtk_selection_model_is_selected (self->model, position);
}

static GtkBitset *
opora_row_recycler_get_selection_in_range (GtkSelectionModel *model,
                                           guint              position,
                                           guint              n_items)
{
  OporaRowRecycler *self = OPORA_ROW_RECYCLER (model);
  guint fresh = self->resetting ? 0 : self->fresh;

  if (position >= fresh)
    return gtk_bitset_new_empty ();
  return gtk_selection_model_get_selection_in_range (self->model, position,
                                                     MIN (n_items, fresh - position));
}

static gboolean
opora_row_recycler_select_item (GtkSelectionModel *model,
                                guint              position,
                                gboolean           unselect_rest)
{
  return gtk_selection_model_select_item (OPORA_ROW_RECYCLER (model)->model, position,
                                          unselect_rest);
}

static gboolean
opora_row_recycler_unselect_item (GtkSelectionModel *model,
                                  guint              position)
{
  return gtk_selection_model_unselect_item (OPORA_ROW_RECYCLER (model)->model, position);
}

static gboolean
opora_row_recycler_select_range (GtkSelectionModel *model,
                                 guint              position,
                                 guint              n_items,
                                 gboolean           unselect_rest)
{
  return gtk_selection_model_select_range (OPORA_ROW_RECYCLER (model)->model, position,
                                           n_items, unselect_rest);
}

static gboolean
opora_row_recycler_unselect_range (GtkSelectionModel *model,
                                   guint              position,
                                   guint              n_items)
{
  return gtk_selection_model_unselect_range (OPORA_ROW_RECYCLER (model)->model, position,
                                             n_items);
}

static gboolean
opora_row_recycler_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (OPORA_ROW_RECYCLER (model)->model);
}

static gboolean
opora_row_recycler_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (OPORA_ROW_RECYCLER (model)->model);
}

static gboolean
opora_row_recycler_set_selection (GtkSelectionModel *model,
                                  GtkBitset         *selected,
                                  GtkBitset         *mask)
{
  return gtk_selection_model_set_selection (OPORA_ROW_RECYCLER (model)->model, selected, mask);
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = opora_row_recycler_is_selected;
  iface->get_selection_in_range = opora_row_recycler_get_selection_in_range;
  iface->select_item = opora_row_recycler_select_item;
  iface->unselect_item = opora_row_recycler_unselect_item;
  iface->select_range = opora_row_recycler_select_range;
  iface->unselect_range = opora_row_recycler_unselect_range;
  iface->select_all = opora_row_recycler_select_all;
  iface->unselect_all = opora_row_recycler_unselect_all;
  iface->set_selection = opora_row_recycler_set_selection;
}

static void
model_selection_changed_cb (GtkSelectionModel *model,
                            guint              position,
                            guint              n_items,
                            OporaRowRecycler  *self)
{
  if (position >= self->n_items)
    return;
  gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                         MIN (n_items, self->n_items - position));
}

/* ---- the object ---- */

static void
opora_row_recycler_dispose (GObject *object)
{
  OporaRowRecycler *self = OPORA_ROW_RECYCLER (object);
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_handle_id (&self->stale_id, g_source_remove);
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      g_clear_object (&self->model);
    }
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, scrolled_cb, self);
      g_clear_object (&self->vadjustment);
    }
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    OPORA_ROW (row)->owner = NULL;
  g_hash_table_remove_all (self->rows);

  G_OBJECT_CLASS (opora_row_recycler_parent_class)->dispose (object);
}

static void
opora_row_recycler_finalize (GObject *object)
{
  g_hash_table_unref (OPORA_ROW_RECYCLER (object)->rows);
  G_OBJECT_CLASS (opora_row_recycler_parent_class)->finalize (object);
}

static void
opora_row_recycler_class_init (OporaRowRecyclerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = opora_row_recycler_dispose;
  object_class->finalize = opora_row_recycler_finalize;
}

static void
opora_row_recycler_init (OporaRowRecycler *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
}

OporaRowRecycler *
opora_row_recycler_new (GtkSelectionModel *model,
                        GtkWidget         *view)
{
  OporaRowRecycler *self;

  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  self = g_object_new (OPORA_TYPE_ROW_RECYCLER, NULL);
  self->model = g_object_ref (model);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  if (GTK_IS_SCROLLABLE (view)
      && (self->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))) != NULL)
    {
      g_object_ref (self->vadjustment);
      g_signal_connect (self->vadjustment, "value-changed", G_CALLBACK (scrolled_cb), self);
    }
  self->n_items = self->fresh = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  g_signal_connect (model, "selection-changed", G_CALLBACK (model_selection_changed_cb), self);
  return self;
}

GtkSelectionModel *
opora_row_recycler_get_model (OporaRowRecycler *self)
{
  g_return_val_if_fail (OPORA_IS_ROW_RECYCLER (self), NULL);
  return self->model;
}
