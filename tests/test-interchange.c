/* The interchange format and the demo centre: round trips, determinism, plausibility,
 * and every kind of broken file refused at its JSON path with nothing changed. */
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "opora-date.h"
#include "opora-demo.h"
#include "opora-error.h"
#include "opora-interchange.h"
#include "opora-snils.h"
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

static OporaStore *
open_second (Fixture    *f,
             const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  OporaStore *store = opora_store_open (path, OPORA_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static char *
export_to_string (OporaStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_interchange_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The export without its one line that depends on the clock. */
static char *
export_without_time (OporaStore *store)
{
  g_autofree char *json = export_to_string (store);
  g_autoptr(GRegex) stamp = g_regex_new ("\n  \"exported_at\": \"[^\"]*\",", 0, 0, NULL);

  g_assert_nonnull (strstr (json, "\"exported_at\": \""));
  return g_regex_replace_literal (stamp, json, -1, 0, "", 0, NULL);
}

static gboolean
import_string (OporaStore  *store,
               const char  *json,
               GError     **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (json), -1, g_free);

  return opora_interchange_import (store, in, NULL, error);
}

static void
generate (OporaStore *store,
          guint64     size,
          guint32     seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_demo_generate (store, size, seed, &error));
  g_assert_no_error (error);
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
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OporaStore) copy = open_second (f, "copy.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  JsonObject *root;
  const char * const *tables = opora_store_record_tables ();

  generate (f->store, 300, 3);
  first = export_to_string (f->store);

  /* The whole file is one JSON object with every table, the institution as an object. */
  g_assert_true (json_parser_load_from_data (parser, first, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "opora");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, OPORA_INTERCHANGE_VERSION);
  g_assert_cmpint (json_object_get_int_member (root, "schema"), ==,
                   opora_store_get_schema_version (f->store));
  for (guint i = 0; tables[i] != NULL; i++)
    g_assert_true (json_object_has_member (root, tables[i]));
  g_assert_false (json_object_has_member (root, "person_search"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "institution")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contract")), ==,
                    300);

  g_assert_true (import_string (copy, first, &error));
  g_assert_no_error (error);
  g_clear_pointer (&first, g_free);
  first = export_without_time (f->store);
  second = export_without_time (copy);
  g_assert_cmpstr (first, ==, second);

  /* The search index was rebuilt for the imported persons. */
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM person_search"
                                    " WHERE person_search MATCH 'иванов*'"), ==,
                   query_int (f->store, "SELECT count(*) FROM person_search"
                                        " WHERE person_search MATCH 'иванов*'"));
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"),
                   ==,
                   query_int (f->store,
                              "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"));
}

static void
test_undo_is_exact (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 contract;

  generate (f->store, 60, 11);
  before = export_without_time (f->store);

  /* A contract with its whole programme, analysis and outcome. */
  contract = query_int (f->store, "SELECT contract_id FROM outcome"
                                  " JOIN programme_analysis USING (contract_id)"
                                  " WHERE contract_id IN (SELECT contract_id FROM measure)"
                                  " ORDER BY contract_id LIMIT 1");
  g_assert_cmpint (contract, >, 0);
  deletion = opora_store_delete_record (f->store, "contract", contract, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opora_deletion_get_n_records (deletion), >=, 4);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deletion, opora_deletion_free);

  /* A family with members: their references are cleared, then put back. */
  deletion = opora_store_delete_record (f->store, "family", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person WHERE family_id = 2"), ==, 0);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);

  after = export_without_time (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_demo_deterministic (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(OporaStore) same = open_second (f, "same.db");
  g_autoptr(OporaStore) other = open_second (f, "other.db");
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(GError) error = NULL;

  generate (f->store, 120, 42);
  /* Another second on the clock: nothing in the registry may come from it. */
  g_usleep (1100 * 1000);
  generate (same, 120, 42);
  generate (other, 120, 43);
  a = export_without_time (f->store);
  b = export_without_time (same);
  c = export_without_time (other);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);

  /* A second demo never lands on top of the first. */
  g_assert_false (opora_demo_generate (same, 10, 1, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_FAILED);
  g_clear_pointer (&b, g_free);
  b = export_without_time (same);
  g_assert_cmpstr (a, ==, b);
}

static gboolean
ends_with_any (const char         *text,
               const char * const *suffixes)
{
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (text, suffixes[i]))
      return TRUE;
  return FALSE;
}

static void
check_person_names (OporaStore *store)
{
  static const char * const male_patronymics[] = { "вич", "ич", NULL };
  static const char * const female_patronymics[] = { "вна", "чна", NULL };
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (opora_store_get_db (store),
                      "SELECT surname, patronymic, sex, snils, phone FROM person",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *surname = (const char *) sqlite3_column_text (stmt, 0);
      const char *patronymic = (const char *) sqlite3_column_text (stmt, 1);
      gboolean female = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "female");
      const char *snils = (const char *) sqlite3_column_text (stmt, 3);
      const char *phone = (const char *) sqlite3_column_text (stmt, 4);

      /* Иванов is a man, Иванова a woman; Сергеевич a son, Сергеевна a daughter. */
      if (g_str_has_suffix (surname, "ов") || g_str_has_suffix (surname, "ин"))
        g_assert_false (female);
      if (g_str_has_suffix (surname, "ова") || g_str_has_suffix (surname, "ская"))
        g_assert_true (female);
      if (patronymic != NULL)
        g_assert_true (ends_with_any (patronymic, female ? female_patronymics
                                                         : male_patronymics));
      if (snils != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *digits = NULL;

          g_assert_true (opora_snils_normalize (snils, &digits, &error));
          g_assert_no_error (error);
        }
      if (phone != NULL)
        g_assert_true (g_regex_match_simple ("^\\+7 9[0-9]{2} [0-9]{3}-[0-9]{2}-[0-9]{2}$",
                                             phone, 0, 0));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 0);
}

