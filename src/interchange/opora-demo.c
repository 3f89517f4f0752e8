/* The demo centre (see opora-demo.h). Every number comes from one GRand seeded by the
 * caller, every date from OPORA_DEMO_REFERENCE_DATE: the same seed gives the same
 * registry, byte for byte. Rows go in through prepared statements in one transaction,
 * so a million contracts take minutes, not hours. */
#define G_LOG_DOMAIN "opora-demo"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "opora-demo.h"
#include "opora-demo-private.h"
#include "opora-demo-peer-private.h"
#include "opora-error.h"
#include "opora-store-bulk.h"
#include "opora-store-records.h"

/* Contracts are concluded on working days of these four years. */
#define FIRST_CONTRACT_DAY "2021-01-11"
#define LAST_CONTRACT_DAY  "2024-12-27"
#define PROGRESS_EVERY     4096

static const char * const family_columns[] = {
  "id", "name", "minor_children", "is_large", "is_single_parent", "has_disabled_child",
  "is_living_alone", "settlement", "address", "notes", AUDIT, NULL
};
static const char * const person_columns[] = {
  "id", "surname", "name", "patronymic", "birth_date", "sex", "snils", "phone", "address",
  "district", "notes", "family_id", "relation", AUDIT, NULL
};
static const char * const contract_columns[] = {
  "id", "number", "person_id", "family_id", "concluded_on", "term_start", "term_end",
  "status", "termination_reason", "curator_id", "income_start", "income_end",
  "subsistence_minimum", "hardship_causes", AUDIT, NULL
};
static const char * const measure_columns[] = {
  "id", "contract_id", "type", "need", "planned_on", "status", "done_on", "note",
  "informed_online", "certificate", AUDIT, NULL
};
static const char * const analysis_columns[] = {
  "contract_id", "done", "analysed_on", "low_income", "needs", "proposals", AUDIT, NULL
};
static const char * const outcome_columns[] = {
  "contract_id", "programme_completed", "situation", "cause_eliminated", "status_raised",
  "recorded_on", AUDIT, NULL
};
static const char * const act_columns[] = {
  "id", "contract_id", "month_no", "act_on", "income_per_capita", "employment",
  "living_conditions", AUDIT, NULL
};
static const char * const enrollment_columns[] = {
  "id", "person_id", "technology", "from_on", "until_on", "staff_id", "satisfied", AUDIT, NULL
};

