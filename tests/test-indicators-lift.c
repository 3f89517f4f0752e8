/* lift.* and agent.programmes on one hand-made scenario of «Социальный лифт» over 2023:
 * participants who start on the last day or leave on the first, measures done after the
 * end of the period, outcomes recorded late, agreements ending on the last day. */
#include "opora-store-indicators.h"
#include "test-indicators-scenario.h"

#define FROM "2023-01-01"
#define TO   "2023-12-31"

typedef struct
{
  gint64 stays, left_before, starts_last_day, starts_after, leaves_first_day, leaves_after;
  gint64 c_stays, c_last_day, c_first_day, c_outsider, c_leaves_after, c_late;
} Lift;

static void
build (Scenario *s,
       Lift     *l)
{
  g_autoptr(OporaContract) c1 = NULL, c3 = NULL, c4 = NULL, c5 = NULL, c6 = NULL, c6b = NULL;
  gint64 other = scenario_person (s, "Журавлёва", "Жанна");
  gint64 training, spring_training, peer_meeting;

  l->stays = scenario_person (s, "Андреева", "Алла");
  l->left_before = scenario_person (s, "Баранова", "Белла");
  l->starts_last_day = scenario_person (s, "Веселова", "Вера");
  l->starts_after = scenario_person (s, "Голубева", "Галина");
  l->leaves_first_day = scenario_person (s, "Дроздова", "Дина");
  l->leaves_after = scenario_person (s, "Егорова", "Ева");

  scenario_enroll (s, l->stays, "lift", "2023-01-01", NULL, 1);
  scenario_enroll (s, l->left_before, "lift", "2022-01-01", "2022-12-31", 1);
  scenario_enroll (s, l->starts_last_day, "lift", "2023-12-31", NULL, -1);
  scenario_enroll (s, l->starts_after, "lift", "2024-01-01", NULL, 1);
  scenario_enroll (s, l->leaves_first_day, "lift", "2022-06-01", "2023-01-01", 1);
  scenario_enroll (s, l->leaves_after, "lift", "2023-03-01", "2024-02-01", 1);
  scenario_enroll (s, other, "peer", "2023-01-01", NULL, 1);

  /* Ended in the period, outcome recorded in it: completed, status raised. */
  c1 = scenario_new_contract (s, l->stays, "2022-11-01", "2023-10-31");
  scenario_add_measure (c1, "employment", "done", "2023-06-01", FALSE);
  scenario_add_measure (c1, "training", "not_done", NULL, FALSE);
  scenario_add_measure (c1, "financial_literacy", "done", "2023-05-01", TRUE);
  scenario_set_analysis (c1, TRUE, "2022-11-15", TRUE);
  scenario_set_outcome (c1, "2023-11-01", TRUE, TRUE);
  l->c_stays = scenario_save_contract (s, c1);

  /* Concluded on the last day: its employment is done only after the end. */
  c3 = scenario_new_contract (s, l->starts_last_day, "2023-12-31", "2024-06-30");
  scenario_add_measure (c3, "employment", "done", "2024-01-05", FALSE);
  scenario_add_measure (c3, "financial_literacy", "planned", NULL, TRUE);
  scenario_set_analysis (c3, FALSE, NULL, TRUE);
  l->c_last_day = scenario_save_contract (s, c3);

  /* Ended on the first day; its outcome was recorded after the end of the period. */
  c5 = scenario_new_contract (s, l->leaves_first_day, "2022-01-10", "2023-01-01");
  scenario_add_measure (c5, "employment", "in_progress", NULL, FALSE);
  scenario_set_analysis (c5, TRUE, "2022-02-01", FALSE);
  scenario_set_outcome (c5, "2024-01-15", TRUE, TRUE);
  l->c_first_day = scenario_save_contract (s, c5);

  /* Not a participant in 2023: out of every lift.* figure, but in agent.programmes. */
  c4 = scenario_new_contract (s, l->starts_after, "2023-05-01", "2023-12-31");
  scenario_add_measure (c4, "employment", "done", "2023-06-01", FALSE);
  scenario_set_analysis (c4, TRUE, "2023-05-20", FALSE);
  scenario_set_outcome (c4, "2023-12-31", TRUE, FALSE);
  l->c_outsider = scenario_save_contract (s, c4);

  /* Trained on the last day; programme not completed; status not raised; analysed, with
   * low income found, only after the end. */
  c6b = scenario_new_contract (s, l->leaves_after, "2023-03-01", "2023-12-31");
  scenario_add_measure (c6b, "training", "done", "2023-12-31", FALSE);
  scenario_set_analysis (c6b, TRUE, "2024-01-20", TRUE);
  scenario_set_outcome (c6b, "2023-12-31", FALSE, FALSE);
  l->c_leaves_after = scenario_save_contract (s, c6b);

  /* Concluded after the end of the period: its measures do not exist yet in 2023. */
  c6 = scenario_new_contract (s, l->leaves_after, "2024-01-10", "2024-07-09");
  scenario_add_measure (c6, "employment", "done", "2024-02-01", FALSE);
  l->c_late = scenario_save_contract (s, c6);

  scenario_response (s, l->stays, "2023-02-01", "yes", "no");
  scenario_response (s, l->starts_last_day, "2024-02-01", "yes", "yes");
  scenario_response (s, l->leaves_first_day, "2023-06-01", "yes", "no");
  scenario_response (s, l->leaves_after, "2023-04-01", "no", "yes");

  spring_training = scenario_group (s, "psych_training", "2023-02-10", "2023-03-01", TRUE);
  training = scenario_group (s, "psych_training", "2023-12-20", "2024-01-10", TRUE);
  peer_meeting = scenario_group (s, "peer_meeting", "2023-06-10", "2023-06-20", TRUE);
  scenario_member (s, spring_training, l->stays, "participant", TRUE);
  scenario_member (s, training, l->leaves_first_day, "participant", TRUE);
  scenario_member (s, peer_meeting, l->leaves_first_day, "participant", TRUE);
}