static void
test_demo_plausible (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 n_persons, n_measures;
  OporaStore *s = f->store;

  generate (s, 400, 5);
  g_assert_true (opora_store_check (s, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract"), ==, 400);
  g_assert_cmpint (query_int (s, "SELECT count(DISTINCT number) FROM contract"), ==, 400);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM staff"), >=, 10);
  g_assert_cmpint (query_int (s, "SELECT count(DISTINCT position) FROM staff"), ==, 7);
  g_assert_cmpint (query_int (s, "SELECT count(DISTINCT kind) FROM organisation"), ==, 8);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM agreement"
                                 " WHERE valid_until < '" OPORA_DEMO_REFERENCE_DATE "'"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM institution WHERE city = 'Югорск'"
                                 " AND phone = '8(34675) 7-24-16'"
                                 " AND address LIKE '628263, %ул. Толстого, д. 8'"), ==, 1);
  n_persons = query_int (s, "SELECT count(*) FROM person");
  g_assert_cmpint (n_persons, >, 400 * 2);
  g_assert_cmpint (n_persons, <, 400 * 5);
  g_assert_cmpint (query_int (s, "SELECT count(DISTINCT district) FROM person"), ==, 8);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM family WHERE settlement = 'rural'"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM family WHERE is_large = 1"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM family WHERE is_single_parent = 1"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM family WHERE is_living_alone = 1"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM family f WHERE minor_children <>"
                                 " (SELECT count(*) FROM person p WHERE p.family_id = f.id"
                                 "  AND p.relation = 'child')"), ==, 0);
  check_person_names (s);

  /* Concluded 2021–2024 for 6–12 months; statuses agree with the reference day. */
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract WHERE concluded_on < '2021-01-01'"
                                 " OR concluded_on > '2024-12-31'"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract WHERE"
                                 " term_end < date(term_start, '+6 months', '-2 days')"
                                 " OR term_end > date(term_start, '+12 months')"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract WHERE status = 'active'"
                                 " AND term_end < '" OPORA_DEMO_REFERENCE_DATE "'"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract WHERE status = 'completed'"
                                 " AND term_end >= '" OPORA_DEMO_REFERENCE_DATE "'"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract WHERE status = 'active'"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract"
                                 " WHERE status = 'terminated'"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract"
                                 " WHERE income_start >= subsistence_minimum"), ==, 0);

  /* Measures for every contract, analyses for most, outcomes for most ended ones only. */
  n_measures = query_int (s, "SELECT count(*) FROM measure");
  g_assert_cmpint (n_measures, >=, 400);
  g_assert_cmpint (n_measures, <=, 400 * 8);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM contract"
                                 " WHERE id NOT IN (SELECT contract_id FROM measure)"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(DISTINCT type) FROM measure"), ==, 8);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM measure m JOIN contract c"
                                 " ON c.id = m.contract_id WHERE m.done_on < c.term_start"
                                 " OR m.done_on >= '" OPORA_DEMO_REFERENCE_DATE "'"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM programme_analysis"), >, 400 * 3 / 4);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM outcome o JOIN contract c"
                                 " ON c.id = o.contract_id WHERE c.status = 'active'"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM outcome"), >,
                   query_int (s, "SELECT count(*) FROM contract"
                                 " WHERE status <> 'active'") * 3 / 4);
  g_assert_cmpint (query_int (s, "SELECT count(*) FROM monitoring_act m JOIN contract c"
                                 " ON c.id = m.contract_id WHERE m.act_on <= c.term_end"), ==, 0);
  g_assert_cmpint (query_int (s, "SELECT count(DISTINCT contract_id) FROM monitoring_act"), >, 0);
  g_assert_cmpint (query_int (s, "SELECT count(DISTINCT technology) FROM enrollment"), ==, 5);
}