static gboolean
prepare_inserts (Demo    *d,
                 GError **error)
{
  struct { OporaBulkInsert **insert; const char *table; const char * const *columns; } all[] = {
    { &d->family, "family", family_columns },
    { &d->person, "person", person_columns },
    { &d->contract, "contract", contract_columns },
    { &d->measure, "measure", measure_columns },
    { &d->analysis, "programme_analysis", analysis_columns },
    { &d->outcome, "outcome", outcome_columns },
    { &d->act, "monitoring_act", act_columns },
    { &d->enrollment, "enrollment", enrollment_columns },
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      *all[i].insert = opora_bulk_insert_new (d->store, all[i].table, all[i].columns, error);
      if (*all[i].insert == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
free_inserts (Demo *d)
{
  g_clear_pointer (&d->family, opora_bulk_insert_free);
  g_clear_pointer (&d->person, opora_bulk_insert_free);
  g_clear_pointer (&d->contract, opora_bulk_insert_free);
  g_clear_pointer (&d->measure, opora_bulk_insert_free);
  g_clear_pointer (&d->analysis, opora_bulk_insert_free);
  g_clear_pointer (&d->outcome, opora_bulk_insert_free);
  g_clear_pointer (&d->act, opora_bulk_insert_free);
  g_clear_pointer (&d->enrollment, opora_bulk_insert_free);
}

/* A subsistence minimum per capita for the year, in roubles (synthetic, of the order of
 * Yugra's). */
static double
subsistence_minimum (int year)
{
  switch (year)
    {
    case 2021:
      return 15783.0;
    case 2022:
      return 17341.0;
    case 2023:
      return 18571.0;
    default:
      return 20096.0;
    }
}

static gboolean
write_person (Demo          *d,
              DemoFamily    *family,
              DemoPerson    *person,
              const char    *stamp,
              GError       **error)
{
  OporaBulkInsert *in = d->person;
  char birth[11];

  opora_bulk_insert_int (in, 0, person->id);
  opora_bulk_insert_text (in, 1, person->surname);
  opora_bulk_insert_text (in, 2, person->name);
  opora_bulk_insert_text (in, 3, person->patronymic);
  demo_iso (&person->birth, birth);
  opora_bulk_insert_text (in, 4, birth);
  opora_bulk_insert_text (in, 5, person->female ? "female" : "male");
  if (demo_chance (d, person->adult ? 0.96 : 0.9))
    {
      char snils[12];
      demo_snils (d, person->id, snils);
      opora_bulk_insert_text (in, 6, snils);
    }
  if (person->adult && demo_chance (d, person->relation[0] == 'a' ? 0.98 : 0.7))
    {
      char phone[24];
      demo_phone (d, phone);
      opora_bulk_insert_text (in, 7, phone);
    }
  opora_bulk_insert_text (in, 8, family->address);
  opora_bulk_insert_text (in, 9, family->district);
  opora_bulk_insert_int (in, 11, family->id);
  opora_bulk_insert_text (in, 12, person->relation);
  demo_audit (in, 13, stamp, stamp, family->curator);
  return opora_bulk_insert_run (in, error);
}

static gboolean
write_family (Demo        *d,
              DemoFamily  *family,
              const char  *stamp,
              GError     **error)
{
  OporaBulkInsert *in = d->family;

  opora_bulk_insert_int (in, 0, family->id);
  opora_bulk_insert_text (in, 1, family->name);
  opora_bulk_insert_int (in, 2, family->n_children);
  opora_bulk_insert_int (in, 3, family->n_children >= 3);
  opora_bulk_insert_int (in, 4, family->single_parent);
  opora_bulk_insert_int (in, 5, family->disabled_child);
  opora_bulk_insert_int (in, 6, family->living_alone);
  opora_bulk_insert_text (in, 7, family->rural ? "rural" : "urban");
  opora_bulk_insert_text (in, 8, family->address);
  demo_audit (in, 10, stamp, stamp, family->curator);
  if (!opora_bulk_insert_run (in, error))
    return FALSE;

  for (guint i = 0; i < family->n_members; i++)
    if (!write_person (d, family, &family->members[i], stamp, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_contract (Demo          *d,
                DemoContract  *c,
                GError       **error)
{
  OporaBulkInsert *in = d->contract;
  char concluded[11], start[11], end[11], created[21], updated[21];
  const char *causes[2];

  demo_iso (&c->concluded, concluded);
  demo_iso (&c->term_start, start);
  demo_iso (&c->term_end, end);
  demo_stamp (d, &c->concluded, created);
  demo_stamp (d, c->has_outcome ? &c->recorded : &c->concluded, updated);

  opora_bulk_insert_int (in, 0, c->id);
  opora_bulk_insert_text (in, 1, c->number);
  opora_bulk_insert_int (in, 2, c->family.members[0].id);
  opora_bulk_insert_int (in, 3, c->family.id);
  opora_bulk_insert_text (in, 4, concluded);
  opora_bulk_insert_text (in, 5, start);
  opora_bulk_insert_text (in, 6, end);
  opora_bulk_insert_text (in, 7, c->status);
  opora_bulk_insert_text (in, 8, c->termination_reason);
  opora_bulk_insert_int (in, 9, c->family.curator);
  opora_bulk_insert_double (in, 10, c->income_start);
  if (c->has_outcome)
    opora_bulk_insert_double (in, 11, c->income_end);
  opora_bulk_insert_double (in, 12, c->minimum);
  causes[0] = demo_pick_from (d, opora_demo_hardship_causes, opora_demo_hardship_causes_len);
  causes[1] = demo_pick_from (d, opora_demo_hardship_causes, opora_demo_hardship_causes_len);
  if (causes[0] != causes[1] && demo_chance (d, 0.4))
    {
      g_autofree char *both = g_strdup_printf ("%s; %s", causes[0], causes[1]);
      opora_bulk_insert_text (in, 13, both);
    }
  else
    opora_bulk_insert_text (in, 13, causes[0]);
  demo_audit (in, 14, created, updated, c->family.curator);
  return opora_bulk_insert_run (in, error);
}

static gboolean
write_outcome (Demo          *d,
               DemoContract  *c,
               GError       **error)
{
  OporaBulkInsert *in = d->outcome;
  char recorded[11], stamp[21];

  demo_iso (&c->recorded, recorded);
  demo_stamp (d, &c->recorded, stamp);
  opora_bulk_insert_int (in, 0, c->id);
  opora_bulk_insert_int (in, 1, c->programme_completed);
  opora_bulk_insert_text (in, 2, c->situation);
  opora_bulk_insert_int (in, 3, c->cause_eliminated);
  opora_bulk_insert_int (in, 4, c->status_raised);
  opora_bulk_insert_text (in, 5, recorded);
  demo_audit (in, 6, stamp, stamp, c->family.curator);
  return opora_bulk_insert_run (in, error);
}

/* Monthly acts after the end, up to twelve, as many as months have passed. */
static gboolean
write_monitoring (Demo          *d,
                  DemoContract  *c,
                  GError       **error)
{
  for (int month = 1; month <= 12; month++)
    {
      OporaBulkInsert *in = d->act;
      GDate act;
      char act_on[11], stamp[21];

      act = c->term_end;
      g_date_add_months (&act, month);
      if (g_date_compare (&act, &d->reference) >= 0)
        break;
      demo_iso (&act, act_on);
      demo_stamp (d, &act, stamp);
      opora_bulk_insert_int (in, 0, ++d->next_act);
      opora_bulk_insert_int (in, 1, c->id);
      opora_bulk_insert_int (in, 2, month);
      opora_bulk_insert_text (in, 3, act_on);
      opora_bulk_insert_double (in, 4, demo_money (c->income_end * demo_uniform (d, 0.9, 1.15)));
      opora_bulk_insert_text (in, 5, demo_pick_from (d, opora_demo_employment_states,
                                                     opora_demo_employment_states_len));
      opora_bulk_insert_text (in, 6, demo_pick_from (d, opora_demo_living_conditions,
                                                     opora_demo_living_conditions_len));
      demo_audit (in, 7, stamp, stamp, c->family.curator);
      if (!opora_bulk_insert_run (in, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_enrollment (Demo          *d,
                  DemoContract  *c,
                  const char    *technology,
                  GError       **error)
{
  OporaBulkInsert *in = d->enrollment;
  GDate from = c->concluded;
  char from_on[11], until_on[11], created[21], updated[21];
  gboolean ended = c->has_outcome;

  g_date_add_days (&from, demo_int (d, 3, 25));
  if (g_date_compare (&from, &d->reference) >= 0 ||
      (ended && g_date_compare (&from, &c->ended_on) > 0))
    return TRUE; /* it would start after the reference day or after the contract */
  demo_iso (&from, from_on);
  demo_stamp (d, &from, created);
  opora_bulk_insert_int (in, 0, ++d->next_enrollment);
  opora_bulk_insert_int (in, 1, c->family.members[0].id);
  opora_bulk_insert_text (in, 2, technology);
  opora_bulk_insert_text (in, 3, from_on);
  opora_bulk_insert_int (in, 5, demo_staff_for (d, technology));
  if (ended)
    {
      demo_iso (&c->ended_on, until_on);
      demo_stamp (d, &c->ended_on, updated);
      opora_bulk_insert_text (in, 4, until_on);
      opora_bulk_insert_int (in, 6, demo_chance (d, 0.86));
    }
  demo_audit (in, 7, created, ended ? updated : created, c->family.curator);
  return opora_bulk_insert_run (in, error);
}

/* How each measure type reads in an analysis: "needs: трудоустройство, ЛПХ". */
static const char *
measure_word (const char *type)
{
  static const char * const words[][2] = {
    { "employment", "трудоустройство" }, { "training", "профобучение" },
    { "entrepreneurship", "предпринимательство" }, { "subsidiary_farm", "ЛПХ" },
    { "financial_literacy", "финансовая грамотность" }, { "alimony", "алименты" },
    { "kindergarten", "детский сад" }, { "other", "иное" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (words[i][0], type))
      return words[i][1];
  return type;
}

static gboolean
write_measure (Demo                        *d,
               DemoContract                *c,
               const OporaDemoMeasureNeeds *kind,
               GError                     **error)
{
  OporaBulkInsert *in = d->measure;
  int term_days = g_date_days_between (&c->term_start, &c->term_end);
  GDate planned = c->term_start, done;
  gboolean is_done = FALSE;
  const char *status;
  char planned_on[11], done_on[11], created[21], updated[21];
  guint n_needs = 0;

  while (kind->needs[n_needs] != NULL)
    n_needs++;
  g_date_add_days (&planned, demo_int (d, 14, MAX (15, term_days - 14)));

  if (g_date_compare (&planned, &d->reference) >= 0)
    status = "planned";
  else if (c->has_outcome || c->terminated)
    {
      double p = c->terminated ? 0.3 : c->programme_completed ? 0.95 : 0.6;

      is_done = g_date_compare (&planned, &c->ended_on) <= 0 && demo_chance (d, p);
      status = is_done ? "done" : "not_done";
    }
  else if (g_date_compare (&c->term_end, &d->reference) < 0)
    status = "not_done"; /* ended without an outcome entered yet */
  else
    {
      is_done = demo_chance (d, 0.45);
      status = is_done ? "done" : "in_progress";
    }

  demo_iso (&planned, planned_on);
  demo_stamp (d, &c->concluded, created);
  opora_bulk_insert_int (in, 0, ++d->next_measure);
  opora_bulk_insert_int (in, 1, c->id);
  opora_bulk_insert_text (in, 2, kind->type);
  opora_bulk_insert_text (in, 3, kind->needs[demo_int (d, 0, (int) n_needs - 1)]);
  opora_bulk_insert_text (in, 4, planned_on);
  opora_bulk_insert_text (in, 5, status);
  if (is_done)
    {
      GDate last = c->ended_on;

      /* Done within a month of the plan, never after the end or the reference day. */
      if (g_date_compare (&last, &d->reference) >= 0)
        {
          last = d->reference;
          g_date_subtract_days (&last, 1);
        }
      done = planned;
      g_date_add_days (&done, demo_int (d, 0, 30));
      if (g_date_compare (&done, &last) > 0)
        done = last;
      demo_iso (&done, done_on);
      opora_bulk_insert_text (in, 6, done_on);
      demo_stamp (d, &done, updated);
    }
  else
    memcpy (updated, created, sizeof updated);
  if (g_str_equal (kind->type, "financial_literacy"))
    {
      opora_bulk_insert_int (in, 8, demo_chance (d, 0.88));
      if (demo_chance (d, 0.25))
        {
          char certificate[32];

          g_snprintf (certificate, sizeof certificate, "СС-%u-%05" G_GINT64_FORMAT,
                      (guint) g_date_get_year (&c->concluded), d->next_measure % 100000);
          opora_bulk_insert_text (in, 9, certificate);
        }
    }
  demo_audit (in, 10, created, updated, c->family.curator);
  return opora_bulk_insert_run (in, error);
}

static gboolean
write_analysis (Demo          *d,
                DemoContract  *c,
                GString       *needs,
                GError       **error)
{
  OporaBulkInsert *in = d->analysis;
  GDate analysed = c->concluded;
  char analysed_on[11], stamp[21];

  g_date_add_days (&analysed, demo_int (d, 5, 28));
  if (g_date_compare (&analysed, &d->reference) >= 0 || !demo_chance (d, 0.93))
    return TRUE; /* not analysed yet: the work queue shows it */
  demo_iso (&analysed, analysed_on);
  demo_stamp (d, &analysed, stamp);
  opora_bulk_insert_int (in, 0, c->id);
  opora_bulk_insert_int (in, 1, 1);
  opora_bulk_insert_text (in, 2, analysed_on);
  opora_bulk_insert_int (in, 3, demo_chance (d, 0.62));
  opora_bulk_insert_text (in, 4, needs->str);
  opora_bulk_insert_text (in, 5, demo_pick_from (d, opora_demo_proposals,
                                                 opora_demo_proposals_len));
  demo_audit (in, 6, stamp, stamp, c->family.curator);
  return opora_bulk_insert_run (in, error);
}

/* The programme: the measures a family of this shape plausibly needs, and its analysis. */
static gboolean
write_programme (Demo          *d,
                 DemoContract  *c,
                 GError       **error)
{
  DemoFamily *f = &c->family;
  double chances[] = {
    0.55,                                   /* employment */
    0.25,                                   /* training */
    0.15,                                   /* entrepreneurship */
    f->rural ? 0.35 : 0.03,                 /* subsidiary farm */
    0.35,                                   /* financial literacy */
    f->single_parent ? 0.45 : 0.02,         /* alimony */
    f->young_child ? 0.35 : 0.0,            /* kindergarten */
    0.05,                                   /* other */
  };
  g_autoptr(GString) needs = g_string_new (NULL);
  gboolean chosen[G_N_ELEMENTS (chances)];
  guint n_chosen = 0;

  g_assert (opora_demo_measure_needs_len == G_N_ELEMENTS (chances));
  for (guint i = 0; i < G_N_ELEMENTS (chances); i++)
    n_chosen += chosen[i] = demo_chance (d, chances[i]);
  if (n_chosen == 0)
    chosen[0] = TRUE; /* every programme has a measure: employment when nothing else */

  for (guint i = 0; i < G_N_ELEMENTS (chances); i++)
    {
      if (!chosen[i])
        continue;
      if (!write_measure (d, c, &opora_demo_measure_needs[i], error))
        return FALSE;
      g_string_append_printf (needs, "%s%s", needs->len ? ", " : "",
                              measure_word (opora_demo_measure_needs[i].type));
    }
  return write_analysis (d, c, needs, error);
}


static gboolean
write_contract_records (Demo          *d,
                        DemoContract  *c,
                        GError       **error)
{
  char stamp[21];

  demo_stamp (d, &c->concluded, stamp);
  if (!write_family (d, &c->family, stamp, error) ||
      !write_contract (d, c, error) ||
      !write_programme (d, c, error))
    return FALSE;
  if (c->has_outcome && !write_outcome (d, c, error))
    return FALSE;
  if (c->has_outcome && !c->terminated && demo_chance (d, 0.35) &&
      !write_monitoring (d, c, error))
    return FALSE;
  if (demo_chance (d, 0.45))
    {
      const char *first = demo_technology (d, &c->family);

      if (!write_enrollment (d, c, first, error))
        return FALSE;
      if (demo_chance (d, 0.12))
        {
          const char *second = demo_technology (d, &c->family);

          if (second != first && !write_enrollment (d, c, second, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The dates and the fate of contract number @i of @size. */
static void
plan_contract (Demo         *d,
               guint64       i,
               guint64       size,
               DemoContract *c)
{
  guint32 first = d->first_day, span = d->last_day - d->first_day + 1;
  int months = demo_int (d, 6, 12);
  GDateWeekday weekday;
  gboolean ended;

  /* Spread evenly over the four years, in id order, moved off weekends. */
  g_date_set_julian (&c->concluded, first + (guint32) ((i * span) / size));
  weekday = g_date_get_weekday (&c->concluded);
  if (weekday == G_DATE_SATURDAY)
    g_date_subtract_days (&c->concluded, 1);
  else if (weekday == G_DATE_SUNDAY)
    g_date_add_days (&c->concluded, 1);
  c->term_start = c->concluded;
  c->term_end = c->term_start;
  g_date_add_months (&c->term_end, months);
  g_date_subtract_days (&c->term_end, 1);

  c->id = (gint64) i + 1;
  g_snprintf (c->number, sizeof c->number, "СК-%d-%06" G_GUINT64_FORMAT,
              g_date_get_year (&c->concluded), i + 1);
  c->minimum = subsistence_minimum (g_date_get_year (&c->concluded));
  c->income_start = demo_money (c->minimum * demo_uniform (d, 0.45, 0.95));

  ended = g_date_compare (&c->term_end, &d->reference) < 0;
  c->terminated = demo_chance (d, ended ? 0.09 : 0.02) &&
                  g_date_days_between (&c->concluded, &d->reference) > 60;
  c->status = c->terminated ? "terminated" : ended ? "completed" : "active";
  c->termination_reason = c->terminated
                          ? demo_pick_from (d, opora_demo_termination_reasons,
                                            opora_demo_termination_reasons_len)
                          : NULL;
  /* The real end of a contract terminated early lies before its planned end. */
  c->ended_on = c->term_end;
  if (c->terminated)
    {
      GDate early = c->concluded;

      g_date_add_days (&early, demo_int (d, 45, MAX (46, g_date_days_between (&c->concluded,
                                                                            &c->term_end))));
      if (g_date_compare (&early, &d->reference) >= 0)
        {
          early = d->reference;
          g_date_subtract_days (&early, 1);
        }
      if (g_date_compare (&early, &c->ended_on) < 0)
        c->ended_on = early;
    }
  demo_plan_outcome (d, c, ended || c->terminated);
}

gboolean
opora_demo_generate_full (OporaStore             *store,
                          guint64                 size,
                          guint32                 seed,
                          OporaDemoProgressFunc   progress,
                          gpointer                user_data,
                          GError                **error)
{
  Demo demo = { 0 };
  Demo *d = &demo;
  gboolean ok = FALSE;

  g_return_val_if_fail (OPORA_IS_STORE (store), FALSE);

  if (!opora_store_records_empty (store))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                   _("The database already holds records: a demo centre is made only in an "
                     "empty database"));
      return FALSE;
    }

  d->store = store;
  d->rand = g_rand_new_with_seed (seed);
  demo_init (d, FIRST_CONTRACT_DAY, LAST_CONTRACT_DAY, OPORA_DEMO_REFERENCE_DATE);

  if (!opora_store_bulk_begin (store, OPORA_BULK_TRUSTED_REFERENCES, error))
    goto out;
  if (!demo_write_institution (d, error) ||
      !demo_write_staff (d, error) ||
      !demo_write_organisations (d, error) ||
      !prepare_inserts (d, error))
    goto failed;

  for (guint64 i = 0; i < size; i++)
    {
      DemoContract contract = { 0 };

      plan_contract (d, i, size, &contract);
      demo_plan_family (d, &contract);
      if (!write_contract_records (d, &contract, error))
        goto failed;
      if (progress != NULL && ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == size))
        progress (i + 1, size, user_data);
    }
  if (!demo_write_peer (d, error))
    goto failed;
  free_inserts (d);
  ok = opora_store_bulk_commit (store, error);
  goto out;

failed:
  free_inserts (d);
  opora_store_bulk_rollback (store);
out:
  demo_clear (d);
  g_rand_free (d->rand);
  return ok;
}

gboolean
opora_demo_generate (OporaStore  *store,
                     guint64      size,
                     guint32      seed,
                     GError     **error)
{
  return opora_demo_generate_full (store, size, seed, NULL, NULL, error);
}
