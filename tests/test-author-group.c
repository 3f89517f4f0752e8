/* Preferences' "Who I am": the chosen staff member becomes the author of changes. */
#include <adwaita.h>

#include "opora-author-group.h"
#include "opora-person.h"
#include "opora-staff.h"
#include "opora-store-persons.h"
#include "opora-store-records.h"
#include "opora-store-staff.h"
#include "opora-test-util.h"

static AdwComboRow *
find_combo_row (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *row = find_combo_row (child);
      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
record_author (const char  *table,
               GVariant    *record,
               gpointer     user_data,
               GError     **error)
{
  g_variant_lookup (record, "created_by", "x", user_data);
  return TRUE;
}

static void
test_choose_author (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  g_autoptr(OporaPerson) person = opora_person_new ();
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group;
  AdwComboRow *row;
  gint64 created_by = -1;

  if (!opora_test_init_gtk ())
    return;
  adw_init ();

  opora_staff_set_full_name (staff, "Буглак Мария Викторовна");
  opora_staff_set_position (staff, OPORA_POSITION_FAMILY_SPECIALIST);
  g_assert_true (opora_store_save_staff (store, staff, &error));
  g_assert_no_error (error);

  group = g_object_ref_sink (opora_author_group_new (store));
  row = find_combo_row (GTK_WIDGET (group));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (opora_store_get_author (store), ==, 0);

  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (opora_store_get_author (store), ==, opora_staff_get_id (staff));

  opora_person_set_surname (person, "Иванов");
  opora_person_set_name (person, "Иван");
  opora_person_set_sex (person, OPORA_SEX_MALE);
  g_assert_true (opora_store_save_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_true (opora_store_foreach_record (store, "person", record_author, &created_by,
                                             &error));
  g_assert_cmpint (created_by, ==, opora_staff_get_id (staff));

  /* A new group shows who is chosen now. */
  g_object_unref (group);
  group = g_object_ref_sink (opora_author_group_new (store));
  g_assert_cmpuint (adw_combo_row_get_selected (find_combo_row (GTK_WIDGET (group))), ==, 1);

  g_object_unref (group);
  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/author-group/choose", test_choose_author);
  return g_test_run ();
}
