/* Scenario builders for the indicator tests (see test-indicators-scenario.h). */
#include <string.h>

#include "opora-enrollment.h"
#include "opora-measure.h"
#include "opora-outcome.h"
#include "opora-person.h"
#include "opora-programme-analysis.h"
#include "opora-store-contracts.h"
#include "opora-store-enrollments.h"
#include "opora-store-indicators.h"
#include "opora-store-persons.h"
#include "opora-store-records.h"
#include "opora-test-util.h"
#include "test-indicators-scenario.h"

static void
insert (Scenario   *s,
        const char *table,
        GVariant   *record)
{
  g_autoptr(GError) error = NULL;

  g_variant_ref_sink (record);
  opora_store_insert_record (s->store, table, record, &error);
  g_assert_no_error (error);
  g_variant_unref (record);
}

typedef struct
{
  const char *column;
  const char *value;
  gint64      found;
  gint64      max_id;
} FindRecord;

static gboolean
find_cb (const char  *table,
         GVariant    *record,
         gpointer     user_data,
         GError     **error)
{
  FindRecord *find = user_data;
  const char *value = NULL;
  gint64 id = 0;

  g_variant_lookup (record, "id", "x", &id);
  find->max_id = MAX (find->max_id, id);
  if (g_variant_lookup (record, find->column, "&s", &value) &&
      g_strcmp0 (value, find->value) == 0 && find->found == 0)
    find->found = id;
  return TRUE;
}

/* The id of the row of @table whose @column is @value, or 0; *max_id the largest id. */
static gint64
find_record (Scenario   *s,
             const char *table,
             const char *column,
             const char *value,
             gint64     *max_id)
{
  g_autoptr(GError) error = NULL;
  FindRecord find = { column, value, 0, 0 };

  opora_store_foreach_record (s->store, table, find_cb, &find, &error);
  g_assert_no_error (error);
  if (max_id != NULL)
    *max_id = find.max_id;
  return find.found;
}

/* The seed survey and its questions: a database may ship them built in; if this one does
 * not, they are added as the survey's store would. */
static void
ensure_seed_survey (Scenario *s)
{
  gint64 max_id;
  GVariantDict dict;
  const char *codes[] = { "q1", "q2" };
  gint64 *ids[] = { &s->q1_id, &s->q2_id };

  s->survey_id = find_record (s, "survey_template", "code", "peer_consent", &max_id);
  if (s->survey_id == 0)
    {
      s->survey_id = max_id + 1;
      g_variant_dict_init (&dict, NULL);
      g_variant_dict_insert (&dict, "id", "x", s->survey_id);
      g_variant_dict_insert (&dict, "code", "s", "peer_consent");
      g_variant_dict_insert (&dict, "title", "s", "Анкета");
      insert (s, "survey_template", g_variant_dict_end (&dict));
    }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      /* Codes are per template; the test's database has no other template yet. */
      *ids[i] = find_record (s, "survey_question", "code", codes[i], &max_id);
      if (*ids[i] != 0)
        continue;
      *ids[i] = max_id + 1;
      g_variant_dict_init (&dict, NULL);
      g_variant_dict_insert (&dict, "id", "x", *ids[i]);
      g_variant_dict_insert (&dict, "template_id", "x", s->survey_id);
      g_variant_dict_insert (&dict, "position", "x", (gint64) i + 1);
      g_variant_dict_insert (&dict, "code", "s", codes[i]);
      g_variant_dict_insert (&dict, "kind", "s", "yes_no");
      g_variant_dict_insert (&dict, "text", "s", i == 0 ? "Вопрос 1" : "Вопрос 2");
      insert (s, "survey_question", g_variant_dict_end (&dict));
    }
}

void
scenario_set_up (Scenario      *s,
                 gconstpointer  data)
{
  GVariantDict dict;

  s->store = opora_test_open_store (&s->dir);
  s->next_id = 1000;
  s->staff_id = 1;
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", s->staff_id);
  g_variant_dict_insert (&dict, "full_name", "s", "Психолог Ольга Ивановна");
  g_variant_dict_insert (&dict, "position", "s", "psychologist");
  insert (s, "staff", g_variant_dict_end (&dict));
  ensure_seed_survey (s);
}