typedef struct
{
  const char *json;
  const char *message;
} BadFile;

#define HEAD "{\"format\": \"opora\", \"version\": 1, \"schema\": 1, "
#define PERSON(extra) "{\"id\": 1, \"surname\": \"Иванова\", \"name\": \"Мария\", " \
                      "\"sex\": \"female\"" extra "}"

static const BadFile bad_files[] = {
  { "", "The file is empty: an Opora file is one JSON object" },
  { "Фамилия;Имя\nИванова;Мария\n",
    "Not valid JSON at line 1, column 1: unexpected character `\\320', expected value" },
  { "[]", "$: the file holds an array, but an Opora file is one object "
          "{ \"format\": \"opora\", … }" },
  { "42", "$: the file holds a whole number, but an Opora file is one object "
          "{ \"format\": \"opora\", … }" },
  { "{\"format\": \"opora\",\n \"version\": 1,\n \"schema\": 1,\n"
    " \"person\": [\n  {\"id\": 1,}\n ]}",
    "Not valid JSON at line 5, column 11: unexpected character `,', expected character `]'" },
  { HEAD "\"person\": [" PERSON ("") " " PERSON ("") "]}",
    "Not valid JSON at line 1, column 125: expected ‘,’ or ‘]’ after a record" },
  { HEAD "\"person\": []", "Not valid JSON at line 1, column 60: the file ends too early" },
  { "{\"format\": \"xlsx\", \"version\": 1, \"schema\": 1}",
    "$.format: this is not an Opora interchange file: “format” must be \"opora\"" },
  { "{\"format\": \"opora\", \"version\": 2, \"schema\": 1}",
    "$.version: the file is in version 2 of the format, and this Opora reads up to version 1: "
    "update Opora to import it" },
  { "{\"format\": \"opora\", \"version\": 1, \"schema\": 999}",
    "$.schema: the file was written by an Opora with database schema 999, and this one knows "
    "up to %d: update Opora to import it" },
  { "{\"format\": \"opora\", \"version\": \"1\", \"schema\": 1}",
    "$.version: must be a whole number, not text" },
  { "{\"format\": \"opora\", \"person\": []}", "$.version: missing before the records" },
  { "{\"version\": 1, \"schema\": 1}",
    "$.format: missing before the records: an Opora file begins with \"format\": \"opora\"" },
  { HEAD "\"x_future_table\": []}",
    "$.x_future_table: unknown table: this version of Opora has no such table and cannot keep "
    "its records" },
  { HEAD "\"person\": {}}", "$.person: must be an array of records [ … ], not an object" },
  { HEAD "\"person\": [[]]}", "$.person[0]: a record must be an object { … }, not an array" },
  { HEAD "\"person\": [], \"person\": []}", "$.person: the table appears twice in the file" },
  { HEAD "\"person\": [" PERSON (", \"shoe size\": 38") "]}",
    "$.person[0][\"shoe size\"]: unknown column: a person record has no such field" },
  { HEAD "\"person\": [" PERSON (", \"family_id\": \"7\"") "]}",
    "$.person[0].family_id: must be a whole number, not text" },
  { HEAD "\"person\": [" PERSON (", \"phone\": 89120000000") "]}",
    "$.person[0].phone: must be text in double quotes, not a whole number" },
  { HEAD "\"contract\": [{\"income_start\": true}]}",
    "$.contract[0].income_start: must be a number, not true or false" },
  { HEAD "\"person\": [" PERSON (", \"sex\": null") "]}", "$.person[0].sex: must not be null" },
  { HEAD "\"person\": [{\"id\": 1, \"surname\": \"Иванова\", \"sex\": \"female\"}]}",
    "$.person[0].name: missing: every person record must have it" },
  { HEAD "\"person\": [" PERSON (", \"sex\": \"f\"") "]}",
    "$.person[0].sex: must be one of: male, female" },
  { HEAD "\"person\": [" PERSON (", \"birth_date\": \"31.12.1980\"") "]}",
    "$.person[0].birth_date: “31.12.1980” is not a calendar date written as YYYY-MM-DD" },
  { HEAD "\"person\": [" PERSON (", \"created_at\": \"вчера\"") "]}",
    "$.person[0].created_at: “вчера” is not a date and time written as YYYY-MM-DDTHH:MM:SSZ" },
  { HEAD "\"person\": [" PERSON (", \"snils\": \"112-233-445 96\"") "]}",
    "$.person[0].snils: SNILS check number is wrong: expected 95" },
  { HEAD "\"person\": [" PERSON ("") ", " PERSON ("") "]}",
    "$.person[1].id: another person in the file has the same id 1" },
  { HEAD "\"person\": [" PERSON ("") "], \"contract\": [{\"id\": 1, \"number\": \"СК-1\","
    " \"person_id\": 99, \"concluded_on\": \"2023-01-01\", \"term_start\": \"2023-01-01\","
    " \"term_end\": \"2023-06-30\"}]}",
    "$.contract[0].person_id: refers to person 99, which is not in the file" },
  { HEAD "\"person\": [" PERSON (", \"family_id\": 5") "]}",
    "$.person[0].family_id: refers to family 5, which is not in the file" },
  { HEAD "\"person\": [" PERSON ("") "], \"contract\": [{\"id\": 1, \"number\": \"СК-1\","
    " \"person_id\": 1, \"concluded_on\": \"2023-01-01\", \"term_start\": \"2023-03-01\","
    " \"term_end\": \"2023-02-28\"}]}",
    "$.contract[0].term_end: must not be before term start" },
  { HEAD "\"institution\": {\"id\": 2}}", "$.institution.id: must be 1" },
};

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *blank = export_without_time (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf (bad_files[i].message,
                                                   opora_store_get_latest_schema_version ());
      g_autofree char *after = NULL;

      g_test_message ("file %u: %s", i, bad_files[i].json);
      g_assert_false (import_string (f->store, bad_files[i].json, &error));
      g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IMPORT);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_true (opora_store_records_empty (f->store));
      after = export_without_time (f->store);
      g_assert_cmpstr (after, ==, blank);
    }
}

