#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-registry-page.h"
#include "opora-window.h"

/* A page may be gone while its toast still shows in the window: Undo then does nothing. */
#define MAX_PENDING    20
#define UNDO_LIST_KEY  "opora-undo-list"
#define SERIAL_KEY     "opora-undo-serial"
#define OFFER_KEY      "opora-offered-action"

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

typedef struct
{
  char      *section_name;
  char      *window_action;
  char      *page_action;
  GtkWidget *window; /* weak */
} Offer;

static void
offer_withdraw (Offer *offer)
{
  if (offer->window == NULL)
    return;
  g_action_map_remove_action (G_ACTION_MAP (offer->window), offer->window_action);
  g_object_remove_weak_pointer (G_OBJECT (offer->window), (gpointer *) &offer->window);
  offer->window = NULL;
}

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  offer_withdraw (offer);
  g_free (offer->section_name);
  g_free (offer->window_action);
  g_free (offer->page_action);
  g_free (offer);
}

static void
offered_action_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             GtkWidget     *page)
{
  Offer *offer = g_object_get_data (G_OBJECT (page), OFFER_KEY);
  GtkRoot *root = gtk_widget_get_root (page);

  if (offer == NULL)
    return;
  if (OPORA_IS_WINDOW (root))
    opora_window_show_page (OPORA_WINDOW (root), offer->section_name);
  gtk_widget_activate_action (page, offer->page_action, NULL);
}

static void
page_root_changed_cb (GtkWidget *page)
{
  Offer *offer = g_object_get_data (G_OBJECT (page), OFFER_KEY);
  GtkRoot *root = gtk_widget_get_root (page);
  g_autoptr(GSimpleAction) action = NULL;

  if (root != NULL && (GtkWidget *) root == offer->window)
    return;
  offer_withdraw (offer);
  if (!GTK_IS_APPLICATION_WINDOW (root))
    return;

  action = g_simple_action_new (offer->window_action, NULL);
  g_signal_connect_object (action, "activate", G_CALLBACK (offered_action_activated_cb), page,
                           0);
  g_action_map_add_action (G_ACTION_MAP (root), G_ACTION (action));
  offer->window = GTK_WIDGET (root);
  g_object_add_weak_pointer (G_OBJECT (root), (gpointer *) &offer->window);
}

void
opora_registry_page_offer_action (GtkWidget  *page,
                                  const char *section_name,
                                  const char *window_action,
                                  const char *page_action)
{
  Offer *offer;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (g_object_get_data (G_OBJECT (page), OFFER_KEY) == NULL);

  offer = g_new0 (Offer, 1);
  offer->section_name = g_strdup (section_name);
  offer->window_action = g_strdup (window_action);
  offer->page_action = g_strdup (page_action);
  g_object_set_data_full (G_OBJECT (page), OFFER_KEY, offer, offer_free);
  g_signal_connect (page, "notify::root", G_CALLBACK (page_root_changed_cb), NULL);
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
