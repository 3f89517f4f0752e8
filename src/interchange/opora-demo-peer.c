/* The demo centre's peer-to-peer workflow (see opora-demo-peer-private.h): the seed survey
 * answered by most contract holders, the register of peers, the marks by hand, then the
 * groups (opora-demo-peer-groups.c).
 *
 * It reads back what the demo has just written — contracts, outcomes, enrollments —
 * through the store's plain-value reader rather than from the generator's own structures,
 * so it follows the registry as it is, whatever the contracts' part decides. The shares
 * are chosen so that a new user sees every peer.* indicator live and near its target: of a
 * year's holders ~90 % surveyed, ~40 % wishing (Q2 = yes), ~50 % ready for psychological
 * sessions (Q1 = yes); a few per cent of those who came out better become peers. */
#define G_LOG_DOMAIN "opora-demo"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "opora-demo-peer-private.h"
#include "opora-error.h"
#include "opora-store-records.h"
#include "opora-store-surveys.h"

/* The practical stage of seed 000 begins in March 2021: no meeting before it. */
#define STAGE_START "2021-03-01"

static const char * const response_columns[] = {
  "id", "template_id", "person_id", "responded_on", AUDIT, NULL
};
static const char * const answer_columns[] = {
  "response_id", "question_id", "value", NULL
};
static const char * const peer_columns[] = {
  "id", "person_id", "consent_on", "experience", AUDIT, NULL
};
static const char * const wish_columns[] = {
  "id", "person_id", "marked_on", "note", AUDIT, NULL
};

/* What a peer has to share, as a psychologist notes it: without a verb, so that it reads
 * right for a man and a woman alike. */
static const char * const experiences[] = {
  "Профобучение на повара, работа по новой специальности, доход семьи выше прожиточного "
  "минимума",
  "Своё дело: ИП по ремонту бытовой техники на средства социального контракта",
  "Личное подсобное хозяйство: куры, козы, продажа молока соседям",
  "Место в детском саду для младшего ребёнка и работа в школьной столовой",
  "Алименты взысканы через суд и службу судебных приставов",
  "Курс финансовой грамотности, долги по микрозаймам закрыты, семейный бюджет под "
  "контролем",
  "Работа через центр занятости после долгого перерыва, совмещение с уходом за детьми",
  "Самозанятость: пошив на заказ, оборудование куплено по социальному контракту",
  "Переезд из села в Югорск, оба супруга трудоустроены",
  "Курсы водителей категории C, работа в транспортной компании",
  "Парикмахерская на дому, постоянные клиенты",
  "Многодетная семья: оформлены все положенные меры поддержки, есть подработка",
  "Теплица, овощи на продажу на ярмарках выходного дня",
  "Тревога после потери работы позади, новая профессия — бухгалтер",
};

/* Why a specialist marked a person by hand (or nothing said). */
static const char * const wish_notes[] = {
  "Просьба о встрече с семьями в похожей ситуации — на приёме у психолога",
  "Направление специалиста по работе с семьёй",
  "Анкета не заполнена, желание высказано по телефону",
  "После беседы с психологом: интерес к опыту других семей",
  "Интерес к опыту открытия своего дела",
  NULL, NULL, NULL,
};

typedef struct
{
  DemoPeer   *p;
  guint       columns[6];
  const char *table;
} Reader;

/* The positions of @names in @table's rows, as opora_store_foreach_row() gives them. */
static gboolean
reader_init (Reader             *reader,
             DemoPeer           *p,
             const char         *table,
             const char * const *names,
             GError            **error)
{
  const OporaRecordColumn *info;
  guint n_info = 0;

  reader->p = p;
  reader->table = table;
  info = opora_store_record_column_info (p->d->store, table, &n_info, error);
  if (info == NULL)
    return FALSE;
  for (guint k = 0; names[k] != NULL; k++)
    {
      guint i = 0;

      g_assert (k < G_N_ELEMENTS (reader->columns));
      while (i < n_info && !g_str_equal (info[i].name, names[k]))
        i++;
      if (i == n_info)
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                       "The demo centre needs %s.%s, which the schema lacks", table, names[k]);
          return FALSE;
        }
      reader->columns[k] = i;
    }
  return TRUE;
}

static gint64
value_int (const OporaRecordValue *values,
           guint                   column)
{
  return values[column].kind == OPORA_VALUE_INTEGER ? values[column].integer : 0;
}

static const char *
value_text (const OporaRecordValue *values,
            guint                   column)
{
  return values[column].kind == OPORA_VALUE_TEXT ? values[column].text : "";
}

