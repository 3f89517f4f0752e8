/* The demo centre's groups (see opora-demo-peer-private.h): peer meetings «Равный –
 * равному» with their follow-up calls, and the social lift's psychological trainings.
 *
 * Those who wished to use others' experience are invited in the order they wished (85 %
 * of them), and a group is formed as soon as enough are waiting: so the number of groups
 * follows the number of contracts — every few weeks for a small centre, several a day for
 * a million contracts — and most who wished attend a meeting within weeks. Every rule of
 * src/core/opora-group.h holds: 6–10 members of whom 1–3 peers who share, the meeting
 * after the group was formed, 60–90 minutes, a training for at most 12 people and without
 * peers, attendance only at a held meeting, a call only to a participant who attended and
 * not before one calendar month after the meeting (opora_date_add_calendar_month()). */
#define G_LOG_DOMAIN "opora-demo"

#include <string.h>

#include "opora-date.h"
#include "opora-demo-peer-private.h"

#define MAX_MEMBERS 12
/* Days the first of those invited to a peer meeting waits for others at most. */
#define MAX_WAIT 42

static const char * const group_columns[] = {
  "id", "kind", "title", "formed_on", "meeting_on", "start_time", "duration_min", "place",
  "facilitator_id", "held", "analysis", AUDIT, NULL
};
static const char * const member_columns[] = {
  "group_id", "person_id", "role", "attended", NULL
};
static const char * const call_columns[] = {
  "id", "group_id", "person_id", "called_on", "situation", "satisfied", "note", AUDIT, NULL
};

static const char * const meeting_titles[] = {
  "Работа после долгого перерыва", "Своё дело на социальный контракт",
  "Семейный бюджет без долгов", "Личное подсобное хозяйство: с чего начать",
  "Как совмещать работу и детей", "Алименты: как добиться выплат",
  "Новая профессия после сорока", "Самозанятость: первые шаги",
  "Переезд из села в город", "Когда опускаются руки",
};
static const char * const meeting_places[] = {
  "Комната психологической разгрузки", "Комната психологической разгрузки",
  "Кабинет психолога", "Зал для групповых занятий",
};
static const char * const training_titles[] = {
  "Поиск внутренних ресурсов", "Уверенность в себе на собеседовании",
  "Стресс и как с ним справляться", "Цели и шаги к ним", "Мотивация к переменам",
};
static const char * const training_places[] = {
  "Зал для групповых занятий", "Кабинет психолога", "Комната психологической разгрузки",
};
static const char * const start_times[] = {
  "10:00", "11:00", "14:00", "14:30", "15:00", "16:00", "17:30", "18:00",
};
static const char * const analyses[] = {
  "Участники активно задавали вопросы, договорились поддерживать связь.",
  "Равные консультанты рассказали о своём опыте трудоустройства; участники отметили пользу "
  "встречи.",
  "Обсуждали ведение семейного бюджета; двое участников решили пройти курс финансовой "
  "грамотности.",
  "Встреча прошла в доброжелательной атмосфере, участники поделились планами.",
  "Участники сначала держались настороженно, к концу встречи включились в обсуждение.",
  "Обсуждали открытие своего дела; даны контакты центра «Мой бизнес».",
};
/* What the call found, if anything worth a note (without a verb: for him or her). */
static const char * const call_notes_better[] = {
  "Постоянная работа", "Работа по совету равного консультанта", "Оформлена самозанятость",
  "Доход семьи вырос", NULL, NULL,
};
static const char * const call_notes_other[] = {
  "Поиск работы продолжается", "Просьба о повторной встрече", "Дозвонились со второго раза",
  NULL, NULL,
};

typedef struct
{
  guint    holder;
  guint32  day;
} Event;

typedef struct
{
  const char *kind;
  const char *title;
  const char *place;
  guint32     formed;
  guint32     meeting;        /* 0: not set yet */
  gboolean    held;
  guint       n;
  gint64      persons[MAX_MEMBERS];
  gboolean    peer[MAX_MEMBERS];
  gboolean    attended[MAX_MEMBERS];
} Group;

static int
compare_event (gconstpointer a,
               gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->holder < y->holder ? -1 : x->holder > y->holder;
}

static DemoHolder *
holder (DemoPeer *p,
        guint     i)
{
  return &g_array_index (p->holders, DemoHolder, i);
}

static guint32
reference_day (DemoPeer *p)
{
  return g_date_get_julian (&p->d->reference);
}

static gboolean
group_has (const Group *g,
           gint64       person)
{
  for (guint i = 0; i < g->n; i++)
    if (g->persons[i] == person)
      return TRUE;
  return FALSE;
}

