/* The institution's details: one row, loaded and saved whole. */
#include "opora-error.h"
#include "opora-store-institution.h"
#include "opora-test-util.h"

static void
changed_cb (OporaStore *store,
            const char *table,
            GPtrArray  *tables)
{
  g_ptr_array_add (tables, g_strdup (table));
}

static void
test_fresh_database_has_empty_details (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaInstitution) institution = opora_store_load_institution (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (institution);
  g_assert_cmpstr (opora_institution_get_full_name (institution), ==, "");
  g_assert_cmpstr (opora_institution_get_city (institution), ==, "");
  g_assert_cmpstr (opora_institution_get_display_name (institution), ==, "");

  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static void
test_save_survives_reopening (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autofree char *path = g_strdup (opora_store_get_path (store));
  g_autoptr(OporaInstitution) institution = opora_institution_new ();
  g_autoptr(OporaInstitution) loaded = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_object_set (institution,
                "full-name", "БУ «Югорский комплексный центр социального обслуживания населения»",
                "short-name", "БУ «Югорский КЦСОН»",
                "address", "ул. Механизаторов, 6",
                "phone", "+7 34675 7-00-00",
                "city", "Югорск",
                NULL);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), tables);

  g_assert_true (opora_store_save_institution (store, institution, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (tables, 0), ==, "institution");

  /* A second connection sees what the first committed. */
  g_clear_object (&store);
  store = opora_store_open (path, OPORA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = opora_store_load_institution (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_institution_get_full_name (loaded), ==,
                   opora_institution_get_full_name (institution));
  g_assert_cmpstr (opora_institution_get_short_name (loaded), ==, "БУ «Югорский КЦСОН»");
  g_assert_cmpstr (opora_institution_get_address (loaded), ==, "ул. Механизаторов, 6");
  g_assert_cmpstr (opora_institution_get_phone (loaded), ==, "+7 34675 7-00-00");
  g_assert_cmpstr (opora_institution_get_city (loaded), ==, "Югорск");
  g_assert_cmpstr (opora_institution_get_display_name (loaded), ==, "БУ «Югорский КЦСОН»");

  /* Clearing a field stores an empty text, which the schema requires (NOT NULL). */
  opora_institution_set_short_name (loaded, NULL);
  g_assert_cmpstr (opora_institution_get_short_name (loaded), ==, "");
  g_assert_true (opora_store_save_institution (store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&institution);
  institution = opora_store_load_institution (store, &error);
  g_assert_cmpstr (opora_institution_get_short_name (institution), ==, "");
  g_assert_cmpstr (opora_institution_get_display_name (institution), ==,
                   opora_institution_get_full_name (institution));

  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static void
test_read_only_store_refuses (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autofree char *path = g_strdup (opora_store_get_path (store));
  g_autoptr(OporaInstitution) institution = opora_institution_new ();
  g_autoptr(OporaInstitution) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  store = opora_store_open (path, OPORA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  opora_institution_set_city (institution, "Ханты-Мансийск");
  g_assert_false (opora_store_save_institution (store, institution, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY);
  g_clear_error (&error);

  loaded = opora_store_load_institution (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_institution_get_city (loaded), ==, "");

  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static void
count_notify_cb (OporaInstitution *institution,
                 GParamSpec       *pspec,
                 guint            *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(OporaInstitution) institution = opora_institution_new ();
  guint notified = 0;

  g_signal_connect (institution, "notify::city", G_CALLBACK (count_notify_cb), &notified);
  opora_institution_set_city (institution, "Югорск");
  g_assert_cmpuint (notified, ==, 1);
  opora_institution_set_city (institution, "Югорск");
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (institution, "city", NULL, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (opora_institution_get_city (institution), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/institution/fresh-is-empty", test_fresh_database_has_empty_details);
  g_test_add_func ("/institution/save-and-reopen", test_save_survives_reopening);
  g_test_add_func ("/institution/read-only-refuses", test_read_only_store_refuses);
  g_test_add_func ("/institution/notify-on-change", test_notify_only_on_change);
  return g_test_run ();
}