/* 'YYYY-MM-DD' → Julian day, 0 when it is not a date. */
static guint32
iso_day (const char *s)
{
  GDate date;
  int year, month, day;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return 0;
  year = atoi (s);
  month = atoi (s + 5);
  day = atoi (s + 8);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static guint32
value_day (const OporaRecordValue *values,
           guint                   column)
{
  return iso_day (value_text (values, column));
}

static gboolean
read_contract_cb (const char              *table,
                  const OporaRecordValue  *values,
                  guint                    n_values,
                  gpointer                 user_data,
                  GError                 **error)
{
  Reader *r = user_data;
  DemoHolder h = { 0 };

  h.contract = value_int (values, r->columns[0]);
  h.person = value_int (values, r->columns[1]);
  h.curator = value_int (values, r->columns[2]);
  h.concluded = value_day (values, r->columns[3]);
  h.completed = g_str_equal (value_text (values, r->columns[4]), "completed");
  if (h.concluded != 0)
    g_array_append_val (r->p->holders, h);
  return TRUE;
}

static int
compare_contract (gconstpointer a,
                  gconstpointer b)
{
  gint64 key = *(const gint64 *) a, contract = ((const DemoHolder *) b)->contract;

  return key < contract ? -1 : key > contract;
}

static gboolean
read_outcome_cb (const char              *table,
                 const OporaRecordValue  *values,
                 guint                    n_values,
                 gpointer                 user_data,
                 GError                 **error)
{
  Reader *r = user_data;
  gint64 contract = value_int (values, r->columns[0]);
  DemoHolder *h = bsearch (&contract, r->p->holders->data, r->p->holders->len,
                           sizeof (DemoHolder), compare_contract);

  if (h == NULL)
    return TRUE;
  h->recorded = value_day (values, r->columns[3]);
  h->improved = h->completed && value_int (values, r->columns[1]) == 1 &&
                g_str_equal (value_text (values, r->columns[2]), "better") && h->recorded != 0;
  return TRUE;
}

static int
compare_person (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GArray *holders = user_data;
  const DemoHolder *x = &g_array_index (holders, DemoHolder, *(const guint *) a);
  const DemoHolder *y = &g_array_index (holders, DemoHolder, *(const guint *) b);

  if (x->person != y->person)
    return x->person < y->person ? -1 : 1;
  if (x->concluded != y->concluded)
    return x->concluded < y->concluded ? -1 : 1;
  return x->contract < y->contract ? -1 : x->contract > y->contract;
}

/* The holder a person is met as first, or NULL for a person with no contract. */
static DemoHolder *
holder_of_person (DemoPeer *p,
                  gint64    person)
{
  guint low = 0, high = p->by_person->len;
  DemoHolder *h;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      h = &g_array_index (p->holders, DemoHolder, g_array_index (p->by_person, guint, mid));
      if (h->person < person)
        low = mid + 1;
      else
        high = mid;
    }
  if (low == p->by_person->len)
    return NULL;
  h = &g_array_index (p->holders, DemoHolder, g_array_index (p->by_person, guint, low));
  return h->person == person ? h : NULL;
}

static gboolean
read_enrollment_cb (const char              *table,
                    const OporaRecordValue  *values,
                    guint                    n_values,
                    gpointer                 user_data,
                    GError                 **error)
{
  Reader *r = user_data;
  DemoHolder *h;
  guint32 from;

  if (!g_str_equal (value_text (values, r->columns[1]), "lift"))
    return TRUE;
  h = holder_of_person (r->p, value_int (values, r->columns[0]));
  from = value_day (values, r->columns[2]);
  if (h != NULL && from != 0 && (h->lift_from == 0 || from < h->lift_from))
    h->lift_from = from;
  return TRUE;
}

static gboolean
read_registry (DemoPeer  *p,
               GError   **error)
{
  static const char * const contract_names[] = {
    "id", "person_id", "curator_id", "concluded_on", "status", NULL
  };
  static const char * const outcome_names[] = {
    "contract_id", "programme_completed", "situation", "recorded_on", NULL
  };
  static const char * const enrollment_names[] = {
    "person_id", "technology", "from_on", NULL
  };
  Reader r;

  if (!reader_init (&r, p, "contract", contract_names, error) ||
      !opora_store_foreach_row (p->d->store, "contract", read_contract_cb, &r, error) ||
      !reader_init (&r, p, "outcome", outcome_names, error) ||
      !opora_store_foreach_row (p->d->store, "outcome", read_outcome_cb, &r, error))
    return FALSE;

  /* A person met again under a later contract is surveyed once, as the first; the
   * later contract may still make them a peer. */
  for (guint i = 0; i < p->holders->len; i++)
    g_array_append_val (p->by_person, i);
  g_array_sort_with_data (p->by_person, compare_person, p->holders);
  for (guint i = 1, first = 0; i < p->by_person->len; i++)
    {
      DemoHolder *f = &g_array_index (p->holders, DemoHolder,
                                      g_array_index (p->by_person, guint, first));
      DemoHolder *h = &g_array_index (p->holders, DemoHolder,
                                      g_array_index (p->by_person, guint, i));

      if (h->person != f->person)
        {
          first = i;
          continue;
        }
      h->repeat = TRUE;
      if (h->improved && !f->improved)
        {
          f->improved = TRUE;
          f->recorded = h->recorded;
        }
    }

  return reader_init (&r, p, "enrollment", enrollment_names, error) &&
         opora_store_foreach_row (p->d->store, "enrollment", read_enrollment_cb, &r, error);
}

