/* The people registry in the store: staff, families with members, persons; their rules,
 * refusals that leave nothing behind, search, filters, sorting and lists at scale. */
#include <sqlite3.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-snils.h"
#include "opora-store-families.h"
#include "opora-store-persons.h"
#include "opora-store-private.h"
#include "opora-store-staff.h"
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
exec (OporaStore *store,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (opora_store_get_db (store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

/* A valid SNILS for @n: nine digits past the unchecked range and their check number. */
static char *
make_snils (guint n)
{
  g_autofree char *nine = g_strdup_printf ("%09u", 200000000u + n);

  return g_strdup_printf ("%s%02d", nine, opora_snils_checksum (nine));
}

static OporaPerson *
new_person (const char *surname,
            const char *name,
            const char *patronymic,
            OporaSex    sex,
            const char *birth_date)
{
  OporaPerson *person = opora_person_new ();

  opora_person_set_surname (person, surname);
  opora_person_set_name (person, name);
  opora_person_set_patronymic (person, patronymic);
  opora_person_set_sex (person, sex);
  opora_person_set_birth_date (person, birth_date);
  return person;
}

static OporaPerson *
save_new_person (OporaStore *store,
                 const char *surname,
                 const char *name,
                 const char *patronymic,
                 OporaSex    sex,
                 const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  OporaPerson *person = new_person (surname, name, patronymic, sex, birth_date);

  g_assert_true (opora_store_save_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (opora_person_get_id (person), >, 0);
  return person;
}

/* The surnames a list shows, joined by spaces, in its order. */
static char *
list_surnames (GListModel *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OporaPerson) person = g_list_model_get_item (list, i);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, opora_person_get_surname (person));
    }
  return g_string_free (s, FALSE);
}

static char *
search_surnames (OporaStore *store,
                 const char *text)
{
  OporaPersonQuery query = { .search = text };
  g_autoptr(GListModel) list = opora_store_list_persons (store, &query);

  return list_surnames (list);
}

static void
test_staff_crud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  g_autoptr(OporaStaff) other = opora_staff_new ();
  g_autoptr(OporaStaff) loaded = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(OporaPerson) person = NULL;
  gint64 id;

  opora_staff_set_full_name (staff, "  Смирнова Ольга Петровна ");
  opora_staff_set_position (staff, OPORA_POSITION_FAMILY_SPECIALIST);
  opora_staff_set_district (staff, "Участок 1");
  g_assert_true (opora_store_save_staff (f->store, staff, &error));
  g_assert_no_error (error);
  id = opora_staff_get_id (staff);
  g_assert_cmpint (id, >, 0);

  loaded = opora_store_load_staff (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_staff_get_full_name (loaded), ==, "Смирнова Ольга Петровна");
  g_assert_cmpint (opora_staff_get_position (loaded), ==, OPORA_POSITION_FAMILY_SPECIALIST);
  g_assert_cmpstr (opora_staff_get_district (loaded), ==, "Участок 1");
  g_assert_true (opora_staff_get_active (loaded));

  opora_staff_set_full_name (other, "Алексеев Борис");
  opora_staff_set_position (other, OPORA_POSITION_PSYCHOLOGIST);
  opora_staff_set_active (other, FALSE);
  g_assert_true (opora_store_save_staff (f->store, other, &error));

  all = opora_store_list_staff (f->store, FALSE);
  active = opora_store_list_staff (f->store, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);

  /* An update, and the lists follow it. */
  opora_staff_set_active (loaded, FALSE);
  opora_staff_set_position (loaded, OPORA_POSITION_HEAD_OF_DEPARTMENT);
  g_assert_true (opora_store_save_staff (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 0);
  g_clear_object (&loaded);
  loaded = opora_store_load_staff (f->store, id, &error);
  g_assert_cmpint (opora_staff_get_position (loaded), ==, OPORA_POSITION_HEAD_OF_DEPARTMENT);
  g_assert_false (opora_staff_get_active (loaded));

  /* A staff member others refer to may go; the references become NULL, Undo restores. */
  opora_store_set_author (f->store, id);
  person = save_new_person (f->store, "Кузнецов", "Антон", NULL, OPORA_SEX_MALE, NULL);
  opora_store_set_author (f->store, 0);
  g_assert_cmpint (query_int (f->store, "SELECT created_by FROM person"), ==, id);
  deletion = opora_store_delete_staff (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person WHERE created_by IS NULL"),
                   ==, 1);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT created_by FROM person"), ==, id);

  g_clear_object (&loaded);
  loaded = opora_store_load_staff (f->store, 9999, &error);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_family_crud (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaFamily) family = opora_family_new ();
  g_autoptr(OporaFamily) loaded = NULL;
  g_autoptr(OporaPerson) mother = NULL;
  g_autoptr(OporaPerson) son = NULL;
  g_autoptr(OporaPerson) grandma = NULL;
  g_autoptr(OporaPerson) reloaded = NULL;
  g_autoptr(GListStore) members = g_list_store_new (OPORA_TYPE_PERSON);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListModel) families = NULL;
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autofree char *kind = NULL;
  gint64 id;

  mother = save_new_person (f->store, "Орлова", "Нина", "Юрьевна", OPORA_SEX_FEMALE,
                            "1985-03-02");
  son = save_new_person (f->store, "Орлов", "Илья", NULL, OPORA_SEX_MALE, "2012-07-15");
  grandma = save_new_person (f->store, "Орлова", "Вера", NULL, OPORA_SEX_FEMALE, "1950-01-01");

  opora_family_set_name (family, "Орловы");
  opora_family_set_minor_children (family, 1);
  opora_family_set_is_single_parent (family, TRUE);
  opora_family_set_is_large (family, TRUE);
  opora_family_set_settlement (family, OPORA_SETTLEMENT_RURAL);
  opora_family_set_address (family, "с. Луговое, ул. Мира, 3");

  opora_person_set_relation (son, OPORA_RELATION_CHILD);
  opora_person_set_relation (mother, OPORA_RELATION_APPLICANT);
  opora_person_set_relation (grandma, OPORA_RELATION_GRANDPARENT);
  g_list_store_append (members, son);
  g_list_store_append (members, mother);
  g_list_store_append (members, grandma);
  g_assert_true (opora_store_save_family_members (f->store, family, G_LIST_MODEL (members),
                                                  &error));
  g_assert_no_error (error);
  id = opora_family_get_id (family);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (opora_person_get_family_id (son), ==, id);

  loaded = opora_store_load_family (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_family_get_name (loaded), ==, "Орловы");
  g_assert_cmpint (opora_family_get_minor_children (loaded), ==, 1);
  g_assert_true (opora_family_get_is_single_parent (loaded));
  g_assert_true (opora_family_get_is_large (loaded));
  g_assert_false (opora_family_get_has_disabled_child (loaded));
  g_assert_cmpint (opora_family_get_settlement (loaded), ==, OPORA_SETTLEMENT_RURAL);
  g_assert_cmpuint (opora_family_get_member_count (loaded), ==, 3);
  kind = opora_family_dup_kind_text (loaded);
  g_assert_cmpstr (kind, ==, "large, single-parent");

  /* Members: the applicant first, then by relation. */
  listed = opora_store_list_family_members (f->store, id);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 3);
  {
    g_autoptr(OporaPerson) first = g_list_model_get_item (listed, 0);
    g_autoptr(OporaPerson) second = g_list_model_get_item (listed, 1);

    g_assert_cmpint (opora_person_get_id (first), ==, opora_person_get_id (mother));
    g_assert_cmpint (opora_person_get_relation (first), ==, OPORA_RELATION_APPLICANT);
    g_assert_cmpint (opora_person_get_id (second), ==, opora_person_get_id (son));
    g_assert_cmpstr (opora_person_get_family_name (second), ==, "Орловы");
  }

  /* The grandmother leaves; the family is renamed; the lists follow. */
  families = opora_store_list_families (f->store, NULL);
  g_list_store_remove (members, 2);
  opora_family_set_name (loaded, "Семья Орловых");
  g_assert_true (opora_store_save_family_members (f->store, loaded, G_LIST_MODEL (members),
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  reloaded = opora_store_load_person (f->store, opora_person_get_id (grandma), &error);
  g_assert_cmpint (opora_person_get_family_id (reloaded), ==, 0);
  g_assert_cmpint (opora_person_get_relation (reloaded), ==, OPORA_RELATION_NONE);
  {
    g_autoptr(OporaFamily) row = g_list_model_get_item (families, 0);

    g_assert_cmpstr (opora_family_get_name (row), ==, "Семья Орловых");
    g_assert_cmpuint (opora_family_get_member_count (row), ==, 2);
  }

  /* Deleting the family keeps its members, without a family; Undo puts them back. */
  deletion = opora_store_delete_family (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, 3);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
}

static void
test_person_crud (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaFamily) family = opora_family_new ();
  g_autoptr(OporaPerson) person = NULL;
  g_autoptr(OporaPerson) loaded = NULL;
  g_autoptr(OporaPerson) gone = NULL;
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GListModel) list = opora_store_list_persons (f->store, NULL);
  g_autofree char *full_name = NULL;
  g_autofree char *snils_display = NULL;
  g_autofree char *birth_display = NULL;
  g_autofree char *phone_display = NULL;
  gint64 id;

  opora_family_set_name (family, "Ивановы");
  g_assert_true (opora_store_save_family (f->store, family, &error));

  person = new_person ("Иванов", "Иван", "Иванович", OPORA_SEX_MALE, "1980-05-17");
  opora_person_set_snils (person, "112-233-445 95");
  opora_person_set_phone (person, "8 (912) 345-67-89");
  opora_person_set_address (person, "ул. Ленина, 1");
  opora_person_set_district (person, "Участок 2");
  opora_person_set_notes (person, "Нуждается в трудоустройстве");
  opora_person_set_family_id (person, opora_family_get_id (family));
  opora_person_set_relation (person, OPORA_RELATION_APPLICANT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_true (opora_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  id = opora_person_get_id (person);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  loaded = opora_store_load_person (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_person_get_surname (loaded), ==, "Иванов");
  g_assert_cmpstr (opora_person_get_birth_date (loaded), ==, "1980-05-17");
  g_assert_cmpint (opora_person_get_sex (loaded), ==, OPORA_SEX_MALE);
  g_assert_cmpstr (opora_person_get_snils (loaded), ==, "11223344595");
  g_assert_cmpstr (opora_person_get_phone (loaded), ==, "+79123456789");
  g_assert_cmpstr (opora_person_get_district (loaded), ==, "Участок 2");
  g_assert_cmpstr (opora_person_get_notes (loaded), ==, "Нуждается в трудоустройстве");
  g_assert_cmpint (opora_person_get_family_id (loaded), ==, opora_family_get_id (family));
  g_assert_cmpint (opora_person_get_relation (loaded), ==, OPORA_RELATION_APPLICANT);
  g_assert_cmpstr (opora_person_get_family_name (loaded), ==, "Ивановы");
  g_object_get (loaded, "full-name", &full_name, "snils-display", &snils_display,
                "birth-date-display", &birth_display, "phone-display", &phone_display, NULL);
  g_assert_cmpstr (full_name, ==, "Иванов Иван Иванович");
  g_assert_cmpstr (snils_display, ==, "112-233-445 95");
  g_assert_cmpstr (birth_display, ==, "17.05.1980");
  g_assert_cmpstr (phone_display, ==, "+7 912 345-67-89");

  /* An update: without a family, the relation is not kept. */
  opora_person_set_name (loaded, "Игорь");
  opora_person_set_snils (loaded, NULL);
  opora_person_set_family_id (loaded, 0);
  g_assert_true (opora_store_save_person (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (opora_person_get_id (loaded), ==, id);
  g_clear_object (&loaded);
  loaded = opora_store_load_person (f->store, id, &error);
  g_assert_cmpstr (opora_person_get_name (loaded), ==, "Игорь");
  g_assert_null (opora_person_get_snils (loaded));
  g_assert_cmpint (opora_person_get_relation (loaded), ==, OPORA_RELATION_NONE);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, 1);

  /* Delete, and Undo brings back the same person, searchable again. */
  deletion = opora_store_delete_person (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  gone = opora_store_load_person (f->store, id, &error);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autofree char *found = search_surnames (f->store, "игорь");

    g_assert_cmpstr (found, ==, "Иванов");
  }
}

typedef struct
{
  const char *path;
  void      (*spoil) (OporaPerson *person);
  const char *field;
  int         code;
} PersonRule;

static void spoil_surname (OporaPerson *p) { opora_person_set_surname (p, "   "); }
static void spoil_name (OporaPerson *p) { opora_person_set_name (p, NULL); }
static void spoil_sex (OporaPerson *p) { opora_person_set_sex (p, OPORA_SEX_NONE); }
static void spoil_snils (OporaPerson *p) { opora_person_set_snils (p, "112-233-445 96"); }
static void spoil_snils_short (OporaPerson *p) { opora_person_set_snils (p, "112-233"); }
static void spoil_date (OporaPerson *p) { opora_person_set_birth_date (p, "1990-02-30"); }
static void spoil_date_form (OporaPerson *p) { opora_person_set_birth_date (p, "17.05.1980"); }
static void spoil_date_old (OporaPerson *p) { opora_person_set_birth_date (p, "1899-12-31"); }

static void
spoil_date_future (OporaPerson *p)
{
  g_autofree char *today = opora_date_today_iso ();
  g_autofree char *tomorrow = NULL;
  GDate date;

  g_assert_true (opora_date_parse (today, &date, NULL));
  g_date_add_days (&date, 1);
  tomorrow = opora_date_to_iso (&date);
  opora_person_set_birth_date (p, tomorrow);
}

static const PersonRule person_rules[] = {
  { "surname", spoil_surname, "surname", OPORA_ERROR_REQUIRED },
  { "name", spoil_name, "name", OPORA_ERROR_REQUIRED },
  { "sex", spoil_sex, "sex", OPORA_ERROR_REQUIRED },
  { "snils-checksum", spoil_snils, "snils", OPORA_ERROR_INVALID_SNILS },
  { "snils-shape", spoil_snils_short, "snils", OPORA_ERROR_INVALID_SNILS },
  { "birth-date-calendar", spoil_date, "birth-date", OPORA_ERROR_INVALID_DATE },
  { "birth-date-form", spoil_date_form, "birth-date", OPORA_ERROR_INVALID_DATE },
  { "birth-date-1900", spoil_date_old, "birth-date", OPORA_ERROR_INVALID_DATE },
  { "birth-date-future", spoil_date_future, "birth-date", OPORA_ERROR_INVALID_DATE },
};

static void
test_person_rule (Fixture       *f,
                  gconstpointer  data)
{
  const PersonRule *rule = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaPerson) saved = save_new_person (f->store, "Петров", "Пётр", NULL,
                                                  OPORA_SEX_MALE, "1970-01-01");
  g_autoptr(OporaPerson) fresh = new_person ("Сидоров", "Сидор", NULL, OPORA_SEX_MALE,
                                             "1991-09-09");
  g_autoptr(OporaPerson) reloaded = NULL;
  const char *field = NULL;
  gint64 before = query_int (f->store, "SELECT count(*) FROM person");

  /* The valid person passes, the spoiled one is refused with its field named… */
  g_assert_true (opora_person_validate (fresh, &field, &error));
  g_assert_null (field);
  rule->spoil (fresh);
  g_assert_false (opora_person_validate (fresh, &field, &error));
  g_assert_error (error, OPORA_ERROR, rule->code);
  g_assert_cmpstr (field, ==, rule->field);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* …and neither an insert nor an update writes anything. */
  g_assert_false (opora_store_save_person (f->store, fresh, &error));
  g_assert_error (error, OPORA_ERROR, rule->code);
  g_clear_error (&error);
  g_assert_cmpint (opora_person_get_id (fresh), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, before);

  rule->spoil (saved);
  g_assert_false (opora_store_save_person (f->store, saved, &error));
  g_assert_error (error, OPORA_ERROR, rule->code);
  reloaded = opora_store_load_person (f->store, opora_person_get_id (saved), NULL);
  g_assert_cmpstr (opora_person_get_surname (reloaded), ==, "Петров");
  g_assert_cmpstr (opora_person_get_name (reloaded), ==, "Пётр");
  g_assert_cmpint (opora_person_get_sex (reloaded), ==, OPORA_SEX_MALE);
  g_assert_cmpstr (opora_person_get_birth_date (reloaded), ==, "1970-01-01");
  g_assert_null (opora_person_get_snils (reloaded));
}

static void
test_family_and_staff_rules (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaFamily) family = opora_family_new ();
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  const int bad_children[] = { -1, OPORA_FAMILY_MAX_MINOR_CHILDREN + 1 };
  const char *field = NULL;

  g_assert_false (opora_store_save_family (f->store, family, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (opora_family_validate (family, &field, NULL));
  g_assert_cmpstr (field, ==, "name");

  opora_family_set_name (family, "Соколовы");
  for (guint i = 0; i < G_N_ELEMENTS (bad_children); i++)
    {
      opora_family_set_minor_children (family, bad_children[i]);
      g_assert_false (opora_family_validate (family, &field, &error));
      g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
      g_assert_cmpstr (field, ==, "minor-children");
      g_clear_error (&error);
      g_assert_false (opora_store_save_family (f->store, family, &error));
      g_clear_error (&error);
    }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM family"), ==, 0);
  opora_family_set_minor_children (family, OPORA_FAMILY_MAX_MINOR_CHILDREN);
  g_assert_true (opora_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM family"), ==, 1);

  g_assert_false (opora_staff_validate (staff, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "full-name");
  g_clear_error (&error);
  opora_staff_set_full_name (staff, "Белова Анна");
  g_assert_false (opora_store_save_staff (f->store, staff, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (opora_staff_validate (staff, &field, NULL));
  g_assert_cmpstr (field, ==, "position");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM staff"), ==, 0);
}

static void
test_duplicate_snils (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaPerson) first = new_person ("Лебедев", "Олег", NULL, OPORA_SEX_MALE, NULL);
  g_autoptr(OporaPerson) second = new_person ("Голубев", "Семён", NULL, OPORA_SEX_MALE, NULL);
  g_autoptr(OporaPerson) third = NULL;

  opora_person_set_snils (first, "11223344595");
  g_assert_true (opora_store_save_person (f->store, first, &error));
  g_assert_no_error (error);

  /* The same number typed another way is the same number. */
  opora_person_set_snils (second, "112 233 445 95");
  g_assert_false (opora_store_save_person (f->store, second, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE_SNILS);
  g_assert_cmpstr (error->message, ==, "Another person already has SNILS 112-233-445 95");
  g_clear_error (&error);
  g_assert_cmpint (opora_person_get_id (second), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, 1);

  /* A person keeps their own number through an update; another takes it by update no more
   * than by insert. */
  opora_person_set_notes (first, "Обновлено");
  g_assert_true (opora_store_save_person (f->store, first, &error));
  g_assert_no_error (error);
  opora_person_set_snils (second, NULL);
  g_assert_true (opora_store_save_person (f->store, second, &error));
  third = opora_store_load_person (f->store, opora_person_get_id (second), NULL);
  opora_person_set_snils (third, "112-233-445 95");
  g_assert_false (opora_store_save_person (f->store, third, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE_SNILS);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person WHERE snils IS NOT NULL"),
                   ==, 1);
}

static void
test_person_with_contract (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaPerson) person = save_new_person (f->store, "Зайцева", "Ольга", NULL,
                                                   OPORA_SEX_FEMALE, NULL);
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO contract (number, person_id, concluded_on, term_start,"
                         " term_end) VALUES ('СК-1', %" G_GINT64_FORMAT ", '2024-01-10',"
                         " '2024-01-10', '2024-07-10')", opora_person_get_id (person));
  exec (f->store, sql);

  deletion = opora_store_delete_person (f->store, opora_person_get_id (person), &error);
  g_assert_null (deletion);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "This person has social contracts: delete them first");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, 1);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) persons = opora_store_list_persons (f->store, NULL);
  g_autoptr(OporaPerson) person = new_person ("Мельник", "Тарас", NULL, OPORA_SEX_MALE, NULL);
  g_autoptr(OporaPerson) stranger = new_person ("Гость", "Без", "Записи", OPORA_SEX_MALE, NULL);
  g_autoptr(OporaFamily) family = opora_family_new ();
  g_autoptr(OporaFamily) other = opora_family_new ();
  g_autoptr(GListStore) members = g_list_store_new (OPORA_TYPE_PERSON);

  /* An outer transaction rolled back takes every save inside it along. */
  g_assert_true (opora_store_begin (f->store, &error));
  g_assert_true (opora_store_save_person (f->store, person, &error));
  opora_family_set_name (family, "Мельники");
  g_assert_true (opora_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  opora_store_rollback (f->store);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM family"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person_search"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (persons), ==, 0);

  /* A family whose member list cannot be written is not written either. */
  opora_family_set_name (other, "Гости");
  g_list_store_append (members, stranger);
  g_assert_false (opora_store_save_family_members (f->store, other, G_LIST_MODEL (members),
                                                   &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_assert_cmpint (opora_family_get_id (other), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM family"), ==, 0);
}

static void
fill_search_registry (OporaStore *store)
{
  g_autoptr(OporaPerson) a = new_person ("Иванов", "Пётр", "Сергеевич", OPORA_SEX_MALE,
                                         "1975-04-01");
  g_autoptr(OporaPerson) b = new_person ("Смирнова", "Иванна", NULL, OPORA_SEX_FEMALE,
                                         "1990-11-20");
  g_autoptr(OporaPerson) c = new_person ("Кузнецов", "Иван", "Петрович", OPORA_SEX_MALE,
                                         "2001-02-03");
  g_autoptr(OporaPerson) d = new_person ("Попова", "Анна", NULL, OPORA_SEX_FEMALE, NULL);
  g_autoptr(OporaPerson) e = new_person ("Ёлкина", "Дарья", NULL, OPORA_SEX_FEMALE,
                                         "1983-06-30");
  OporaPerson *all[] = { a, b, c, d, e };
  g_autoptr(GError) error = NULL;

  opora_person_set_snils (a, "112-233-445 95");
  opora_person_set_phone (c, "+7 (912) 345-67-89");
  opora_person_set_phone (d, "2-34-56");
  opora_person_set_district (a, "Северный");
  opora_person_set_district (b, "Южный");
  opora_person_set_district (c, "Северный");
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (opora_store_save_person (store, all[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "иванов", "Иванов" },
    { "ИВАН", "Иванов Кузнецов Смирнова" }, /* surname Иванов, name Иван, name Иванна */
    { "иван петр", "Иванов Кузнецов" }, /* Иванов Пётр, Иван Петрович: «е» finds «ё» */
    { "кузнецов иван", "Кузнецов" },
    { "ёлкина", "Ёлкина" },
    { "Елкина", "Ёлкина" },
    { "пётрович", "Кузнецов" },            /* and «ё» finds «е» */
    { "112-233-445 95", "Иванов" },
    { "11223344595", "Иванов" },
    { "112 233", "Иванов" },
    { "8 (912) 345-67-89", "Кузнецов" },
    { "+79123456789", "Кузнецов" },
    { "9123456789", "Кузнецов" },
    { "2-34-56", "Попова" },
    { "999", "" },
    { "сидоров", "" },
    { "  ", "Ёлкина Иванов Кузнецов Попова Смирнова" },
    { "\"*( -", "Ёлкина Иванов Кузнецов Попова Смирнова" },
    { NULL, NULL }
  };

  fill_search_registry (f->store);
  for (guint i = 0; cases[i].text != NULL; i++)
    {
      g_autofree char *found = search_surnames (f->store, cases[i].text);

      g_test_message ("search “%s”", cases[i].text);
      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

static void
test_search_families_and_staff (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaFamily) family = opora_family_new ();
  g_autoptr(OporaFamily) other = opora_family_new ();
  g_autoptr(OporaPerson) member = save_new_person (f->store, "Петренко", "Олег", NULL,
                                                   OPORA_SEX_MALE, NULL);
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  g_autoptr(GListStore) members = g_list_store_new (OPORA_TYPE_PERSON);
  OporaFamilyQuery family_query = { .search = "ИВАНОВ" };
  OporaStaffQuery staff_query = { .search = "алёна ПЕТР" };
  g_autoptr(GListModel) families = NULL;
  g_autoptr(GListModel) staff_list = NULL;

  opora_family_set_name (family, "Семья Ивановых");
  opora_family_set_minor_children (family, 2);
  g_assert_true (opora_store_save_family (f->store, family, &error));
  opora_family_set_name (other, "Смирновы");
  g_list_store_append (members, member);
  g_assert_true (opora_store_save_family_members (f->store, other, G_LIST_MODEL (members),
                                                  &error));
  g_assert_no_error (error);

  families = opora_store_list_families (f->store, &family_query);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 1);
  /* A member's name finds the family too. */
  family_query.search = "петренко";
  opora_family_list_set_query (families, &family_query);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 1);
  {
    g_autoptr(OporaFamily) found = g_list_model_get_item (families, 0);

    g_assert_cmpstr (opora_family_get_name (found), ==, "Смирновы");
  }
  /* The beginning of any word of the name, any case. */
  family_query.search = "семья ИВАНОВЫХ";
  opora_family_list_set_query (families, &family_query);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 1);
  family_query.search = "ванов"; /* not the beginning of a word */
  opora_family_list_set_query (families, &family_query);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 0);
  /* One letter is no search yet. */
  family_query.search = "и";
  opora_family_list_set_query (families, &family_query);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 2);
  family_query.search = NULL;
  family_query.sort = OPORA_FAMILY_SORT_MINOR_CHILDREN;
  family_query.descending = TRUE;
  opora_family_list_set_query (families, &family_query);
  g_assert_cmpuint (g_list_model_get_n_items (families), ==, 2);
  {
    g_autoptr(OporaFamily) first = g_list_model_get_item (families, 0);

    g_assert_cmpstr (opora_family_get_name (first), ==, "Семья Ивановых");
  }

  opora_staff_set_full_name (staff, "Петрова Алена Викторовна");
  opora_staff_set_position (staff, OPORA_POSITION_PSYCHOLOGIST);
  g_assert_true (opora_store_save_staff (f->store, staff, &error));
  staff_list = opora_store_list_staff (f->store, FALSE);
  opora_staff_list_set_query (staff_list, &staff_query);
  g_assert_cmpuint (g_list_model_get_n_items (staff_list), ==, 1);
  staff_query.search = "сидорова";
  opora_staff_list_set_query (staff_list, &staff_query);
  g_assert_cmpuint (g_list_model_get_n_items (staff_list), ==, 0);
}

static void
test_district_filter_and_sort (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  g_auto(GStrv) districts = NULL;
  g_autofree char *districts_text = NULL;
  g_autofree char *north = NULL;
  g_autofree char *by_birth = NULL;
  g_autofree char *by_birth_searched = NULL;
  OporaPersonQuery query = { .district = "Северный" };
  g_autoptr(GListModel) list = NULL;

  fill_search_registry (f->store);
  opora_staff_set_full_name (staff, "Ковалёв Игорь");
  opora_staff_set_position (staff, OPORA_POSITION_DISTRICT_SPECIALIST);
  opora_staff_set_district (staff, "Восточный");
  g_assert_true (opora_store_save_staff (f->store, staff, &error));

  districts = opora_store_list_districts (f->store);
  districts_text = g_strjoinv (",", districts);
  g_assert_cmpstr (districts_text, ==, "Восточный,Северный,Южный");

  list = opora_store_list_persons (f->store, &query);
  north = list_surnames (list);
  g_assert_cmpstr (north, ==, "Иванов Кузнецов");

  /* Newest first; a person without a birth date comes last. */
  query.district = NULL;
  query.sort = opora_person_sort_from_key ("birth_date");
  query.descending = TRUE;
  opora_person_list_set_query (list, &query);
  by_birth = list_surnames (list);
  g_assert_cmpstr (by_birth, ==, "Кузнецов Смирнова Ёлкина Иванов Попова");

  query.search = "иван";
  opora_person_list_set_query (list, &query);
  by_birth_searched = list_surnames (list);
  g_assert_cmpstr (by_birth_searched, ==, "Кузнецов Смирнова Иванов");

  query.search = NULL;
  query.sort = OPORA_PERSON_SORT_DISTRICT;
  query.descending = FALSE;
  opora_person_list_set_query (list, &query);
  {
    g_autoptr(OporaPerson) last = g_list_model_get_item (list, 4);

    g_assert_cmpstr (opora_person_get_district (last), ==, "Южный");
  }
}

typedef struct
{
  guint calls;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *list,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->calls++;
  seen->removed += removed;
  seen->added = added;
}

static void
test_large_list (Fixture       *f,
                 gconstpointer  data)
{
  const guint n = 10000;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(OporaPerson) last = NULL;
  g_autoptr(OporaPerson) first = NULL;
  g_autoptr(OporaPerson) late = NULL;
  g_autoptr(OporaPerson) added = NULL;
  ItemsChanged seen = { 0 };
  OporaPersonQuery query = { 0 };
  gint64 started = g_get_monotonic_time ();

  g_assert_true (opora_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *surname = g_strdup_printf ("Фамилия%05u", i);
      g_autofree char *snils = make_snils (i);
      g_autofree char *birth = g_strdup_printf ("%04u-%02u-%02u", 1930 + i % 90,
                                                1 + i % 12, 1 + i % 28);
      g_autoptr(OporaPerson) person = new_person (surname, "Имя", NULL,
                                                  i % 2 ? OPORA_SEX_MALE : OPORA_SEX_FEMALE,
                                                  birth);

      opora_person_set_snils (person, snils);
      if (!opora_store_save_person (f->store, person, &error))
        g_error ("Person %u refused: %s", i, error->message);
    }
  g_assert_true (opora_store_commit (f->store, &error));
  g_test_message ("%u persons saved in %.2f s", n,
                  (g_get_monotonic_time () - started) / 1e6);

  list = opora_store_list_persons (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  last = g_list_model_get_item (list, n - 1);
  g_assert_nonnull (last);
  g_assert_cmpstr (opora_person_get_surname (last), ==, "Фамилия09999");
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (opora_person_get_surname (first), ==, "Фамилия00000");
  g_assert_null (g_list_model_get_item (list, n));

  /* One more person: the list counts again and shows it in its place — told as all rows
   * gone, then all new (see opora_list_model_reload). */
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  late = save_new_person (f->store, "Яковлев", "Яков", NULL, OPORA_SEX_MALE, "2020-01-01");
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpuint (seen.removed, ==, n);
  g_assert_cmpuint (seen.added, ==, n + 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n + 1);
  added = g_list_model_get_item (list, n);
  g_assert_cmpint (opora_person_get_id (added), ==, opora_person_get_id (late));

  /* The same list, sorted by birth date descending: the newest first, in place. */
  query.sort = OPORA_PERSON_SORT_BIRTH_DATE;
  query.descending = TRUE;
  opora_person_list_set_query (list, &query);
  g_clear_object (&first);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (opora_person_get_surname (first), ==, "Яковлев");
  g_clear_object (&last);
  last = g_list_model_get_item (list, n);
  g_assert_cmpstr (opora_person_get_birth_date (last), ==, "1930-01-01");

  /* And found by one SNILS out of ten thousand. */
  {
    g_autofree char *snils = make_snils (4321);
    g_autofree char *typed = g_strdup_printf ("%.3s-%.3s-%.3s %.2s", snils, snils + 3,
                                              snils + 6, snils + 9);
    g_autofree char *found = search_surnames (f->store, typed);

    g_assert_cmpstr (found, ==, "Фамилия04321");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/people/staff/crud", test_staff_crud);
  ADD ("/people/family/crud", test_family_crud);
  ADD ("/people/person/crud", test_person_crud);
  for (guint i = 0; i < G_N_ELEMENTS (person_rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("/people/person/rule/%s", person_rules[i].path);

      g_test_add (path, Fixture, &person_rules[i], fixture_set_up, test_person_rule,
                  fixture_tear_down);
    }
  ADD ("/people/family-and-staff/rules", test_family_and_staff_rules);
  ADD ("/people/person/duplicate-snils", test_duplicate_snils);
  ADD ("/people/person/with-contract", test_person_with_contract);
  ADD ("/people/rollback", test_rollback);
  ADD ("/people/search/persons", test_search);
  ADD ("/people/search/families-and-staff", test_search_families_and_staff);
  ADD ("/people/list/district-and-sort", test_district_filter_and_sort);
  ADD ("/people/list/ten-thousand", test_large_list);

#undef ADD

  return g_test_run ();
}
