/* The indicator catalogue against the SPEC's table, and the arithmetic and wording of an
 * indicator's result: shares, targets, "no data", labels in English and Russian. */
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "opora-i18n.h"
#include "opora-indicator-catalogue.h"

/* Switches the interface language: gettext reads LANGUAGE on each call, and setlocale()
 * makes it forget the translations it has already looked up. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

typedef struct
{
  const char         *id;
  OporaTechnology     technology;
  OporaIndicatorKind  kind;
  double              target;
} Expected;

#define NONE OPORA_INDICATOR_NO_TARGET
#define S    OPORA_INDICATOR_KIND_SHARE

/* The SPEC's table, typed in again from the SPEC rather than read from the code. */
static const Expected spec_table[] = {
  { "peer.surveyed", OPORA_TECHNOLOGY_PEER, S, 1.00 },
  { "peer.groups_held", OPORA_TECHNOLOGY_PEER, S, 1.00 },
  { "peer.participation", OPORA_TECHNOLOGY_PEER, S, 0.60 },
  { "peer.followed_up", OPORA_TECHNOLOGY_PEER, S, 1.00 },
  { "peer.improved", OPORA_TECHNOLOGY_PEER, S, 0.60 },
  { "peer.satisfied", OPORA_TECHNOLOGY_PEER, S, 0.95 },
  { "agent.registered", OPORA_TECHNOLOGY_AGENT, S, NONE },
  { "agent.helped", OPORA_TECHNOLOGY_AGENT, S, NONE },
  { "agent.trained", OPORA_TECHNOLOGY_AGENT, S, 0.95 },
  { "agent.silver", OPORA_TECHNOLOGY_AGENT, S, NONE },
  { "agent.agreements", OPORA_TECHNOLOGY_AGENT, S, NONE },
  { "agent.assigned", OPORA_TECHNOLOGY_AGENT, S, NONE },
  { "agent.programmes", OPORA_TECHNOLOGY_AGENT, S, NONE },
  { "lift.analysed", OPORA_TECHNOLOGY_LIFT, S, 1.00 },
  { "lift.agreements", OPORA_TECHNOLOGY_LIFT, OPORA_INDICATOR_KIND_COUNT, 4 },
  { "lift.employed", OPORA_TECHNOLOGY_LIFT, S, 0.50 },
  { "lift.retrained", OPORA_TECHNOLOGY_LIFT, S, 0.80 },
  { "lift.finlit_course", OPORA_TECHNOLOGY_LIFT, S, 0.60 },
  { "lift.finlit_informed", OPORA_TECHNOLOGY_LIFT, S, 1.00 },
  { "lift.surveyed", OPORA_TECHNOLOGY_LIFT, S, 1.00 },
  { "lift.trained", OPORA_TECHNOLOGY_LIFT, S, 0.60 },
  { "lift.recorded", OPORA_TECHNOLOGY_LIFT, S, 1.00 },
  { "lift.programmes", OPORA_TECHNOLOGY_LIFT, S, 0.83 },
  { "lift.status", OPORA_TECHNOLOGY_LIFT, S, 0.80 },
  { "lift.satisfied", OPORA_TECHNOLOGY_LIFT, S, 0.75 },
  { "mediation.helped", OPORA_TECHNOLOGY_MEDIATION, S, NONE },
  { "mediation.independent", OPORA_TECHNOLOGY_MEDIATION, S, NONE },
  { "mentoring.covered", OPORA_TECHNOLOGY_MENTORING, S, NONE },
  { "mentoring.completed", OPORA_TECHNOLOGY_MENTORING, S, NONE },
};

static void
test_catalogue_matches_spec (void)
{
  guint n_all;
  const OporaIndicatorDef *all = opora_indicator_catalogue_all (&n_all);

  g_assert_cmpuint (n_all, ==, G_N_ELEMENTS (spec_table));

  for (guint i = 0; i < G_N_ELEMENTS (spec_table); i++)
    {
      const Expected *e = &spec_table[i];
      const OporaIndicatorDef *def = opora_indicator_catalogue_get (e->id);
      guint found = 0;

      g_test_message ("%s", e->id);
      g_assert_nonnull (def);
      for (guint j = 0; j < n_all; j++)
        found += g_str_equal (all[j].id, e->id);
      g_assert_cmpuint (found, ==, 1);

      g_assert_cmpint (def->technology, ==, e->technology);
      g_assert_cmpint (def->kind, ==, e->kind);
      g_assert_cmpint (def->direction, ==, OPORA_INDICATOR_AT_LEAST);
      if (OPORA_INDICATOR_HAS_TARGET (e->target))
        g_assert_cmpfloat_with_epsilon (def->default_target, e->target, 1e-12);
      else
        g_assert_false (OPORA_INDICATOR_HAS_TARGET (def->default_target));

      /* The id names its technology as the database stores it: "peer.", "lift."… */
      g_assert_true (g_str_has_prefix (def->id, opora_technology_to_string (def->technology)));
      g_assert_cmpint (def->id[strlen (opora_technology_to_string (def->technology))], ==, '.');

      g_assert_cmpstr (opora_indicator_def_get_title (def), !=, "");
      g_assert_cmpstr (opora_indicator_def_get_numerator (def), !=, "");
      if (def->kind == OPORA_INDICATOR_KIND_COUNT)
        g_assert_null (opora_indicator_def_get_denominator (def));
      else
        g_assert_cmpstr (opora_indicator_def_get_denominator (def), !=, "");
    }

  g_assert_null (opora_indicator_catalogue_get ("peer.unknown"));
  g_assert_null (opora_indicator_catalogue_get (""));
}

