/* Indicators computed in a real database (src/store/opora-store-indicators.h): hand-made
 * scenarios for each peer.* and lift.* indicator at its edges — the first and last day of
 * the period and one day outside, a follow-up call exactly one calendar month after the
 * meeting and one day earlier, facts dated after the end of the period — plus empty
 * denominators, targets, the drill-down and the interchange round trip. Every figure is
 * also checked against the drill-down: the same records, those counted marked. */
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-indicator-catalogue.h"
#include "opora-interchange.h"
#include "opora-store-contracts.h"
#include "opora-store-enrollments.h"
#include "opora-store-indicators.h"
#include "opora-store-persons.h"
#include "opora-store-records.h"
#include "opora-store-targets.h"
#include "opora-test-util.h"
#include "test-indicators-scenario.h"

/* peer.surveyed: contract holders of the period with a seed-survey response dated on or
 * before its end. */
static void
test_peer_surveyed (Scenario      *s,
                    gconstpointer  data)
{
  gint64 first = scenario_person (s, "Абрамова", "Анна");
  gint64 last = scenario_person (s, "Борисова", "Вера");
  gint64 before = scenario_person (s, "Васильева", "Галина");
  gint64 twice = scenario_person (s, "Григорьева", "Дарья");
  gint64 after = scenario_person (s, "Дмитриева", "Елена");
  gint64 other_survey = scenario_person (s, "Егорова", "Жанна");
  gint64 other_template = scenario_survey_template (s, "Другая анкета");

  scenario_contract (s, first, "2023-01-01", "2023-06-30");       /* first day */
  scenario_response (s, first, "2023-03-01", "yes", "no");
  scenario_contract (s, last, "2023-12-31", "2024-06-30");        /* last day */
  scenario_response (s, last, "2024-01-05", "yes", "yes");        /* after the period */
  scenario_contract (s, before, "2022-12-31", "2023-06-30");      /* a day before */
  scenario_response (s, before, "2023-01-10", "no", "yes");
  scenario_contract (s, twice, "2023-02-01", "2023-07-31");       /* two contracts … */
  scenario_contract (s, twice, "2023-09-01", "2024-02-28");
  scenario_response (s, twice, "2022-05-01", NULL, "yes");        /* … surveyed before */
  scenario_contract (s, after, "2024-01-01", "2024-06-30");       /* a day after */
  scenario_contract (s, other_survey, "2023-05-05", "2023-11-04");
  scenario_response_to (s, other_template, other_survey, "2023-05-06");

  assert_figures (s, "peer.surveyed", "2023-01-01", "2023-12-31", 2, 4);
  assert_in (s, "peer.surveyed", "2023-01-01", "2023-12-31", last, FALSE);
  assert_in (s, "peer.surveyed", "2023-01-01", "2023-12-31", twice, TRUE);
  assert_in (s, "peer.surveyed", "2023-01-01", "2023-12-31", other_survey, FALSE);
  assert_not_in (s, "peer.surveyed", "2023-01-01", "2023-12-31", before);
  /* The response on the last day counts; so does the contract of 1 January 2024. */
  assert_figures (s, "peer.surveyed", "2023-01-01", "2024-01-05", 3, 5);
  assert_figures (s, "peer.surveyed", "2023-01-01", "2024-01-04", 2, 5);
  /* A period of one day. */
  assert_figures (s, "peer.surveyed", "2022-12-31", "2022-12-31", 0, 1);
  assert_figures (s, "peer.surveyed", "2020-01-01", "2020-12-31", 0, 0);
}

/* peer.groups_held: peer groups formed in the period, whatever became of them; held when
 * the meeting was held on or before the end of the period. */
