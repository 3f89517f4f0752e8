/* opora_person_match() against the index it stands in for: for many persons and many typed
 * searches, the persons the function accepts are exactly those person_search matches. */
#include <sqlite3.h>

#include "opora-store-private.h"
#include "opora-store-search.h"
#include "opora-test-util.h"

static const char * const surnames[] = {
  "Иванов", "Иванова", "Ивашкин", "Семёнов", "Семенова", "Ёлкина", "Елкин", "Петрова-Водкина",
  "Салтыков-Щедрин", "Ким", "O'Neil", "Müller", "Мюллер", "Ли Вэй", "Д'Артаньян", "Иван",
  "Чернышёв", "Щёкин", "ИВАНЕНКО", "Ерёменко", "Бекетов", "Бёкетов", "Йылдыз", "Смит-2",
  "Зои\xcc\x86ка" /* «й» written as «и» and a combining breve */, "Белебеевец", "Бёлёбёёвец",
};
static const char * const names[] = {
  "Иван", "Иванна", "Пётр", "Петр", "Алёна", "Анна-Мария", "Ёж", "Ян", "John", "Ivan",
  "Фёдор", "Сергей",
};
static const char * const patronymics[] = {
  NULL, "Иванович", "Ивановна", "Петрович", "Семёнович", "Сергеевич", "оглы Ивана", "Ёвич",
};
static const char * const phones[] = {
  NULL, "+79123456789", "+79120000001", "2-34-56", "8 (3452) 12-34-56", "+375 29 123-45-67",
  "+74951234567",
};

static const char * const searches[] = {
  "ив", "Ив", "ИВА", "иван", "ивано", "иванов", "ивановна", "иван петр", "петр иван",
  "семен", "семён", "СЕМЁНОВ", "ел", "ёл", "елкин", "ёлкина", "петрова-в", "петрова-водкина",
  "петрова водкина", "водкина", "салтыков-щ", "o'n", "o'neil", "neil", "mül", "müller",
  "мюл", "ли", "ли вэй", "вэй", "д'арт", "артаньян", "чернышев", "щекин", "щёкин", "еременко",
  "ерёменко", "ереме", "бекетов", "бёкетов", "йыл", "смит-2", "смит 2", "2", "оглы", "оглы ив",
  "анна-м", "мария", "ёж", "еж", "john", "JO", "ivan", "912", "8912", "+7 912", "7912",
  "2-34", "2-34-56", "34-56", "3452", "8 (3452) 12", "123-45", "375", "12345678901",
  "123 456", "ив 912", "\"ив", "ив\"", "и\"в", "(ив)", "ив*", "ив OR", "- ив", "ив-",
  "ан на", "  иван  ", "яя", "xx", "зои", "зоика", "ка", "белебеев", "бёлёбёёв", "белебе",
};

static void
add_persons (OporaStore *store)
{
  sqlite3 *db = opora_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  GRand *rand = g_rand_new_with_seed (7);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO person (surname, name, patronymic, sex,"
                                       " snils, phone) VALUES (?, ?, ?, 'male', ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 600; i++)
    {
      const char *patronymic = patronymics[g_rand_int_range (rand, 0, G_N_ELEMENTS (patronymics))];
      const char *phone = phones[g_rand_int_range (rand, 0, G_N_ELEMENTS (phones))];
      g_autofree char *snils = i % 3 == 0 ? g_strdup_printf ("%011u", 1234567890u + i)
                                          : NULL;

      sqlite3_bind_text (stmt, 1, surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))], -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, patronymic, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, snils, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, phone, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_rand_free (rand);
}

/* The ids @sql selects with @match bound to its parameter, as "1 5 9 …". */
static char *
ids (OporaStore *store,
     const char *sql,
     const char *match)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len ? " " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
test_same_as_index (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  guint compared = 0;

  add_persons (store);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *match = opora_search_person_match (searches[i]);
      g_autofree char *by_index = NULL;
      g_autofree char *by_row = NULL;

      if (match == NULL)
        continue;
      by_index = ids (store, "SELECT rowid FROM person_search WHERE person_search MATCH ?"
                             " ORDER BY rowid", match);
      by_row = ids (store, "SELECT id FROM person WHERE opora_person_match (?, surname, name,"
                           " patronymic, snils, phone) ORDER BY id", match);
      g_test_message ("«%s» → %s: %u characters of ids", searches[i], match,
                      (guint) strlen (by_index));
      g_assert_cmpstr (by_row, ==, by_index);
      compared += by_index[0] != '\0';
      /* A search by names asks nothing of the SNILS or phone (the persons list walks the
       * name index without them). */
      if (opora_search_is_by_names (searches[i]))
        {
          g_autofree char *by_names = ids (store, "SELECT id FROM person WHERE"
                                                  " opora_person_match (?, surname, name,"
                                                  " patronymic, NULL, NULL) ORDER BY id",
                                           match);

          g_assert_cmpstr (by_names, ==, by_index);
        }
    }
  /* The searches are not all empty: most find someone. */
  g_assert_cmpuint (compared, >, G_N_ELEMENTS (searches) / 2);
  opora_test_rm_rf (dir);
}

static const char * const family_names[] = {
  "Ивановы", "Семья Ивановых", "Петровы-Водкины", "Ёлкины", "Елкины", "Семёновы",
  "O'Neil", "Ким", "ИВАНЕНКО", "Семья Ли", "Белебеевцы",
};

/* Families' names, asked of family_search and of the row (as the families list walks). */
static void
test_family_names_same_as_index (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  sqlite3_stmt *stmt = NULL;
  guint compared = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store),
                                       "INSERT INTO family (name) VALUES (?)", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 200; i++)
    {
      sqlite3_bind_text (stmt, 1, family_names[i % G_N_ELEMENTS (family_names)], -1,
                         SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *match = opora_search_family_match (searches[i]);
      g_autofree char *by_index = NULL;
      g_autofree char *by_row = NULL;

      if (match == NULL)
        continue;
      by_index = ids (store, "SELECT rowid FROM family_search WHERE family_search MATCH ?"
                             " ORDER BY rowid", match);
      by_row = ids (store, "SELECT id FROM family WHERE opora_person_match (?, NULL, name,"
                           " NULL, NULL, NULL) ORDER BY id", match);
      g_assert_cmpstr (by_row, ==, by_index);
      compared += by_index[0] != '\0';
    }
  g_assert_cmpuint (compared, >, 10);
  /* Numbers find a family by its members only. */
  g_assert_null (opora_search_family_match ("912"));
  g_assert_null (opora_search_family_match ("иванов 912"));
  g_assert_null (opora_search_family_match ("и"));
  opora_test_rm_rf (dir);
}

static void
test_unreadable_query (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autofree char *found = NULL;

  add_persons (store);
  /* Not a query of ours: no match, and a warning. */
  g_test_expect_message ("opora-store", G_LOG_LEVEL_WARNING, "*cannot read the query*");
  found = ids (store, "SELECT id FROM person WHERE opora_person_match (?, surname, name,"
                      " patronymic, snils, phone)", "иван OR петр");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (found, ==, "");
  opora_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/person-match/same-as-index", test_same_as_index);
  g_test_add_func ("/search/person-match/family-names-same-as-index",
                   test_family_names_same_as_index);
  g_test_add_func ("/search/person-match/unreadable-query", test_unreadable_query);
  return g_test_run ();
}