static void
test_catalogue_lists_by_technology (void)
{
  static const OporaTechnology technologies[] = {
    OPORA_TECHNOLOGY_PEER, OPORA_TECHNOLOGY_AGENT, OPORA_TECHNOLOGY_LIFT,
    OPORA_TECHNOLOGY_MEDIATION, OPORA_TECHNOLOGY_MENTORING,
  };
  guint total = 0, n;

  for (guint t = 0; t < G_N_ELEMENTS (technologies); t++)
    {
      const OporaIndicatorDef *defs = opora_indicator_catalogue_list (technologies[t], &n);
      guint expected = 0, k = 0;

      for (guint i = 0; i < G_N_ELEMENTS (spec_table); i++)
        expected += spec_table[i].technology == technologies[t];
      g_assert_cmpuint (n, ==, expected);
      g_assert_cmpuint (n, >, 0);

      /* In the SPEC's order. */
      for (guint i = 0; i < G_N_ELEMENTS (spec_table); i++)
        if (spec_table[i].technology == technologies[t])
          g_assert_cmpstr (defs[k++].id, ==, spec_table[i].id);
      total += n;
    }
  g_assert_cmpuint (total, ==, G_N_ELEMENTS (spec_table));

  g_assert_null (opora_indicator_catalogue_list (OPORA_TECHNOLOGY_NONE, &n));
  g_assert_cmpuint (n, ==, 0);
}

static OporaIndicatorResult *
share (guint  numerator,
       guint  denominator,
       double target)
{
  return opora_indicator_result_new ("peer.participation", OPORA_INDICATOR_KIND_SHARE,
                                     OPORA_INDICATOR_AT_LEAST, "2023-01-01", "2023-12-31",
                                     numerator, denominator, target);
}

static void
assert_status (OporaIndicatorResult *result,
               OporaIndicatorStatus  status)
{
  g_autoptr(OporaIndicatorResult) owned = result;

  g_assert_cmpint (opora_indicator_result_get_status (owned), ==, status);
}

static void
test_result_status (void)
{
  /* Exactly on the target is met, from either side of the arithmetic. */
  assert_status (share (3, 5, 0.60), OPORA_INDICATOR_STATUS_MET);
  assert_status (share (18, 30, 0.60), OPORA_INDICATOR_STATUS_MET);
  assert_status (share (19, 20, 0.95), OPORA_INDICATOR_STATUS_MET);
  assert_status (share (83, 100, 0.83), OPORA_INDICATOR_STATUS_MET);
  assert_status (share (7, 7, 1.00), OPORA_INDICATOR_STATUS_MET);
  /* Just short of it is not. */
  assert_status (share (5999, 10000, 0.60), OPORA_INDICATOR_STATUS_NOT_MET);
  assert_status (share (17, 30, 0.60), OPORA_INDICATOR_STATUS_NOT_MET);
  assert_status (share (99, 100, 1.00), OPORA_INDICATOR_STATUS_NOT_MET);
  assert_status (share (0, 4, 0.60), OPORA_INDICATOR_STATUS_NOT_MET);
  /* Nothing to count is no data, whatever the target. */
  assert_status (share (0, 0, 0.60), OPORA_INDICATOR_STATUS_NO_DATA);
  assert_status (share (0, 0, NONE), OPORA_INDICATOR_STATUS_NO_DATA);
  assert_status (share (4, 9, NONE), OPORA_INDICATOR_STATUS_NO_TARGET);

  /* "At most" turns it round. */
  assert_status (opora_indicator_result_new ("x", S, OPORA_INDICATOR_AT_MOST, NULL, NULL,
                                             1, 10, 0.10),
                 OPORA_INDICATOR_STATUS_MET);
  assert_status (opora_indicator_result_new ("x", S, OPORA_INDICATOR_AT_MOST, NULL, NULL,
                                             2, 10, 0.10),
                 OPORA_INDICATOR_STATUS_NOT_MET);
}