static void
test_peer_groups_held (Scenario      *s,
                       gconstpointer  data)
{
  gint64 held = scenario_group (s, "peer_meeting", "2023-01-01", "2023-01-20", TRUE);
  gint64 held_later = scenario_group (s, "peer_meeting", "2023-12-31", "2024-01-10", TRUE);
  gint64 not_held = scenario_group (s, "peer_meeting", "2023-06-01", "2023-06-20", FALSE);
  gint64 no_date = scenario_group (s, "peer_meeting", "2023-07-01", NULL, FALSE);
  gint64 formed_before = scenario_group (s, "peer_meeting", "2022-12-31", "2023-01-10", TRUE);
  gint64 training = scenario_group (s, "psych_training", "2023-03-01", "2023-03-10", TRUE);

  scenario_group (s, "peer_meeting", "2024-01-01", NULL, FALSE);

  assert_figures (s, "peer.groups_held", "2023-01-01", "2023-12-31", 1, 4);
  assert_in (s, "peer.groups_held", "2023-01-01", "2023-12-31", held, TRUE);
  assert_in (s, "peer.groups_held", "2023-01-01", "2023-12-31", held_later, FALSE);
  assert_in (s, "peer.groups_held", "2023-01-01", "2023-12-31", not_held, FALSE);
  assert_in (s, "peer.groups_held", "2023-01-01", "2023-12-31", no_date, FALSE);
  assert_not_in (s, "peer.groups_held", "2023-01-01", "2023-12-31", formed_before);
  assert_not_in (s, "peer.groups_held", "2023-01-01", "2023-12-31", training);
  /* Held on the last day of a longer period: counted; the group of 1 January joins. */
  assert_figures (s, "peer.groups_held", "2023-01-01", "2024-01-10", 2, 5);
  assert_figures (s, "peer.groups_held", "2023-01-01", "2024-01-09", 1, 5);
  assert_figures (s, "peer.groups_held", "2025-01-01", "2025-12-31", 0, 0);
}

/* peer.participation: persons who wished in the period (Q2 = yes or a hand mark) and
 * attended, as a participant, a peer meeting held on or before the end of the period. */
static void
test_peer_participation (Scenario      *s,
                         gconstpointer  data)
{
  const char *from = "2023-04-01", *to = "2023-06-30";
  gint64 in_may = scenario_group (s, "peer_meeting", "2023-04-20", "2023-05-10", TRUE);
  gint64 on_last = scenario_group (s, "peer_meeting", "2023-06-01", "2023-06-30", TRUE);
  gint64 in_july = scenario_group (s, "peer_meeting", "2023-06-15", "2023-07-01", TRUE);
  gint64 in_march = scenario_group (s, "peer_meeting", "2023-03-01", "2023-03-15", TRUE);
  gint64 not_held = scenario_group (s, "peer_meeting", "2023-05-01", "2023-06-10", FALSE);
  gint64 first_day = scenario_person (s, "Алексеева", "Ирина");
  gint64 last_day = scenario_person (s, "Белова", "Ксения");
  gint64 both = scenario_person (s, "Волкова", "Лидия");
  gint64 said_no = scenario_person (s, "Гусева", "Марина");
  gint64 never_wished = scenario_person (s, "Давыдова", "Нина");
  gint64 day_before = scenario_person (s, "Ершова", "Ольга");
  gint64 day_after = scenario_person (s, "Жукова", "Полина");
  gint64 late = scenario_person (s, "Зайцева", "Раиса");
  gint64 as_peer = scenario_person (s, "Ильина", "Светлана");
  gint64 absent = scenario_person (s, "Королёва", "Татьяна");
  gint64 unheld = scenario_person (s, "Лебедева", "Ульяна");
  gint64 earlier = scenario_person (s, "Медведева", "Фаина");

  scenario_response (s, first_day, "2023-04-01", "no", "yes");
  scenario_member (s, in_may, first_day, "participant", TRUE);
  scenario_response (s, last_day, "2023-06-30", "yes", "yes");   /* wished, never came */
  scenario_wish (s, both, "2023-05-01");                         /* a hand mark and … */
  scenario_response (s, both, "2023-05-02", "yes", "yes");       /* … Q2 = yes: once */
  scenario_member (s, on_last, both, "participant", TRUE);
  scenario_response (s, said_no, "2023-05-05", "yes", "no");
  scenario_member (s, in_may, said_no, "participant", TRUE);
  scenario_member (s, in_may, never_wished, "participant", TRUE);
  scenario_response (s, day_before, "2023-03-31", "yes", "yes");
  scenario_member (s, in_may, day_before, "participant", TRUE);
  scenario_wish (s, day_after, "2023-07-01");
  scenario_member (s, in_july, day_after, "participant", TRUE);
  scenario_wish (s, late, "2023-06-01");
  scenario_member (s, in_july, late, "participant", TRUE);       /* held after the end */
  scenario_wish (s, as_peer, "2023-04-15");
  scenario_member (s, in_may, as_peer, "peer", TRUE);            /* shared, received not */
  scenario_wish (s, absent, "2023-04-16");
  scenario_member (s, in_may, absent, "participant", FALSE);
  scenario_wish (s, unheld, "2023-04-17");
  scenario_member (s, not_held, unheld, "participant", FALSE);
  scenario_wish (s, earlier, "2023-04-18");
  scenario_member (s, in_march, earlier, "participant", TRUE);   /* took part already */

  assert_figures (s, "peer.participation", from, to, 3, 8);
  assert_in (s, "peer.participation", from, to, first_day, TRUE);
  assert_in (s, "peer.participation", from, to, both, TRUE);
  assert_in (s, "peer.participation", from, to, earlier, TRUE);
  assert_in (s, "peer.participation", from, to, last_day, FALSE);
  assert_in (s, "peer.participation", from, to, late, FALSE);
  assert_in (s, "peer.participation", from, to, as_peer, FALSE);
  assert_in (s, "peer.participation", from, to, absent, FALSE);
  assert_in (s, "peer.participation", from, to, unheld, FALSE);
  assert_not_in (s, "peer.participation", from, to, said_no);
  assert_not_in (s, "peer.participation", from, to, never_wished);
  assert_not_in (s, "peer.participation", from, to, day_before);
  assert_not_in (s, "peer.participation", from, to, day_after);
  /* One day longer: the mark of 1 July and the meeting of 1 July come in. */
  assert_figures (s, "peer.participation", from, "2023-07-01", 5, 9);
  /* One day shorter: the last day's response and meeting fall out. */
  assert_figures (s, "peer.participation", from, "2023-06-29", 2, 7);
}

