/* The record layer: generic read and insert from the schema, the rules in words, and
 * delete with an Undo that puts back exactly what was there. */
#include <sqlite3.h>

#include "opora-error.h"
#include "opora-schema.h"
#include "opora-store-bulk.h"
#include "opora-store-private.h"
#include "opora-store-records.h"
#include "opora-test-util.h"

typedef struct
{
  char       *dir;
  OporaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = opora_test_open_store (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
insert (OporaStore *store,
        const char *table,
        GVariant   *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = g_variant_ref_sink (record);

  opora_store_insert_record (store, table, owned, &error);
  g_assert_no_error (error);
}

static gboolean
dump_cb (const char  *table,
         GVariant    *record,
         gpointer     user_data,
         GError     **error)
{
  g_autofree char *text = g_variant_print (record, TRUE);

  g_string_append_printf (user_data, "%s %s\n", table, text);
  return TRUE;
}

/* Every record of every table, audit times and authors included. */
static char *
dump (OporaStore *store)
{
  GString *out = g_string_new (NULL);
  const char * const *tables = opora_store_record_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      opora_store_foreach_record (store, tables[i], dump_cb, out, &error);
      g_assert_no_error (error);
    }
  return g_string_free (out, FALSE);
}

static gint64
query_int (OporaStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A small centre: two staff, a family of three, a contract with its whole programme. */
static void
fill (OporaStore *store)
{
  insert (store, "staff", g_variant_new_parsed (
    "{'id': <%x>, 'full_name': <'Петрова Анна Ивановна'>, 'position': <'family_specialist'>,"
    " 'created_at': <'2022-01-10T08:00:00Z'>, 'updated_at': <'2022-01-10T08:00:00Z'>}",
    (gint64) 1));
  insert (store, "staff", g_variant_new_parsed (
    "{'id': <%x>, 'full_name': <'Орлов Игорь Петрович'>, 'position': <'psychologist'>,"
    " 'created_by': <%x>, 'updated_by': <%x>}", (gint64) 2, (gint64) 1, (gint64) 1));
  insert (store, "family", g_variant_new_parsed (
    "{'id': <%x>, 'name': <'Ивановы'>, 'minor_children': <%x>, 'is_large': <%x>,"
    " 'created_at': <'2022-02-01T09:00:00Z'>, 'updated_at': <'2022-03-01T10:30:00Z'>,"
    " 'created_by': <%x>, 'updated_by': <%x>}",
    (gint64) 7, (gint64) 1, (gint64) 0, (gint64) 2, (gint64) 1));
  insert (store, "person", g_variant_new_parsed (
    "{'id': <%x>, 'surname': <'Иванов'>, 'name': <'Сергей'>, 'patronymic': <'Петрович'>,"
    " 'birth_date': <'1984-05-06'>, 'sex': <'male'>, 'family_id': <%x>,"
    " 'relation': <'applicant'>, 'created_by': <%x>,"
    " 'created_at': <'2022-02-01T09:05:00Z'>, 'updated_at': <'2022-02-01T09:05:00Z'>}",
    (gint64) 10, (gint64) 7, (gint64) 2));
  insert (store, "person", g_variant_new_parsed (
    "{'id': <%x>, 'surname': <'Иванова'>, 'name': <'Мария'>, 'sex': <'female'>,"
    " 'family_id': <%x>, 'relation': <'spouse'>}", (gint64) 11, (gint64) 7));
  insert (store, "person", g_variant_new_parsed (
    "{'id': <%x>, 'surname': <'Иванов'>, 'name': <'Пётр'>, 'sex': <'male'>,"
    " 'family_id': <%x>, 'relation': <'child'>, 'birth_date': <'2015-09-01'>}",
    (gint64) 12, (gint64) 7));
  insert (store, "contract", g_variant_new_parsed (
    "{'id': <%x>, 'number': <'СК-1/2023'>, 'person_id': <%x>, 'family_id': <%x>,"
    " 'concluded_on': <'2023-02-01'>, 'term_start': <'2023-02-01'>,"
    " 'term_end': <'2023-10-31'>, 'status': <'completed'>, 'curator_id': <%x>,"
    " 'income_start': <9876.5>, 'income_end': <16000.25>, 'subsistence_minimum': <15000.0>,"
    " 'created_at': <'2023-02-01T11:00:00Z'>, 'updated_at': <'2023-11-02T12:00:00Z'>}",
    (gint64) 100, (gint64) 10, (gint64) 7, (gint64) 1));
  insert (store, "measure", g_variant_new_parsed (
    "{'id': <%x>, 'contract_id': <%x>, 'type': <'employment'>, 'status': <'done'>,"
    " 'done_on': <'2023-05-15'>, 'created_by': <%x>}", (gint64) 1000, (gint64) 100,
    (gint64) 2));
  insert (store, "measure", g_variant_new_parsed (
    "{'id': <%x>, 'contract_id': <%x>, 'type': <'financial_literacy'>,"
    " 'informed_online': <%x>, 'certificate': <'СС-17'>}", (gint64) 1001, (gint64) 100,
    (gint64) 1));
  insert (store, "programme_analysis", g_variant_new_parsed (
    "{'contract_id': <%x>, 'done': <%x>, 'analysed_on': <'2023-03-01'>, 'low_income': <%x>}",
    (gint64) 100, (gint64) 1, (gint64) 1));
  insert (store, "outcome", g_variant_new_parsed (
    "{'contract_id': <%x>, 'programme_completed': <%x>, 'situation': <'better'>,"
    " 'cause_eliminated': <%x>, 'status_raised': <%x>, 'recorded_on': <'2023-11-02'>}",
    (gint64) 100, (gint64) 1, (gint64) 1, (gint64) 0));
  insert (store, "monitoring_act", g_variant_new_parsed (
    "{'id': <%x>, 'contract_id': <%x>, 'month_no': <%x>, 'act_on': <'2023-12-01'>,"
    " 'income_per_capita': <17000.0>}", (gint64) 5, (gint64) 100, (gint64) 1));
  insert (store, "enrollment", g_variant_new_parsed (
    "{'id': <%x>, 'person_id': <%x>, 'technology': <'lift'>, 'from_on': <'2023-02-10'>,"
    " 'staff_id': <%x>}", (gint64) 3, (gint64) 10, (gint64) 2));
}

static void
test_tables_and_columns (Fixture       *f,
                         gconstpointer  data)
{
  const char * const *tables = opora_store_record_tables ();
  g_auto(GStrv) columns = opora_store_record_columns (f->store, "person");
  const OporaRecordColumn *info;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpstr (columns[0], ==, "id");
  g_assert_true (g_strv_contains ((const char * const *) columns, "snils"));
  g_assert_true (g_strv_contains ((const char * const *) columns, "created_by"));
  g_assert_null (opora_store_record_columns (f->store, "no_such_table"));

  info = opora_store_record_column_info (f->store, "outcome", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info[0].name, ==, "contract_id");
  g_assert_true (info[0].is_key);
  g_assert_cmpstr (info[0].references, ==, "contract");
  for (guint i = 0; i < n; i++)
    if (g_str_equal (info[i].name, "recorded_on"))
      g_assert_true (info[i].is_date && info[i].required);
    else if (g_str_equal (info[i].name, "created_at"))
      g_assert_true (info[i].not_null && info[i].has_default && !info[i].required);

  /* Every table of the schema is exchanged, apart from the search index and the
   * indicators' counts, kept by triggers: a table missing from the list would be lost by
   * export without a word. */
  sqlite3_prepare_v2 (opora_store_get_db (f->store),
                      "SELECT name FROM pragma_table_list WHERE schema = 'main'"
                      " AND type = 'table' AND name NOT LIKE 'sqlite_%'", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_assert_true (g_strv_contains (tables, name) !=
                     g_strv_contains (opora_schema_derived_tables (), name));
    }
  sqlite3_finalize (stmt);
  g_assert_false (g_strv_contains (tables, "person_search"));
  g_assert_false (g_strv_contains (tables, "peer_tally"));
}

static void
test_insert_and_read (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  gint64 id = 0;
  double income = 0;

  fill (f->store);
  record = opora_store_get_record (f->store, "contract", 100, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (record, "number", "&s", &text));
  g_assert_cmpstr (text, ==, "СК-1/2023");
  g_assert_true (g_variant_lookup (record, "income_start", "d", &income));
  g_assert_cmpfloat (income, ==, 9876.5);
  g_assert_true (g_variant_lookup (record, "created_at", "&s", &text));
  g_assert_cmpstr (text, ==, "2023-02-01T11:00:00Z");
  g_assert_false (g_variant_lookup (record, "termination_reason", "&s", &text));
  g_clear_pointer (&record, g_variant_unref);

  /* A column left out that has a default gets it; one without stays NULL. */
  record = opora_store_get_record (f->store, "person", 11, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (record, "created_at", "&s", &text));
  g_assert_cmpuint (strlen (text), ==, strlen ("2022-02-01T09:05:00Z"));
  g_assert_false (g_variant_lookup (record, "birth_date", "&s", &text));
  g_clear_pointer (&record, g_variant_unref);

  /* The search index follows inserts made this way. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person_search"
                                        " WHERE person_search MATCH 'иванов*'"), ==, 3);

  /* Key not `id`, and the institution's blank text that must stay "" not NULL. */
  record = opora_store_get_record (f->store, "outcome", 100, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (record, "contract_id", "x", &id));
  g_assert_cmpint (id, ==, 100);
  g_clear_pointer (&record, g_variant_unref);
  record = opora_store_get_record (f->store, "institution", 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (record, "full_name", "&s", &text));
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&record, g_variant_unref);

  record = opora_store_get_record (f->store, "person", 999, &error);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_assert_null (record);
}

static void
assert_refused (OporaStore    *store,
                const char    *table,
                const char    *record_text,
                int            code,
                const char    *column,
                const char    *message)
{
  g_autoptr(GVariant) record = g_variant_ref_sink (g_variant_new_parsed (record_text));
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_column = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;

  g_test_message ("%s %s", table, record_text);
  g_assert_false (opora_store_insert_record_full (store, table, record, &bad_column, &error));
  g_assert_error (error, OPORA_ERROR, code);
  g_assert_cmpstr (bad_column, ==, column);
  g_assert_cmpstr (error->message, ==, message);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_rules_in_words (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GError) error = NULL;

  fill (f->store);
  assert_refused (f->store, "contract",
                  "{'id': <int64 101>, 'number': <'A-2'>, 'person_id': <int64 10>,"
                  " 'concluded_on': <'2023-01-01'>, 'term_start': <'2023-01-01'>,"
                  " 'term_end': <'2023-06-30'>, 'status': <'finished'>}",
                  OPORA_ERROR_INVALID_VALUE, "status",
                  "must be one of: active, completed, terminated");
  assert_refused (f->store, "contract",
                  "{'id': <int64 101>, 'number': <'A-2'>, 'person_id': <int64 10>,"
                  " 'concluded_on': <'2023-01-01'>, 'term_start': <'2023-01-01'>,"
                  " 'term_end': <'2022-06-30'>}",
                  OPORA_ERROR_DATE_ORDER, "term_end", "must not be before term start");
  assert_refused (f->store, "contract",
                  "{'id': <int64 101>, 'number': <'A-2'>, 'person_id': <int64 10>,"
                  " 'concluded_on': <'2023-01-01'>, 'term_start': <'2023-01-01'>,"
                  " 'term_end': <'2023-06-30'>, 'status': <'terminated'>}",
                  OPORA_ERROR_REQUIRED, "termination_reason",
                  "is required when status is “terminated”");
  assert_refused (f->store, "contract",
                  "{'id': <int64 101>, 'number': <'СК-1/2023'>, 'person_id': <int64 10>,"
                  " 'concluded_on': <'2023-01-01'>, 'term_start': <'2023-01-01'>,"
                  " 'term_end': <'2023-06-30'>}",
                  OPORA_ERROR_DUPLICATE, "number",
                  "must be unique, and another contract already has this value");
  assert_refused (f->store, "person",
                  "{'id': <int64 10>, 'surname': <'Х'>, 'name': <'Y'>, 'sex': <'male'>}",
                  OPORA_ERROR_DUPLICATE, "id", "another person has the same key");
  assert_refused (f->store, "person",
                  "{'id': <int64 13>, 'name': <'Y'>, 'sex': <'male'>}",
                  OPORA_ERROR_REQUIRED, "surname", "is required");
  assert_refused (f->store, "person",
                  "{'id': <int64 13>, 'surname': <''>, 'name': <'Y'>, 'sex': <'male'>}",
                  OPORA_ERROR_REQUIRED, "surname", "must not be empty");
  assert_refused (f->store, "person",
                  "{'id': <int64 13>, 'surname': <'Х'>, 'name': <'Y'>, 'sex': <'male'>,"
                  " 'birth_date': <'1990-02-30'>}",
                  OPORA_ERROR_INVALID_DATE, "birth_date",
                  "must be a calendar date written as YYYY-MM-DD");
  assert_refused (f->store, "person",
                  "{'id': <int64 13>, 'surname': <'Х'>, 'name': <'Y'>, 'sex': <'male'>,"
                  " 'snils': <'1234'>}",
                  OPORA_ERROR_INVALID_VALUE, "snils", "must be 11 digits");
  assert_refused (f->store, "person",
                  "{'id': <int64 13>, 'surname': <'Х'>, 'name': <'Y'>, 'sex': <'male'>,"
                  " 'shoe_size': <int64 42>}",
                  OPORA_ERROR_INVALID_VALUE, "shoe_size",
                  "the table “person” has no such column");
  assert_refused (f->store, "monitoring_act",
                  "{'id': <int64 6>, 'contract_id': <int64 100>, 'month_no': <int64 13>,"
                  " 'act_on': <'2024-01-01'>}",
                  OPORA_ERROR_INVALID_VALUE, "month_no", "must be from 1 to 12");
  assert_refused (f->store, "measure",
                  "{'id': <int64 1002>, 'contract_id': <int64 100>, 'type': <'other'>,"
                  " 'status': <'done'>}",
                  OPORA_ERROR_REQUIRED, "done_on", "is required when status is “done”");
  assert_refused (f->store, "programme_analysis",
                  "{'contract_id': <int64 100>, 'done': <int64 1>}",
                  OPORA_ERROR_REQUIRED, "analysed_on", "is required when done is 1");
  assert_refused (f->store, "contract",
                  "{'id': <int64 101>, 'number': <'A-3'>, 'person_id': <int64 10>,"
                  " 'concluded_on': <'2023-01-01'>, 'term_start': <'2023-01-01'>,"
                  " 'term_end': <'2023-06-30'>, 'income_start': <-5.0>}",
                  OPORA_ERROR_INVALID_VALUE, "income_start", "must not be negative");
  assert_refused (f->store, "institution",
                  "{'id': <int64 2>}", OPORA_ERROR_INVALID_VALUE, "id", "must be 1");

  /* Without a place for the column, the message carries it. */
  record = g_variant_ref_sink (g_variant_new_parsed (
    "{'id': <int64 14>, 'surname': <'Х'>, 'name': <'Y'>, 'sex': <'other'>}"));
  g_assert_false (opora_store_insert_record (f->store, "person", record, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "person.sex: must be one of: male, female");
}

static void
test_delete_family_set_null (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill (f->store);
  before = dump (f->store);

  deletion = opora_store_delete_record (f->store, "family", 7, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (opora_deletion_get_n_records (deletion), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM family"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person WHERE family_id IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(family_id) FROM contract"), ==, 0);

  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person WHERE family_id = 7"), ==, 3);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_delete_contract_cascade (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill (f->store);
  before = dump (f->store);

  deletion = opora_store_delete_record (f->store, "contract", 100, &error);
  g_assert_no_error (error);
  /* The contract, two measures, the analysis, the outcome and the monitoring act. */
  g_assert_cmpuint (opora_deletion_get_n_records (deletion), ==, 6);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM outcome"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM programme_analysis"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM monitoring_act"), ==, 0);

  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);

  /* A key that is not `id` can be deleted and put back on its own too. */
  g_clear_pointer (&deletion, opora_deletion_free);
  deletion = opora_store_delete_record (f->store, "outcome", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM outcome"), ==, 0);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_delete_restricted (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill (f->store);
  before = dump (f->store);

  /* A contract holder cannot go while the contract stays. */
  deletion = opora_store_delete_record (f->store, "person", 10, &error);
  g_assert_null (deletion);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "This person cannot be deleted: 1 contract record refers to it. "
                   "Delete it or change it first.");
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  deletion = opora_store_delete_record (f->store, "person", 4242, &error);
  g_assert_null (deletion);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
}

static void
test_delete_person_and_staff (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill (f->store);
  before = dump (f->store);

  /* The child, then the search index must find him again after Undo. */
  deletion = opora_store_delete_record (f->store, "person", 12, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person_search"
                                        " WHERE person_search MATCH 'пётр'"), ==, 0);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person_search"
                                        " WHERE person_search MATCH 'пётр'"), ==, 1);
  g_clear_pointer (&deletion, opora_deletion_free);

  /* A staff member who wrote records, curated a contract and leads an enrollment: all
   * those references are cleared, and all come back, his own created_by included. */
  deletion = opora_store_delete_record (f->store, "staff", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(curator_id) FROM contract"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM staff WHERE created_by = 1"), ==, 0);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deletion, opora_deletion_free);

  /* The person who holds no contract, with an enrollment that goes with him. */
  deletion = opora_store_delete_record (f->store, "staff", 2, &error);
  g_assert_no_error (error);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);

  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);

  /* Undo twice cannot duplicate anything: the second is refused and changes nothing. */
  g_assert_false (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE);
  g_clear_pointer (&after, g_free);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

