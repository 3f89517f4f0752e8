/* Social contracts and enrollments in a real database: saving everything a contract owns
 * in one transaction, the refusals that change nothing, the lazy registry with its
 * search, filters and sorting, monitoring acts that are due. */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-store-contracts.h"
#include "opora-store-enrollments.h"
#include "opora-store-records.h"
#include "opora-test-util.h"

typedef struct
{
  char       *dir;
  OporaStore *store;
  gint64      curator_id;
  gint64      ivanova_id;   /* district «Северный», SNILS 112-233-445 95 */
  gint64      petrov_id;    /* district «Южный» */
  gint64      sidorova_id;  /* no district */
} Fixture;

static const char *child_tables[] = {
  "contract", "measure", "programme_analysis", "outcome", "monitoring_act", "enrollment",
};

static void
insert (OporaStore *store,
        const char *table,
        GVariant   *record)
{
  g_autoptr(GError) error = NULL;

  g_variant_ref_sink (record);
  opora_store_insert_record (store, table, record, &error);
  g_assert_no_error (error);
  g_variant_unref (record);
}

static gint64
add_person (Fixture    *fixture,
            gint64      id,
            const char *surname,
            const char *name,
            const char *snils,
            const char *district)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", id);
  g_variant_dict_insert (&dict, "surname", "s", surname);
  g_variant_dict_insert (&dict, "name", "s", name);
  g_variant_dict_insert (&dict, "sex", "s", "female");
  if (snils != NULL)
    g_variant_dict_insert (&dict, "snils", "s", snils);
  if (district != NULL)
    g_variant_dict_insert (&dict, "district", "s", district);
  insert (fixture->store, "person", g_variant_dict_end (&dict));
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GVariantDict dict;

  fixture->store = opora_test_open_store (&fixture->dir);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", (gint64) 7);
  g_variant_dict_insert (&dict, "full_name", "s", "Кузнецова Анна Павловна");
  g_variant_dict_insert (&dict, "position", "s", "family_specialist");
  insert (fixture->store, "staff", g_variant_dict_end (&dict));
  fixture->curator_id = 7;

  fixture->ivanova_id = add_person (fixture, 1, "Иванова", "Мария", "11223344595", "Северный");
  fixture->petrov_id = add_person (fixture, 2, "Петров", "Олег", NULL, "Южный");
  fixture->sidorova_id = add_person (fixture, 3, "Сидорова", "Ольга", NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  opora_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
count_cb (const char  *table,
          GVariant    *record,
          gpointer     user_data,
          GError     **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static guint
count_rows (OporaStore *store,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  opora_store_foreach_record (store, table, count_cb, &n, &error);
  g_assert_no_error (error);
  return n;
}

static gboolean
print_cb (const char  *table,
          GVariant    *record,
          gpointer     user_data,
          GError     **error)
{
  g_autofree char *text = g_variant_print (record, FALSE);

  g_string_append_printf (user_data, "  %s\n", text);
  return TRUE;
}

/* Every row of every table of the slice, so a refusal can be shown to change nothing. */
static char *
snapshot (OporaStore *store)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (child_tables); i++)
    {
      g_autoptr(GError) error = NULL;

      g_string_append_printf (all, "%s:\n", child_tables[i]);
      opora_store_foreach_record (store, child_tables[i], print_cb, all, &error);
      g_assert_no_error (error);
    }
  return g_string_free (all, FALSE);
}

static OporaMeasure *
make_measure (OporaMeasureType    type,
              const char         *need,
              OporaMeasureStatus  status,
              const char         *done_on)
{
  OporaMeasure *measure = opora_measure_new ();

  opora_measure_set_measure_type (measure, type);
  opora_measure_set_need (measure, need);
  opora_measure_set_planned_on (measure, "2023-05-01");
  opora_measure_set_status (measure, status);
  opora_measure_set_done_on (measure, done_on);
  return measure;
}

static OporaContract *
make_contract (const char *number,
               gint64      person_id,
               const char *concluded_on)
{
  OporaContract *contract = opora_contract_new ();
  g_autofree char *end = NULL;
  GDate start, year_later;

  g_assert_true (opora_date_parse (concluded_on, &start, NULL));
  opora_date_add_months (&start, 12, &year_later);
  end = opora_date_to_iso (&year_later);

  opora_contract_set_number (contract, number);
  opora_contract_set_person_id (contract, person_id);
  opora_contract_set_concluded_on (contract, concluded_on);
  opora_contract_set_term_start (contract, concluded_on);
  /* A day short of a year would be the usual term; a year is enough here. */
  opora_contract_set_term_end (contract, end);
  return contract;
}