/* peer.followed_up: attendees whose call was due by the end of the period (meeting + one
 * calendar month on or before it) and who were called on or before it. */
static void
test_peer_followed_up (Scenario      *s,
                       gconstpointer  data)
{
  gint64 jan31 = scenario_group (s, "peer_meeting", "2024-01-10", "2024-01-31", TRUE);
  gint64 jan15 = scenario_group (s, "peer_meeting", "2024-01-05", "2024-01-15", TRUE);
  gint64 jan01 = scenario_group (s, "peer_meeting", "2023-12-20", "2024-01-01", TRUE);
  gint64 feb10 = scenario_group (s, "peer_meeting", "2024-01-20", "2024-02-10", TRUE);
  gint64 dec31 = scenario_group (s, "peer_meeting", "2023-12-01", "2023-12-31", TRUE);
  gint64 leap = scenario_person (s, "Антонова", "Алла");
  gint64 uncalled = scenario_person (s, "Богданова", "Белла");
  gint64 called_late = scenario_person (s, "Виноградова", "Вера");
  gint64 peer = scenario_person (s, "Герасимова", "Гала");
  gint64 absent = scenario_person (s, "Денисова", "Дина");
  gint64 not_due = scenario_person (s, "Ефимова", "Ева");
  gint64 before = scenario_person (s, "Зуева", "Зоя");
  gint64 first_day = scenario_person (s, "Исаева", "Инна");

  scenario_member (s, jan31, leap, "participant", TRUE);
  scenario_call (s, jan31, leap, "2024-02-29", "better", TRUE);   /* 31.01 → 29.02 */
  scenario_member (s, jan15, uncalled, "participant", TRUE);
  scenario_member (s, jan15, called_late, "participant", TRUE);
  scenario_call (s, jan15, called_late, "2024-03-01", "unchanged", TRUE);
  scenario_member (s, jan15, peer, "peer", TRUE);
  scenario_call (s, jan15, peer, "2024-02-15", "better", TRUE);
  scenario_member (s, jan15, absent, "participant", FALSE);
  scenario_member (s, feb10, not_due, "participant", TRUE);
  scenario_member (s, dec31, before, "participant", TRUE);
  scenario_call (s, dec31, before, "2024-01-31", "better", TRUE);
  scenario_member (s, jan01, first_day, "participant", TRUE);
  scenario_call (s, jan01, first_day, "2024-02-01", "better", TRUE);

  /* Exactly one calendar month after 31 January 2024 is 29 February. */
  assert_figures (s, "peer.followed_up", "2024-01-01", "2024-02-29", 2, 4);
  assert_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", leap, TRUE);
  assert_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", first_day, TRUE);
  assert_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", uncalled, FALSE);
  assert_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", called_late, FALSE);
  assert_not_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", peer);
  assert_not_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", absent);
  assert_not_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", not_due);
  assert_not_in (s, "peer.followed_up", "2024-01-01", "2024-02-29", before);
  /* One day earlier the call of the 31 January meeting is not due yet. */
  assert_figures (s, "peer.followed_up", "2024-01-01", "2024-02-28", 1, 3);
  assert_not_in (s, "peer.followed_up", "2024-01-01", "2024-02-28", leap);
  /* The call of 1 March counts from 1 March; the 10 February meeting is due on 10 March. */
  assert_figures (s, "peer.followed_up", "2024-01-01", "2024-03-01", 3, 4);
  assert_figures (s, "peer.followed_up", "2024-01-01", "2024-03-10", 3, 5);
  assert_figures (s, "peer.followed_up", "2024-01-01", "2024-01-31", 0, 0);
}