static void
test_lift_participants (Scenario      *s,
                        gconstpointer  data)
{
  Lift l;

  build (s, &l);
  /* Participants: from the first day, to the last. */
  assert_figures (s, "lift.satisfied", FROM, TO, 2, 4);
  assert_in (s, "lift.satisfied", FROM, TO, l.stays, TRUE);
  assert_in (s, "lift.satisfied", FROM, TO, l.leaves_first_day, TRUE);
  assert_in (s, "lift.satisfied", FROM, TO, l.starts_last_day, FALSE);
  assert_in (s, "lift.satisfied", FROM, TO, l.leaves_after, FALSE); /* said it in 2024 */
  assert_not_in (s, "lift.satisfied", FROM, TO, l.left_before);
  assert_not_in (s, "lift.satisfied", FROM, TO, l.starts_after);
  assert_figures (s, "lift.satisfied", FROM, "2024-02-01", 4, 5);
  assert_figures (s, "lift.satisfied", "2025-01-01", "2025-12-31", 2, 3);
  assert_figures (s, "lift.satisfied", "2021-01-01", "2021-12-31", 0, 0);
}

static void
test_lift_measures (Scenario      *s,
                    gconstpointer  data)
{
  Lift l;

  build (s, &l);
  assert_figures (s, "lift.employed", FROM, TO, 1, 3);
  assert_in (s, "lift.employed", FROM, TO, l.stays, TRUE);
  assert_in (s, "lift.employed", FROM, TO, l.starts_last_day, FALSE); /* done after */
  assert_in (s, "lift.employed", FROM, TO, l.leaves_first_day, FALSE);
  assert_not_in (s, "lift.employed", FROM, TO, l.starts_after);
  assert_not_in (s, "lift.employed", FROM, TO, l.leaves_after);
  /* Into 2024: the measure of 5 January is done, the contract of 10 January and its
   * measure done on 1 February come in, and the outsider becomes a participant. */
  assert_figures (s, "lift.employed", FROM, "2024-01-05", 3, 4);
  assert_figures (s, "lift.employed", FROM, "2024-02-01", 4, 5);

  assert_figures (s, "lift.retrained", FROM, TO, 1, 2);
  assert_in (s, "lift.retrained", FROM, TO, l.leaves_after, TRUE);   /* done on the last day */
  assert_figures (s, "lift.retrained", FROM, "2023-12-30", 0, 2);
  assert_figures (s, "lift.finlit_course", FROM, TO, 1, 2);
  assert_figures (s, "lift.finlit_informed", FROM, TO, 2, 2);
  /* In 2022 the one who completed the course did not take part yet. */
  assert_figures (s, "lift.finlit_course", "2022-01-01", "2022-12-31", 0, 0);
}

static void
test_lift_analysis_and_surveys (Scenario      *s,
                                gconstpointer  data)
{
  Lift l;

  build (s, &l);
  /* Contract holders of 2023: the last day's, the outsider's, the one who left after. */
  assert_figures (s, "lift.analysed", FROM, TO, 1, 3);
  assert_in (s, "lift.analysed", FROM, TO, l.starts_after, TRUE);
  assert_in (s, "lift.analysed", FROM, TO, l.leaves_after, FALSE);  /* analysed in 2024 */
  assert_in (s, "lift.analysed", FROM, TO, l.starts_last_day, FALSE);
  assert_not_in (s, "lift.analysed", FROM, TO, l.stays);            /* concluded in 2022 */
  assert_figures (s, "lift.analysed", FROM, "2024-01-20", 2, 3);

  /* Low income identified: the one who stays and the last day's (not yet analysed). */
  assert_figures (s, "lift.surveyed", FROM, TO, 1, 2);
  assert_in (s, "lift.surveyed", FROM, TO, l.stays, TRUE);
  assert_in (s, "lift.surveyed", FROM, TO, l.starts_last_day, FALSE); /* answered in 2024 */
  assert_not_in (s, "lift.surveyed", FROM, TO, l.leaves_first_day);
  assert_figures (s, "lift.surveyed", FROM, "2024-02-01", 3, 3);

  /* Q1 = yes on or before the end; a training held after the end, a peer meeting, do not
   * count. */
  assert_figures (s, "lift.trained", FROM, TO, 1, 2);
  assert_in (s, "lift.trained", FROM, TO, l.stays, TRUE);
  assert_in (s, "lift.trained", FROM, TO, l.leaves_first_day, FALSE);
  assert_not_in (s, "lift.trained", FROM, TO, l.leaves_after);      /* Q1 = no */
  assert_not_in (s, "lift.trained", FROM, TO, l.starts_last_day);   /* answered later */
  assert_figures (s, "lift.trained", FROM, "2024-01-10", 2, 2);
  assert_figures (s, "lift.trained", FROM, "2023-05-31", 1, 1);
}