void
scenario_tear_down (Scenario      *s,
                    gconstpointer  data)
{
  g_clear_object (&s->store);
  opora_test_rm_rf (s->dir);
  g_free (s->dir);
}

void
scenario_begin (Scenario *s)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_store_begin (s->store, &error));
  g_assert_no_error (error);
}

void
scenario_commit (Scenario *s)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_store_commit (s->store, &error));
  g_assert_no_error (error);
}

gint64
scenario_person (Scenario   *s,
                 const char *surname,
                 const char *name)
{
  g_autoptr(OporaPerson) person = opora_person_new ();
  g_autoptr(GError) error = NULL;

  opora_person_set_surname (person, surname);
  opora_person_set_name (person, name);
  opora_person_set_sex (person, OPORA_SEX_FEMALE);
  g_assert_true (opora_store_save_person (s->store, person, &error));
  g_assert_no_error (error);
  return opora_person_get_id (person);
}

OporaContract *
scenario_new_contract (Scenario   *s,
                       gint64      person_id,
                       const char *concluded_on,
                       const char *term_end)
{
  OporaContract *contract = opora_contract_new ();
  g_autofree char *number = g_strdup_printf ("%u/%.4s", ++s->n_contracts, concluded_on);

  opora_contract_set_number (contract, number);
  opora_contract_set_person_id (contract, person_id);
  opora_contract_set_concluded_on (contract, concluded_on);
  opora_contract_set_term_start (contract, concluded_on);
  opora_contract_set_term_end (contract, term_end);
  return contract;
}

gint64
scenario_save_contract (Scenario      *s,
                        OporaContract *contract)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_store_save_contract (s->store, contract, &error));
  g_assert_no_error (error);
  return opora_contract_get_id (contract);
}

gint64
scenario_contract (Scenario   *s,
                   gint64      person_id,
                   const char *concluded_on,
                   const char *term_end)
{
  g_autoptr(OporaContract) contract =
    scenario_new_contract (s, person_id, concluded_on, term_end);

  return scenario_save_contract (s, contract);
}

void
scenario_add_measure (OporaContract *contract,
                      const char    *type,
                      const char    *status,
                      const char    *done_on,
                      gboolean       informed_online)
{
  g_autoptr(OporaMeasure) measure = opora_measure_new ();
  OporaMeasureType measure_type;
  OporaMeasureStatus measure_status;

  g_assert_true (opora_measure_type_from_string (type, &measure_type));
  g_assert_true (opora_measure_status_from_string (status, &measure_status));
  opora_measure_set_measure_type (measure, measure_type);
  opora_measure_set_status (measure, measure_status);
  opora_measure_set_done_on (measure, done_on);
  opora_measure_set_informed_online (measure, informed_online);
  opora_contract_add_measure (contract, measure);
}

void
scenario_set_analysis (OporaContract *contract,
                       gboolean       done,
                       const char    *analysed_on,
                       gboolean       low_income)
{
  g_autoptr(OporaProgrammeAnalysis) analysis = opora_programme_analysis_new ();

  opora_programme_analysis_set_done (analysis, done);
  opora_programme_analysis_set_analysed_on (analysis, analysed_on);
  opora_programme_analysis_set_low_income (analysis, low_income);
  opora_contract_set_analysis (contract, analysis);
}

void
scenario_set_outcome (OporaContract *contract,
                      const char    *recorded_on,
                      gboolean       programme_completed,
                      gboolean       status_raised)
{
  g_autoptr(OporaOutcome) outcome = opora_outcome_new ();

  opora_outcome_set_recorded_on (outcome, recorded_on);
  opora_outcome_set_programme_completed (outcome, programme_completed);
  opora_outcome_set_status_raised (outcome, status_raised);
  opora_outcome_set_situation (outcome, OPORA_SITUATION_BETTER);
  opora_contract_set_outcome (contract, outcome);
}