static OporaContract *
make_full_contract (Fixture *fixture)
{
  OporaContract *contract = make_contract ("12/2023", fixture->ivanova_id, "2023-02-10");
  g_autoptr(OporaMeasure) employment =
    make_measure (OPORA_MEASURE_TYPE_EMPLOYMENT, "Работа продавцом", OPORA_MEASURE_STATUS_DONE,
                  "2023-06-15");
  g_autoptr(OporaMeasure) training =
    make_measure (OPORA_MEASURE_TYPE_TRAINING, "Курсы бухгалтеров",
                  OPORA_MEASURE_STATUS_IN_PROGRESS, NULL);
  g_autoptr(OporaMeasure) literacy =
    make_measure (OPORA_MEASURE_TYPE_FINANCIAL_LITERACY, NULL, OPORA_MEASURE_STATUS_PLANNED,
                  NULL);
  g_autoptr(OporaProgrammeAnalysis) analysis = opora_programme_analysis_new ();
  g_autoptr(OporaOutcome) outcome = opora_outcome_new ();
  g_autoptr(OporaMonitoringAct) act = opora_monitoring_act_new ();

  opora_contract_set_curator_id (contract, fixture->curator_id);
  opora_contract_set_income_start (contract, 9500.5);
  opora_contract_set_subsistence_minimum (contract, 14375);
  opora_contract_set_hardship_causes (contract, "Потеря работы");
  opora_measure_set_note (training, "Колледж");
  opora_measure_set_informed_online (literacy, TRUE);
  opora_measure_set_certificate (literacy, "СЕРТ-0042");
  opora_contract_add_measure (contract, employment);
  opora_contract_add_measure (contract, training);
  opora_contract_add_measure (contract, literacy);

  opora_programme_analysis_set_done (analysis, TRUE);
  opora_programme_analysis_set_analysed_on (analysis, "2023-03-01");
  opora_programme_analysis_set_low_income (analysis, TRUE);
  opora_programme_analysis_set_needs (analysis, "Трудоустройство");
  opora_programme_analysis_set_proposals (analysis, "Добавить обучение");
  opora_contract_set_analysis (contract, analysis);

  opora_outcome_set_programme_completed (outcome, TRUE);
  opora_outcome_set_situation (outcome, OPORA_SITUATION_BETTER);
  opora_outcome_set_cause_eliminated (outcome, TRUE);
  opora_outcome_set_status_raised (outcome, FALSE);
  opora_outcome_set_recorded_on (outcome, "2024-02-12");
  opora_contract_set_outcome (contract, outcome);

  opora_monitoring_act_set_month_no (act, 1);
  opora_monitoring_act_set_act_on (act, "2024-03-11");
  opora_monitoring_act_set_income_per_capita (act, 15000);
  opora_monitoring_act_set_employment (act, "Работает");
  opora_contract_add_monitoring_act (contract, act);
  return contract;
}

static OporaMeasure *
measure_at (OporaContract *contract,
            guint          position)
{
  GObject *item = g_list_model_get_item (opora_contract_get_measures (contract), position);
  g_object_unref (item); /* the contract keeps it */
  return OPORA_MEASURE (item);
}