/* Every day of 2023 and 2024: the SQL rule of "one calendar month later" agrees with
 * opora_date_add_calendar_month(), on the due day and the day before. */
static void
test_calendar_month_every_day (Scenario      *s,
                               gconstpointer  data)
{
  GPtrArray *meetings = g_ptr_array_new_with_free_func (g_free);
  GArray *due = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2023);
  scenario_begin (s);
  while (g_date_get_year (&day) < 2025)
    {
      char *iso = opora_date_to_iso (&day);
      gint64 person = scenario_person (s, "Календарная", iso);
      gint64 group = scenario_group (s, "peer_meeting", iso, iso, TRUE);
      GDate next;

      scenario_member (s, group, person, "participant", TRUE);
      opora_date_add_calendar_month (&day, &next);
      g_ptr_array_add (meetings, iso);
      g_array_append_val (due, next);
      g_date_add_days (&day, 1);
    }
  scenario_commit (s);

  for (guint i = 0; i < meetings->len; i++)
    for (int earlier = 1; earlier >= 0; earlier--)
      {
        GDate to = g_array_index (due, GDate, i);
        g_autofree char *to_iso = NULL;
        g_autoptr(OporaIndicatorResult) result = NULL;
        g_autoptr(GError) error = NULL;
        guint expected = 0;

        g_date_subtract_days (&to, earlier);
        to_iso = opora_date_to_iso (&to);
        /* The meetings from this one's day to @to whose call is due by @to. */
        for (guint j = i; j < meetings->len; j++)
          if (g_date_compare (&g_array_index (due, GDate, j), &to) <= 0)
            expected++;
        result = opora_store_compute_indicator (s->store, "peer.followed_up",
                                                g_ptr_array_index (meetings, i), to_iso,
                                                &error);
        g_assert_no_error (error);
        if (opora_indicator_result_get_denominator (result) != expected)
          g_error ("meetings from %s, calls due by %s: %u, expected %u",
                   (char *) g_ptr_array_index (meetings, i), to_iso,
                   opora_indicator_result_get_denominator (result), expected);
        /* The meeting itself is due exactly on its day, not one day earlier. */
        g_assert_cmpuint (expected, >=, earlier ? 0 : 1);
      }
  g_ptr_array_unref (meetings);
  g_array_unref (due);
}

/* peer.improved and peer.satisfied: every attendee of the period, counted when a
 * follow-up call made on or before the end of the period says so. */