/* Tables keyed by two columns, and a reference made of two columns (a follow-up call
 * refers to its group member): captured as exact rows, not as everything that shares
 * one of the two values. */
static void
test_delete_composite_keys (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill (f->store);
  /* Ids past the built-in survey that every new database has. */
  insert (f->store, "survey_template", g_variant_new_parsed (
    "{'id': <int64 5>, 'title': <'Анкета'>}"));
  insert (f->store, "survey_question", g_variant_new_parsed (
    "{'id': <int64 5>, 'template_id': <int64 5>, 'position': <int64 1>, 'kind': <'yes_no'>,"
    " 'text': <'Готовы ли вы?'>}"));
  for (gint64 person = 11; person <= 12; person++)
    {
      insert (f->store, "survey_response", g_variant_new_parsed (
        "{'id': <%x>, 'template_id': <int64 5>, 'person_id': <%x>,"
        " 'responded_on': <'2023-03-01'>}", person, person));
      insert (f->store, "survey_answer", g_variant_new_parsed (
        "{'response_id': <%x>, 'question_id': <int64 5>, 'value': <'yes'>}", person));
    }
  insert (f->store, "group_activity", g_variant_new_parsed (
    "{'id': <int64 1>, 'kind': <'peer_meeting'>, 'formed_on': <'2023-03-10'>,"
    " 'meeting_on': <'2023-03-20'>, 'held': <int64 1>, 'facilitator_id': <int64 2>}"));
  insert (f->store, "group_activity", g_variant_new_parsed (
    "{'id': <int64 2>, 'kind': <'peer_meeting'>, 'formed_on': <'2023-04-10'>}"));
  for (gint64 group = 1; group <= 2; group++)
    for (gint64 person = 11; person <= 12; person++)
      insert (f->store, "group_member", g_variant_new_parsed (
        "{'group_id': <%x>, 'person_id': <%x>, 'role': <'participant'>, 'attended': <int64 1>}",
        group, person));
  for (gint64 person = 11; person <= 12; person++)
    insert (f->store, "followup_call", g_variant_new_parsed (
      "{'id': <%x>, 'group_id': <int64 1>, 'person_id': <%x>, 'called_on': <'2023-04-20'>,"
      " 'situation': <'better'>, 'satisfied': <int64 1>}", person, person));
  before = dump (f->store);

  /* The spouse: her response and its answer, her two memberships and her call. */
  deletion = opora_store_delete_record (f->store, "person", 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opora_deletion_get_n_records (deletion), ==, 6);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM group_member"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM followup_call"), ==, 1);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deletion, opora_deletion_free);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);

  /* The group that was held: its members and their calls go with it. */
  deletion = opora_store_delete_record (f->store, "group_activity", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opora_deletion_get_n_records (deletion), ==, 5);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deletion, opora_deletion_free);
  g_clear_pointer (&after, g_free);
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);

  /* A template that has responses keeps them readable: it cannot go. */
  deletion = opora_store_delete_record (f->store, "survey_template", 5, &error);
  g_assert_null (deletion);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE);
}