static void
test_result_no_data (void)
{
  g_autoptr(OporaIndicatorResult) result = share (0, 0, 0.60);
  double value = 42;

  g_assert_false (opora_indicator_result_has_data (result));
  g_assert_false (opora_indicator_result_get_value (result, &value));
  g_assert_cmpfloat (value, ==, 42);
  g_assert_cmpint (opora_indicator_result_get_percent (result), ==, -1);
}

static void
test_result_count (void)
{
  const OporaIndicatorDef *def = opora_indicator_catalogue_get ("lift.agreements");
  g_autoptr(OporaIndicatorResult) four = opora_indicator_def_new_result (def, NULL, NULL, 4, 9);
  g_autoptr(OporaIndicatorResult) three = opora_indicator_def_new_result (def, NULL, NULL, 3, 0);
  g_autoptr(OporaIndicatorResult) none = opora_indicator_def_new_result (def, NULL, NULL, 0, 0);
  double value = 0;

  g_assert_cmpint (opora_indicator_result_get_status (four), ==, OPORA_INDICATOR_STATUS_MET);
  g_assert_cmpint (opora_indicator_result_get_status (three), ==,
                   OPORA_INDICATOR_STATUS_NOT_MET);
  /* A count of nothing is a count: 0 organisations, not "no data". */
  g_assert_true (opora_indicator_result_has_data (none));
  g_assert_cmpint (opora_indicator_result_get_status (none), ==, OPORA_INDICATOR_STATUS_NOT_MET);
  g_assert_true (opora_indicator_result_get_value (four, &value));
  g_assert_cmpfloat (value, ==, 4);
  /* A count has no denominator, and so no percentage. */
  g_assert_cmpuint (opora_indicator_result_get_denominator (four), ==, 0);
  g_assert_cmpint (opora_indicator_result_get_percent (four), ==, -1);
}

static void
assert_percent (guint numerator,
                guint denominator,
                int   percent)
{
  g_autoptr(OporaIndicatorResult) result = share (numerator, denominator, NONE);

  g_assert_cmpint (opora_indicator_result_get_percent (result), ==, percent);
}

static void
test_result_percent_rounding (void)
{
  assert_percent (19, 30, 63);   /* 63.33 */
  assert_percent (1, 8, 13);     /* 12.5, half up */
  assert_percent (1, 200, 1);    /* 0.5, half up */
  assert_percent (1, 201, 0);    /* 0.4975 */
  assert_percent (2, 3, 67);
  assert_percent (1, 3, 33);
  assert_percent (0, 7, 0);
  assert_percent (7, 7, 100);
  assert_percent (4294967295u, 4294967295u, 100); /* no overflow on the largest counts */
}

static void
assert_label (OporaIndicatorResult *result,
              const char           *label)
{
  g_autoptr(OporaIndicatorResult) owned = result;
  g_autofree char *text = opora_indicator_result_format_label (owned);

  g_assert_cmpstr (text, ==, label);
}

static void
assert_value (OporaIndicatorResult *result,
              const char           *value)
{
  g_autoptr(OporaIndicatorResult) owned = result;
  g_autofree char *text = opora_indicator_result_format_value (owned);

  g_assert_cmpstr (text, ==, value);
}

static OporaIndicatorResult *
agreements (guint count)
{
  return opora_indicator_def_new_result (opora_indicator_catalogue_get ("lift.agreements"),
                                         "2023-01-01", "2023-12-31", count, 0);
}

static void
test_labels_english (void)
{
  use_language ("en");

  assert_label (share (19, 30, 0.60), "63 % — 19 of 30, target ≥ 60 %");
  assert_label (share (0, 0, 0.60), "no data — 0 of 0, target ≥ 60 %");
  assert_label (share (19, 30, NONE), "63 % — 19 of 30");
  assert_label (share (0, 0, NONE), "no data — 0 of 0");
  assert_label (agreements (5), "5 organisations — target ≥ 4");
  assert_label (agreements (1), "1 organisation — target ≥ 4");
  assert_label (opora_indicator_result_new ("x", S, OPORA_INDICATOR_AT_MOST, NULL, NULL,
                                            1, 10, 0.10),
                "10 % — 1 of 10, target ≤ 10 %");

  /* Rounding may not cross the target: one decimal then, towards the truth. */
  assert_value (share (5999, 10000, 0.60), "59.9 %");
  assert_value (share (1499, 2500, 0.60), "59.9 %");   /* 59.96 */
  assert_value (share (5995, 10000, 0.60), "59.9 %");  /* 59.95 */
  assert_value (share (5994, 10000, 0.60), "59.9 %");  /* 59.94, rounded half up */
  assert_value (share (5999, 10000, NONE), "60 %");    /* no target to cross */
  assert_value (share (5949, 10000, 0.60), "59 %");    /* 59.49 does not cross */
  assert_value (share (4998, 6000, 0.833), "83.3 %");  /* met: 83 % would look short */
  assert_label (share (4998, 6000, 0.833), "83.3 % — 4998 of 6000, target ≥ 83.3 %");
}

