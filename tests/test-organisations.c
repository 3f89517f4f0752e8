/* Partner organisations and their agreements: the model's rules, saving with agreements in
 * one transaction, and the list's search, filters and sorting done in SQL. */
#include <glib.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-organisation.h"
#include "opora-store-organisations.h"
#include "opora-store-records.h"
#include "opora-test-util.h"

typedef struct
{
  char       *dir;
  OporaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = opora_test_open_store (&fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  opora_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static OporaAgreement *
agreement_new (const char *number,
               const char *signed_on,
               const char *valid_until)
{
  OporaAgreement *agreement = opora_agreement_new ();

  opora_agreement_set_number (agreement, number);
  opora_agreement_set_signed_on (agreement, signed_on);
  opora_agreement_set_valid_until (agreement, valid_until);
  return agreement;
}

static OporaOrganisation *
organisation_new (const char            *name,
                  OporaOrganisationKind  kind)
{
  OporaOrganisation *organisation = opora_organisation_new ();

  opora_organisation_set_name (organisation, name);
  opora_organisation_set_kind (organisation, kind);
  return organisation;
}

static gint64
save_new (OporaStore            *store,
          const char            *name,
          OporaOrganisationKind  kind,
          const char            *profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaOrganisation) organisation = organisation_new (name, kind);

  opora_organisation_set_profile (organisation, profile);
  opora_store_save_organisation (store, organisation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opora_organisation_get_id (organisation), >, 0);
  return opora_organisation_get_id (organisation);
}

static OporaAgreement *
agreement_at (OporaOrganisation *organisation,
              guint              position)
{
  return g_list_model_get_item (opora_organisation_get_agreements (organisation), position);
}

static guint
n_agreements (OporaOrganisation *organisation)
{
  return g_list_model_get_n_items (opora_organisation_get_agreements (organisation));
}

static guint
count (OporaStore                   *store,
       const OporaOrganisationQuery *query)
{
  g_autoptr(GListModel) list = opora_store_list_organisations (store, query);

  return g_list_model_get_n_items (list);
}

static guint
count_search (OporaStore *store,
              const char *search)
{
  OporaOrganisationQuery query = { .search = search };

  return count (store, &query);
}

/* Names in list order, joined by "|". */
static char *
names_in_order (GListModel *list)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OporaOrganisation) organisation = g_list_model_get_item (list, i);

      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, opora_organisation_get_name (organisation));
    }
  return g_strdup (names->str);
}

static gboolean
append_record_cb (const char  *table,
                  GVariant    *record,
                  gpointer     user_data,
                  GError     **error)
{
  g_autofree char *text = g_variant_print (record, FALSE);

  g_string_append_printf (user_data, "%s %s\n", table, text);
  return TRUE;
}

/* Every column of every organisation and agreement row, audit columns included. */
static char *
snapshot (OporaStore *store)
{
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  opora_store_foreach_record (store, "organisation", append_record_cb, text, &error);
  g_assert_no_error (error);
  opora_store_foreach_record (store, "agreement", append_record_cb, text, &error);
  g_assert_no_error (error);
  return g_string_free (text, FALSE);
}

static char *
iso_days_from (const char *iso,
               int         days)
{
  GDate date;

  g_assert_true (opora_date_parse (iso, &date, NULL));
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return opora_date_to_iso (&date);
}

static void
test_kind_strings (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (int kind = OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE;
       kind <= OPORA_ORGANISATION_KIND_LAST; kind++)
    {
      const char *text = opora_organisation_kind_to_string (kind);
      const char *display = opora_organisation_kind_display_name (kind);

      g_assert_nonnull (text);
      g_assert_cmpint (opora_organisation_kind_from_string (text), ==, kind);
      g_assert_true (display != NULL && *display != '\0');
      g_assert_false (g_hash_table_contains (names, display));
      g_hash_table_add (names, (gpointer) display);
    }
  g_assert_cmpstr (opora_organisation_kind_to_string (OPORA_ORGANISATION_KIND_BAILIFFS), ==,
                   "bailiffs");
  g_assert_cmpstr (opora_organisation_kind_to_string (OPORA_ORGANISATION_KIND_BUSINESS_FUND), ==,
                   "business_fund");
  g_assert_null (opora_organisation_kind_to_string (OPORA_ORGANISATION_KIND_NONE));
  g_assert_cmpint (opora_organisation_kind_from_string ("none"), ==, OPORA_ORGANISATION_KIND_NONE);
  g_assert_cmpint (opora_organisation_kind_from_string ("bank"), ==, OPORA_ORGANISATION_KIND_NONE);
  g_assert_cmpint (opora_organisation_kind_from_string (NULL), ==, OPORA_ORGANISATION_KIND_NONE);
}

