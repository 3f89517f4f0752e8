/* Targets (overrides of the catalogue's defaults, "no target", reset), the drill-down's
 * rows, order and liveness, and indicators surviving export → import. */
#include <math.h>
#include <string.h>

#include "opora-error.h"
#include "opora-indicator-catalogue.h"
#include "opora-interchange.h"
#include "opora-store-indicators.h"
#include "opora-store-persons.h"
#include "opora-store-targets.h"
#include "opora-test-util.h"
#include "test-indicators-scenario.h"

static void
assert_target (Scenario   *s,
               const char *id,
               double      expected,
               gboolean    expect_overridden)
{
  g_autoptr(GError) error = NULL;
  double target = 12345;
  gboolean overridden = !expect_overridden;

  g_assert_true (opora_store_get_target (s->store, id, &target, &overridden, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (target, ==, expected);
  g_assert_cmpint (overridden, ==, expect_overridden);
}

static OporaIndicatorStatus
status_of (Scenario   *s,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaIndicatorResult) result =
    opora_store_compute_indicator (s->store, id, "2023-01-01", "2023-12-31", &error);

  g_assert_no_error (error);
  return opora_indicator_result_get_status (result);
}

static void
changed_cb (OporaStore *store,
            const char *table,
            guint      *n)
{
  if (g_str_equal (table, "indicator_target"))
    (*n)++;
}

/* One of two persons who wished took part: 50 %. */
static void
half_took_part (Scenario *s)
{
  gint64 group = scenario_group (s, "peer_meeting", "2023-03-01", "2023-03-10", TRUE);
  gint64 came = scenario_person (s, "Пришедшая", "Анна");
  gint64 stayed = scenario_person (s, "Оставшаяся", "Вера");

  scenario_wish (s, came, "2023-02-01");
  scenario_wish (s, stayed, "2023-02-01");
  scenario_member (s, group, came, "participant", TRUE);
}

static void
test_targets (Scenario      *s,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaIndicatorResult) result = NULL;
  double target;
  guint n_changed = 0;

  half_took_part (s);
  g_signal_connect (s->store, "changed", G_CALLBACK (changed_cb), &n_changed);

  /* The catalogue's default, ≥ 60 %: 50 % is not met. */
  assert_target (s, "peer.participation", 0.60, FALSE);
  g_assert_cmpint (status_of (s, "peer.participation"), ==, OPORA_INDICATOR_STATUS_NOT_MET);

  g_assert_true (opora_store_set_target (s->store, "peer.participation", 0.5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  assert_target (s, "peer.participation", 0.5, TRUE);
  result = opora_store_compute_indicator (s->store, "peer.participation", "2023-01-01",
                                          "2023-12-31", &error);
  g_assert_cmpfloat (opora_indicator_result_get_target (result), ==, 0.5);
  g_assert_cmpint (opora_indicator_result_get_status (result), ==, OPORA_INDICATOR_STATUS_MET);
  /* Other indicators keep their defaults. */
  assert_target (s, "peer.satisfied", 0.95, FALSE);

  /* "No target" is an override too. */
  g_assert_true (opora_store_set_target (s->store, "peer.participation",
                                         OPORA_INDICATOR_NO_TARGET, &error));
  assert_target (s, "peer.participation", OPORA_INDICATOR_NO_TARGET, TRUE);
  g_assert_cmpint (status_of (s, "peer.participation"), ==, OPORA_INDICATOR_STATUS_NO_TARGET);

  /* Back to the default, twice (the second time there is nothing to reset). */
  g_assert_true (opora_store_reset_target (s->store, "peer.participation", &error));
  g_assert_true (opora_store_reset_target (s->store, "peer.participation", &error));
  g_assert_no_error (error);
  assert_target (s, "peer.participation", 0.60, FALSE);
  g_assert_cmpint (status_of (s, "peer.participation"), ==, OPORA_INDICATOR_STATUS_NOT_MET);

  /* An indicator without a default may get a target; a count's target is a number. */
  g_assert_true (opora_store_set_target (s->store, "agent.registered", 0.0, &error));
  assert_target (s, "agent.registered", 0.0, TRUE);
  g_assert_true (opora_store_set_target (s->store, "lift.agreements", 10, &error));
  g_assert_no_error (error);
  assert_target (s, "lift.agreements", 10, TRUE);
  g_assert_cmpint (status_of (s, "lift.agreements"), ==, OPORA_INDICATOR_STATUS_NOT_MET);

  /* Refusals change nothing. */
  n_changed = 0;
  g_assert_false (opora_store_set_target (s->store, "peer.surveyed", 1.01, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (opora_store_set_target (s->store, "peer.surveyed", NAN, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (opora_store_set_target (s->store, "peer.nonsense", 0.5, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (opora_store_reset_target (s->store, "peer.nonsense", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (opora_store_get_target (s->store, "peer.nonsense", &target, NULL, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_changed, ==, 0);
  assert_target (s, "peer.surveyed", 1.0, FALSE);

  g_signal_handlers_disconnect_by_func (s->store, changed_cb, &n_changed);
}

static void
test_drilldown_rows (Scenario      *s,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) persons = NULL;
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(OporaContract) contract = NULL;
  const char *expected[] = {
    /* not counted, by name */
    "Борисова Анна", "Борисова Вера Петровна", "Яковлева Ирина",
    /* counted, by name */
    "Авдеева Нина", "Юрьева Ольга",
  };
  gint64 yakovleva = scenario_person (s, "Яковлева", "Ирина");
  gint64 borisova_v = scenario_person (s, "Борисова", "Вера");
  gint64 borisova_a = scenario_person (s, "Борисова", "Анна");
  gint64 yurieva = scenario_person (s, "Юрьева", "Ольга");
  gint64 avdeeva = scenario_person (s, "Авдеева", "Нина");
  gint64 holders[] = { yakovleva, borisova_v, borisova_a, yurieva, avdeeva };
  gint64 group;

  gint64 outsider = scenario_person (s, "Посторонняя", "Зоя");
  for (guint i = 0; i < G_N_ELEMENTS (holders); i++)
    scenario_contract (s, holders[i], "2023-02-01", "2023-07-31");
  scenario_response (s, yurieva, "2023-02-02", "yes", "yes");
  scenario_response (s, avdeeva, "2023-02-03", "no", "yes");
  /* The patronymic, birth date and district show in the row. */
  {
    g_autoptr(OporaPerson) person = opora_store_load_person (s->store, borisova_v, &error);

    g_assert_no_error (error);
    opora_person_set_patronymic (person, "Петровна");
    opora_person_set_birth_date (person, "1985-04-07");
    opora_person_set_district (person, "Северный");
    g_assert_true (opora_store_save_person (s->store, person, &error));
  }

  persons = opora_store_indicator_drilldown (s->store, "peer.surveyed", "2023-01-01",
                                             "2023-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (persons), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(OporaDrilldownItem) item = g_list_model_get_item (persons, i);

      g_assert_cmpstr (opora_drilldown_item_get_title (item), ==, expected[i]);
      g_assert_cmpint (opora_drilldown_item_get_kind (item), ==, OPORA_DRILLDOWN_PERSON);
      g_assert_cmpint (opora_drilldown_item_get_person_id (item), ==,
                       opora_drilldown_item_get_id (item));
      g_assert_cmpint (opora_drilldown_item_get_counted (item), ==, i >= 3);
      if (opora_drilldown_item_get_id (item) == borisova_v)
        g_assert_cmpstr (opora_drilldown_item_get_subtitle (item), ==, "07.04.1985 · Северный");
    }

  /* The list follows the database: a new contract holder comes in (a change of a table
   * the figures read), a renamed person moves (a change of a table the rows show). */
  scenario_contract (s, outsider, "2023-03-01", "2023-08-31");
  g_assert_cmpuint (g_list_model_get_n_items (persons), ==, G_N_ELEMENTS (expected) + 1);
  {
    g_autoptr(OporaPerson) person = opora_store_load_person (s->store, yakovleva, &error);

    opora_person_set_surname (person, "Абрамова");
    g_assert_true (opora_store_save_person (s->store, person, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(OporaDrilldownItem) first = g_list_model_get_item (persons, 0);
    g_autoptr(OporaDrilldownItem) fourth = g_list_model_get_item (persons, 3);

    g_assert_cmpstr (opora_drilldown_item_get_title (first), ==, "Абрамова Ирина");
    g_assert_cmpstr (opora_drilldown_item_get_title (fourth), ==, "Посторонняя Зоя");
    g_assert_false (opora_drilldown_item_get_counted (fourth));
  }

  /* Contracts: numbered, with the applicant to open. */
  contract = scenario_new_contract (s, yakovleva, "2022-06-01", "2023-05-31");
  scenario_set_outcome (contract, "2023-06-01", TRUE, TRUE);
  scenario_save_contract (s, contract);
  contracts = opora_store_indicator_drilldown (s->store, "agent.programmes", "2023-01-01",
                                               "2023-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), ==, 7);
  {
    g_autoptr(OporaDrilldownItem) last = g_list_model_get_item (contracts, 6);
    g_autofree char *title = g_strdup_printf ("%s", opora_drilldown_item_get_title (last));

    g_assert_cmpint (opora_drilldown_item_get_kind (last), ==, OPORA_DRILLDOWN_CONTRACT);
    g_assert_true (opora_drilldown_item_get_counted (last));
    g_assert_cmpint (opora_drilldown_item_get_id (last), ==, opora_contract_get_id (contract));
    g_assert_cmpint (opora_drilldown_item_get_person_id (last), ==, yakovleva);
    g_assert_nonnull (strstr (title, opora_contract_get_number (contract)));
    g_assert_nonnull (strstr (title, "01.06.2022"));
    g_assert_cmpstr (opora_drilldown_item_get_subtitle (last), ==, "Абрамова Ирина");
  }

  /* Groups: by the day they were formed, with their meeting. */
  group = scenario_group (s, "peer_meeting", "2023-05-05", "2023-05-20", FALSE);
  scenario_group (s, "peer_meeting", "2023-04-04", "2023-04-10", TRUE);
  groups = opora_store_indicator_drilldown (s->store, "peer.groups_held", "2023-01-01",
                                            "2023-12-31", &error);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 2);
  {
    g_autoptr(OporaDrilldownItem) first = g_list_model_get_item (groups, 0);

    g_assert_cmpint (opora_drilldown_item_get_kind (first), ==, OPORA_DRILLDOWN_GROUP);
    g_assert_cmpint (opora_drilldown_item_get_id (first), ==, group);
    g_assert_false (opora_drilldown_item_get_counted (first));
    g_assert_cmpint (opora_drilldown_item_get_person_id (first), ==, 0);
    g_assert_nonnull (strstr (opora_drilldown_item_get_title (first), "05.05.2023"));
    g_assert_nonnull (strstr (opora_drilldown_item_get_subtitle (first), "20.05.2023"));
  }
}

static void
test_by_technology (Scenario      *s,
                    gconstpointer  data)
{
  OporaTechnology technologies[] = {
    OPORA_TECHNOLOGY_PEER, OPORA_TECHNOLOGY_AGENT, OPORA_TECHNOLOGY_LIFT,
    OPORA_TECHNOLOGY_MEDIATION, OPORA_TECHNOLOGY_MENTORING,
  };

  half_took_part (s);
  for (guint t = 0; t < G_N_ELEMENTS (technologies); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results =
        opora_store_compute_indicators (s->store, technologies[t], "2023-01-01",
                                        "2023-12-31", &error);
      guint n_defs;
      const OporaIndicatorDef *defs = opora_indicator_catalogue_list (technologies[t], &n_defs);

      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, n_defs);
      for (guint i = 0; i < n_defs; i++)
        {
          OporaIndicatorResult *result = g_ptr_array_index (results, i);
          g_autoptr(OporaIndicatorResult) alone =
            opora_store_compute_indicator (s->store, defs[i].id, "2023-01-01", "2023-12-31",
                                           &error);

          g_assert_cmpstr (opora_indicator_result_get_id (result), ==, defs[i].id);
          g_assert_cmpint (opora_indicator_result_get_kind (result), ==, defs[i].kind);
          g_assert_cmpuint (opora_indicator_result_get_numerator (result), ==,
                            opora_indicator_result_get_numerator (alone));
          g_assert_cmpuint (opora_indicator_result_get_denominator (result), ==,
                            opora_indicator_result_get_denominator (alone));
        }
    }
  assert_figures (s, "peer.participation", "2023-01-01", "2023-12-31", 1, 2);
}

static char *
export_json (OporaStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_interchange_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Everything the indicators read, targets included, survives export → import. */
static void
test_round_trip (Scenario      *s,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) copy = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 group = scenario_group (s, "peer_meeting", "2023-01-10", "2023-01-31", TRUE);
  gint64 person = scenario_person (s, "Круглова", "Анна");
  gint64 other = scenario_person (s, "Петрова", "Вера");
  guint n_with_data = 0;

  scenario_contract (s, person, "2023-01-05", "2023-07-04");
  scenario_contract (s, other, "2023-01-06", "2023-07-05");
  scenario_response (s, person, "2023-01-07", "yes", "yes");
  scenario_wish (s, other, "2023-01-08");
  scenario_member (s, group, person, "participant", TRUE);
  scenario_member (s, group, other, "peer", TRUE);
  scenario_call (s, group, person, "2023-02-28", "better", TRUE);
  scenario_enroll (s, person, "lift", "2023-01-01", "2023-12-01", 1);
  g_assert_true (opora_store_set_target (s->store, "peer.improved", 0.7, &error));
  g_assert_true (opora_store_set_target (s->store, "peer.satisfied",
                                         OPORA_INDICATOR_NO_TARGET, &error));
  g_assert_no_error (error);

  json = export_json (s->store);
  copy = opora_test_open_store (&dir);
  in = g_memory_input_stream_new_from_data (g_strdup (json), -1, g_free);
  g_assert_true (opora_interchange_import (copy, in, NULL, &error));
  g_assert_no_error (error);

  before = opora_store_compute_indicators (s->store, OPORA_TECHNOLOGY_NONE, "2023-01-01",
                                           "2023-12-31", &error);
  after = opora_store_compute_indicators (copy, OPORA_TECHNOLOGY_NONE, "2023-01-01",
                                          "2023-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      OporaIndicatorResult *a = g_ptr_array_index (before, i);
      OporaIndicatorResult *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (opora_indicator_result_get_id (a), ==, opora_indicator_result_get_id (b));
      g_assert_cmpuint (opora_indicator_result_get_numerator (a), ==,
                        opora_indicator_result_get_numerator (b));
      g_assert_cmpuint (opora_indicator_result_get_denominator (a), ==,
                        opora_indicator_result_get_denominator (b));
      g_assert_cmpfloat (opora_indicator_result_get_target (a), ==,
                         opora_indicator_result_get_target (b));
      n_with_data += opora_indicator_result_get_denominator (a) > 0;
    }
  /* The scenario reaches every peer.* indicator and some of lift.* */
  g_assert_cmpuint (n_with_data, >=, 8);
  {
    g_autoptr(OporaIndicatorResult) improved =
      opora_store_compute_indicator (copy, "peer.improved", "2023-01-01", "2023-12-31",
                                     &error);

    g_assert_cmpfloat (opora_indicator_result_get_target (improved), ==, 0.7);
    g_assert_cmpuint (opora_indicator_result_get_numerator (improved), ==, 1);
  }

  g_clear_object (&copy);
  opora_test_rm_rf (dir);
}

void
test_indicators_add_target_tests (void)
{
#define ADD(path, func) \
  g_test_add (path, Scenario, NULL, scenario_set_up, func, scenario_tear_down)
  ADD ("/indicators/targets", test_targets);
  ADD ("/indicators/drilldown", test_drilldown_rows);
  ADD ("/indicators/by-technology", test_by_technology);
  ADD ("/indicators/round-trip", test_round_trip);
#undef ADD
}