gint64
scenario_enroll (Scenario   *s,
                 gint64      person_id,
                 const char *technology,
                 const char *from_on,
                 const char *until_on,
                 int         satisfied)
{
  g_autoptr(OporaEnrollment) enrollment = opora_enrollment_new ();
  g_autoptr(GError) error = NULL;
  OporaTechnology tech;

  g_assert_true (opora_technology_from_string (technology, &tech));
  opora_enrollment_set_person_id (enrollment, person_id);
  opora_enrollment_set_technology (enrollment, tech);
  opora_enrollment_set_from_on (enrollment, from_on);
  opora_enrollment_set_until_on (enrollment, until_on);
  opora_enrollment_set_satisfied (enrollment, satisfied < 0 ? OPORA_SATISFIED_UNKNOWN
                                              : satisfied ? OPORA_SATISFIED_YES
                                              : OPORA_SATISFIED_NO);
  g_assert_true (opora_store_save_enrollment (s->store, enrollment, NULL, &error));
  g_assert_no_error (error);
  return opora_enrollment_get_id (enrollment);
}

gint64
scenario_survey_template (Scenario   *s,
                          const char *title)
{
  GVariantDict dict;
  gint64 id = ++s->next_id;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", id);
  g_variant_dict_insert (&dict, "title", "s", title);
  insert (s, "survey_template", g_variant_dict_end (&dict));
  return id;
}

gint64
scenario_response_to (Scenario   *s,
                      gint64      template_id,
                      gint64      person_id,
                      const char *responded_on)
{
  GVariantDict dict;
  gint64 id = ++s->next_id;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", id);
  g_variant_dict_insert (&dict, "template_id", "x", template_id);
  g_variant_dict_insert (&dict, "person_id", "x", person_id);
  g_variant_dict_insert (&dict, "responded_on", "s", responded_on);
  insert (s, "survey_response", g_variant_dict_end (&dict));
  return id;
}

static void
answer (Scenario   *s,
        gint64      response_id,
        gint64      question_id,
        const char *value)
{
  GVariantDict dict;

  if (value == NULL)
    return;
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "response_id", "x", response_id);
  g_variant_dict_insert (&dict, "question_id", "x", question_id);
  g_variant_dict_insert (&dict, "value", "s", value);
  insert (s, "survey_answer", g_variant_dict_end (&dict));
}

gint64
scenario_response (Scenario   *s,
                   gint64      person_id,
                   const char *responded_on,
                   const char *q1,
                   const char *q2)
{
  gint64 id = scenario_response_to (s, s->survey_id, person_id, responded_on);

  answer (s, id, s->q1_id, q1);
  answer (s, id, s->q2_id, q2);
  return id;
}

void
scenario_wish (Scenario   *s,
               gint64      person_id,
               const char *marked_on)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", ++s->next_id);
  g_variant_dict_insert (&dict, "person_id", "x", person_id);
  g_variant_dict_insert (&dict, "marked_on", "s", marked_on);
  insert (s, "peer_wish", g_variant_dict_end (&dict));
}

gint64
scenario_group (Scenario   *s,
                const char *kind,
                const char *formed_on,
                const char *meeting_on,
                gboolean    held)
{
  GVariantDict dict;
  gint64 id = ++s->next_id;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", id);
  g_variant_dict_insert (&dict, "kind", "s", kind);
  g_variant_dict_insert (&dict, "formed_on", "s", formed_on);
  if (meeting_on != NULL)
    {
      g_variant_dict_insert (&dict, "meeting_on", "s", meeting_on);
      g_variant_dict_insert (&dict, "start_time", "s", "10:00");
      g_variant_dict_insert (&dict, "duration_min", "x", (gint64) 60);
    }
  g_variant_dict_insert (&dict, "facilitator_id", "x", s->staff_id);
  g_variant_dict_insert (&dict, "held", "x", (gint64) held);
  insert (s, "group_activity", g_variant_dict_end (&dict));
  return id;
}

void
scenario_member (Scenario   *s,
                 gint64      group_id,
                 gint64      person_id,
                 const char *role,
                 gboolean    attended)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) group = opora_store_get_record (s->store, "group_activity", group_id,
                                                      &error);
  GVariantDict dict;
  gint64 held = 0;

  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (group, "held", "x", &held));
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "group_id", "x", group_id);
  g_variant_dict_insert (&dict, "person_id", "x", person_id);
  g_variant_dict_insert (&dict, "role", "s", role);
  if (held)
    g_variant_dict_insert (&dict, "attended", "x", (gint64) attended);
  insert (s, "group_member", g_variant_dict_end (&dict));
}