static void
test_peer_improved_satisfied (Scenario      *s,
                              gconstpointer  data)
{
  const char *from = "2023-01-01", *to = "2023-03-31";
  gint64 jan10 = scenario_group (s, "peer_meeting", "2023-01-02", "2023-01-10", TRUE);
  gint64 feb01 = scenario_group (s, "peer_meeting", "2023-01-20", "2023-02-01", TRUE);
  gint64 feb20 = scenario_group (s, "peer_meeting", "2023-02-01", "2023-02-20", TRUE);
  gint64 mar31 = scenario_group (s, "peer_meeting", "2023-03-01", "2023-03-31", TRUE);
  gint64 dec20 = scenario_group (s, "peer_meeting", "2022-12-01", "2022-12-20", TRUE);
  gint64 better = scenario_person (s, "Агеева", "Анна");
  gint64 unchanged = scenario_person (s, "Блинова", "Бэла");
  gint64 last_day = scenario_person (s, "Гордеева", "Гульнара");
  gint64 called_after = scenario_person (s, "Долгова", "Диана");
  gint64 peer = scenario_person (s, "Елисеева", "Евгения");
  gint64 twice = scenario_person (s, "Жданова", "Жанна");
  gint64 before = scenario_person (s, "Зимина", "Злата");

  scenario_member (s, jan10, better, "participant", TRUE);
  scenario_call (s, jan10, better, "2023-02-10", "better", TRUE);
  scenario_member (s, feb01, unchanged, "participant", TRUE);
  scenario_call (s, feb01, unchanged, "2023-03-01", "unchanged", TRUE);
  scenario_member (s, mar31, last_day, "participant", TRUE);
  scenario_member (s, jan10, called_after, "participant", TRUE);
  scenario_call (s, jan10, called_after, "2023-04-01", "better", TRUE);
  scenario_member (s, jan10, peer, "peer", TRUE);
  scenario_call (s, jan10, peer, "2023-02-10", "better", TRUE);
  scenario_member (s, jan10, twice, "participant", TRUE);
  scenario_call (s, jan10, twice, "2023-02-10", "better", TRUE);
  scenario_member (s, feb20, twice, "participant", TRUE);
  scenario_call (s, feb20, twice, "2023-03-20", "worse", FALSE); /* said better before */
  scenario_member (s, dec20, before, "participant", TRUE);
  scenario_call (s, dec20, before, "2023-01-20", "better", TRUE);

  assert_figures (s, "peer.improved", from, to, 2, 5);
  assert_in (s, "peer.improved", from, to, better, TRUE);
  assert_in (s, "peer.improved", from, to, twice, TRUE);
  assert_in (s, "peer.improved", from, to, last_day, FALSE);
  assert_in (s, "peer.improved", from, to, called_after, FALSE);
  assert_not_in (s, "peer.improved", from, to, peer);
  assert_not_in (s, "peer.improved", from, to, before);
  assert_figures (s, "peer.satisfied", from, to, 3, 5);
  assert_in (s, "peer.satisfied", from, to, unchanged, TRUE);
  assert_in (s, "peer.satisfied", from, to, twice, TRUE);
  /* A day later the call of 1 April is known. */
  assert_figures (s, "peer.improved", from, "2023-04-01", 3, 5);
  assert_figures (s, "peer.satisfied", from, "2023-04-01", 4, 5);
  /* Before the second meeting: four attendees, the call of 1 March not made yet. */
  assert_figures (s, "peer.improved", from, "2023-02-19", 2, 4);
  assert_figures (s, "peer.satisfied", from, "2023-02-19", 2, 4);
  assert_figures (s, "peer.improved", "2023-04-01", "2023-12-31", 0, 0);
}

/* A share over an empty denominator is "no data", never 0 % or 100 %; the catalogue's
 * indicators without their tables compute as no data too. */