static void
group_add (Group    *g,
           gint64    person,
           gboolean  peer)
{
  g_assert (g->n < MAX_MEMBERS && !group_has (g, person));
  g->persons[g->n] = person;
  g->peer[g->n] = peer;
  g->attended[g->n] = FALSE;
  g->n++;
}

/* The meeting a week or two after the group was formed; held when it is past (most of
 * the time), otherwise not held yet and, now and then, not even dated. Those who attend
 * are marked, at least one of each side at a held meeting. */
static void
plan_meeting (DemoPeer *p,
              Group    *g,
              int       first_day,
              int       last_day,
              double    held,
              double    present)
{
  gboolean any[2] = { FALSE, FALSE };

  g->meeting = demo_peer_working_day (g->formed + (guint32) demo_int (p->d, first_day,
                                                                       last_day));
  if (g->meeting >= reference_day (p))
    {
      g->held = FALSE;
      if (demo_chance (p->d, 0.4))
        g->meeting = 0;
      return;
    }
  g->held = demo_chance (p->d, held);
  if (!g->held)
    return;
  for (guint i = 0; i < g->n; i++)
    {
      g->attended[i] = demo_chance (p->d, g->peer[i] ? 0.95 : present);
      any[g->peer[i]] |= g->attended[i];
    }
  for (guint i = 0; i < g->n; i++)
    if (!any[g->peer[i]])
      any[g->peer[i]] = g->attended[i] = TRUE;
}