void
scenario_call (Scenario   *s,
               gint64      group_id,
               gint64      person_id,
               const char *called_on,
               const char *situation,
               gboolean    satisfied)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", ++s->next_id);
  g_variant_dict_insert (&dict, "group_id", "x", group_id);
  g_variant_dict_insert (&dict, "person_id", "x", person_id);
  g_variant_dict_insert (&dict, "called_on", "s", called_on);
  g_variant_dict_insert (&dict, "situation", "s", situation);
  g_variant_dict_insert (&dict, "satisfied", "x", (gint64) satisfied);
  insert (s, "followup_call", g_variant_dict_end (&dict));
}

gint64
scenario_organisation (Scenario   *s,
                       const char *name)
{
  GVariantDict dict;
  gint64 id = ++s->next_id;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", id);
  g_variant_dict_insert (&dict, "name", "s", name);
  g_variant_dict_insert (&dict, "kind", "s", "employment_centre");
  insert (s, "organisation", g_variant_dict_end (&dict));
  return id;
}

void
scenario_agreement (Scenario   *s,
                    gint64      organisation_id,
                    const char *signed_on,
                    const char *valid_until)
{
  GVariantDict dict;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, ++s->next_id);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "x", s->next_id);
  g_variant_dict_insert (&dict, "organisation_id", "x", organisation_id);
  g_variant_dict_insert (&dict, "number", "s", number);
  g_variant_dict_insert (&dict, "signed_on", "s", signed_on);
  if (valid_until != NULL)
    g_variant_dict_insert (&dict, "valid_until", "s", valid_until);
  insert (s, "agreement", g_variant_dict_end (&dict));
}

void
scenario_check_figures (Scenario   *s,
                        const char *id,
                        const char *from,
                        const char *to,
                        guint       num,
                        guint       den,
                        int         line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaIndicatorResult) result =
    opora_store_compute_indicator (s->store, id, from, to, &error);
  g_autoptr(GListModel) drilldown = NULL;
  gboolean is_count;
  guint n, counted = 0;

  g_assert_no_error (error);
  g_assert_nonnull (result);
  /* A count has no denominator: @den is what its drill-down lists. */
  is_count = opora_indicator_result_get_kind (result) == OPORA_INDICATOR_KIND_COUNT;
  if (opora_indicator_result_get_numerator (result) != num ||
      opora_indicator_result_get_denominator (result) != (is_count ? 0 : den))
    g_error ("line %d: %s over %s … %s is %u of %u, expected %u of %u", line, id, from, to,
             opora_indicator_result_get_numerator (result),
             opora_indicator_result_get_denominator (result), num, den);
  g_assert_cmpstr (opora_indicator_result_get_from (result), ==, from);
  g_assert_cmpstr (opora_indicator_result_get_to (result), ==, to);
  g_assert_cmpint (opora_indicator_result_has_data (result), ==, is_count || den > 0);

  drilldown = opora_store_indicator_drilldown (s->store, id, from, to, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (drilldown);
  g_assert_cmpuint (n, ==, den);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaDrilldownItem) item = g_list_model_get_item (drilldown, i);

      g_assert_nonnull (item);
      /* not counted first */
      g_assert_cmpint (opora_drilldown_item_get_counted (item), ==, i >= den - num);
      counted += opora_drilldown_item_get_counted (item);
    }
  g_assert_cmpuint (counted, ==, num);
}

/* Whether @record_id is in the drill-down of @id, and *@counted whether counted there. */
static gboolean
drilldown_counts (Scenario   *s,
                  const char *id,
                  const char *from,
                  const char *to,
                  gint64      record_id,
                  gboolean   *counted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = opora_store_indicator_drilldown (s->store, id, from, to, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OporaDrilldownItem) item = g_list_model_get_item (list, i);

      if (opora_drilldown_item_get_id (item) == record_id)
        {
          *counted = opora_drilldown_item_get_counted (item);
          return TRUE;
        }
    }
  return FALSE;
}

void
assert_in (Scenario   *s,
           const char *id,
           const char *from,
           const char *to,
           gint64      record_id,
           gboolean    expect_counted)
{
  gboolean counted = FALSE;

  g_assert_true (drilldown_counts (s, id, from, to, record_id, &counted));
  g_assert_cmpint (counted, ==, expect_counted);
}

void
assert_not_in (Scenario   *s,
               const char *id,
               const char *from,
               const char *to,
               gint64      record_id)
{
  gboolean counted;

  g_assert_false (drilldown_counts (s, id, from, to, record_id, &counted));
}