static void
test_no_data (Scenario      *s,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all =
    opora_store_compute_indicators (s->store, OPORA_TECHNOLOGY_NONE, "2023-01-01",
                                    "2023-12-31", &error);
  const OporaIndicatorDef *defs;
  guint n_defs;

  g_assert_no_error (error);
  defs = opora_indicator_catalogue_all (&n_defs);
  g_assert_cmpuint (all->len, ==, n_defs);
  for (guint i = 0; i < all->len; i++)
    {
      OporaIndicatorResult *result = g_ptr_array_index (all, i);
      g_autoptr(GListModel) list = NULL;

      g_assert_cmpstr (opora_indicator_result_get_id (result), ==, defs[i].id);
      g_assert_cmpuint (opora_indicator_result_get_numerator (result), ==, 0);
      g_assert_cmpuint (opora_indicator_result_get_denominator (result), ==, 0);
      g_assert_cmpfloat (opora_indicator_result_get_target (result), ==,
                         defs[i].default_target);
      if (defs[i].kind == OPORA_INDICATOR_KIND_SHARE)
        g_assert_cmpint (opora_indicator_result_get_status (result), ==,
                         OPORA_INDICATOR_STATUS_NO_DATA);
      list = opora_store_indicator_drilldown (s->store, defs[i].id, "2023-01-01",
                                              "2023-12-31", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
      g_assert_true (g_list_model_get_item_type (list) == OPORA_TYPE_DRILLDOWN_ITEM);
    }
  g_assert_true (opora_store_indicator_is_available ("peer.followed_up"));
  g_assert_true (opora_store_indicator_is_available ("lift.agreements"));
  g_assert_true (opora_store_indicator_is_available ("agent.programmes"));
  g_assert_false (opora_store_indicator_is_available ("agent.trained"));
  g_assert_false (opora_store_indicator_is_available ("mediation.helped"));
  g_assert_false (opora_store_indicator_is_available ("mentoring.covered"));
  g_assert_false (opora_store_indicator_is_available ("peer.nonsense"));
}

static void
test_refusals (Scenario      *s,
               gconstpointer  data)
{
  struct { const char *id, *from, *to; int code; } cases[] = {
    { "peer.nonsense", "2023-01-01", "2023-12-31", OPORA_ERROR_NOT_FOUND },
    { "peer.surveyed", "2023-02-30", "2023-12-31", OPORA_ERROR_INVALID_DATE },
    { "peer.surveyed", "2023-01-01", "31.12.2023", OPORA_ERROR_INVALID_DATE },
    { "peer.surveyed", "", "2023-12-31", OPORA_ERROR_INVALID_DATE },
    { "peer.surveyed", "2023-12-31", "2023-01-01", OPORA_ERROR_DATE_ORDER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OporaIndicatorResult) result =
        opora_store_compute_indicator (s->store, cases[i].id, cases[i].from, cases[i].to,
                                       &error);
      g_autoptr(GListModel) list = NULL;
      g_autoptr(GPtrArray) all = NULL;

      g_assert_null (result);
      g_assert_error (error, OPORA_ERROR, cases[i].code);
      g_clear_error (&error);
      list = opora_store_indicator_drilldown (s->store, cases[i].id, cases[i].from,
                                              cases[i].to, &error);
      g_assert_null (list);
      g_assert_error (error, OPORA_ERROR, cases[i].code);
      g_clear_error (&error);
      if (cases[i].code == OPORA_ERROR_NOT_FOUND)
        continue;
      all = opora_store_compute_indicators (s->store, OPORA_TECHNOLOGY_PEER, cases[i].from,
                                            cases[i].to, &error);
      g_assert_null (all);
      g_assert_error (error, OPORA_ERROR, cases[i].code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Scenario, NULL, scenario_set_up, func, scenario_tear_down)
  ADD ("/indicators/peer/surveyed", test_peer_surveyed);
  ADD ("/indicators/peer/groups-held", test_peer_groups_held);
  ADD ("/indicators/peer/participation", test_peer_participation);
  ADD ("/indicators/peer/followed-up", test_peer_followed_up);
  ADD ("/indicators/peer/calendar-month-every-day", test_calendar_month_every_day);
  ADD ("/indicators/peer/improved-satisfied", test_peer_improved_satisfied);
  ADD ("/indicators/no-data", test_no_data);
  ADD ("/indicators/refusals", test_refusals);
  test_indicators_add_lift_tests ();
  test_indicators_add_target_tests ();
#undef ADD

  return g_test_run ();
}