static gboolean
write_calls (DemoPeer     *p,
             const Group  *g,
             gint64        facilitator,
             GError      **error)
{
  OporaBulkInsert *in = p->call;
  GDate meeting, due;

  g_date_clear (&meeting, 1);
  g_date_set_julian (&meeting, g->meeting);
  opora_date_add_calendar_month (&meeting, &due);

  for (guint i = 0; i < g->n; i++)
    {
      guint32 called;
      double x;
      gboolean better;
      char day[11], stamp[21];

      if (g->peer[i] || !g->attended[i] || !demo_chance (p->d, 0.93))
        continue;
      called = demo_peer_working_day (g_date_get_julian (&due) +
                                      (guint32) demo_int (p->d, 0, 14));
      if (called >= reference_day (p))
        continue; /* still due */
      x = demo_uniform (p->d, 0.0, 1.0);
      better = x < 0.68;
      demo_peer_iso (called, day);
      demo_peer_stamp (p, called, stamp);
      opora_bulk_insert_int (in, 0, ++p->next_call);
      opora_bulk_insert_int (in, 1, p->next_group);
      opora_bulk_insert_int (in, 2, g->persons[i]);
      opora_bulk_insert_text (in, 3, day);
      opora_bulk_insert_text (in, 4, better ? "better" : x < 0.95 ? "unchanged" : "worse");
      opora_bulk_insert_int (in, 5, demo_chance (p->d, better ? 0.99 : x < 0.95 ? 0.9 : 0.7));
      opora_bulk_insert_text (in, 6, better
                              ? demo_pick_from (p->d, call_notes_better,
                                                G_N_ELEMENTS (call_notes_better))
                              : demo_pick_from (p->d, call_notes_other,
                                                G_N_ELEMENTS (call_notes_other)));
      demo_audit (in, 7, stamp, stamp, facilitator);
      if (!opora_bulk_insert_run (in, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_group (DemoPeer     *p,
             const Group  *g,
             GError      **error)
{
  OporaBulkInsert *in = p->group;
  gint64 facilitator = p->d->psychologists[demo_int (p->d, 0, 1)];
  char formed[11], meeting[11], created[21], updated[21];

  demo_peer_iso (g->formed, formed);
  demo_peer_stamp (p, g->formed, created);
  if (g->held)
    demo_peer_stamp (p, g->meeting, updated);
  else
    memcpy (updated, created, sizeof updated);

  opora_bulk_insert_int (in, 0, ++p->next_group);
  opora_bulk_insert_text (in, 1, g->kind);
  opora_bulk_insert_text (in, 2, g->title);
  opora_bulk_insert_text (in, 3, formed);
  if (g->meeting != 0)
    {
      demo_peer_iso (g->meeting, meeting);
      opora_bulk_insert_text (in, 4, meeting);
      opora_bulk_insert_text (in, 5, demo_pick_from (p->d, start_times,
                                                     G_N_ELEMENTS (start_times)));
      opora_bulk_insert_int (in, 6, 60 + 15 * demo_int (p->d, 0, 2));
      opora_bulk_insert_text (in, 7, g->place);
    }
  opora_bulk_insert_int (in, 8, facilitator);
  opora_bulk_insert_int (in, 9, g->held);
  if (g->held && demo_chance (p->d, 0.7))
    opora_bulk_insert_text (in, 10, demo_pick_from (p->d, analyses, G_N_ELEMENTS (analyses)));
  demo_audit (in, 11, created, updated, facilitator);
  if (!opora_bulk_insert_run (in, error))
    return FALSE;

  for (guint i = 0; i < g->n; i++)
    {
      opora_bulk_insert_int (p->member, 0, p->next_group);
      opora_bulk_insert_int (p->member, 1, g->persons[i]);
      opora_bulk_insert_text (p->member, 2, g->peer[i] ? "peer" : "participant");
      if (g->held)
        opora_bulk_insert_int (p->member, 3, g->attended[i]);
      if (!opora_bulk_insert_run (p->member, error))
        return FALSE;
    }
  return !g->held || !g_str_equal (g->kind, "peer_meeting") ||
         write_calls (p, g, facilitator, error);
}

/* The state of the peer meetings as the wishes come in, in the order of their days. */
typedef struct
{
  GArray  *waiting;   /* guint holders invited, not in a group yet */
  GArray  *peers;     /* Event: holders in the register, by day of consent */
  GArray  *others;    /* Event: Q1 = yes without a wish, by day of response */
  guint    n_peers;   /* peers[0 .. n_peers) consented by the day being formed */
  guint    next_other;
  guint    wanted;    /* participants from the waiting for the next group */
  guint32  last_formed;
  guint32  first_waiting; /* the day the first of those waiting wished */
  gboolean closed;    /* the reference day is reached: no more groups */
} Meetings;

/* A peer meeting of those waiting, with 1–3 peers from those who consented lately and,
 * now and then, someone ready for psychological sessions who did not wish. */
static gboolean
form_meeting (DemoPeer  *p,
              Meetings  *m,
              guint32    ready,
              GError   **error)
{
  Group g = { .kind = "peer_meeting" };
  guint want_peers = (guint) demo_int (p->d, 1, 3), window;
  guint n_waiting = m->waiting->len;
  guint32 formed = ready + (guint32) demo_int (p->d, 1, 10);

  if (formed < p->stage_start)
    formed = p->stage_start + (guint32) demo_int (p->d, 0, 14);
  formed = MAX (formed, m->last_formed); /* groups are formed one after another */
  while (m->n_peers < m->peers->len && g_array_index (m->peers, Event, m->n_peers).day <= formed)
    m->n_peers++;
  if (m->n_peers == 0)
    {
      if (m->peers->len == 0)
        {
          m->closed = TRUE; /* nobody to share: no meetings */
          return TRUE;
        }
      formed = g_array_index (m->peers, Event, 0).day + (guint32) demo_int (p->d, 1, 7);
    }
  formed = demo_peer_working_day (formed);
  while (m->n_peers < m->peers->len && g_array_index (m->peers, Event, m->n_peers).day <= formed)
    m->n_peers++;
  if (formed >= reference_day (p))
    {
      m->closed = TRUE;
      return TRUE;
    }
  g.formed = formed;
  g.title = demo_pick_from (p->d, meeting_titles, G_N_ELEMENTS (meeting_titles));
  g.place = demo_pick_from (p->d, meeting_places, G_N_ELEMENTS (meeting_places));

  for (guint i = 0; i < n_waiting; i++)
    group_add (&g, holder (p, g_array_index (m->waiting, guint, i))->person, FALSE);
  if (n_waiting < 6)
    want_peers = MAX (want_peers, 6 - n_waiting); /* at least six in a group */

  /* Peers who consented lately: a window that grows with the register, so a large centre
   * does not send the same few to every meeting. */
  window = MIN (m->n_peers, MAX (20, m->n_peers / 8));
  for (guint tries = 0; tries < 12 && want_peers > 0 && g.n < 10; tries++)
    {
      const Event *e = &g_array_index (m->peers, Event,
                                       m->n_peers - 1 - (guint) demo_int (p->d, 0,
                                                                          (int) window - 1));
      gint64 person = holder (p, e->holder)->person;

      if (group_has (&g, person))
        continue;
      group_add (&g, person, TRUE);
      want_peers--;
    }

  while (m->next_other < m->others->len &&
         g_array_index (m->others, Event, m->next_other).day + 120 < formed)
    m->next_other++;
  if (g.n < 10 && m->next_other < m->others->len && demo_chance (p->d, 0.35))
    {
      const Event *e = &g_array_index (m->others, Event, m->next_other);
      gint64 person = holder (p, e->holder)->person;

      if (e->day <= formed && !group_has (&g, person))
        {
          group_add (&g, person, FALSE);
          m->next_other++;
        }
    }

  if (g.n < 6)
    return TRUE; /* too few peers yet: they wait for more */
  g_array_set_size (m->waiting, 0);
  m->last_formed = formed;
  plan_meeting (p, &g, 7, 14, 0.94, 0.8);
  return write_group (p, &g, error);
}

static void
sort_events (GArray *events)
{
  g_array_sort (events, compare_event);
}

static gboolean
write_meetings (DemoPeer  *p,
                GError   **error)
{
  g_autoptr(GArray) wishes = g_array_new (FALSE, FALSE, sizeof (Event));
  Meetings m = { 0 };
  guint32 last = 0;
  gboolean ok = TRUE;

  m.waiting = g_array_new (FALSE, FALSE, sizeof (guint));
  m.peers = g_array_new (FALSE, FALSE, sizeof (Event));
  m.others = g_array_new (FALSE, FALSE, sizeof (Event));
  for (guint i = 0; i < p->holders->len; i++)
    {
      DemoHolder *h = holder (p, i);
      Event e = { i, 0 };

      if ((e.day = h->wished) != 0)
        g_array_append_val (wishes, e);
      else if (h->q1)
        {
          e.day = h->responded;
          g_array_append_val (m.others, e);
        }
      if ((e.day = h->consented) != 0)
        g_array_append_val (m.peers, e);
    }
  sort_events (wishes);
  sort_events (m.peers);
  sort_events (m.others);

  m.wanted = (guint) demo_int (p->d, 5, 7);
  for (guint i = 0; ok && !m.closed && i < wishes->len; i++)
    {
      const Event *e = &g_array_index (wishes, Event, i);

      if (!demo_chance (p->d, 0.85))
        continue; /* not invited, or declined */
      /* A small centre does not keep people waiting for a full group: after six weeks
       * four are enough. */
      if (m.waiting->len >= 4 && e->day >= m.first_waiting + MAX_WAIT)
        {
          ok = form_meeting (p, &m, MAX (last, m.first_waiting + MAX_WAIT), error);
          m.wanted = (guint) demo_int (p->d, 5, 7);
        }
      if (m.waiting->len == 0)
        m.first_waiting = e->day;
      g_array_append_val (m.waiting, e->holder);
      last = e->day;
      if (!ok || m.closed || m.waiting->len < m.wanted)
        continue;
      ok = form_meeting (p, &m, last, error);
      m.wanted = (guint) demo_int (p->d, 5, 7);
    }
  /* The last few who wished: a group of their own if they can be one. */
  if (ok && !m.closed && m.waiting->len >= 4)
    ok = form_meeting (p, &m, last, error);

  g_array_unref (m.waiting);
  g_array_unref (m.peers);
  g_array_unref (m.others);
  return ok;
}

/* The social lift's psychological trainings: 8–12 of its participants who are ready for
 * psychological sessions (Q1 = yes), two thirds of them invited, once both the answer
 * and the enrollment are there. */
static gboolean
write_trainings (DemoPeer  *p,
                 GError   **error)
{
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (Event));
  Group g = { 0 };
  guint wanted = (guint) demo_int (p->d, 8, 12);

  for (guint i = 0; i < p->holders->len; i++)
    {
      DemoHolder *h = holder (p, i);
      Event e = { i, MAX (h->responded, h->lift_from) };

      if (h->q1 && h->lift_from != 0)
        g_array_append_val (ready, e);
    }
  sort_events (ready);

  for (guint i = 0; i < ready->len; i++)
    {
      const Event *e = &g_array_index (ready, Event, i);

      if (!demo_chance (p->d, 0.65))
        continue;
      group_add (&g, holder (p, e->holder)->person, FALSE);
      if (g.n < wanted)
        continue;

      g.kind = "psych_training";
      g.formed = demo_peer_working_day (e->day + (guint32) demo_int (p->d, 1, 10));
      if (g.formed >= reference_day (p))
        break;
      g.title = demo_pick_from (p->d, training_titles, G_N_ELEMENTS (training_titles));
      g.place = demo_pick_from (p->d, training_places, G_N_ELEMENTS (training_places));
      plan_meeting (p, &g, 5, 14, 0.95, 0.85);
      if (!write_group (p, &g, error))
        return FALSE;
      memset (&g, 0, sizeof g);
      wanted = (guint) demo_int (p->d, 8, 12);
    }
  return TRUE;
}

gboolean
demo_peer_write_groups (DemoPeer  *p,
                        GError   **error)
{
  gboolean ok;

  p->group = opora_bulk_insert_new (p->d->store, "group_activity", group_columns, error);
  p->member = p->group ? opora_bulk_insert_new (p->d->store, "group_member", member_columns,
                                                error) : NULL;
  p->call = p->member ? opora_bulk_insert_new (p->d->store, "followup_call", call_columns,
                                               error) : NULL;
  ok = p->call != NULL && write_meetings (p, error) && write_trainings (p, error);
  g_clear_pointer (&p->group, opora_bulk_insert_free);
  g_clear_pointer (&p->member, opora_bulk_insert_free);
  g_clear_pointer (&p->call, opora_bulk_insert_free);
  return ok;
}