static void
test_validation (void)
{
  g_autoptr(OporaOrganisation) organisation = organisation_new ("  ", OPORA_ORGANISATION_KIND_NGO);
  g_autoptr(OporaAgreement) good = agreement_new ("1", "2023-01-01", "2023-12-31");
  g_autoptr(OporaAgreement) bad = agreement_new ("2", "2023-06-01", NULL);
  g_autoptr(GError) error = NULL;
  OporaAgreement *at_fault = NULL;
  const char *field = NULL;

  g_assert_false (opora_organisation_validate (organisation, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "name");
  g_assert_null (at_fault);
  g_clear_error (&error);
  g_assert_false (opora_organisation_validate_field (organisation, "name", NULL));
  g_assert_true (opora_organisation_validate_field (organisation, "kind", NULL));

  opora_organisation_set_name (organisation, "Фонд «Свой бизнес»");
  opora_organisation_set_kind (organisation, OPORA_ORGANISATION_KIND_NONE);
  g_assert_false (opora_organisation_validate (organisation, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "kind");
  g_clear_error (&error);
  g_assert_true (opora_organisation_validate_field (organisation, "name", NULL));
  g_assert_false (opora_organisation_validate_field (organisation, "kind", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);

  opora_organisation_set_kind (organisation, OPORA_ORGANISATION_KIND_BUSINESS_FUND);
  opora_organisation_add_agreement (organisation, good);
  opora_organisation_add_agreement (organisation, bad);
  g_assert_true (opora_organisation_validate (organisation, &at_fault, &field, &error));
  g_assert_no_error (error);
  g_assert_null (field);

  opora_agreement_set_number (bad, " ");
  g_assert_false (opora_organisation_validate (organisation, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "number");
  g_assert_true (at_fault == bad);
  g_clear_error (&error);

  opora_agreement_set_number (bad, "2");
  opora_agreement_set_signed_on (bad, NULL);
  g_assert_false (opora_organisation_validate (organisation, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "signed-on");
  g_assert_true (at_fault == bad);
  g_clear_error (&error);

  opora_agreement_set_signed_on (bad, "2023-02-30");
  g_assert_false (opora_organisation_validate (organisation, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
  g_assert_cmpstr (field, ==, "signed-on");
  g_clear_error (&error);

  /* Ending the day it is signed is allowed; the day before is not. */
  opora_agreement_set_signed_on (bad, "2023-06-01");
  opora_agreement_set_valid_until (bad, "2023-06-01");
  g_assert_true (opora_organisation_validate (organisation, NULL, NULL, NULL));
  opora_agreement_set_valid_until (bad, "2023-05-31");
  g_assert_false (opora_organisation_validate (organisation, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER);
  g_assert_cmpstr (field, ==, "valid-until");
  g_assert_true (at_fault == bad);
  g_assert_nonnull (strstr (error->message, "31.05.2023"));
  g_clear_error (&error);
}

static void
test_agreement_description (void)
{
  g_autoptr(OporaOrganisation) organisation =
    organisation_new ("ЦЗН", OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE);
  g_autoptr(OporaAgreement) old = agreement_new ("3", "2020-01-15", "2021-12-31");
  g_autoptr(OporaAgreement) current = agreement_new ("12", "2023-02-01", "2024-12-31");
  g_autoptr(OporaAgreement) next = agreement_new ("15", "2025-01-01", NULL);
  g_autofree char *summary = NULL;

  g_assert_null (opora_organisation_describe_agreement (organisation, "2024-01-01"));
  opora_organisation_add_agreement (organisation, old);
  opora_organisation_add_agreement (organisation, current);
  opora_organisation_add_agreement (organisation, next);

  summary = opora_organisation_describe_agreement (organisation, "2024-06-01");
  g_assert_cmpstr (summary, ==, "No. 12 of 01.02.2023, until 31.12.2024");
  g_clear_pointer (&summary, g_free);

  summary = opora_organisation_describe_agreement (organisation, "2030-06-01");
  g_assert_cmpstr (summary, ==, "No. 15 of 01.01.2025, open-ended");
  g_clear_pointer (&summary, g_free);

  /* Between agreements: the latest signed shows, and that it has ended. */
  opora_organisation_remove_agreement (organisation, next);
  summary = opora_organisation_describe_agreement (organisation, "2025-03-01");
  g_assert_cmpstr (summary, ==, "No. 12 of 01.02.2023, until 31.12.2024 (expired)");
  g_clear_pointer (&summary, g_free);

  summary = opora_organisation_describe_agreement (organisation, "2019-03-01");
  g_assert_cmpstr (summary, ==, "No. 12 of 01.02.2023, until 31.12.2024 (not yet in force)");
  g_assert_true (opora_organisation_has_agreement_in_force (organisation, "2021-12-31"));
  g_assert_false (opora_organisation_has_agreement_in_force (organisation, "2022-01-01"));
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             guint      *calls)
{
  (*calls)++;
}

static void
test_summary_properties_follow_today (void)
{
  g_autoptr(OporaOrganisation) organisation =
    organisation_new ("НКО «Рука»", OPORA_ORGANISATION_KIND_NGO);
  g_autofree char *today = opora_date_today_iso ();
  g_autofree char *yesterday = iso_days_from (today, -1);
  g_autofree char *year_ago = iso_days_from (today, -365);
  g_autoptr(OporaAgreement) agreement = agreement_new ("7", year_ago, today);
  g_autofree char *summary = NULL;
  g_autofree char *kind = NULL;
  gboolean in_force = TRUE;
  guint notified = 0;

  g_object_get (organisation, "has-agreement-in-force", &in_force, "kind-display", &kind, NULL);
  g_assert_false (in_force);
  g_assert_cmpstr (kind, ==, "NGO");

  opora_organisation_add_agreement (organisation, agreement);
  g_object_get (organisation, "has-agreement-in-force", &in_force,
                "agreement-summary", &summary, NULL);
  g_assert_true (in_force);
  g_assert_nonnull (strstr (summary, "No. 7 of "));

  /* Editing the agreement reaches the organisation's summary. */
  g_signal_connect (organisation, "notify::has-agreement-in-force",
                    G_CALLBACK (notified_cb), &notified);
  opora_agreement_set_valid_until (agreement, yesterday);
  g_assert_cmpuint (notified, >, 0);
  g_object_get (organisation, "has-agreement-in-force", &in_force, NULL);
  g_assert_false (in_force);
}

static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaOrganisation) organisation =
    organisation_new ("ГКУ «Центр занятости населения»",
                      OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE);
  g_autoptr(OporaOrganisation) loaded = NULL;
  g_autoptr(OporaAgreement) first = agreement_new ("12", "2023-02-01", "2024-12-31");
  g_autoptr(OporaAgreement) second = agreement_new ("12/1", "2025-01-01", NULL);
  g_autoptr(OporaAgreement) loaded_first = NULL;
  g_autoptr(OporaAgreement) loaded_second = NULL;
  g_autoptr(OporaDeletion) deletion = NULL;
  gint64 id;

  opora_organisation_set_profile (organisation, "Подбор вакансий,\nпрофобучение");
  opora_organisation_set_contacts (organisation, "+7 (3452) 00-00-00");
  opora_organisation_set_address (organisation, "ул. Ленина, 1");
  opora_organisation_set_hours (organisation, "Пн–Пт 9:00–18:00");
  opora_organisation_set_conditions (organisation, "При себе паспорт");
  /* Added out of order: the store hands them back by signing date. */
  opora_organisation_add_agreement (organisation, second);
  opora_organisation_add_agreement (organisation, first);

  g_assert_true (opora_store_save_organisation (fixture->store, organisation, &error));
  g_assert_no_error (error);
  id = opora_organisation_get_id (organisation);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (opora_agreement_get_id (first), >, 0);
  g_assert_cmpint (opora_agreement_get_id (second), >, 0);
  g_assert_cmpint (opora_agreement_get_id (first), !=, opora_agreement_get_id (second));
  g_assert_cmpint (opora_agreement_get_organisation_id (first), ==, id);

  loaded = opora_store_load_organisation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_organisation_get_name (loaded), ==, "ГКУ «Центр занятости населения»");
  g_assert_cmpint (opora_organisation_get_kind (loaded), ==,
                   OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE);
  g_assert_cmpstr (opora_organisation_get_profile (loaded), ==, "Подбор вакансий,\nпрофобучение");
  g_assert_cmpstr (opora_organisation_get_contacts (loaded), ==, "+7 (3452) 00-00-00");
  g_assert_cmpstr (opora_organisation_get_address (loaded), ==, "ул. Ленина, 1");
  g_assert_cmpstr (opora_organisation_get_hours (loaded), ==, "Пн–Пт 9:00–18:00");
  g_assert_cmpstr (opora_organisation_get_conditions (loaded), ==, "При себе паспорт");
  g_assert_cmpuint (n_agreements (loaded), ==, 2);
  loaded_first = agreement_at (loaded, 0);
  loaded_second = agreement_at (loaded, 1);
  g_assert_cmpint (opora_agreement_get_id (loaded_first), ==, opora_agreement_get_id (first));
  g_assert_cmpstr (opora_agreement_get_number (loaded_first), ==, "12");
  g_assert_cmpstr (opora_agreement_get_signed_on (loaded_first), ==, "2023-02-01");
  g_assert_cmpstr (opora_agreement_get_valid_until (loaded_first), ==, "2024-12-31");
  g_assert_cmpint (opora_agreement_get_organisation_id (loaded_first), ==, id);
  g_assert_cmpstr (opora_agreement_get_number (loaded_second), ==, "12/1");
  g_assert_null (opora_agreement_get_valid_until (loaded_second));

  /* Update: a field changed, a field cleared. */
  opora_organisation_set_name (loaded, "Центр занятости (филиал)");
  opora_organisation_set_kind (loaded, OPORA_ORGANISATION_KIND_OTHER);
  opora_organisation_set_hours (loaded, "");
  g_assert_true (opora_store_save_organisation (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (opora_organisation_get_id (loaded), ==, id);
  g_clear_object (&loaded);
  loaded = opora_store_load_organisation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_organisation_get_name (loaded), ==, "Центр занятости (филиал)");
  g_assert_cmpint (opora_organisation_get_kind (loaded), ==, OPORA_ORGANISATION_KIND_OTHER);
  g_assert_null (opora_organisation_get_hours (loaded));
  g_assert_cmpstr (opora_organisation_get_address (loaded), ==, "ул. Ленина, 1");
  g_assert_cmpuint (count (fixture->store, NULL), ==, 1);

  /* Delete takes the agreements with it; Undo brings both back. */
  deletion = opora_store_delete_record (fixture->store, "organisation", id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_null (opora_store_load_organisation (fixture->store, id, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count (fixture->store, NULL), ==, 0);
  g_assert_cmpuint (opora_store_count_organisations_with_agreement_in_force (fixture->store,
                                                                             "2024-01-01"), ==, 0);

  g_assert_true (opora_store_undo_deletion (fixture->store, deletion, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = opora_store_load_organisation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_agreements (loaded), ==, 2);
  g_assert_cmpuint (opora_store_count_organisations_with_agreement_in_force (fixture->store,
                                                                             "2024-01-01"), ==, 1);
}

static void
test_agreements_through_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaOrganisation) organisation =
    organisation_new ("Колледж", OPORA_ORGANISATION_KIND_COLLEGE);
  g_autoptr(OporaOrganisation) loaded = NULL;
  g_autoptr(OporaAgreement) a = agreement_new ("1", "2021-01-01", "2021-12-31");
  g_autoptr(OporaAgreement) b = agreement_new ("2", "2022-01-01", "2022-12-31");
  g_autoptr(OporaAgreement) c = agreement_new ("3", "2023-01-01", NULL);
  g_autoptr(OporaAgreement) item = NULL;
  gint64 a_id, c_id;

  opora_organisation_add_agreement (organisation, a);
  opora_organisation_add_agreement (organisation, b);
  g_assert_true (opora_store_save_organisation (fixture->store, organisation, &error));
  g_assert_no_error (error);
  a_id = opora_agreement_get_id (a);

  /* Remove b, change a, add c: one save. */
  opora_organisation_remove_agreement (organisation, b);
  opora_agreement_set_number (a, "1-изм");
  opora_agreement_set_valid_until (a, NULL);
  opora_organisation_add_agreement (organisation, c);
  g_assert_true (opora_store_save_organisation (fixture->store, organisation, &error));
  g_assert_no_error (error);
  c_id = opora_agreement_get_id (c);
  g_assert_cmpint (c_id, >, 0);
  g_assert_cmpint (opora_agreement_get_id (a), ==, a_id);

  loaded = opora_store_load_organisation (fixture->store,
                                          opora_organisation_get_id (organisation), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_agreements (loaded), ==, 2);
  item = agreement_at (loaded, 0);
  g_assert_cmpint (opora_agreement_get_id (item), ==, a_id);
  g_assert_cmpstr (opora_agreement_get_number (item), ==, "1-изм");
  g_assert_null (opora_agreement_get_valid_until (item));
  g_clear_object (&item);
  item = agreement_at (loaded, 1);
  g_assert_cmpint (opora_agreement_get_id (item), ==, c_id);
  g_clear_object (&item);

  /* Removing every agreement leaves none in the database. */
  opora_organisation_clear_agreements (loaded);
  g_assert_true (opora_store_save_organisation (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = opora_store_load_organisation (fixture->store,
                                          opora_organisation_get_id (organisation), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_agreements (loaded), ==, 0);
  g_assert_cmpuint (opora_store_count_organisations_with_agreement_in_force (fixture->store,
                                                                             "2023-06-01"), ==, 0);
}

static void
assert_refused_unchanged (OporaStore        *store,
                          OporaOrganisation *organisation,
                          int                code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(OporaOrganisation) copy = opora_organisation_copy (organisation);
  gint64 id = opora_organisation_get_id (organisation);

  g_assert_false (opora_store_save_organisation (store, organisation, &error));
  g_assert_error (error, OPORA_ERROR, code);
  g_assert_true (error->message != NULL && *error->message != '\0');
  after = snapshot (store);
  g_assert_cmpstr (before, ==, after);

  /* The object keeps what the user typed, ids included, to be corrected and saved. */
  g_assert_cmpint (opora_organisation_get_id (organisation), ==, id);
  g_assert_cmpuint (n_agreements (organisation), ==, n_agreements (copy));
  for (guint i = 0; i < n_agreements (organisation); i++)
    {
      g_autoptr(OporaAgreement) x = agreement_at (organisation, i);
      g_autoptr(OporaAgreement) y = agreement_at (copy, i);

      g_assert_cmpint (opora_agreement_get_id (x), ==, opora_agreement_get_id (y));
    }
}

static void
test_refusals_leave_database_unchanged (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaOrganisation) other = organisation_new ("Другая", OPORA_ORGANISATION_KIND_NGO);
  g_autoptr(OporaAgreement) others_agreement = agreement_new ("99", "2022-01-01", NULL);
  g_autoptr(OporaOrganisation) organisation =
    organisation_new ("Молодёжный центр", OPORA_ORGANISATION_KIND_YOUTH_CENTRE);
  g_autoptr(OporaAgreement) kept = agreement_new ("5", "2022-01-01", "2022-12-31");
  g_autoptr(OporaAgreement) added = NULL;
  g_autoptr(OporaAgreement) stolen = NULL;
  g_autoptr(OporaOrganisation) edited = NULL;
  g_autoptr(OporaOrganisation) fresh = NULL;
  g_autoptr(OporaOrganisation) gone = NULL;

  opora_organisation_add_agreement (other, others_agreement);
  opora_organisation_add_agreement (organisation, kept);
  g_assert_true (opora_store_save_organisation (fixture->store, other, &error));
  g_assert_true (opora_store_save_organisation (fixture->store, organisation, &error));
  g_assert_no_error (error);

  /* Rules of the model, for an existing organisation and for a new one. */
  edited = opora_organisation_copy (organisation);
  opora_organisation_set_name (edited, "");
  added = agreement_new ("6", "2023-01-01", NULL);
  opora_organisation_add_agreement (edited, added);
  assert_refused_unchanged (fixture->store, edited, OPORA_ERROR_REQUIRED);

  opora_organisation_set_name (edited, "Молодёжный центр «Пульс»");
  opora_organisation_set_kind (edited, OPORA_ORGANISATION_KIND_NONE);
  assert_refused_unchanged (fixture->store, edited, OPORA_ERROR_REQUIRED);

  opora_organisation_set_kind (edited, OPORA_ORGANISATION_KIND_YOUTH_CENTRE);
  opora_agreement_set_number (added, NULL);
  assert_refused_unchanged (fixture->store, edited, OPORA_ERROR_REQUIRED);

  opora_agreement_set_number (added, "6");
  opora_agreement_set_signed_on (added, NULL);
  assert_refused_unchanged (fixture->store, edited, OPORA_ERROR_REQUIRED);

  opora_agreement_set_signed_on (added, "2023-01-01");
  opora_agreement_set_valid_until (added, "2022-12-31");
  assert_refused_unchanged (fixture->store, edited, OPORA_ERROR_DATE_ORDER);

  fresh = opora_organisation_copy (edited);
  opora_organisation_set_id (fresh, 0);
  assert_refused_unchanged (fixture->store, fresh, OPORA_ERROR_DATE_ORDER);

  /* Refused by the database halfway through: the organisation row was already updated and
   * an agreement inserted when another organisation's agreement is met. */
  opora_agreement_set_valid_until (added, NULL);
  stolen = opora_agreement_copy (others_agreement);
  opora_agreement_set_number (stolen, "99-чужое");
  opora_organisation_add_agreement (edited, stolen);
  assert_refused_unchanged (fixture->store, edited, OPORA_ERROR_NOT_FOUND);
  g_assert_cmpint (opora_agreement_get_id (added), ==, 0);

  /* An organisation deleted meanwhile is not brought back by a save. */
  gone = organisation_new ("Удалённая", OPORA_ORGANISATION_KIND_OTHER);
  opora_organisation_set_id (gone, 9999);
  assert_refused_unchanged (fixture->store, gone, OPORA_ERROR_NOT_FOUND);

  /* Corrected, the same object saves. */
  opora_organisation_remove_agreement (edited, stolen);
  g_assert_true (opora_store_save_organisation (fixture->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (opora_agreement_get_id (added), >, 0);
}

static void
test_search_cyrillic_any_case (Fixture       *fixture,
                               gconstpointer  data)
{
  OporaStore *store = fixture->store;
  g_autoptr(OporaOrganisation) with_agreement =
    organisation_new ("Управление образования", OPORA_ORGANISATION_KIND_EDUCATION);
  g_autoptr(OporaAgreement) agreement = agreement_new ("СП-17/2023", "2023-01-01", NULL);
  g_autoptr(GError) error = NULL;

  save_new (store, "Центр занятости населения", OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE,
            "Вакансии и профобучение");
  save_new (store, "ЦЕНТР ДОСУГА «ЁЛОЧКА»", OPORA_ORGANISATION_KIND_YOUTH_CENTRE, NULL);
  save_new (store, "Colledge of Arts", OPORA_ORGANISATION_KIND_COLLEGE, "курсы ПРОФОБУЧЕНИЯ");
  opora_organisation_add_agreement (with_agreement, agreement);
  g_assert_true (opora_store_save_organisation (store, with_agreement, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_search (store, NULL), ==, 4);
  g_assert_cmpuint (count_search (store, ""), ==, 4);
  g_assert_cmpuint (count_search (store, "  "), ==, 4);
  g_assert_cmpuint (count_search (store, "центр"), ==, 2);
  g_assert_cmpuint (count_search (store, "ЦЕНТР"), ==, 2);
  g_assert_cmpuint (count_search (store, "цЕнТр"), ==, 2);
  g_assert_cmpuint (count_search (store, "Занятости"), ==, 1);
  g_assert_cmpuint (count_search (store, "ДОСУГА"), ==, 1);
  g_assert_cmpuint (count_search (store, "досуга"), ==, 1);
  /* «ё» and «е» find each other, in either case. */
  g_assert_cmpuint (count_search (store, "ёлочка"), ==, 1);
  g_assert_cmpuint (count_search (store, "Елочка"), ==, 1);
  /* The profile is searched too, and each word may be found in a different field. */
  g_assert_cmpuint (count_search (store, "профобучени"), ==, 2);
  g_assert_cmpuint (count_search (store, "arts ПРОФОБУЧЕНИЯ"), ==, 1);
  g_assert_cmpuint (count_search (store, "центр arts"), ==, 0);
  g_assert_cmpuint (count_search (store, "COLLEDGE"), ==, 1);
  /* An agreement's number finds its organisation. */
  g_assert_cmpuint (count_search (store, "сп-17"), ==, 1);
  /* LIKE's wildcards are plain characters here. */
  g_assert_cmpuint (count_search (store, "%"), ==, 0);
  g_assert_cmpuint (count_search (store, "_"), ==, 0);
  g_assert_cmpuint (count_search (store, "больница"), ==, 0);
}

static void
test_kind_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  OporaStore *store = fixture->store;
  OporaOrganisationQuery query = { 0 };
  g_autoptr(GListModel) list = NULL;
  g_autoptr(OporaOrganisation) item = NULL;

  save_new (store, "Колледж строительный", OPORA_ORGANISATION_KIND_COLLEGE, NULL);
  save_new (store, "Колледж медицинский", OPORA_ORGANISATION_KIND_COLLEGE, NULL);
  save_new (store, "Служба судебных приставов", OPORA_ORGANISATION_KIND_BAILIFFS, NULL);
  save_new (store, "Медицинский центр", OPORA_ORGANISATION_KIND_OTHER, NULL);

  query.kind = OPORA_ORGANISATION_KIND_COLLEGE;
  g_assert_cmpuint (count (store, &query), ==, 2);
  query.kind = OPORA_ORGANISATION_KIND_BAILIFFS;
  g_assert_cmpuint (count (store, &query), ==, 1);
  query.kind = OPORA_ORGANISATION_KIND_NGO;
  g_assert_cmpuint (count (store, &query), ==, 0);

  query.kind = OPORA_ORGANISATION_KIND_COLLEGE;
  query.search = "медицинский";
  list = opora_store_list_organisations (store, &query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (opora_organisation_get_name (item), ==, "Колледж медицинский");

  /* The same list, asked again: every kind. */
  query.kind = OPORA_ORGANISATION_KIND_NONE;
  opora_store_query_organisations (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
test_agreement_in_force_edges (Fixture       *fixture,
                               gconstpointer  data)
{
  OporaStore *store = fixture->store;
  const char *day = "2024-03-15";
  g_autofree char *day_before = iso_days_from (day, -1);
  g_autofree char *day_after = iso_days_from (day, 1);
  struct {
    const char *name;
    const char *signed_on;
    const char *valid_until;
    gboolean    before, on, after; /* in force on day-1, day, day+1 */
  } cases[] = {
    { "Подписано в день D",        day,          NULL,        FALSE, TRUE,  TRUE },
    { "Действует до D",            "2023-01-01", day,         TRUE,  TRUE,  FALSE },
    { "Истекло накануне",          "2023-01-01", day_before,  TRUE,  FALSE, FALSE },
    { "Бессрочное",                "2020-01-01", NULL,        TRUE,  TRUE,  TRUE },
    { "Подписано после D",         day_after,    NULL,        FALSE, FALSE, TRUE },
    { "Один день D",               day,          day,         FALSE, TRUE,  FALSE },
  };
  guint expected_before = 0, expected_on = 0, expected_after = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  OporaOrganisationQuery query = { .in_force_on = day };

  save_new (store, "Без соглашения", OPORA_ORGANISATION_KIND_OTHER, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OporaOrganisation) organisation =
        organisation_new (cases[i].name, OPORA_ORGANISATION_KIND_NGO);
      g_autoptr(OporaAgreement) agreement =
        agreement_new ("1", cases[i].signed_on, cases[i].valid_until);

      opora_organisation_add_agreement (organisation, agreement);
      g_assert_true (opora_store_save_organisation (store, organisation, &error));
      g_assert_no_error (error);

      g_assert_cmpint (opora_organisation_has_agreement_in_force (organisation, day_before), ==,
                       cases[i].before);
      g_assert_cmpint (opora_organisation_has_agreement_in_force (organisation, day), ==,
                       cases[i].on);
      g_assert_cmpint (opora_organisation_has_agreement_in_force (organisation, day_after), ==,
                       cases[i].after);
      expected_before += cases[i].before;
      expected_on += cases[i].on;
      expected_after += cases[i].after;
    }

  g_assert_cmpuint (opora_store_count_organisations_with_agreement_in_force (store, day_before),
                    ==, expected_before);
  g_assert_cmpuint (opora_store_count_organisations_with_agreement_in_force (store, day),
                    ==, expected_on);
  g_assert_cmpuint (opora_store_count_organisations_with_agreement_in_force (store, day_after),
                    ==, expected_after);

  /* The list's filter agrees with the count, organisation by organisation. */
  list = opora_store_list_organisations (store, &query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected_on);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OporaOrganisation) item = g_list_model_get_item (list, i);
      g_assert_true (opora_organisation_has_agreement_in_force (item, day));
    }

  /* Two agreements in force count the organisation once. */
  {
    g_autoptr(OporaOrganisation) twice =
      organisation_new ("Два соглашения", OPORA_ORGANISATION_KIND_NGO);
    g_autoptr(OporaAgreement) one = agreement_new ("1", "2020-01-01", NULL);
    g_autoptr(OporaAgreement) two = agreement_new ("2", "2021-01-01", NULL);

    opora_organisation_add_agreement (twice, one);
    opora_organisation_add_agreement (twice, two);
    g_assert_true (opora_store_save_organisation (store, twice, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (opora_store_count_organisations_with_agreement_in_force (store, day),
                      ==, expected_on + 1);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected_on + 1);
  }
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  OporaStore *store = fixture->store;
  OporaOrganisationQuery query = { 0 };
  g_autoptr(GListModel) list = NULL;
  g_autofree char *names = NULL;

  save_new (store, "Жилищный фонд", OPORA_ORGANISATION_KIND_OTHER, NULL);
  save_new (store, "арт-колледж", OPORA_ORGANISATION_KIND_COLLEGE, NULL);
  save_new (store, "ёлочка", OPORA_ORGANISATION_KIND_YOUTH_CENTRE, NULL);
  save_new (store, "Бизнес-инкубатор", OPORA_ORGANISATION_KIND_BUSINESS_FUND, NULL);
  save_new (store, "ЦЗН", OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE, NULL);
  save_new (store, "Дом молодёжи", OPORA_ORGANISATION_KIND_YOUTH_CENTRE, NULL);

  /* Case does not split the alphabet, and «ё» sorts with «е». */
  list = opora_store_list_organisations (store, &query);
  names = names_in_order (list);
  g_assert_cmpstr (names, ==,
                   "арт-колледж|Бизнес-инкубатор|Дом молодёжи|ёлочка|Жилищный фонд|ЦЗН");
  g_clear_pointer (&names, g_free);

  query.descending = TRUE;
  opora_store_query_organisations (list, &query);
  names = names_in_order (list);
  g_assert_cmpstr (names, ==,
                   "ЦЗН|Жилищный фонд|ёлочка|Дом молодёжи|Бизнес-инкубатор|арт-колледж");
  g_clear_pointer (&names, g_free);

  /* By kind in the order of the form, «Другое» last; by name within a kind. */
  query.sort = OPORA_ORGANISATION_SORT_KIND;
  query.descending = FALSE;
  opora_store_query_organisations (list, &query);
  names = names_in_order (list);
  g_assert_cmpstr (names, ==,
                   "ЦЗН|арт-колледж|Бизнес-инкубатор|Дом молодёжи|ёлочка|Жилищный фонд");
  g_clear_pointer (&names, g_free);

  query.descending = TRUE;
  opora_store_query_organisations (list, &query);
  names = names_in_order (list);
  g_assert_cmpstr (names, ==,
                   "Жилищный фонд|ёлочка|Дом молодёжи|Бизнес-инкубатор|арт-колледж|ЦЗН");
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_list_follows_changes (Fixture       *fixture,
                           gconstpointer  data)
{
  OporaStore *store = fixture->store;
  g_autoptr(GListModel) list = opora_store_list_organisations (store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaOrganisation) item = NULL;
  g_autoptr(OporaOrganisation) loaded = NULL;
  g_autoptr(OporaAgreement) agreement = agreement_new ("8", "2020-05-05", "2020-06-06");
  guint calls = 0;
  gint64 id;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  id = save_new (store, "Фонд поддержки", OPORA_ORGANISATION_KIND_BUSINESS_FUND, NULL);
  g_assert_cmpuint (calls, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* A new agreement shows in the list's item: items carry their agreements. The row was
   * read, as a view reads what it shows, so its change is told. */
  g_clear_object (&item);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpuint (n_agreements (item), ==, 0);
  g_clear_object (&item);
  loaded = opora_store_load_organisation (store, id, &error);
  g_assert_no_error (error);
  opora_organisation_add_agreement (loaded, agreement);
  calls = 0;
  g_assert_true (opora_store_save_organisation (store, loaded, &error));
  g_assert_cmpuint (calls, >, 0);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpuint (n_agreements (item), ==, 1);
  {
    g_autofree char *summary = opora_organisation_describe_agreement (item, "2020-05-20");
    g_assert_cmpstr (summary, ==, "No. 8 of 05.05.2020, until 06.06.2020");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/organisations/kind-strings", test_kind_strings);
  g_test_add_func ("/organisations/validation", test_validation);
  g_test_add_func ("/organisations/agreement-description", test_agreement_description);
  g_test_add_func ("/organisations/summary-properties", test_summary_properties_follow_today);
#define ADD(path, func) \
  g_test_add ("/organisations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("crud", test_crud);
  ADD ("agreements-through-save", test_agreements_through_save);
  ADD ("refusals-leave-database-unchanged", test_refusals_leave_database_unchanged);
  ADD ("search-cyrillic-any-case", test_search_cyrillic_any_case);
  ADD ("kind-filter", test_kind_filter);
  ADD ("agreement-in-force-edges", test_agreement_in_force_edges);
  ADD ("sort", test_sort);
  ADD ("list-follows-changes", test_list_follows_changes);
#undef ADD

  return g_test_run ();
}