static void
assert_same_measure (OporaMeasure *a,
                     OporaMeasure *b)
{
  g_assert_cmpint (opora_measure_get_id (a), ==, opora_measure_get_id (b));
  g_assert_cmpint (opora_measure_get_measure_type (a), ==, opora_measure_get_measure_type (b));
  g_assert_cmpstr (opora_measure_get_need (a), ==, opora_measure_get_need (b));
  g_assert_cmpstr (opora_measure_get_planned_on (a), ==, opora_measure_get_planned_on (b));
  g_assert_cmpint (opora_measure_get_status (a), ==, opora_measure_get_status (b));
  g_assert_cmpstr (opora_measure_get_done_on (a), ==, opora_measure_get_done_on (b));
  g_assert_cmpstr (opora_measure_get_note (a), ==, opora_measure_get_note (b));
  g_assert_cmpint (opora_measure_get_informed_online (a), ==,
                   opora_measure_get_informed_online (b));
  g_assert_cmpstr (opora_measure_get_certificate (a), ==, opora_measure_get_certificate (b));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(OporaContract) contract = make_full_contract (fixture);
  g_autoptr(OporaContract) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *measures;
  OporaProgrammeAnalysis *analysis;
  OporaOutcome *outcome;
  g_autoptr(OporaMonitoringAct) act = NULL;

  opora_store_save_contract (fixture->store, contract, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opora_contract_get_id (contract), >, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (opora_measure_get_id (measure_at (contract, i)), >, 0);
      g_assert_cmpint (opora_measure_get_contract_id (measure_at (contract, i)), ==,
                       opora_contract_get_id (contract));
    }

  loaded = opora_store_load_contract (fixture->store, opora_contract_get_id (contract), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_contract_get_number (loaded), ==, "12/2023");
  g_assert_cmpint (opora_contract_get_person_id (loaded), ==, fixture->ivanova_id);
  g_assert_cmpstr (opora_contract_get_concluded_on (loaded), ==, "2023-02-10");
  g_assert_cmpstr (opora_contract_get_term_start (loaded), ==, "2023-02-10");
  g_assert_cmpstr (opora_contract_get_term_end (loaded), ==, "2024-02-10");
  g_assert_cmpint (opora_contract_get_status (loaded), ==, OPORA_CONTRACT_STATUS_ACTIVE);
  g_assert_cmpint (opora_contract_get_curator_id (loaded), ==, fixture->curator_id);
  g_assert_cmpfloat (opora_contract_get_income_start (loaded), ==, 9500.5);
  g_assert_false (OPORA_AMOUNT_IS_SET (opora_contract_get_income_end (loaded)));
  g_assert_cmpfloat (opora_contract_get_subsistence_minimum (loaded), ==, 14375);
  g_assert_cmpstr (opora_contract_get_hardship_causes (loaded), ==, "Потеря работы");
  g_assert_cmpstr (opora_contract_get_person_name (loaded), ==, "Иванова Мария");
  g_assert_cmpstr (opora_contract_get_curator_name (loaded), ==, "Кузнецова Анна Павловна");
  g_assert_cmpstr (opora_contract_get_district (loaded), ==, "Северный");

  measures = opora_contract_get_measures (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_same_measure (measure_at (contract, i), measure_at (loaded, i));
  g_assert_true (opora_measure_get_informed_online (measure_at (loaded, 2)));

  analysis = opora_contract_get_analysis (loaded);
  g_assert_nonnull (analysis);
  g_assert_true (opora_programme_analysis_get_done (analysis));
  g_assert_cmpstr (opora_programme_analysis_get_analysed_on (analysis), ==, "2023-03-01");
  g_assert_true (opora_programme_analysis_get_low_income (analysis));
  g_assert_cmpstr (opora_programme_analysis_get_needs (analysis), ==, "Трудоустройство");
  g_assert_cmpstr (opora_programme_analysis_get_proposals (analysis), ==, "Добавить обучение");

  outcome = opora_contract_get_outcome (loaded);
  g_assert_nonnull (outcome);
  g_assert_true (opora_outcome_get_programme_completed (outcome));
  g_assert_cmpint (opora_outcome_get_situation (outcome), ==, OPORA_SITUATION_BETTER);
  g_assert_true (opora_outcome_get_cause_eliminated (outcome));
  g_assert_false (opora_outcome_get_status_raised (outcome));
  g_assert_cmpstr (opora_outcome_get_recorded_on (outcome), ==, "2024-02-12");

  g_assert_cmpuint (g_list_model_get_n_items (opora_contract_get_monitoring_acts (loaded)), ==, 1);
  act = g_list_model_get_item (opora_contract_get_monitoring_acts (loaded), 0);
  g_assert_cmpint (opora_monitoring_act_get_month_no (act), ==, 1);
  g_assert_cmpstr (opora_monitoring_act_get_act_on (act), ==, "2024-03-11");
  g_assert_cmpfloat (opora_monitoring_act_get_income_per_capita (act), ==, 15000);
  g_assert_cmpstr (opora_monitoring_act_get_employment (act), ==, "Работает");
  g_assert_null (opora_monitoring_act_get_living_conditions (act));

  /* A copy is deep: changing it leaves the original alone. */
  {
    g_autoptr(OporaContract) copy = opora_contract_copy (loaded);

    opora_measure_set_need (measure_at (copy, 0), "Другое");
    g_assert_cmpstr (opora_measure_get_need (measure_at (loaded, 0)), ==, "Работа продавцом");
    g_assert_true (opora_contract_get_analysis (copy) != opora_contract_get_analysis (loaded));
  }
}

static void
test_measures_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(OporaContract) contract = make_full_contract (fixture);
  g_autoptr(OporaContract) loaded = NULL;
  g_autoptr(OporaContract) reloaded = NULL;
  g_autoptr(OporaMeasure) added = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept_id, removed_id, edited_id;

  opora_store_save_contract (fixture->store, contract, &error);
  g_assert_no_error (error);
  loaded = opora_store_load_contract (fixture->store, opora_contract_get_id (contract), &error);
  g_assert_no_error (error);

  edited_id = opora_measure_get_id (measure_at (loaded, 0));
  removed_id = opora_measure_get_id (measure_at (loaded, 1));
  kept_id = opora_measure_get_id (measure_at (loaded, 2));

  opora_measure_set_status (measure_at (loaded, 0), OPORA_MEASURE_STATUS_NOT_DONE);
  opora_measure_set_note (measure_at (loaded, 0), "Отказался от вакансии");
  opora_contract_remove_measure (loaded, measure_at (loaded, 1));
  added = make_measure (OPORA_MEASURE_TYPE_KINDERGARTEN, "Место в саду для сына",
                        OPORA_MEASURE_STATUS_DONE, "2023-09-01");
  opora_contract_add_measure (loaded, added);
  /* The analysis goes away; the outcome stays. */
  opora_contract_set_analysis (loaded, NULL);

  opora_store_save_contract (fixture->store, loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opora_measure_get_id (added), >, 0);
  g_assert_cmpuint (count_rows (fixture->store, "measure"), ==, 3);
  g_assert_cmpuint (count_rows (fixture->store, "programme_analysis"), ==, 0);
  g_assert_cmpuint (count_rows (fixture->store, "outcome"), ==, 1);

  reloaded = opora_store_load_contract (fixture->store, opora_contract_get_id (loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (opora_contract_get_measures (reloaded)), ==, 3);
  g_assert_cmpint (opora_measure_get_id (measure_at (reloaded, 0)), ==, edited_id);
  g_assert_cmpint (opora_measure_get_status (measure_at (reloaded, 0)), ==,
                   OPORA_MEASURE_STATUS_NOT_DONE);
  g_assert_cmpstr (opora_measure_get_note (measure_at (reloaded, 0)), ==,
                   "Отказался от вакансии");
  g_assert_cmpint (opora_measure_get_id (measure_at (reloaded, 1)), ==, kept_id);
  assert_same_measure (added, measure_at (reloaded, 2));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (opora_measure_get_id (measure_at (reloaded, i)), !=, removed_id);
  g_assert_null (opora_contract_get_analysis (reloaded));
  g_assert_nonnull (opora_contract_get_outcome (reloaded));
}

typedef void (*BreakFunc) (Fixture *fixture, OporaContract *contract);

typedef struct
{
  const char *name;
  BreakFunc   apply;
  int         code;
  const char *field;
  GType       at_fault; /* the type of the object at fault */
} Refusal;

static void
break_number_taken (Fixture       *fixture,
                    OporaContract *contract)
{
  opora_contract_set_number (contract, " 1/2022 ");
}

static void
break_no_number (Fixture       *fixture,
                 OporaContract *contract)
{
  opora_contract_set_number (contract, "   ");
}

static void
break_no_applicant (Fixture       *fixture,
                    OporaContract *contract)
{
  opora_contract_set_person_id (contract, 0);
}

static void
break_missing_applicant (Fixture       *fixture,
                         OporaContract *contract)
{
  opora_contract_set_person_id (contract, 999);
}

static void
break_term_order (Fixture       *fixture,
                  OporaContract *contract)
{
  opora_contract_set_term_end (contract, "2023-02-09");
}

static void
break_unreal_date (Fixture       *fixture,
                   OporaContract *contract)
{
  opora_contract_set_concluded_on (contract, "2023-02-30");
}

static void
break_terminated (Fixture       *fixture,
                  OporaContract *contract)
{
  opora_contract_set_status (contract, OPORA_CONTRACT_STATUS_TERMINATED);
  opora_contract_set_termination_reason (contract, "  ");
}

static void
break_negative_income (Fixture       *fixture,
                       OporaContract *contract)
{
  opora_contract_set_income_end (contract, -1);
}

static void
break_measure_type (Fixture       *fixture,
                    OporaContract *contract)
{
  opora_measure_set_measure_type (measure_at (contract, 1), OPORA_MEASURE_TYPE_NONE);
}

static void
break_done_measure (Fixture       *fixture,
                    OporaContract *contract)
{
  opora_measure_set_status (measure_at (contract, 2), OPORA_MEASURE_STATUS_DONE);
}

static void
break_analysis (Fixture       *fixture,
                OporaContract *contract)
{
  opora_programme_analysis_set_analysed_on (opora_contract_get_analysis (contract), NULL);
}

static void
break_outcome (Fixture       *fixture,
               OporaContract *contract)
{
  opora_outcome_set_situation (opora_contract_get_outcome (contract), OPORA_SITUATION_NONE);
}

static OporaMonitoringAct *
add_act (OporaContract *contract,
         int            month,
         const char    *act_on)
{
  g_autoptr(OporaMonitoringAct) act = opora_monitoring_act_new ();

  opora_monitoring_act_set_month_no (act, month);
  opora_monitoring_act_set_act_on (act, act_on);
  opora_contract_add_monitoring_act (contract, act);
  return act; /* the contract keeps it */
}

static void
break_act_month (Fixture       *fixture,
                 OporaContract *contract)
{
  add_act (contract, 13, "2025-03-01");
}

static void
break_act_before_end (Fixture       *fixture,
                      OporaContract *contract)
{
  add_act (contract, 2, "2024-02-10");
}

static void
break_act_twice (Fixture       *fixture,
                 OporaContract *contract)
{
  add_act (contract, 1, "2024-03-20");
}

static const Refusal refusals[] = {
  { "number-taken", break_number_taken, OPORA_ERROR_DUPLICATE, "number", 0 },
  { "no-number", break_no_number, OPORA_ERROR_REQUIRED, "number", 0 },
  { "no-applicant", break_no_applicant, OPORA_ERROR_REQUIRED, "person-id", 0 },
  { "missing-applicant", break_missing_applicant, OPORA_ERROR_NOT_FOUND, "person-id", 0 },
  { "term-order", break_term_order, OPORA_ERROR_DATE_ORDER, "term-end", 0 },
  { "unreal-date", break_unreal_date, OPORA_ERROR_INVALID_DATE, "concluded-on", 0 },
  { "terminated-without-reason", break_terminated, OPORA_ERROR_REQUIRED,
    "termination-reason", 0 },
  { "negative-income", break_negative_income, OPORA_ERROR_INVALID_VALUE, "income-end", 0 },
  { "measure-type", break_measure_type, OPORA_ERROR_REQUIRED, "type", 1 },
  { "done-measure-date", break_done_measure, OPORA_ERROR_REQUIRED, "done-on", 1 },
  { "analysis-date", break_analysis, OPORA_ERROR_REQUIRED, "analysed-on", 2 },
  { "outcome-situation", break_outcome, OPORA_ERROR_REQUIRED, "situation", 3 },
  { "act-month", break_act_month, OPORA_ERROR_INVALID_VALUE, "month-no", 4 },
  { "act-before-end", break_act_before_end, OPORA_ERROR_DATE_ORDER, "act-on", 4 },
  { "act-twice", break_act_twice, OPORA_ERROR_DUPLICATE, "month-no", 4 },
};

static GType
fault_type (int kind)
{
  GType types[] = { OPORA_TYPE_CONTRACT, OPORA_TYPE_MEASURE, OPORA_TYPE_PROGRAMME_ANALYSIS,
                    OPORA_TYPE_OUTCOME, OPORA_TYPE_MONITORING_ACT };
  return types[kind];
}

/* Each rule is broken twice: in a new contract and in an edit of a saved one. Neither
 * changes a single row. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(OporaContract) other = make_contract ("1/2022", fixture->petrov_id, "2022-04-01");
  g_autoptr(OporaContract) saved = make_full_contract (fixture);
  g_autoptr(GError) error = NULL;

  opora_store_save_contract (fixture->store, other, &error);
  g_assert_no_error (error);
  opora_store_save_contract (fixture->store, saved, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    for (int editing = 0; editing <= 1; editing++)
      {
        g_autoptr(OporaContract) contract = NULL;
        g_autofree char *before = snapshot (fixture->store);
        g_autofree char *after = NULL;
        GObject *object = NULL;
        const char *field = NULL;
        gint64 id_before;

        if (editing)
          contract = opora_store_load_contract (fixture->store, opora_contract_get_id (saved),
                                                &error);
        else
          {
            contract = make_full_contract (fixture);
            opora_contract_set_number (contract, "99/2023");
          }
        g_assert_no_error (error);
        id_before = opora_contract_get_id (contract);
        refusals[i].apply (fixture, contract);

        g_test_message ("%s, %s", refusals[i].name, editing ? "edit" : "new");
        g_assert_false (opora_store_save_contract_full (fixture->store, contract, &object,
                                                        &field, &error));
        g_assert_error (error, OPORA_ERROR, refusals[i].code);
        g_assert_cmpstr (field, ==, refusals[i].field);
        g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, fault_type (refusals[i].at_fault)));
        g_assert_cmpstr (error->message, !=, "");
        g_clear_error (&error);

        after = snapshot (fixture->store);
        g_assert_cmpstr (before, ==, after);
        g_assert_cmpint (opora_contract_get_id (contract), ==, id_before);
      }
}

static void
test_duplicate_number_message (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(OporaContract) first = make_contract ("123", fixture->ivanova_id, "2023-01-10");
  g_autoptr(OporaContract) second = make_contract ("123", fixture->petrov_id, "2023-03-10");
  g_autoptr(GError) error = NULL;

  opora_store_save_contract (fixture->store, first, &error);
  g_assert_no_error (error);
  g_assert_false (opora_store_save_contract (fixture->store, second, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "123"));
  g_assert_true (opora_store_contract_number_taken (fixture->store, "123", 0));
  g_assert_false (opora_store_contract_number_taken (fixture->store, "123",
                                                     opora_contract_get_id (first)));
  g_assert_cmpuint (count_rows (fixture->store, "contract"), ==, 1);
}

/* A measure the database refuses, after the contract and earlier measures were written,
 * takes the whole save back with it. */
static void
test_failing_measure_rolls_back (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(OporaContract) first = make_full_contract (fixture);
  g_autoptr(OporaContract) second = make_contract ("2/2023", fixture->petrov_id, "2023-06-01");
  g_autoptr(OporaContract) edited = NULL;
  g_autoptr(OporaMeasure) fine = make_measure (OPORA_MEASURE_TYPE_ALIMONY, NULL,
                                               OPORA_MEASURE_STATUS_PLANNED, NULL);
  g_autoptr(OporaMeasure) stolen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  opora_store_save_contract (fixture->store, first, &error);
  g_assert_no_error (error);
  before = snapshot (fixture->store);

  /* A copy of a measure of the first contract, in the programme of the second. */
  stolen = opora_measure_copy (measure_at (first, 1));
  opora_contract_add_measure (second, fine);
  opora_contract_add_measure (second, stolen);
  g_assert_false (opora_store_save_contract (fixture->store, second, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = snapshot (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (opora_contract_get_id (second), ==, 0);
  g_assert_cmpint (opora_measure_get_id (fine), ==, 0);

  /* The same inside an edit: the new number and the new measure are not kept either. */
  edited = opora_store_load_contract (fixture->store, opora_contract_get_id (first), &error);
  g_assert_no_error (error);
  opora_contract_set_number (edited, "12/2023-изм");
  opora_contract_remove_measure (edited, measure_at (edited, 0));
  opora_contract_add_measure (edited, fine);
  opora_measure_set_id (measure_at (edited, 0), 4242);
  g_assert_false (opora_store_save_contract (fixture->store, edited, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_free (after);
  after = snapshot (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (opora_measure_get_id (fine), ==, 0);
}

/* The numbers of the list's rows, in its order. */
static GPtrArray *
numbers_of (GListModel *list)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OporaContract) contract = g_list_model_get_item (list, i);
      g_ptr_array_add (numbers, g_strdup (opora_contract_get_number (contract)));
    }
  return numbers;
}

static char *
joined (GPtrArray *strings)
{
  g_ptr_array_add (strings, NULL);
  {
    char *text = g_strjoinv (",", (char **) strings->pdata);
    g_ptr_array_remove_index (strings, strings->len - 1);
    return text;
  }
}

typedef struct
{
  const char          *number;
  int                  who;      /* 0 Иванова, 1 Петров, 2 Сидорова */
  const char          *concluded_on;
  OporaContractStatus  status;
} Row;

static const Row rows[] = {
  { "10/2022", 0, "2022-03-15", OPORA_CONTRACT_STATUS_COMPLETED },
  { "11/2022", 1, "2022-07-01", OPORA_CONTRACT_STATUS_TERMINATED },
  { "5/2023", 2, "2023-01-20", OPORA_CONTRACT_STATUS_ACTIVE },
  { "6/2023", 1, "2023-05-05", OPORA_CONTRACT_STATUS_ACTIVE },
  { "7/2023", 0, "2023-05-05", OPORA_CONTRACT_STATUS_COMPLETED },
  { "1/2024", 2, "2024-02-01", OPORA_CONTRACT_STATUS_ACTIVE },
};

static void
save_rows (Fixture *fixture)
{
  gint64 people[] = { fixture->ivanova_id, fixture->petrov_id, fixture->sidorova_id };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(OporaContract) contract =
        make_contract (rows[i].number, people[rows[i].who], rows[i].concluded_on);
      g_autoptr(GError) error = NULL;

      opora_contract_set_status (contract, rows[i].status);
      if (rows[i].status == OPORA_CONTRACT_STATUS_TERMINATED)
        opora_contract_set_termination_reason (contract, "Переезд");
      opora_store_save_contract (fixture->store, contract, &error);
      g_assert_no_error (error);
    }
}

/* The numbers of the fixture rows for which @keep says yes, in @compare order. */
static char *
expected (gboolean (*keep) (const Row *row), GCompareFunc compare)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (keep == NULL || keep (&rows[i]))
      g_ptr_array_add (chosen, (gpointer) &rows[i]);
  g_ptr_array_sort (chosen, compare);
  for (guint i = 0; i < chosen->len; i++)
    g_ptr_array_add (numbers, g_strdup (((const Row *) chosen->pdata[i])->number));
  return joined (numbers);
}

/* Newest concluded first; the same day: the one saved later first. */
static int
by_concluded_desc (gconstpointer a,
                   gconstpointer b)
{
  const Row *x = *(const Row **) a, *y = *(const Row **) b;
  int c = strcmp (y->concluded_on, x->concluded_on);
  return c != 0 ? c : (y > x) - (y < x);
}

static int
by_number (gconstpointer a,
           gconstpointer b)
{
  return strcmp ((*(const Row **) a)->number, (*(const Row **) b)->number);
}

static int
by_applicant_desc (gconstpointer a,
                   gconstpointer b)
{
  const Row *x = *(const Row **) a, *y = *(const Row **) b;
  /* Иванова < Петров < Сидорова: the fixture's ids follow the alphabet. */
  if (x->who != y->who)
    return y->who - x->who;
  return (y > x) - (y < x);
}

static gboolean
is_active (const Row *row)
{
  return row->status == OPORA_CONTRACT_STATUS_ACTIVE;
}

static gboolean
of_2023 (const Row *row)
{
  return g_str_has_prefix (row->concluded_on, "2023");
}

static gboolean
of_petrov (const Row *row)
{
  return row->who == 1;
}

static gboolean
of_ivanova (const Row *row)
{
  return row->who == 0;
}

/* "1" begins these numbers, and Иванова's SNILS too. */
static gboolean
numbered_1 (const Row *row)
{
  /* One character searches contract numbers only (OPORA_SEARCH_MIN_CHARS). */
  return g_str_has_prefix (row->number, "1");
}

static void
assert_list (GListModel               *list,
             const OporaContractQuery *query,
             const char               *want)
{
  g_autoptr(GPtrArray) numbers = NULL;
  g_autofree char *got = NULL;

  opora_contract_list_set_query (list, query);
  numbers = numbers_of (list);
  got = joined (numbers);
  g_assert_cmpstr (got, ==, want);
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autofree char *all = NULL;
  g_autofree char *want = NULL;
  g_auto(GStrv) districts = NULL;
  OporaContractQuery query = { 0 };
  int first = 0, last = 0;

  save_rows (fixture);
  list = opora_store_list_contracts (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (rows));
  all = expected (NULL, by_concluded_desc);
  assert_list (list, NULL, all);

  query.status = "active";
  want = expected (is_active, by_concluded_desc);
  assert_list (list, &query, want);
  g_clear_pointer (&want, g_free);

  query = (OporaContractQuery) { .year = 2023 };
  want = expected (of_2023, by_concluded_desc);
  assert_list (list, &query, want);
  g_clear_pointer (&want, g_free);

  query = (OporaContractQuery) { .district = "Южный" };
  want = expected (of_petrov, by_concluded_desc);
  assert_list (list, &query, want);
  g_clear_pointer (&want, g_free);

  /* Search: the number's beginning, the applicant's name in any case, the SNILS typed
   * with its dashes. */
  query = (OporaContractQuery) { .search = "1" };
  want = expected (numbered_1, by_concluded_desc);
  assert_list (list, &query, want);
  g_clear_pointer (&want, g_free);

  query = (OporaContractQuery) { .search = "ИВАН" };
  want = expected (of_ivanova, by_concluded_desc);
  assert_list (list, &query, want);
  query = (OporaContractQuery) { .search = "112-233-445 95" };
  assert_list (list, &query, want);
  g_clear_pointer (&want, g_free);

  query = (OporaContractQuery) { .search = "нет такого" };
  assert_list (list, &query, "");

  /* Filters combine. */
  query = (OporaContractQuery) { .status = "active", .year = 2023, .search = "пет" };
  assert_list (list, &query, "6/2023");

  /* Sorting, both ways. */
  query = (OporaContractQuery) { .sort = "number" };
  want = expected (NULL, by_number);
  assert_list (list, &query, want);
  g_clear_pointer (&want, g_free);

  query = (OporaContractQuery) { .sort = "applicant", .descending = TRUE };
  want = expected (NULL, by_applicant_desc);
  assert_list (list, &query, want);
  g_clear_pointer (&want, g_free);

  query = (OporaContractQuery) { .sort = "concluded_on", .descending = TRUE };
  assert_list (list, &query, all);

  query = (OporaContractQuery) { .sort = "status" };
  {
    g_autoptr(GPtrArray) numbers = NULL;

    opora_contract_list_set_query (list, &query);
    numbers = numbers_of (list);
    g_assert_cmpuint (numbers->len, ==, G_N_ELEMENTS (rows));
    for (guint i = 1; i < numbers->len; i++)
      {
        g_autoptr(OporaContract) a = g_list_model_get_item (list, i - 1);
        g_autoptr(OporaContract) b = g_list_model_get_item (list, i);
        g_assert_cmpstr (opora_contract_status_to_string (opora_contract_get_status (a)), <=,
                         opora_contract_status_to_string (opora_contract_get_status (b)));
      }
  }

  query = (OporaContractQuery) { .sort = "term_end", .descending = TRUE };
  {
    g_autoptr(GPtrArray) numbers = NULL;

    opora_contract_list_set_query (list, &query);
    numbers = numbers_of (list);
    for (guint i = 1; i < numbers->len; i++)
      {
        g_autoptr(OporaContract) a = g_list_model_get_item (list, i - 1);
        g_autoptr(OporaContract) b = g_list_model_get_item (list, i);
        g_assert_cmpstr (opora_contract_get_term_end (a), >=, opora_contract_get_term_end (b));
      }
  }

  districts = opora_store_list_contract_districts (fixture->store);
  g_assert_cmpuint (g_strv_length (districts), ==, 2);
  g_assert_cmpstr (districts[0], ==, "Северный");
  g_assert_cmpstr (districts[1], ==, "Южный");
  g_assert_true (opora_store_get_contract_years (fixture->store, &first, &last));
  g_assert_cmpint (first, ==, 2022);
  g_assert_cmpint (last, ==, 2024);
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

/* The list reloads itself after a save, and its rows carry the names lists show. */
static void
test_list_follows_saves (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GListModel) list = opora_store_list_contracts (fixture->store, NULL);
  g_autoptr(OporaContract) contract = make_contract ("77", fixture->petrov_id, "2023-08-01");
  g_autoptr(OporaContract) row = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  opora_contract_set_curator_id (contract, fixture->curator_id);
  opora_store_save_contract (fixture->store, contract, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  row = g_list_model_get_item (list, 0);
  g_assert_cmpstr (opora_contract_get_person_name (row), ==, "Петров Олег");
  g_assert_cmpstr (opora_contract_get_curator_name (row), ==, "Кузнецова Анна Павловна");
  g_assert_cmpstr (opora_contract_get_district (row), ==, "Южный");
  {
    g_autofree char *concluded = NULL, *term = NULL, *status = NULL;

    g_object_get (row, "concluded-on-display", &concluded, "term-display", &term,
                  "status-display", &status, NULL);
    g_assert_cmpstr (concluded, ==, "01.08.2023");
    g_assert_cmpstr (term, ==, "01.08.2023 – 01.08.2024");
    g_assert_cmpstr (status, ==,
                     opora_contract_status_display_name (OPORA_CONTRACT_STATUS_ACTIVE));
  }
}

/* 20,000 contracts: the list knows its size at once and reaches both ends by key. */
static void
test_large_list (Fixture       *fixture,
                 gconstpointer  data)
{
  const guint n = 20000;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(OporaContract) head = NULL;
  g_autoptr(OporaContract) tail = NULL;
  g_autoptr(OporaContract) middle = NULL;
  g_autoptr(GError) error = NULL;
  OporaContractQuery query = { .status = "completed" };
  GDate start;
  gint64 t0;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 1, 2000);
  opora_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      GDate day = start;
      g_autofree char *number = g_strdup_printf ("%05u", i);
      g_autofree char *iso = NULL;
      g_autoptr(OporaContract) contract = NULL;

      g_date_add_days (&day, i / 4); /* four contracts a day */
      iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                             g_date_get_day (&day));
      contract = make_contract (number, 1 + i % 3, iso);
      if (i % 2 == 0)
        opora_contract_set_status (contract, OPORA_CONTRACT_STATUS_COMPLETED);
      opora_store_save_contract (fixture->store, contract, &error);
      g_assert_no_error (error);
    }
  opora_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  list = opora_store_list_contracts (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  head = g_list_model_get_item (list, 0);
  tail = g_list_model_get_item (list, n - 1);
  middle = g_list_model_get_item (list, n / 2);
  g_test_message ("count and both ends of %u contracts: %.1f ms", n,
                  (g_get_monotonic_time () - t0) / 1000.0);
  /* Newest first; the last of a day's four was saved last. */
  g_assert_cmpstr (opora_contract_get_number (head), ==, "19999");
  g_assert_cmpstr (opora_contract_get_number (tail), ==, "00000");
  g_assert_cmpstr (opora_contract_get_number (middle), ==, "09999");
  g_assert_null (g_list_model_get_item (list, n));

  opora_contract_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n / 2);
  g_clear_object (&head);
  g_clear_object (&tail);
  head = g_list_model_get_item (list, 0);
  tail = g_list_model_get_item (list, n / 2 - 1);
  g_assert_cmpstr (opora_contract_get_number (head), ==, "19998");
  g_assert_cmpstr (opora_contract_get_number (tail), ==, "00000");

  query = (OporaContractQuery) { .sort = "number", .descending = TRUE };
  opora_contract_list_set_query (list, &query);
  g_clear_object (&head);
  g_clear_object (&tail);
  head = g_list_model_get_item (list, 0);
  tail = g_list_model_get_item (list, n - 1);
  g_assert_cmpstr (opora_contract_get_number (head), ==, "19999");
  g_assert_cmpstr (opora_contract_get_number (tail), ==, "00000");
}

