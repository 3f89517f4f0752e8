#define G_LOG_DOMAIN "opora-author-group"

#include <glib/gi18n.h>

#include "opora-author-group.h"
#include "opora-staff.h"
#include "opora-store-staff.h"

/* The staff ids behind the combo's items; item 0 is "nobody". */
#define IDS_KEY "opora-author-ids"

static void
author_selected_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    OporaStore  *store)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (selected < ids->len)
    opora_store_set_author (store, g_array_index (ids, gint64, selected));
}

AdwPreferencesGroup *
opora_author_group_new (OporaStore *store)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AdwPreferencesGroup *group;
  GtkWidget *row;
  gint64 nobody = 0, author;
  guint selected = 0;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  author = opora_store_get_author (store);
  gtk_string_list_append (names, _("Nobody chosen"));
  g_array_append_val (ids, nobody);

  /* Staff are a few dozen at most: a snapshot of the active ones is enough here. */
  staff = opora_store_list_staff (store, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(OporaStaff) member = g_list_model_get_item (staff, i);
      gint64 id = opora_staff_get_id (member);

      gtk_string_list_append (names, opora_staff_get_full_name (member));
      g_array_append_val (ids, id);
      if (id == author)
        selected = ids->len - 1;
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Who I Am"));
  adw_preferences_group_set_description (group,
    _("The staff member at this desk is recorded as the author of every change."));

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Staff member"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who I am"), -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), IDS_KEY, ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (author_selected_cb), store, 0);
  adw_preferences_group_add (group, row);

  return group;
}