static void
test_labels_russian (void)
{
  use_language ("ru");

  assert_label (share (19, 30, 0.60), "63 % — 19 из 30, цель ≥ 60 %");
  assert_label (share (0, 0, 0.60), "нет данных — 0 из 0, цель ≥ 60 %");
  assert_label (share (19, 30, NONE), "63 % — 19 из 30");
  /* Russian has three plural forms. */
  assert_label (agreements (5), "5 организаций — цель ≥ 4");
  assert_label (agreements (1), "1 организация — цель ≥ 4");
  assert_label (agreements (3), "3 организации — цель ≥ 4");
  assert_label (agreements (21), "21 организация — цель ≥ 4");
  assert_label (agreements (11), "11 организаций — цель ≥ 4");
  /* A decimal comma in Russian, whatever LC_NUMERIC says. */
  assert_value (share (5999, 10000, 0.60), "59,9 %");

  g_assert_cmpstr (opora_indicator_def_get_title (opora_indicator_catalogue_get ("lift.employed")),
                   ==, "Трудоустроены");
  g_assert_cmpstr (opora_indicator_status_display_name (OPORA_INDICATOR_STATUS_MET), ==,
                   "Цель выполнена");

  /* Every title, numerator and denominator is translated. */
  {
    guint n;
    const OporaIndicatorDef *all = opora_indicator_catalogue_all (&n);

    for (guint i = 0; i < n; i++)
      {
        g_assert_cmpstr (opora_indicator_def_get_title (&all[i]), !=, all[i].title);
        g_assert_cmpstr (opora_indicator_def_get_numerator (&all[i]), !=, all[i].numerator);
        if (all[i].denominator != NULL)
          g_assert_cmpstr (opora_indicator_def_get_denominator (&all[i]), !=,
                           all[i].denominator);
      }
  }
  use_language ("en");
}

static void
test_result_boxed (void)
{
  g_autoptr(OporaIndicatorResult) result = share (19, 30, 0.60);
  OporaIndicatorResult *copy = g_boxed_copy (OPORA_TYPE_INDICATOR_RESULT, result);

  g_assert_true (copy == result); /* immutable: a copy is another reference */
  g_boxed_free (OPORA_TYPE_INDICATOR_RESULT, copy);
  g_assert_cmpstr (opora_indicator_result_get_id (result), ==, "peer.participation");
  g_assert_cmpstr (opora_indicator_result_get_from (result), ==, "2023-01-01");
  g_assert_cmpstr (opora_indicator_result_get_to (result), ==, "2023-12-31");
  g_assert_cmpuint (opora_indicator_result_get_numerator (result), ==, 19);
  g_assert_cmpuint (opora_indicator_result_get_denominator (result), ==, 30);
  g_assert_cmpfloat (opora_indicator_result_get_target (result), ==, 0.60);
  g_assert_true (opora_indicator_result_has_target (result));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "ru", TRUE);
  opora_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  /* GLib decides on the first g_dgettext() of a process whether to translate at all, and
   * decides against it when that language has no catalogue ("en"): so ask in Russian
   * first, then switch as each test needs. */
  g_dgettext (GETTEXT_PACKAGE, "");
  use_language ("en");

  g_test_add_func ("/indicators/catalogue/matches-spec", test_catalogue_matches_spec);
  g_test_add_func ("/indicators/catalogue/by-technology", test_catalogue_lists_by_technology);
  g_test_add_func ("/indicators/result/status", test_result_status);
  g_test_add_func ("/indicators/result/no-data", test_result_no_data);
  g_test_add_func ("/indicators/result/count", test_result_count);
  g_test_add_func ("/indicators/result/percent-rounding", test_result_percent_rounding);
  g_test_add_func ("/indicators/result/boxed", test_result_boxed);
  g_test_add_func ("/indicators/labels/english", test_labels_english);
  g_test_add_func ("/indicators/labels/russian", test_labels_russian);

  return g_test_run ();
}