static char *
due_summary (OporaStore *store,
             const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) due = opora_store_list_due_monitoring (store, today, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(OporaMonitoringDue) item = g_list_model_get_item (due, i);

      g_string_append_printf (text, "%s#%d@%s ", opora_monitoring_due_get_contract_number (item),
                              opora_monitoring_due_get_month_no (item),
                              opora_monitoring_due_get_due_on (item));
    }
  return g_string_free (text, FALSE);
}

static void
test_due_monitoring (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(OporaContract) ended = make_contract ("A", fixture->ivanova_id, "2022-01-31");
  g_autoptr(OporaContract) running = make_contract ("B", fixture->petrov_id, "2023-03-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  /* Ends on 31 January: February is shorter, so act 1 is due on its last day. */
  opora_contract_set_term_end (ended, "2023-01-31");
  opora_store_save_contract (fixture->store, ended, &error);
  g_assert_no_error (error);
  opora_store_save_contract (fixture->store, running, &error);
  g_assert_no_error (error);

  summary = due_summary (fixture->store, "2023-04-15");
  g_assert_cmpstr (summary, ==, "A#1@2023-02-28 A#2@2023-03-31 ");
  g_clear_pointer (&summary, g_free);

  add_act (ended, 1, "2023-03-02");
  opora_store_save_contract (fixture->store, ended, &error);
  g_assert_no_error (error);
  summary = due_summary (fixture->store, "2023-04-30");
  g_assert_cmpstr (summary, ==, "A#2@2023-03-31 A#3@2023-04-30 ");
  g_clear_pointer (&summary, g_free);

  /* Years later every unwritten month of both contracts is due, and no more than 12. */
  {
    g_autoptr(GListModel) due = opora_store_list_due_monitoring (fixture->store, "2030-01-01",
                                                                 &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (due), ==, 11 + 12);
  }

  summary = due_summary (fixture->store, "2024-03-01");
  g_assert_null (strstr (summary, "B#"));
  g_clear_pointer (&summary, g_free);

  g_assert_null (opora_store_list_due_monitoring (fixture->store, "31.02.2023", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
}

static void
test_person_contracts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(OporaContract) full = make_full_contract (fixture);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(OporaContract) first = NULL;
  g_autoptr(GError) error = NULL;

  save_rows (fixture);
  opora_store_save_contract (fixture->store, full, &error);
  g_assert_no_error (error);

  list = opora_store_list_person_contracts (fixture->store, fixture->ivanova_id, &error);
  g_assert_no_error (error);
  /* 10/2022, 7/2023 and 12/2023: newest first, each with its programme. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (opora_contract_get_number (first), ==, "7/2023");
  {
    g_autoptr(OporaContract) second = g_list_model_get_item (list, 1);
    g_assert_cmpstr (opora_contract_get_number (second), ==, "12/2023");
    g_assert_cmpuint (g_list_model_get_n_items (opora_contract_get_measures (second)), ==, 3);
  }
}

static void
test_enrollments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(OporaEnrollment) lift = opora_enrollment_new ();
  g_autoptr(OporaEnrollment) peer = opora_enrollment_new ();
  g_autoptr(OporaEnrollment) loaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  guint before;

  opora_enrollment_set_person_id (lift, fixture->ivanova_id);
  opora_enrollment_set_technology (lift, OPORA_TECHNOLOGY_LIFT);
  opora_enrollment_set_from_on (lift, "2023-03-01");
  opora_enrollment_set_staff_id (lift, fixture->curator_id);
  g_assert_true (opora_store_save_enrollment (fixture->store, lift, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (opora_enrollment_get_id (lift), >, 0);

  opora_enrollment_set_person_id (peer, fixture->ivanova_id);
  opora_enrollment_set_technology (peer, OPORA_TECHNOLOGY_PEER);
  opora_enrollment_set_from_on (peer, "2023-05-10");
  opora_enrollment_set_until_on (peer, "2023-11-30");
  opora_enrollment_set_satisfied (peer, OPORA_SATISFIED_NO);
  opora_store_save_enrollment (fixture->store, peer, NULL, &error);
  g_assert_no_error (error);

  list = opora_store_list_person_enrollments (fixture->store, fixture->ivanova_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(OporaEnrollment) latest = g_list_model_get_item (list, 0);
    g_autoptr(OporaEnrollment) earliest = g_list_model_get_item (list, 1);
    g_autofree char *period = NULL;

    g_assert_cmpint (opora_enrollment_get_technology (latest), ==, OPORA_TECHNOLOGY_PEER);
    g_assert_cmpint (opora_enrollment_get_satisfied (latest), ==, OPORA_SATISFIED_NO);
    g_object_get (latest, "period-display", &period, NULL);
    g_assert_cmpstr (period, ==, "10.05.2023 – 30.11.2023");
    g_assert_cmpstr (opora_enrollment_get_staff_name (earliest), ==, "Кузнецова Анна Павловна");
    g_assert_cmpint (opora_enrollment_get_satisfied (earliest), ==, OPORA_SATISFIED_UNKNOWN);
    g_assert_null (opora_enrollment_get_until_on (earliest));
  }

  /* Edit: the person leaves, satisfied. */
  opora_enrollment_set_until_on (lift, "2024-01-15");
  opora_enrollment_set_satisfied (lift, OPORA_SATISFIED_YES);
  opora_store_save_enrollment (fixture->store, lift, NULL, &error);
  g_assert_no_error (error);
  loaded = opora_store_load_enrollment (fixture->store, opora_enrollment_get_id (lift), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_enrollment_get_until_on (loaded), ==, "2024-01-15");
  g_assert_cmpint (opora_enrollment_get_satisfied (loaded), ==, OPORA_SATISFIED_YES);
  g_assert_cmpint (opora_enrollment_get_technology (loaded), ==, OPORA_TECHNOLOGY_LIFT);

  /* Refusals change nothing. */
  before = count_rows (fixture->store, "enrollment");
  opora_enrollment_set_until_on (loaded, "2023-02-28");
  g_assert_false (opora_store_save_enrollment (fixture->store, loaded, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER);
  g_assert_cmpstr (field, ==, "until-on");
  g_clear_error (&error);
  g_clear_object (&loaded);
  loaded = opora_store_load_enrollment (fixture->store, opora_enrollment_get_id (lift), &error);
  g_assert_cmpstr (opora_enrollment_get_until_on (loaded), ==, "2024-01-15");

  {
    g_autoptr(OporaEnrollment) bad = opora_enrollment_new ();

    opora_enrollment_set_person_id (bad, fixture->petrov_id);
    opora_enrollment_set_from_on (bad, "2023-01-01");
    g_assert_false (opora_store_save_enrollment (fixture->store, bad, &field, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
    g_assert_cmpstr (field, ==, "technology");
    g_clear_error (&error);

    opora_enrollment_set_technology (bad, OPORA_TECHNOLOGY_MENTORING);
    opora_enrollment_set_from_on (bad, NULL);
    g_assert_false (opora_store_save_enrollment (fixture->store, bad, &field, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
    g_assert_cmpstr (field, ==, "from-on");
    g_clear_error (&error);

    opora_enrollment_set_from_on (bad, "2023-01-01");
    opora_enrollment_set_staff_id (bad, 555);
    g_assert_false (opora_store_save_enrollment (fixture->store, bad, &field, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
    g_assert_cmpstr (field, ==, "staff-id");
    g_clear_error (&error);
    g_assert_cmpint (opora_enrollment_get_id (bad), ==, 0);
  }
  g_assert_cmpuint (count_rows (fixture->store, "enrollment"), ==, before);
}

/* Every value of every closed set reads back from its stored text, and has a name. */
static void
test_enums (void)
{
  for (int v = OPORA_MEASURE_TYPE_EMPLOYMENT; v <= OPORA_MEASURE_TYPE_OTHER; v++)
    {
      OporaMeasureType back = OPORA_MEASURE_TYPE_NONE;

      g_assert_true (opora_measure_type_from_string (opora_measure_type_to_string (v), &back));
      g_assert_cmpint (back, ==, v);
      g_assert_nonnull (opora_measure_type_display_name (v));
    }
  for (int v = OPORA_TECHNOLOGY_PEER; v <= OPORA_TECHNOLOGY_MENTORING; v++)
    {
      OporaTechnology back = OPORA_TECHNOLOGY_NONE;

      g_assert_true (opora_technology_from_string (opora_technology_to_string (v), &back));
      g_assert_cmpint (back, ==, v);
    }
  g_assert_null (opora_measure_type_to_string (OPORA_MEASURE_TYPE_NONE));
  {
    OporaSituation situation = OPORA_SITUATION_WORSE;

    g_assert_false (opora_situation_from_string ("none", &situation));
    g_assert_false (opora_situation_from_string ("lots", &situation));
    g_assert_cmpint (situation, ==, OPORA_SITUATION_WORSE);
  }
  g_assert_cmpstr (opora_measure_status_to_string (OPORA_MEASURE_STATUS_IN_PROGRESS), ==,
                   "in_progress");
  g_assert_cmpstr (opora_measure_type_to_string (OPORA_MEASURE_TYPE_SUBSIDIARY_FARM), ==,
                   "subsidiary_farm");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/contracts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/contracts/enums", test_enums);
  ADD ("round-trip", test_round_trip);
  ADD ("measures-edit", test_measures_edit);
  ADD ("refusals", test_refusals);
  ADD ("duplicate-number", test_duplicate_number_message);
  ADD ("failing-measure-rolls-back", test_failing_measure_rolls_back);
  ADD ("list-filters", test_list_filters);
  ADD ("list-follows-saves", test_list_follows_saves);
  ADD ("large-list", test_large_list);
  ADD ("due-monitoring", test_due_monitoring);
  ADD ("person-contracts", test_person_contracts);
  ADD ("enrollments", test_enrollments);

  return g_test_run ();
}