void
demo_peer_iso (guint32 day,
               char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  demo_iso (&date, out);
}

guint32
demo_peer_working_day (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* The New Year holidays: from the 31st of December to the 8th of January. */
  if (g_date_get_month (&date) == G_DATE_DECEMBER && g_date_get_day (&date) == 31)
    day += 9;
  else if (g_date_get_month (&date) == G_DATE_JANUARY && g_date_get_day (&date) <= 8)
    day += 9 - g_date_get_day (&date);
  g_date_set_julian (&date, day);
  switch (g_date_get_weekday (&date))
    {
    case G_DATE_SATURDAY:
      return day + 2;
    case G_DATE_SUNDAY:
      return day + 1;
    default:
      return day;
    }
}

void
demo_peer_stamp (DemoPeer *p,
                 guint32   day,
                 char      out[21])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  demo_stamp (p->d, &date, out);
}

static guint32
reference_day (DemoPeer *p)
{
  return g_date_get_julian (&p->d->reference);
}

/* The seed survey, answered a few days to a few weeks after the contract by 88–96 % of
 * each year's holders (the share drawn per year, as a centre's diligence varies). */
static gboolean
write_responses (DemoPeer  *p,
                 GError   **error)
{
  gint64 template_id = opora_store_get_builtin_survey_id (p->d->store);
  gint64 q1 = opora_store_get_builtin_question_id (p->d->store, "q1");
  gint64 q2 = opora_store_get_builtin_question_id (p->d->store, "q2");
  g_autoptr(OporaBulkInsert) response = NULL;
  g_autoptr(OporaBulkInsert) answer = NULL;
  double rates[8];
  gint64 next = 0;

  if (template_id == 0 || q1 == 0 || q2 == 0)
    {
      /* A new database has it: it can only have been deleted. */
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The survey no longer exists: it may have been deleted"));
      return FALSE;
    }
  response = opora_bulk_insert_new (p->d->store, "survey_response", response_columns, error);
  if (response == NULL)
    return FALSE;
  answer = opora_bulk_insert_new (p->d->store, "survey_answer", answer_columns, error);
  if (answer == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    rates[i] = demo_uniform (p->d, 0.88, 0.96);

  for (guint i = 0; i < p->holders->len; i++)
    {
      DemoHolder *h = &g_array_index (p->holders, DemoHolder, i);
      GDate concluded;
      char day[11], stamp[21];
      guint year;

      if (h->repeat)
        continue;
      g_date_clear (&concluded, 1);
      g_date_set_julian (&concluded, h->concluded);
      year = (guint) g_date_get_year (&concluded) % G_N_ELEMENTS (rates);
      if (!demo_chance (p->d, rates[year]))
        continue;
      h->responded = demo_peer_working_day (h->concluded + (guint32) demo_int (p->d, 3, 30));
      if (h->responded >= reference_day (p))
        {
          h->responded = 0; /* not surveyed yet */
          continue;
        }
      /* Those ready for psychological sessions are readier to hear others too. */
      h->q1 = demo_chance (p->d, 0.5);
      h->q2 = demo_chance (p->d, h->q1 ? 0.52 : 0.28);
      if (h->q2)
        h->wished = h->responded;

      demo_peer_iso (h->responded, day);
      demo_peer_stamp (p, h->responded, stamp);
      opora_bulk_insert_int (response, 0, ++next);
      opora_bulk_insert_int (response, 1, template_id);
      opora_bulk_insert_int (response, 2, h->person);
      opora_bulk_insert_text (response, 3, day);
      demo_audit (response, 4, stamp, stamp, h->curator);
      if (!opora_bulk_insert_run (response, error))
        return FALSE;
      for (guint q = 0; q < 2; q++)
        {
          opora_bulk_insert_int (answer, 0, next);
          opora_bulk_insert_int (answer, 1, q == 0 ? q1 : q2);
          opora_bulk_insert_text (answer, 2, (q == 0 ? h->q1 : h->q2) ? "yes" : "no");
          if (!opora_bulk_insert_run (answer, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* A few persons marked by hand as wishing to use others' experience: mostly those the
 * survey missed or who said no and changed their mind, now and then one the survey
 * already counts. */
static gboolean
write_wishes (DemoPeer  *p,
              GError   **error)
{
  g_autoptr(OporaBulkInsert) in = NULL;
  gint64 next = 0;

  in = opora_bulk_insert_new (p->d->store, "peer_wish", wish_columns, error);
  if (in == NULL)
    return FALSE;
  for (guint i = 0; i < p->holders->len; i++)
    {
      DemoHolder *h = &g_array_index (p->holders, DemoHolder, i);
      guint32 marked;
      gint64 author;
      char day[11], stamp[21];

      if (h->repeat || !demo_chance (p->d, h->q2 ? 0.004 : 0.018))
        continue;
      marked = demo_peer_working_day (h->concluded + (guint32) demo_int (p->d, 10, 75));
      if (marked >= reference_day (p))
        continue;
      if (h->wished == 0 || marked < h->wished)
        h->wished = marked;
      author = demo_chance (p->d, 0.6) ? p->d->psychologists[demo_int (p->d, 0, 1)]
                                       : h->curator;
      demo_peer_iso (marked, day);
      demo_peer_stamp (p, marked, stamp);
      opora_bulk_insert_int (in, 0, ++next);
      opora_bulk_insert_int (in, 1, h->person);
      opora_bulk_insert_text (in, 2, day);
      opora_bulk_insert_text (in, 3, demo_pick_from (p->d, wish_notes,
                                                     G_N_ELEMENTS (wish_notes)));
      demo_audit (in, 4, stamp, stamp, author);
      if (!opora_bulk_insert_run (in, error))
        return FALSE;
    }
  return TRUE;
}

/* The register of peers: 6 % of the holders whose programme was completed in full with
 * the situation better. A situation often turns before the contract ends (a job found in
 * the third month), and the psychologist asks then: consent comes from six weeks after
 * the contract to six weeks after its outcome. The first three such holders are asked
 * as early as that, so that meetings begin with the practical stage in March 2021. */
static gboolean
write_register (DemoPeer  *p,
                GError   **error)
{
  g_autoptr(OporaBulkInsert) in = NULL;
  gint64 next = 0;

  in = opora_bulk_insert_new (p->d->store, "peer_register", peer_columns, error);
  if (in == NULL)
    return FALSE;
  for (guint i = 0, n_improved = 0; i < p->holders->len; i++)
    {
      DemoHolder *h = &g_array_index (p->holders, DemoHolder, i);
      gboolean early;
      guint32 first, last;
      char day[11], stamp[21];

      if (h->repeat || !h->improved)
        continue;
      early = n_improved++ < 3;
      if (!early && !demo_chance (p->d, 0.06))
        continue;
      first = h->concluded + 45;
      last = early ? first + 14 : MAX (first, h->recorded + 40);
      h->consented = demo_peer_working_day (first + (guint32) demo_int (p->d, 0,
                                                                         (int) (last - first)));
      if (h->consented >= reference_day (p))
        {
          h->consented = 0;
          continue;
        }
      demo_peer_iso (h->consented, day);
      demo_peer_stamp (p, h->consented, stamp);
      opora_bulk_insert_int (in, 0, ++next);
      opora_bulk_insert_int (in, 1, h->person);
      opora_bulk_insert_text (in, 2, day);
      opora_bulk_insert_text (in, 3, demo_pick_from (p->d, experiences,
                                                     G_N_ELEMENTS (experiences)));
      demo_audit (in, 4, stamp, stamp, p->d->psychologists[demo_int (p->d, 0, 1)]);
      if (!opora_bulk_insert_run (in, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
demo_write_peer (Demo    *d,
                 GError **error)
{
  DemoPeer peer = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  peer.d = d;
  peer.holders = g_array_new (FALSE, FALSE, sizeof (DemoHolder));
  peer.by_person = g_array_new (FALSE, FALSE, sizeof (guint));
  peer.stage_start = iso_day (STAGE_START);

  ok = read_registry (&peer, error) &&
       write_responses (&peer, error) &&
       write_wishes (&peer, error) &&
       write_register (&peer, error) &&
       demo_peer_write_groups (&peer, error);

  g_debug ("Demo: the peer workflow of %u contracts written in %.1f s", peer.holders->len,
           (g_get_monotonic_time () - start) / 1e6);
  g_array_unref (peer.holders);
  g_array_unref (peer.by_person);
  return ok;
}