static char *
query_text (OporaStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* A bulk load drops the search triggers and secondary indexes and changes the journal:
 * after it, committed or rolled back, the database is as the schema made it. */
static void
test_bulk_restores_everything (Fixture       *f,
                               gconstpointer  data)
{
  static const char * const columns[] = { "id", "surname", "name", "sex", NULL };
  const char *schema_sql = "SELECT group_concat(type || ':' || name || ':' || sql, '\n')"
                           " FROM (SELECT * FROM sqlite_schema ORDER BY type, name)";
  g_autofree char *schema_before = query_text (f->store, schema_sql);
  g_autoptr(GError) error = NULL;

  for (int commit = 0; commit <= 1; commit++)
    {
      g_autoptr(OporaBulkInsert) insert = NULL;
      g_autofree char *schema_after = NULL;
      g_autofree char *journal = NULL;

      g_assert_true (opora_store_bulk_begin (f->store, OPORA_BULK_TRUSTED_REFERENCES, &error));
      g_assert_no_error (error);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM sqlite_schema"
                                            " WHERE name = 'person_search_ai'"), ==, 0);
      insert = opora_bulk_insert_new (f->store, "person", columns, &error);
      g_assert_no_error (error);
      for (gint64 id = 1; id <= 100; id++)
        {
          opora_bulk_insert_int (insert, 0, id + commit * 1000);
          opora_bulk_insert_text (insert, 1, id % 2 ? "Иванова" : "Петрова");
          opora_bulk_insert_text (insert, 2, "Мария");
          opora_bulk_insert_text (insert, 3, "female");
          g_assert_true (opora_bulk_insert_run (insert, &error));
          g_assert_no_error (error);
        }
      /* A broken row is refused with its rule, as anywhere else. */
      opora_bulk_insert_int (insert, 0, 5000);
      opora_bulk_insert_text (insert, 1, "Х");
      opora_bulk_insert_text (insert, 2, "Y");
      opora_bulk_insert_text (insert, 3, "f");
      g_assert_false (opora_bulk_insert_run (insert, &error));
      g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_clear_pointer (&insert, opora_bulk_insert_free);

      if (commit)
        {
          g_assert_true (opora_store_bulk_commit (f->store, &error));
          g_assert_no_error (error);
        }
      else
        opora_store_bulk_rollback (f->store);

      schema_after = query_text (f->store, schema_sql);
      g_assert_cmpstr (schema_before, ==, schema_after);
      journal = query_text (f->store, "PRAGMA journal_mode");
      g_assert_cmpstr (journal, ==, "wal");
      g_assert_cmpint (query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
      g_assert_cmpint (query_int (f->store, "PRAGMA synchronous"), ==, 2);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, commit ? 100 : 0);
      /* The search index was rebuilt over the rows loaded without it. */
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person_search"
                                            " WHERE person_search MATCH 'иванова'"), ==,
                       commit ? 50 : 0);
    }
}

