#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-paced-model.h"
#include "opora-registry-page.h"
#include "opora-row-recycler.h"
#include "opora-window.h"

/* A page may be gone while its toast still shows in the window: Undo then does nothing. */
#define MAX_PENDING    20
#define UNDO_LIST_KEY  "opora-undo-list"
#define SERIAL_KEY     "opora-undo-serial"

void
opora_registry_page_show_toast (GtkWidget       *page,
                                AdwToastOverlay *fallback,
                                AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (page);

  /* In the main window toasts float over the whole content, where every page shows them. */
  if (OPORA_IS_WINDOW (root))
    opora_window_add_toast (OPORA_WINDOW (root), toast);
  else
    adw_toast_overlay_add_toast (fallback, toast);
}

void
opora_registry_page_show_error (GtkWidget       *page,
                                AdwToastOverlay *fallback,
                                const GError    *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  opora_registry_page_show_toast (page, fallback, toast);
}

/* The selection's row before its last change: a row the store read again (an edit saved)
 * is told as removed and added at its place, and GtkSingleSelection (GTK 4.8) then drops
 * it, the new row being another object. */
typedef struct
{
  guint selected;
  guint before;
} Kept;

static void
selected_changed_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     Kept               *kept)
{
  kept->before = kept->selected;
  kept->selected = gtk_single_selection_get_selected (selection);
}

/* Connected after the selection's own handler, so it sees what the selection made of it. */
static void
rows_changed_cb (GListModel         *model,
                 guint               position,
                 guint               removed,
                 guint               added,
                 GtkSingleSelection *selection)
{
  Kept *kept = g_object_get_data (G_OBJECT (selection), "opora-kept-selection");

  if (removed == 1 && added == 1 && kept->before == position
      && gtk_single_selection_get_selected (selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, position);
}

void
opora_registry_page_set_list (GtkSingleSelection *selection,
                              GListModel         *list,
                              GtkColumnView      *view)
{
  g_autoptr(OporaPacedModel) paced = NULL;
  Kept *kept;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (G_IS_LIST_MODEL (list));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  paced = opora_paced_model_new (list, GTK_WIDGET (view), OPORA_PACED_ROWS);
  gtk_single_selection_set_model (selection, G_LIST_MODEL (paced));
  /* The view keeps its rows' widgets from one list to the next (a search). */
  if (!OPORA_IS_ROW_RECYCLER (gtk_column_view_get_model (view)))
    {
      g_autoptr(OporaRowRecycler) recycler =
        opora_row_recycler_new (GTK_SELECTION_MODEL (selection), GTK_WIDGET (view));

      gtk_column_view_set_model (view, GTK_SELECTION_MODEL (recycler));
    }

  kept = g_new (Kept, 1);
  kept->selected = kept->before = gtk_single_selection_get_selected (selection);
  g_object_set_data_full (G_OBJECT (selection), "opora-kept-selection", kept, g_free);
  g_signal_connect (selection, "notify::selected", G_CALLBACK (selected_changed_cb), kept);
  g_signal_connect_object (paced, "items-changed", G_CALLBACK (rows_changed_cb), selection, 0);
}

typedef struct
{
  guint          serial;
  OporaDeletion *deletion;
} Pending;

struct _OporaUndoList
{
  GtkWidget       *page;     /* owns the list */
  AdwToastOverlay *fallback;
  OporaStore      *store;
  char            *undo_action;
  GPtrArray       *pending;  /* Pending, newest last */
  guint            last_serial;
};

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  opora_deletion_free (pending->deletion);
  g_free (pending);
}

static void
update_action (OporaUndoList *self)
{
  gtk_widget_action_set_enabled (self->page, self->undo_action, self->pending->len > 0);
}

static void
undo_at (OporaUndoList *self,
         guint          index)
{
  g_autoptr(GError) error = NULL;
  Pending *pending = g_ptr_array_steal_index (self->pending, index);

  if (!opora_store_undo_deletion (self->store, pending->deletion, &error))
    opora_registry_page_show_error (self->page, self->fallback, error);
  pending_free (pending);
  update_action (self);
}

static void
toast_button_clicked_cb (AdwToast  *toast,
                         GtkWidget *page)
{
  OporaUndoList *self = g_object_get_data (G_OBJECT (page), UNDO_LIST_KEY);
  guint serial = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), SERIAL_KEY));

  if (self == NULL)
    return;
  /* Undone already (by the action), or too old to keep: nothing left to put back. */
  for (guint i = 0; i < self->pending->len; i++)
    if (((Pending *) g_ptr_array_index (self->pending, i))->serial == serial)
      {
        undo_at (self, i);
        return;
      }
}

OporaUndoList *
opora_undo_list_new (GtkWidget       *page,
                     AdwToastOverlay *fallback,
                     OporaStore      *store,
                     const char      *undo_action)
{
  OporaUndoList *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  self = g_new0 (OporaUndoList, 1);
  self->page = page;
  self->fallback = fallback;
  self->store = g_object_ref (store);
  self->undo_action = g_strdup (undo_action);
  self->pending = g_ptr_array_new_with_free_func (pending_free);
  g_object_set_data (G_OBJECT (page), UNDO_LIST_KEY, self);
  update_action (self);
  return self;
}

void
opora_undo_list_free (OporaUndoList *self)
{
  if (self == NULL)
    return;
  g_object_set_data (G_OBJECT (self->page), UNDO_LIST_KEY, NULL);
  g_ptr_array_unref (self->pending);
  g_object_unref (self->store);
  g_free (self->undo_action);
  g_free (self);
}

void
opora_undo_list_push (OporaUndoList *self,
                      OporaDeletion *deletion,
                      const char    *title)
{
  Pending *pending;
  AdwToast *toast;

  g_return_if_fail (self != NULL && deletion != NULL);

  pending = g_new0 (Pending, 1);
  pending->serial = ++self->last_serial;
  pending->deletion = deletion;
  g_ptr_array_add (self->pending, pending);
  if (self->pending->len > MAX_PENDING)
    g_ptr_array_remove_index (self->pending, 0);
  update_action (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), SERIAL_KEY, GUINT_TO_POINTER (pending->serial));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb),
                           self->page, 0);
  opora_registry_page_show_toast (self->page, self->fallback, toast);
}

gboolean
opora_undo_list_delete_record (OporaUndoList *self,
                               const char    *table,
                               gint64         id,
                               const char    *title)
{
  g_autoptr(GError) error = NULL;
  OporaDeletion *deletion;

  g_return_val_if_fail (self != NULL && table != NULL && title != NULL, FALSE);

  deletion = opora_store_delete_record (self->store, table, id, &error);
  if (deletion == NULL)
    {
      opora_registry_page_show_error (self->page, self->fallback, error);
      return FALSE;
    }
  opora_undo_list_push (self, deletion, title);
  return TRUE;
}

gboolean
opora_undo_list_can_undo (OporaUndoList *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->pending->len > 0;
}

void
opora_undo_list_undo_last (OporaUndoList *self)
{
  g_return_if_fail (self != NULL);

  if (self->pending->len > 0)
    undo_at (self, self->pending->len - 1);
}

void
opora_registry_page_present_editor (GtkWidget *page,
                                    GtkWindow *editor)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (GTK_IS_WINDOW (editor));

  root = gtk_widget_get_root (page);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (editor, GTK_WINDOW (root));
  gtk_window_present (editor);
}
