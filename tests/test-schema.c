/* The store's connection: migrations from an empty file, refusals that leave files intact. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "opora-error.h"
#include "opora-schema.h"
#include "opora-store-indicators.h"
#include "opora-store-private.h"
#include "opora-test-util.h"

static void
test_migrate_from_empty (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (opora_store_get_schema_version (store), ==,
                   opora_store_get_latest_schema_version ());
  g_assert_true (opora_store_is_empty (store));
  g_assert_true (opora_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

/* Version 5 counts the peer.* indicators ahead of time: a database of version 4 with a
 * peer workflow gets its counts when it is opened, and keeps them from then on. */
static void
test_migrate_4_to_5 (void)
{
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v4.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OporaStore) store = NULL;
  /* denominators and numerators of the six peer.* of 2023, in catalogue order */
  const guint expected[][2] = { { 2, 1 }, { 1, 1 }, { 2, 1 }, { 1, 1 }, { 1, 1 }, { 1, 0 } };
  sqlite3 *db;
  char *app_id;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (opora_schema_migrate (db, 0, 4, &error));
  g_assert_no_error (error);
  app_id = g_strdup_printf ("PRAGMA application_id = %d;", OPORA_SQLITE_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (app_id);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO person (id, surname, name, sex) VALUES (1, 'Иванова', 'Анна', 'female'),"
    " (2, 'Петрова', 'Вера', 'female'), (3, 'Сидорова', 'Галина', 'female');"
    "INSERT INTO contract (number, person_id, concluded_on, term_start, term_end) VALUES"
    " ('1', 1, '2023-02-01', '2023-02-01', '2023-08-01'),"
    " ('2', 2, '2023-05-01', '2023-05-01', '2023-11-01'),"
    " ('3', 2, '2023-06-01', '2023-06-01', '2023-12-01'),"
    " ('4', 3, '2022-12-31', '2022-12-31', '2023-06-30');"
    "INSERT INTO survey_response (id, template_id, person_id, responded_on)"
    " VALUES (1, 1, 1, '2023-03-01');"
    "INSERT INTO survey_answer (response_id, question_id, value) VALUES (1, 2, 'yes');"
    "INSERT INTO peer_wish (person_id, marked_on) VALUES (2, '2023-05-02');"
    "INSERT INTO group_activity (id, kind, formed_on, meeting_on, held)"
    " VALUES (1, 'peer_meeting', '2023-04-01', '2023-04-10', 1);"
    "INSERT INTO group_member (group_id, person_id, role, attended)"
    " VALUES (1, 1, 'participant', 1);"
    "INSERT INTO followup_call (group_id, person_id, called_on, situation, satisfied)"
    " VALUES (1, 1, '2023-05-15', 'better', 0);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = opora_store_open (path, OPORA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opora_store_get_schema_version (store), ==,
                   opora_store_get_latest_schema_version ());
  results = opora_store_compute_indicators (store, OPORA_TECHNOLOGY_PEER, "2023-01-01",
                                            "2023-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < results->len; i++)
    {
      OporaIndicatorResult *result = g_ptr_array_index (results, i);

      g_assert_cmpuint (opora_indicator_result_get_denominator (result), ==, expected[i][0]);
      g_assert_cmpuint (opora_indicator_result_get_numerator (result), ==, expected[i][1]);
    }

  /* From now on the triggers keep the counts: the second contract holder answers. */
  g_assert_cmpint (sqlite3_exec (opora_store_get_db (store),
                                 "INSERT INTO survey_response (template_id, person_id,"
                                 " responded_on) VALUES (1, 2, '2023-12-31')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = opora_store_compute_indicators (store, OPORA_TECHNOLOGY_PEER, "2023-01-01",
                                            "2023-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opora_indicator_result_get_numerator (g_ptr_array_index (results, 0)),
                    ==, 2);

  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static void
test_reopen_keeps_version (void)
{
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autoptr(GError) error = NULL;
  OporaStore *store;

  store = opora_store_open (path, OPORA_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IO);
  g_assert_null (store);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = opora_store_open (path, OPORA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  store = opora_store_open (path, OPORA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opora_store_get_schema_version (store), ==,
                   opora_store_get_latest_schema_version ());
  g_object_unref (store);
  opora_test_rm_rf (dir);
}

static void
assert_refused_untouched (const char    *path,
                          OporaErrorCode code)
{
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;
  g_autoptr(GError) error = NULL;
  OporaStore *store;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = opora_store_open (path, OPORA_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, OPORA_ERROR, (int) code);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (path, "Список семей\n", -1, NULL));
  assert_refused_untouched (path, OPORA_ERROR_NOT_OPORA_DATABASE);
  opora_test_rm_rf (dir);
}

static void
test_foreign_sqlite (void)
{
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (path, OPORA_ERROR_NOT_OPORA_DATABASE);
  opora_test_rm_rf (dir);
}

static void
test_newer_schema (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  OporaStore *store = opora_test_open_store (&dir);
  sqlite3 *db;
  g_autofree char *sql = NULL;

  path = g_strdup (opora_store_get_path (store));
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d",
                         opora_store_get_latest_schema_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, OPORA_ERROR_NEWER_SCHEMA);
  opora_test_rm_rf (dir);
}

static void
test_read_only_file (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      const char *subprocess_path = g_getenv ("OPORA_TEST_DB");

      /* root writes through any permission bit: become nobody, as a clerk would be. */
      if (geteuid () == 0)
        g_assert_cmpint (setuid (65534), ==, 0);
      OporaStore *store = opora_store_open (subprocess_path, OPORA_STORE_OPEN_CREATE, &error);
      g_assert_null (store);
      g_assert_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY);
      g_test_message ("%s", error->message);
      return;
    }

  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;
  OporaStore *store = opora_test_open_store (&dir);

  path = g_strdup (opora_store_get_path (store));
  g_object_unref (store);
  g_chmod (dir, 0755);
  g_chmod (path, 0444);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  g_setenv ("OPORA_TEST_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_chmod (path, 0600);
  opora_test_rm_rf (dir);
}

static void
test_locked_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  OporaStore *store = opora_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  sqlite3 *other;

  path = g_strdup (opora_store_get_path (store));
  g_object_unref (store);

  /* Another program takes the file for itself. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = opora_store_open (path, OPORA_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_LOCKED);

  sqlite3_exec (other, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (other);
  opora_test_rm_rf (dir);
}

static void
count_changed_cb (OporaStore *store,
                  const char *table,
                  gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_nested_transactions (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  int changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (opora_store_begin (store, &error));
  g_assert_true (opora_store_begin (store, &error));
  opora_store_touch (store, "person");
  opora_store_rollback (store);
  g_assert_true (opora_store_commit (store, &error));
  g_assert_no_error (error);
  /* The inner rollback does not forget what the outer transaction touched. */
  g_assert_cmpint (changed, ==, 1);

  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/schema/migrate-4-to-5", test_migrate_4_to_5);
  g_test_add_func ("/schema/reopen", test_reopen_keeps_version);
  g_test_add_func ("/schema/not-a-database", test_not_a_database);
  g_test_add_func ("/schema/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/schema/newer-schema", test_newer_schema);
  g_test_add_func ("/schema/read-only", test_read_only_file);
  g_test_add_func ("/schema/locked", test_locked_file);
  g_test_add_func ("/schema/nested-transactions", test_nested_transactions);

  return g_test_run ();
}