static void
test_lift_outcomes (Scenario      *s,
                    gconstpointer  data)
{
  Lift l;

  build (s, &l);
  /* Ended in 2023: the stayer's (31.10), the first day's (01.01), the last day's (31.12). */
  assert_figures (s, "lift.recorded", FROM, TO, 2, 3);
  assert_in (s, "lift.recorded", FROM, TO, l.leaves_first_day, FALSE); /* recorded in 2024 */
  assert_figures (s, "lift.recorded", FROM, "2024-01-15", 4, 4);
  assert_figures (s, "lift.status", FROM, TO, 1, 3);
  assert_in (s, "lift.status", FROM, TO, l.stays, TRUE);
  assert_in (s, "lift.status", FROM, TO, l.leaves_after, FALSE);
  assert_figures (s, "lift.programmes", FROM, TO, 1, 3);
  assert_in (s, "lift.programmes", FROM, TO, l.c_stays, TRUE);
  assert_in (s, "lift.programmes", FROM, TO, l.c_first_day, FALSE);
  assert_in (s, "lift.programmes", FROM, TO, l.c_leaves_after, FALSE);
  assert_not_in (s, "lift.programmes", FROM, TO, l.c_outsider);
  /* Every ended contract, participant or not. */
  assert_figures (s, "agent.programmes", FROM, TO, 2, 4);
  assert_in (s, "agent.programmes", FROM, TO, l.c_outsider, TRUE);
  assert_in (s, "agent.programmes", FROM, TO, l.c_first_day, FALSE);
  assert_figures (s, "agent.programmes", "2023-01-02", "2023-12-30", 1, 1);
  assert_figures (s, "agent.programmes", FROM, "2024-01-15", 3, 4);
}

static void
test_lift_agreements (Scenario      *s,
                      gconstpointer  data)
{
  gint64 ends_last_day = scenario_organisation (s, "Центр занятости");
  gint64 ends_before = scenario_organisation (s, "Колледж");
  gint64 signed_after = scenario_organisation (s, "Фонд поддержки");
  gint64 open_ended = scenario_organisation (s, "Молодёжный центр");
  gint64 two = scenario_organisation (s, "Отдел образования");
  gint64 none = scenario_organisation (s, "Приставы");

  scenario_agreement (s, ends_last_day, "2022-01-01", "2023-12-31");
  scenario_agreement (s, ends_before, "2022-01-01", "2023-12-30");
  scenario_agreement (s, signed_after, "2024-01-01", NULL);
  scenario_agreement (s, open_ended, "2020-01-01", NULL);
  scenario_agreement (s, two, "2021-01-01", "2024-12-31");
  scenario_agreement (s, two, "2023-01-01", NULL);

  /* A count of organisations; the drill-down lists every organisation. */
  assert_figures (s, "lift.agreements", FROM, TO, 3, 6);
  assert_in (s, "lift.agreements", FROM, TO, ends_last_day, TRUE);
  assert_in (s, "lift.agreements", FROM, TO, two, TRUE);
  assert_in (s, "lift.agreements", FROM, TO, ends_before, FALSE);
  assert_in (s, "lift.agreements", FROM, TO, signed_after, FALSE);
  assert_in (s, "lift.agreements", FROM, TO, none, FALSE);
  assert_figures (s, "lift.agreements", FROM, "2023-12-30", 4, 6);
  assert_figures (s, "lift.agreements", FROM, "2024-01-01", 3, 6);
  assert_figures (s, "lift.agreements", "2019-01-01", "2019-12-31", 0, 6);
}

void
test_indicators_add_lift_tests (void)
{
#define ADD(path, func) \
  g_test_add (path, Scenario, NULL, scenario_set_up, func, scenario_tear_down)
  ADD ("/indicators/lift/participants", test_lift_participants);
  ADD ("/indicators/lift/measures", test_lift_measures);
  ADD ("/indicators/lift/analysis-surveys", test_lift_analysis_and_surveys);
  ADD ("/indicators/lift/outcomes", test_lift_outcomes);
  ADD ("/indicators/lift/agreements", test_lift_agreements);
#undef ADD
}