/* A broken record deep in a real file: found by its path, and nothing before it stays. */
static void
test_bad_record_in_real_file (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(OporaStore) copy = open_second (f, "copy.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *snils = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *nine = NULL;
  char *person;

  generate (f->store, 40, 9);
  json = export_to_string (f->store);

  /* The fourth person's SNILS, with its check number made wrong. */
  person = strstr (json, "\"person\": [");
  for (int i = 0; i < 4; i++)
    person = strstr (person + 1, "\n    {");
  snils = g_strndup (strstr (person, "\"snils\":\"") + strlen ("\"snils\":\""), 11);
  nine = g_strndup (snils, 9);
  wrong = g_strdup_printf ("%s%02d", nine, (opora_snils_checksum (nine) + 1) % 100);
  broken = g_strdup (json);
  memcpy (strstr (broken + (person - json), snils), wrong, 11);
  expected = g_strdup_printf ("$.person[3].snils: SNILS check number is wrong: expected %02d",
                              opora_snils_checksum (nine));

  g_assert_false (import_string (copy, broken, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_true (opora_store_records_empty (copy));

  /* The same file, mended, goes in; into a database that is not empty it does not. */
  g_clear_error (&error);
  g_assert_true (import_string (copy, json, &error));
  g_assert_no_error (error);
  g_assert_false (import_string (f->store, json, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_FAILED);
}

static void
test_export_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *in_memory = NULL;

  generate (f->store, 20, 2);
  g_assert_true (g_file_set_contents (path, "an earlier file", -1, NULL));
  g_assert_true (opora_interchange_export_file (f->store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  in_memory = export_to_string (f->store);
  /* Equal apart from the second the two were written in. */
  g_assert_cmpuint (strlen (contents), ==, strlen (in_memory));

  /* A folder in the way: refused, and nothing is written. */
  folder = g_file_new_for_path (f->dir);
  g_assert_false (opora_interchange_export_file (f->store, folder, NULL, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IO);
}

/* The example in docs/interchange.md is a file Opora reads. */
static void
test_documented_example (Fixture       *f,
                         gconstpointer  data)
{
  const char *source_dir = g_getenv ("OPORA_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *example = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *end;

  if (source_dir == NULL)
    {
      g_test_skip ("OPORA_SOURCE_DIR is not set (meson test sets it)");
      return;
    }
  path = g_build_filename (source_dir, "docs", "interchange.md", NULL);
  g_assert_true (g_file_get_contents (path, &doc, NULL, &error));
  g_assert_no_error (error);
  start = strstr (doc, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);

  g_assert_true (import_string (f->store, example, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM contract"
                                        " WHERE status = 'completed'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM institution"
                                        " WHERE city = 'Югорск'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/interchange/round-trip", test_round_trip);
  ADD ("/interchange/undo-is-exact", test_undo_is_exact);
  ADD ("/interchange/malformed", test_malformed);
  ADD ("/interchange/bad-record-in-real-file", test_bad_record_in_real_file);
  ADD ("/interchange/export-file", test_export_file);
  ADD ("/interchange/documented-example", test_documented_example);
  ADD ("/demo/deterministic", test_demo_deterministic);
  ADD ("/demo/plausible", test_demo_plausible);
#undef ADD

  return g_test_run ();
}