static void
test_empty_and_seed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_store_records_empty (f->store));
  g_assert_cmpint (sqlite3_exec (opora_store_get_db (f->store),
                                 "UPDATE institution SET city = 'Югорск'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (opora_store_records_empty (f->store));
  g_assert_false (opora_store_clear_seed_records (f->store, "institution", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE);
  g_clear_error (&error);
  sqlite3_exec (opora_store_get_db (f->store), "UPDATE institution SET city = ''",
                NULL, NULL, NULL);
  g_assert_true (opora_store_records_empty (f->store));

  g_assert_true (opora_store_clear_seed_records (f->store, "institution", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM institution"), ==, 0);

  insert (f->store, "staff", g_variant_new_parsed (
    "{'id': <int64 1>, 'full_name': <'Х'>, 'position': <'director'>}"));
  g_assert_false (opora_store_records_empty (f->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/records/tables-and-columns", test_tables_and_columns);
  ADD ("/records/insert-and-read", test_insert_and_read);
  ADD ("/records/rules-in-words", test_rules_in_words);
  ADD ("/records/delete-family-set-null", test_delete_family_set_null);
  ADD ("/records/delete-contract-cascade", test_delete_contract_cascade);
  ADD ("/records/delete-restricted", test_delete_restricted);
  ADD ("/records/delete-person-and-staff", test_delete_person_and_staff);
  ADD ("/records/delete-composite-keys", test_delete_composite_keys);
  ADD ("/records/bulk-restores-everything", test_bulk_restores_everything);
  ADD ("/records/empty-and-seed", test_empty_and_seed);
#undef ADD

  return g_test_run ();
}
