/* The peer-to-peer workflow and group activities on a real database: every rule of the
 * seeds at its edges, refusals that change nothing, the wishes made of survey answers and
 * hand marks, the calls-due queue, attendance, delete with Undo, and the interchange
 * round trip. */
#include <glib.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-group.h"
#include "opora-interchange.h"
#include "opora-peer.h"
#include "opora-person.h"
#include "opora-staff.h"
#include "opora-store-groups.h"
#include "opora-store-peer.h"
#include "opora-store-persons.h"
#include "opora-store-records.h"
#include "opora-store-staff.h"
#include "opora-test-util.h"

typedef struct
{
  char       *dir;
  OporaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = opora_test_open_store (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
add_person (OporaStore *store,
            const char *surname,
            const char *name)
{
  g_autoptr(OporaPerson) person = opora_person_new ();
  g_autoptr(GError) error = NULL;

  opora_person_set_surname (person, surname);
  opora_person_set_name (person, name);
  opora_person_set_sex (person, OPORA_SEX_FEMALE);
  opora_person_set_phone (person, "+79123456789");
  g_assert_true (opora_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return opora_person_get_id (person);
}

static gint64
add_psychologist (OporaStore *store)
{
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  g_autoptr(GError) error = NULL;

  opora_staff_set_full_name (staff, "Токарева Ольга Леонидовна");
  opora_staff_set_position (staff, OPORA_POSITION_PSYCHOLOGIST);
  g_assert_true (opora_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  return opora_staff_get_id (staff);
}

/* How many rows @table holds, read through the records interface. */
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

  g_assert_true (opora_store_foreach_record (store, table, count_cb, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* The records of the peer workflow's tables, to tell that a refusal changed nothing. */
static gboolean
dump_cb (const char  *table,
         GVariant    *record,
         gpointer     user_data,
         GError     **error)
{
  g_autofree char *text = g_variant_print (record, FALSE);

  g_string_append_printf (user_data, "%s %s\n", table, text);
  return TRUE;
}

static char *
dump (OporaStore *store)
{
  static const char * const tables[] = {
    "group_activity", "group_member", "followup_call", "peer_register", "peer_wish", NULL
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    g_assert_true (opora_store_foreach_record (store, tables[i], dump_cb, out, NULL));
  return g_string_free (out, FALSE);
}

static OporaGroupMember *
member (OporaGroup      *group,
        gint64           person_id,
        OporaMemberRole  role)
{
  g_autoptr(OporaGroupMember) m = opora_group_member_new (person_id, role);

  opora_group_add_member (group, m);
  return m; /* the group keeps it */
}

/* A held peer meeting on @meeting_on formed the same day: @peer shares, @present came,
 * @absent did not. Returns its id. */
static gint64
held_meeting (OporaStore *store,
              const char *meeting_on,
              gint64      peer,
              gint64      present,
              gint64      absent)
{
  g_autoptr(OporaGroup) group = opora_group_new (OPORA_GROUP_KIND_PEER_MEETING);
  g_autoptr(GError) error = NULL;

  opora_group_set_formed_on (group, meeting_on);
  opora_group_set_meeting_on (group, meeting_on);
  opora_group_set_start_time (group, "18:00");
  opora_group_set_held (group, TRUE);
  opora_group_member_set_attendance (member (group, peer, OPORA_MEMBER_ROLE_PEER),
                                     OPORA_ATTENDANCE_PRESENT);
  opora_group_member_set_attendance (member (group, present, OPORA_MEMBER_ROLE_PARTICIPANT),
                                     OPORA_ATTENDANCE_PRESENT);
  if (absent != 0)
    opora_group_member_set_attendance (member (group, absent, OPORA_MEMBER_ROLE_PARTICIPANT),
                                       OPORA_ATTENDANCE_ABSENT);
  g_assert_true (opora_store_save_group (store, group, &error));
  g_assert_no_error (error);
  return opora_group_get_id (group);
}

static gboolean
save_call (OporaStore  *store,
           gint64       group_id,
           gint64       person_id,
           const char  *called_on,
           GError     **error)
{
  g_autoptr(OporaFollowupCall) call = opora_followup_call_new (group_id, person_id);

  opora_followup_call_set_called_on (call, called_on);
  opora_followup_call_set_situation (call, OPORA_SITUATION_BETTER);
  opora_followup_call_set_satisfied (call, TRUE);
  return opora_store_save_followup_call (store, call, error);
}

/* Dates */

static void
assert_due (const char *meeting_on,
            const char *expected)
{
  g_autofree char *due = opora_followup_call_due_on (meeting_on);

  g_assert_cmpstr (due, ==, expected);
}

static void
test_due_dates (void)
{
  GDate day, meeting;

  assert_due ("2024-01-31", "2024-02-29");
  assert_due ("2023-01-31", "2023-02-28");
  assert_due ("2024-01-15", "2024-02-15");
  assert_due ("2024-03-31", "2024-04-30");
  assert_due ("2024-12-31", "2025-01-31");
  assert_due (NULL, NULL);
  assert_due ("31.01.2024", "2024-02-29");
  assert_due ("2024-02-30", NULL);

  /* The queue's bound: a meeting is due by a day exactly when it is on or before the last
   * meeting day of that day, for every day of two years (a leap year among them). */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2023);
  for (int i = 0; i < 731; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *to = opora_date_to_iso (&day);
      g_autofree char *last = opora_followup_call_last_meeting_due_by (to);

      g_assert_nonnull (last);
      meeting = day;
      g_date_subtract_days (&meeting, 70);
      for (int j = 0; j < 70; j++, g_date_add_days (&meeting, 1))
        {
          g_autofree char *meeting_on = opora_date_to_iso (&meeting);
          g_autofree char *due = opora_followup_call_due_on (meeting_on);
          gboolean due_by = strcmp (due, to) <= 0;

          if (due_by != (strcmp (meeting_on, last) <= 0))
            g_error ("Meeting %s, due %s, day %s, last meeting %s", meeting_on, due, to, last);
        }
    }
  g_assert_null (opora_followup_call_last_meeting_due_by ("2024-13-01"));
}

static void
test_parse_time (void)
{
  const char *good[][2] = {
    { "18:00", "18:00" }, { "9:30", "09:30" }, { " 09.05 ", "09:05" }, { "0:00", "00:00" },
    { "23:59", "23:59" },
  };
  const char *bad[] = { "24:00", "12:60", "12", "12:5", "ab:cd", "12:300", "-1:00" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (opora_group_parse_time (good[i][0], &out, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (opora_group_parse_time (bad[i], &out, &error));
      g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
      g_assert_null (out);
    }
  {
    g_autofree char *out = NULL;

    g_assert_true (opora_group_parse_time ("  ", &out, NULL));
    g_assert_null (out);
  }
}

/* Group rules */

/* Saves @group expecting a refusal with @code naming @field; nothing changes. */
static void
assert_refused (Fixture    *f,
                OporaGroup *group,
                const char *field,
                int         code,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  const char *refused_field = NULL;
  gint64 id = opora_group_get_id (group);

  g_assert_false (opora_group_validate (group, &refused_field, NULL, &error));
  g_assert_error (error, OPORA_ERROR, code);
  g_assert_cmpstr (refused_field, ==, field);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, in_message);

  g_assert_false (opora_store_save_group (f->store, group, &save_error));
  g_assert_error (save_error, OPORA_ERROR, code);
  g_assert_cmpstr (save_error->message, ==, error->message);
  g_assert_cmpint (opora_group_get_id (group), ==, id);
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
assert_saved (Fixture    *f,
              OporaGroup *group)
{
  g_autoptr(GError) error = NULL;

  opora_store_save_group (f->store, group, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opora_group_get_id (group), >, 0);
}

static void
test_training_duration (Fixture       *f,
                        gconstpointer  data)
{
  OporaGroupKind kinds[] = { OPORA_GROUP_KIND_AGENT_TRAINING, OPORA_GROUP_KIND_PSYCH_TRAINING };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(OporaGroup) group = opora_group_new (kinds[k]);

      opora_group_set_duration (group, 59);
      assert_refused (f, group, "duration", OPORA_ERROR_INVALID_VALUE, "60");
      opora_group_set_duration (group, 91);
      assert_refused (f, group, "duration", OPORA_ERROR_INVALID_VALUE, "90");
      opora_group_set_duration (group, 60);
      assert_saved (f, group);
      opora_group_set_duration (group, 90);
      assert_saved (f, group);
      /* Not known yet is not refused. */
      opora_group_set_duration (group, 0);
      assert_saved (f, group);
    }

  /* A peer meeting has no length set by the seed. */
  {
    g_autoptr(OporaGroup) meeting = opora_group_new (OPORA_GROUP_KIND_PEER_MEETING);
    g_autoptr(OporaGroup) loaded = NULL;

    opora_group_set_duration (meeting, 120);
    assert_saved (f, meeting);
    loaded = opora_store_load_group (f->store, opora_group_get_id (meeting), NULL);
    g_assert_cmpuint (opora_group_get_duration (loaded), ==, 120);
  }
  g_assert_cmpuint (count_rows (f->store, "group_activity"), ==, 3);
}

static void
test_training_size (Fixture       *f,
                    gconstpointer  data)
{
  gint64 persons[13];
  g_autoptr(OporaGroup) agents = opora_group_new (OPORA_GROUP_KIND_AGENT_TRAINING);
  g_autoptr(OporaGroup) lift = opora_group_new (OPORA_GROUP_KIND_PSYCH_TRAINING);
  g_autoptr(OporaGroup) loaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (persons); i++)
    {
      g_autofree char *surname = g_strdup_printf ("Участник%02u", i);
      persons[i] = add_person (f->store, surname, "Анна");
    }

  for (guint i = 0; i < 5; i++)
    member (agents, persons[i], OPORA_MEMBER_ROLE_PARTICIPANT);
  assert_saved (f, agents);
  member (agents, persons[5], OPORA_MEMBER_ROLE_PARTICIPANT);
  assert_refused (f, agents, "members", OPORA_ERROR_INVALID_VALUE, "5");
  loaded = opora_store_load_group (f->store, opora_group_get_id (agents), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (opora_group_get_members (loaded)), ==, 5);

  for (guint i = 0; i < 12; i++)
    member (lift, persons[i], OPORA_MEMBER_ROLE_PARTICIPANT);
  assert_saved (f, lift);
  member (lift, persons[12], OPORA_MEMBER_ROLE_PARTICIPANT);
  assert_refused (f, lift, "members", OPORA_ERROR_INVALID_VALUE, "12");

  /* A peer meeting has no size limit; a training has no peers; nobody comes twice. */
  {
    g_autoptr(OporaGroup) meeting = opora_group_new (OPORA_GROUP_KIND_PEER_MEETING);
    g_autoptr(OporaGroup) training = opora_group_new (OPORA_GROUP_KIND_PSYCH_TRAINING);

    for (guint i = 0; i < G_N_ELEMENTS (persons); i++)
      member (meeting, persons[i], i == 0 ? OPORA_MEMBER_ROLE_PEER
                                          : OPORA_MEMBER_ROLE_PARTICIPANT);
    assert_saved (f, meeting);
    member (meeting, persons[3], OPORA_MEMBER_ROLE_PARTICIPANT);
    assert_refused (f, meeting, "members", OPORA_ERROR_DUPLICATE, NULL);

    member (training, persons[0], OPORA_MEMBER_ROLE_PEER);
    assert_refused (f, training, "members", OPORA_ERROR_INVALID_VALUE, NULL);
  }
}

static void
test_meeting_rules (Fixture       *f,
                    gconstpointer  data)
{
  gint64 peer = add_person (f->store, "Равная", "Вера");
  gint64 participant = add_person (f->store, "Участница", "Ольга");
  g_autoptr(OporaGroup) group = opora_group_new (OPORA_GROUP_KIND_PEER_MEETING);
  g_autoptr(OporaGroup) loaded = NULL;
  OporaGroupMember *receiver;
  g_autofree char *today = opora_date_today_iso ();
  gint64 facilitator = add_psychologist (f->store);

  /* A new group is formed today; the kind is required. */
  g_assert_cmpstr (opora_group_get_formed_on (group), ==, today);
  opora_group_set_kind (group, OPORA_GROUP_KIND_NONE);
  assert_refused (f, group, "kind", OPORA_ERROR_REQUIRED, NULL);
  opora_group_set_kind (group, OPORA_GROUP_KIND_PEER_MEETING);

  /* The meeting is not before the group was formed: the same day is fine. */
  opora_group_set_formed_on (group, "2024-03-10");
  opora_group_set_meeting_on (group, "2024-03-09");
  assert_refused (f, group, "meeting-on", OPORA_ERROR_DATE_ORDER, "09.03.2024");
  opora_group_set_meeting_on (group, "2024-03-10");
  opora_group_set_start_time (group, "25:00");
  assert_refused (f, group, "start-time", OPORA_ERROR_INVALID_VALUE, NULL);
  opora_group_set_start_time (group, "18:30");
  opora_group_set_facilitator_id (group, facilitator);
  opora_group_set_place (group, "Комната психологической разгрузки");

  /* Held: a date, then both sides. */
  opora_group_set_held (group, TRUE);
  opora_group_set_meeting_on (group, NULL);
  assert_refused (f, group, "meeting-on", OPORA_ERROR_REQUIRED, NULL);
  opora_group_set_meeting_on (group, "2024-03-10");
  assert_refused (f, group, "held", OPORA_ERROR_INVALID_VALUE, NULL);
  member (group, peer, OPORA_MEMBER_ROLE_PEER);
  assert_refused (f, group, "held", OPORA_ERROR_INVALID_VALUE, NULL);
  opora_group_set_held (group, FALSE);

  /* Attendance only once held. */
  receiver = member (group, participant, OPORA_MEMBER_ROLE_PARTICIPANT);
  opora_group_member_set_attendance (receiver, OPORA_ATTENDANCE_PRESENT);
  assert_refused (f, group, "attendance", OPORA_ERROR_INVALID_VALUE, NULL);
  opora_group_member_set_attendance (receiver, OPORA_ATTENDANCE_UNKNOWN);
  assert_saved (f, group);

  opora_group_set_held (group, TRUE);
  opora_group_member_set_attendance (receiver, OPORA_ATTENDANCE_PRESENT);
  opora_group_set_analysis (group, "Обе стороны активно обсуждали опыт.");
  assert_saved (f, group);

  loaded = opora_store_load_group (f->store, opora_group_get_id (group), NULL);
  g_assert_true (opora_group_get_held (loaded));
  g_assert_cmpstr (opora_group_get_meeting_on (loaded), ==, "2024-03-10");
  g_assert_cmpstr (opora_group_get_start_time (loaded), ==, "18:30");
  g_assert_cmpstr (opora_group_get_facilitator_name (loaded), ==, "Токарева Ольга Леонидовна");
  g_assert_cmpstr (opora_group_get_analysis (loaded), ==, "Обе стороны активно обсуждали опыт.");
  {
    g_autofree char *display = opora_group_dup_meeting_display (loaded);
    OporaGroupMember *first = g_list_model_get_item (opora_group_get_members (loaded), 0);
    OporaGroupMember *second = opora_group_find_member (loaded, participant);

    g_assert_cmpstr (display, ==, "10.03.2024, 18:30");
    /* Peers first; attendance as recorded, unknown for the peer. */
    g_assert_cmpint (opora_group_member_get_person_id (first), ==, peer);
    g_assert_cmpstr (opora_group_member_get_person_name (first), ==, "Равная Вера");
    g_assert_cmpint (opora_group_member_get_attendance (first), ==, OPORA_ATTENDANCE_UNKNOWN);
    g_assert_cmpint (opora_group_member_get_attendance (second), ==, OPORA_ATTENDANCE_PRESENT);
    g_assert_true (opora_group_member_is_attendee (second));
    g_assert_false (opora_group_member_is_attendee (first));
    g_object_unref (first);
  }
}

/* Follow-up calls */

static void
assert_call_refused (Fixture    *f,
                     gint64      group_id,
                     gint64      person_id,
                     const char *called_on,
                     int         code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;

  g_assert_false (save_call (f->store, group_id, person_id, called_on, &error));
  g_assert_error (error, OPORA_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_call_month_rule (Fixture       *f,
                      gconstpointer  data)
{
  gint64 peer = add_person (f->store, "Равная", "Вера");
  gint64 present = add_person (f->store, "Пришедшая", "Анна");
  gint64 absent = add_person (f->store, "Отсутствовавшая", "Инна");
  gint64 leap = held_meeting (f->store, "2024-01-31", peer, present, absent);
  gint64 plain = held_meeting (f->store, "2023-01-31", peer, present, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaFollowupCall) call = NULL;

  /* 31.01 + one calendar month is the month's last day: 29.02 in 2024, 28.02 in 2023. */
  assert_call_refused (f, leap, present, "2024-02-28", OPORA_ERROR_DATE_ORDER,
                       "Call no earlier than a month after the meeting: not before 29.02.2024");
  assert_call_refused (f, plain, present, "2023-02-27", OPORA_ERROR_DATE_ORDER,
                       "Call no earlier than a month after the meeting: not before 28.02.2023");
  g_assert_true (save_call (f->store, plain, present, "2023-02-28", &error));
  g_assert_no_error (error);
  g_assert_true (save_call (f->store, leap, present, "2024-02-29", &error));
  g_assert_no_error (error);

  /* Only attendees who came to receive help; once per meeting. */
  assert_call_refused (f, leap, absent, "2024-03-05", OPORA_ERROR_INVALID_VALUE, NULL);
  assert_call_refused (f, leap, peer, "2024-03-05", OPORA_ERROR_INVALID_VALUE, NULL);
  assert_call_refused (f, leap, present, "2024-03-05", OPORA_ERROR_DUPLICATE, NULL);
  assert_call_refused (f, leap + plain, present, "2024-03-05", OPORA_ERROR_NOT_FOUND, NULL);

  /* The recorded call reads back and can be changed, not moved too early. */
  call = opora_store_get_followup_call (f->store, leap, present, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opora_followup_call_get_id (call), >, 0);
  g_assert_cmpstr (opora_followup_call_get_called_on (call), ==, "2024-02-29");
  g_assert_cmpstr (opora_followup_call_get_meeting_on (call), ==, "2024-01-31");
  g_assert_cmpstr (opora_followup_call_get_person_name (call), ==, "Пришедшая Анна");
  opora_followup_call_set_situation (call, OPORA_SITUATION_UNCHANGED);
  opora_followup_call_set_satisfied (call, FALSE);
  opora_followup_call_set_note (call, "Работу ещё ищет");
  g_assert_true (opora_store_save_followup_call (f->store, call, &error));
  g_assert_no_error (error);
  opora_followup_call_set_called_on (call, "2024-02-20");
  g_assert_false (opora_store_save_followup_call (f->store, call, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER);
  g_clear_error (&error);
  g_clear_object (&call);
  call = opora_store_get_followup_call (f->store, leap, present, &error);
  g_assert_cmpstr (opora_followup_call_get_called_on (call), ==, "2024-02-29");
  g_assert_cmpint (opora_followup_call_get_situation (call), ==, OPORA_SITUATION_UNCHANGED);
  g_assert_false (opora_followup_call_get_satisfied (call));
  g_assert_cmpstr (opora_followup_call_get_note (call), ==, "Работу ещё ищет");
  g_assert_cmpuint (count_rows (f->store, "followup_call"), ==, 2);

  /* A situation is required; a meeting not held has no calls. */
  {
    g_autoptr(OporaFollowupCall) bare = opora_followup_call_new (plain, present);
    const char *field = NULL;

    opora_followup_call_set_called_on (bare, "2023-03-01");
    g_assert_false (opora_followup_call_validate (bare, &field, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
    g_assert_cmpstr (field, ==, "situation");
    g_clear_error (&error);
  }
  {
    g_autoptr(OporaGroup) planned = opora_group_new (OPORA_GROUP_KIND_PEER_MEETING);

    opora_group_set_meeting_on (planned, "2030-01-01");
    member (planned, present, OPORA_MEMBER_ROLE_PARTICIPANT);
    assert_saved (f, planned);
    assert_call_refused (f, opora_group_get_id (planned), present, "2030-03-01",
                         OPORA_ERROR_INVALID_VALUE, NULL);
  }
}

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

static void
test_calls_due_queue (Fixture       *f,
                      gconstpointer  data)
{
  gint64 peer = add_person (f->store, "Равная", "Вера");
  gint64 anna = add_person (f->store, "Акулова", "Анна");
  gint64 inna = add_person (f->store, "Белова", "Инна");
  gint64 olga = add_person (f->store, "Волкова", "Ольга");
  gint64 january, march;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GListModel) recorded = NULL;
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(OporaFollowupCall) first = NULL;
  g_autoptr(GError) error = NULL;
  OporaCallQuery query = { 0 };

  january = held_meeting (f->store, "2024-01-31", peer, anna, inna);
  march = held_meeting (f->store, "2024-03-15", peer, olga, 0);
  /* A meeting not held yet is no one's call. */
  {
    g_autoptr(OporaGroup) planned = opora_group_new (OPORA_GROUP_KIND_PEER_MEETING);

    opora_group_set_formed_on (planned, "2024-01-01");
    opora_group_set_meeting_on (planned, "2024-01-10");
    member (planned, inna, OPORA_MEMBER_ROLE_PARTICIPANT);
    assert_saved (f, planned);
  }

  due = opora_store_list_calls_due (f->store, "2024-02-28");
  g_assert_cmpuint (n_items (due), ==, 0);
  g_assert_cmpuint (opora_store_count_calls_due (f->store, "2024-02-28"), ==, 0);

  query.state = OPORA_CALLS_DUE;
  query.today = "2024-02-29";
  opora_followup_call_list_set_query (due, &query);
  g_assert_cmpuint (n_items (due), ==, 1);
  g_assert_cmpuint (opora_store_count_calls_due (f->store, "2024-02-29"), ==, 1);
  first = g_list_model_get_item (due, 0);
  g_assert_cmpint (opora_followup_call_get_person_id (first), ==, anna);
  g_assert_cmpint (opora_followup_call_get_group_id (first), ==, january);
  g_assert_cmpint (opora_followup_call_get_id (first), ==, 0);
  g_assert_cmpstr (opora_followup_call_get_phone (first), ==, "+7 912 345-67-89");
  g_assert_cmpstr (opora_followup_call_get_meeting_on (first), ==, "2024-01-31");
  {
    g_autofree char *due_on = opora_followup_call_dup_due_on (first);
    g_assert_cmpstr (due_on, ==, "2024-02-29");
  }

  /* Both, the longest waiting first; the search finds by name. */
  query.today = "2024-04-15";
  opora_followup_call_list_set_query (due, &query);
  g_assert_cmpuint (n_items (due), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (due, 0);
  g_assert_cmpint (opora_followup_call_get_person_id (first), ==, anna);
  query.search = "волк";
  opora_followup_call_list_set_query (due, &query);
  g_assert_cmpuint (n_items (due), ==, 1);
  query.search = NULL;
  query.sort = OPORA_CALL_SORT_NAME;
  query.descending = TRUE;
  opora_followup_call_list_set_query (due, &query);
  g_clear_object (&first);
  first = g_list_model_get_item (due, 0);
  g_assert_cmpint (opora_followup_call_get_person_id (first), ==, olga);
  query.sort = OPORA_CALL_SORT_MEETING;
  query.descending = FALSE;

  query.state = OPORA_CALLS_UPCOMING;
  query.today = "2024-02-29";
  upcoming = opora_store_list_followup_calls (f->store, &query);
  g_assert_cmpuint (n_items (upcoming), ==, 1);

  /* A recorded call leaves the queue (the list follows the store) and is listed as
   * recorded. */
  g_assert_true (save_call (f->store, january, anna, "2024-03-01", &error));
  g_assert_no_error (error);
  query.state = OPORA_CALLS_DUE;
  query.today = "2024-04-15";
  opora_followup_call_list_set_query (due, &query);
  g_assert_cmpuint (n_items (due), ==, 1);
  g_assert_cmpuint (opora_store_count_calls_due (f->store, "2024-04-15"), ==, 1);
  query.state = OPORA_CALLS_RECORDED;
  recorded = opora_store_list_followup_calls (f->store, &query);
  g_assert_cmpuint (n_items (recorded), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (recorded, 0);
  g_assert_cmpint (opora_followup_call_get_id (first), >, 0);
  g_assert_cmpint (opora_followup_call_get_situation (first), ==, OPORA_SITUATION_BETTER);

  g_assert_true (save_call (f->store, march, olga, "2024-04-15", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (due), ==, 0);
  g_assert_cmpuint (n_items (recorded), ==, 2);
}

static void
test_attendance_keeps_calls (Fixture       *f,
                             gconstpointer  data)
{
  gint64 peer = add_person (f->store, "Равная", "Вера");
  gint64 anna = add_person (f->store, "Акулова", "Анна");
  gint64 inna = add_person (f->store, "Белова", "Инна");
  gint64 id = held_meeting (f->store, "2024-01-31", peer, anna, inna);
  g_autoptr(OporaGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (save_call (f->store, id, anna, "2024-02-29", &error));
  g_assert_no_error (error);
  group = opora_store_load_group (f->store, id, &error);
  g_assert_cmpuint (opora_group_count_members (group, OPORA_MEMBER_ROLE_PARTICIPANT), ==, 2);
  before = dump (f->store);

  /* Who has a recorded call stays an attendee of the held meeting… */
  opora_group_member_set_attendance (opora_group_find_member (group, anna),
                                     OPORA_ATTENDANCE_ABSENT);
  g_assert_false (opora_store_save_group (f->store, group, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE);
  g_clear_error (&error);
  opora_group_member_set_attendance (opora_group_find_member (group, anna),
                                     OPORA_ATTENDANCE_PRESENT);
  opora_group_remove_member (group, opora_group_find_member (group, anna));
  g_assert_false (opora_store_save_group (f->store, group, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE);
  g_clear_error (&error);
  g_clear_object (&group);

  /* … and the meeting cannot move so the call comes too early. */
  group = opora_store_load_group (f->store, id, NULL);
  opora_group_set_meeting_on (group, "2024-02-01");
  g_assert_false (opora_store_save_group (f->store, group, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==,
                   "The follow-up call to Акулова Анна on 29.02.2024 would be earlier than a "
                   "month after the meeting: the meeting may be on 31.01.2024 at the latest");
  g_clear_error (&error);
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);

  /* Others' attendance changes freely; a member without a call may leave; the meeting
   * may move as long as the call stays a month after it. */
  opora_group_set_meeting_on (group, "2024-01-29");
  g_assert_false (opora_store_save_group (f->store, group, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER); /* before it was formed */
  g_clear_error (&error);
  opora_group_set_meeting_on (group, "2024-01-30");
  opora_group_set_formed_on (group, "2024-01-29");
  opora_group_member_set_attendance (opora_group_find_member (group, inna),
                                     OPORA_ATTENDANCE_PRESENT);
  assert_saved (f, group);
  g_clear_object (&group);
  group = opora_store_load_group (f->store, id, NULL);
  g_assert_true (opora_group_member_is_attendee (opora_group_find_member (group, inna)));
  opora_group_remove_member (group, opora_group_find_member (group, inna));
  assert_saved (f, group);
  g_assert_cmpuint (count_rows (f->store, "group_member"), ==, 2);
}

static void
test_group_delete_undo (Fixture       *f,
                        gconstpointer  data)
{
  gint64 peer = add_person (f->store, "Равная", "Вера");
  gint64 anna = add_person (f->store, "Акулова", "Анна");
  gint64 inna = add_person (f->store, "Белова", "Инна");
  gint64 id = held_meeting (f->store, "2024-01-31", peer, anna, inna);
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autoptr(GListModel) groups = opora_store_list_groups (f->store, NULL);
  g_autoptr(OporaGroup) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (save_call (f->store, id, anna, "2024-03-01", &error));
  g_assert_no_error (error);
  before = dump (f->store);
  g_assert_cmpuint (n_items (groups), ==, 1);

  deletion = opora_store_delete_record (f->store, "group_activity", id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (opora_deletion_get_n_records (deletion), ==, 5);
  g_assert_cmpuint (n_items (groups), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "group_member"), ==, 0);
  g_assert_cmpuint (count_rows (f->store, "followup_call"), ==, 0);

  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (groups), ==, 1);
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);
  back = opora_store_load_group (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (opora_group_member_is_attendee (opora_group_find_member (back, anna)));
  g_assert_cmpint (opora_group_member_get_attendance (opora_group_find_member (back, inna)), ==,
                   OPORA_ATTENDANCE_ABSENT);
}

static void
test_groups_list (Fixture       *f,
                  gconstpointer  data)
{
  gint64 peer = add_person (f->store, "Равная", "Вера");
  gint64 anna = add_person (f->store, "Акулова", "Анна");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(OporaGroup) training = opora_group_new (OPORA_GROUP_KIND_PSYCH_TRAINING);
  g_autoptr(OporaGroup) first = NULL;
  OporaGroupQuery query = { 0 };

  held_meeting (f->store, "2024-01-31", peer, anna, 0);
  opora_group_set_title (training, "Тренинг «Уверенность в себе»");
  opora_group_set_place (training, "Музыкальный зал");
  opora_group_set_meeting_on (training, "2030-05-01");
  assert_saved (f, training);

  list = opora_store_list_groups (f->store, NULL);
  g_assert_cmpuint (n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (opora_group_get_kind (first), ==, OPORA_GROUP_KIND_PEER_MEETING);
  g_assert_cmpuint (g_list_model_get_n_items (opora_group_get_members (first)), ==, 2);

  query.kind = OPORA_GROUP_KIND_PSYCH_TRAINING;
  opora_group_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 1);
  query.kind = OPORA_GROUP_KIND_NONE;
  query.state = OPORA_GROUP_STATE_HELD;
  opora_group_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 1);
  query.state = OPORA_GROUP_STATE_ANY;
  query.search = "МУЗЫКАЛЬНЫЙ";
  opora_group_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 1);
  query.search = "акул";
  opora_group_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (opora_group_get_kind (first), ==, OPORA_GROUP_KIND_PEER_MEETING);
  query.search = NULL;
  query.sort = OPORA_GROUP_SORT_MEETING;
  query.descending = TRUE;
  opora_group_list_set_query (list, &query);
  g_clear_object (&first);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (opora_group_get_kind (first), ==, OPORA_GROUP_KIND_PSYCH_TRAINING);
  g_assert_cmpint (opora_group_sort_from_key ("title"), ==, OPORA_GROUP_SORT_TITLE);
}

/* Survey responses to the seed survey, through the records interface. */

typedef struct
{
  const char *code;
  gint64      template_id;
  gint64      id;
} Lookup;

static gboolean
find_template_cb (const char  *table,
                  GVariant    *record,
                  gpointer     user_data,
                  GError     **error)
{
  Lookup *lookup = user_data;
  const char *code = NULL;

  if (g_variant_lookup (record, "code", "&s", &code) && g_strcmp0 (code, lookup->code) == 0)
    g_variant_lookup (record, "id", "x", &lookup->id);
  return TRUE;
}

static gboolean
find_question_cb (const char  *table,
                  GVariant    *record,
                  gpointer     user_data,
                  GError     **error)
{
  Lookup *lookup = user_data;
  const char *code = NULL;
  gint64 template_id = 0;
  gint64 retired = 0;

  g_variant_lookup (record, "template_id", "x", &template_id);
  g_variant_lookup (record, "retired", "x", &retired);
  if (template_id == lookup->template_id && retired == 0
      && g_variant_lookup (record, "code", "&s", &code) && g_strcmp0 (code, lookup->code) == 0)
    g_variant_lookup (record, "id", "x", &lookup->id);
  return TRUE;
}

static void
insert (OporaStore *store,
        const char *table,
        GVariant   *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = g_variant_ref_sink (record);

  g_assert_true (opora_store_insert_record (store, table, owned, &error));
  g_assert_no_error (error);
}

/* The seed survey's template and question ids, made when the database has none. */
static gint64
survey_question (OporaStore *store,
                 const char *template_code,
                 const char *question_code,
                 gint64     *template_id)
{
  Lookup template = { template_code, 0, 0 };
  Lookup question = { question_code, 0, 0 };
  static gint64 next_id = 900;

  opora_store_foreach_record (store, "survey_template", find_template_cb, &template, NULL);
  if (template.id == 0)
    {
      template.id = ++next_id;
      insert (store, "survey_template",
              g_variant_new_parsed ("{'id': <%x>, 'code': <%s>, 'title': <'Анкета'>}",
                                    template.id, template_code));
    }
  question.template_id = template.id;
  opora_store_foreach_record (store, "survey_question", find_question_cb, &question, NULL);
  if (question.id == 0)
    {
      question.id = ++next_id;
      insert (store, "survey_question",
              g_variant_new_parsed ("{'id': <%x>, 'template_id': <%x>, 'position': <%x>,"
                                    " 'code': <%s>, 'kind': <'yes_no'>, 'text': <'Вопрос?'>}",
                                    question.id, template.id,
                                    (gint64) (question_code[1] - '0'), question_code));
    }
  *template_id = template.id;
  return question.id;
}

static void
respond (OporaStore *store,
         const char *template_code,
         gint64      person_id,
         const char *date,
         const char *q1,
         const char *q2)
{
  static gint64 next_response = 5000;
  gint64 template_id = 0;
  gint64 question1 = survey_question (store, template_code, "q1", &template_id);
  gint64 question2 = survey_question (store, template_code, "q2", &template_id);
  gint64 id = ++next_response;

  insert (store, "survey_response",
          g_variant_new_parsed ("{'id': <%x>, 'template_id': <%x>, 'person_id': <%x>,"
                                " 'responded_on': <%s>}", id, template_id, person_id, date));
  insert (store, "survey_answer",
          g_variant_new_parsed ("{'response_id': <%x>, 'question_id': <%x>, 'value': <%s>}",
                                id, question1, q1));
  insert (store, "survey_answer",
          g_variant_new_parsed ("{'response_id': <%x>, 'question_id': <%x>, 'value': <%s>}",
                                id, question2, q2));
}

static gint64
mark (OporaStore *store,
      gint64      person_id,
      const char *date)
{
  g_autoptr(OporaPeerWish) wish = opora_peer_wish_new ();
  g_autoptr(GError) error = NULL;

  opora_peer_wish_set_person_id (wish, person_id);
  opora_peer_wish_set_marked_on (wish, date);
  opora_peer_wish_set_note (wish, "Просила на приёме");
  g_assert_true (opora_store_save_peer_wish (store, wish, &error));
  g_assert_no_error (error);
  return opora_peer_wish_get_id (wish);
}

static OporaPeerWish *
wish_of (GListModel *list,
         gint64      person_id)
{
  for (guint i = 0; i < n_items (list); i++)
    {
      g_autoptr(OporaPeerWish) wish = g_list_model_get_item (list, i);

      if (opora_peer_wish_get_person_id (wish) == person_id)
        return g_steal_pointer (&wish);
    }
  return NULL;
}

static void
test_wishes_union (Fixture       *f,
                   gconstpointer  data)
{
  gint64 anna = add_person (f->store, "Акулова", "Анна");     /* Q2 yes */
  gint64 bella = add_person (f->store, "Белова", "Белла");    /* by hand */
  gint64 vera = add_person (f->store, "Волкова", "Вера");     /* both */
  gint64 galina = add_person (f->store, "Глебова", "Галина"); /* Q2 no */
  gint64 dina = add_person (f->store, "Дёмина", "Дина");      /* Q1 yes, Q2 no */
  gint64 eva = add_person (f->store, "Егорова", "Ева");       /* yes to another survey */
  g_autoptr(GListModel) list = NULL;
  g_autoptr(OporaPeerWish) wish = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaDeletion) unmarked = NULL;
  OporaWishQuery query = { 0 };
  gint64 bella_mark, vera_mark;

  respond (f->store, "peer_consent", anna, "2024-03-01", "no", "yes");
  respond (f->store, "peer_consent", anna, "2024-05-01", "no", "yes");
  respond (f->store, "peer_consent", vera, "2024-04-01", "yes", "yes");
  respond (f->store, "peer_consent", galina, "2024-03-01", "yes", "no");
  respond (f->store, "peer_consent", dina, "2024-03-01", "yes", "no");
  respond (f->store, "other_survey", eva, "2024-03-01", "yes", "yes");
  bella_mark = mark (f->store, bella, "2024-02-01");
  vera_mark = mark (f->store, vera, "2024-01-15");

  list = opora_store_list_peer_wishes (f->store, NULL);
  g_assert_cmpuint (n_items (list), ==, 3);
  wish = wish_of (list, anna);
  g_assert_cmpint (opora_peer_wish_get_source (wish), ==, OPORA_WISH_SOURCE_SURVEY);
  g_assert_cmpstr (opora_peer_wish_get_surveyed_on (wish), ==, "2024-03-01");
  g_assert_cmpstr (opora_peer_wish_get_since (wish), ==, "2024-03-01");
  g_assert_cmpint (opora_peer_wish_get_id (wish), ==, 0);
  g_clear_object (&wish);
  wish = wish_of (list, bella);
  g_assert_cmpint (opora_peer_wish_get_source (wish), ==, OPORA_WISH_SOURCE_HAND);
  g_assert_cmpint (opora_peer_wish_get_id (wish), ==, bella_mark);
  g_assert_cmpstr (opora_peer_wish_get_note (wish), ==, "Просила на приёме");
  g_clear_object (&wish);
  wish = wish_of (list, vera);
  g_assert_cmpint (opora_peer_wish_get_source (wish), ==, OPORA_WISH_SOURCE_BOTH);
  g_assert_cmpstr (opora_peer_wish_get_since (wish), ==, "2024-01-15");
  g_clear_object (&wish);
  g_assert_null (wish_of (list, galina));
  g_assert_null (wish_of (list, dina));
  g_assert_null (wish_of (list, eva));

  query.filter = OPORA_WISH_FILTER_HAND;
  opora_peer_wish_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 2);
  query.filter = OPORA_WISH_FILTER_SURVEY;
  opora_peer_wish_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 2);
  query.filter = OPORA_WISH_FILTER_ANY;
  query.sort = OPORA_WISH_SORT_SINCE;
  opora_peer_wish_list_set_query (list, &query);
  wish = g_list_model_get_item (list, 0);
  g_assert_cmpint (opora_peer_wish_get_person_id (wish), ==, vera);
  g_clear_object (&wish);
  wish = g_list_model_get_item (list, 2);
  g_assert_cmpint (opora_peer_wish_get_person_id (wish), ==, anna);
  g_clear_object (&wish);
  query.search = "бел";
  opora_peer_wish_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 1);
  query.search = NULL;
  opora_peer_wish_list_set_query (list, &query);

  /* One hand mark per person. */
  {
    g_autoptr(OporaPeerWish) again = opora_peer_wish_new ();
    g_autofree char *before = dump (f->store);
    g_autofree char *after = NULL;

    opora_peer_wish_set_person_id (again, bella);
    opora_peer_wish_set_marked_on (again, "2024-06-01");
    g_assert_false (opora_store_save_peer_wish (f->store, again, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE);
    g_clear_error (&error);
    opora_peer_wish_set_person_id (again, 0);
    g_assert_false (opora_store_save_peer_wish (f->store, again, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
    g_clear_error (&error);
    after = dump (f->store);
    g_assert_cmpstr (after, ==, before);
  }

  /* Unmarking keeps a person the survey names; Undo marks again. */
  unmarked = opora_store_delete_record (f->store, "peer_wish", vera_mark, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 3);
  wish = wish_of (list, vera);
  g_assert_cmpint (opora_peer_wish_get_source (wish), ==, OPORA_WISH_SOURCE_SURVEY);
  g_clear_object (&wish);
  g_assert_true (opora_store_undo_deletion (f->store, unmarked, &error));
  g_assert_no_error (error);
  wish = wish_of (list, vera);
  g_assert_cmpint (opora_peer_wish_get_source (wish), ==, OPORA_WISH_SOURCE_BOTH);
  g_clear_object (&wish);
  g_clear_pointer (&unmarked, opora_deletion_free);
  unmarked = opora_store_delete_record (f->store, "peer_wish", bella_mark, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 2);
  g_assert_null (wish_of (list, bella));
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  gint64 anna = add_person (f->store, "Акулова", "Анна");
  gint64 bella = add_person (f->store, "Белова", "Белла");
  g_autoptr(OporaPeerRegisterEntry) entry = opora_peer_register_entry_new ();
  g_autoptr(OporaPeerRegisterEntry) second = opora_peer_register_entry_new ();
  g_autoptr(OporaPeerRegisterEntry) loaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaDeletion) deletion = NULL;
  OporaPeerQuery query = { 0 };
  const char *field = NULL;

  g_assert_false (opora_store_save_peer (f->store, entry, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  opora_peer_register_entry_set_person_id (entry, anna);
  g_assert_false (opora_peer_register_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "consent-on");
  g_clear_error (&error);
  opora_peer_register_entry_set_consent_on (entry, "2024-02-10");
  opora_peer_register_entry_set_experience (entry, "Открыла ИП, вышла из долгов");
  g_assert_true (opora_store_save_peer (f->store, entry, &error));
  g_assert_no_error (error);

  opora_peer_register_entry_set_person_id (second, anna);
  opora_peer_register_entry_set_consent_on (second, "2024-03-01");
  g_assert_false (opora_store_save_peer (f->store, second, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Акулова Анна"));
  g_clear_error (&error);
  opora_peer_register_entry_set_person_id (second, bella);
  opora_peer_register_entry_set_experience (second, "Нашла работу через центр занятости");
  g_assert_true (opora_store_save_peer (f->store, second, &error));
  g_assert_no_error (error);

  loaded = opora_store_load_peer (f->store, opora_peer_register_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_peer_register_entry_get_person_name (loaded), ==, "Акулова Анна");
  g_assert_cmpstr (opora_peer_register_entry_get_experience (loaded), ==,
                   "Открыла ИП, вышла из долгов");

  list = opora_store_list_peers (f->store, NULL);
  g_assert_cmpuint (n_items (list), ==, 2);
  query.search = "ЦЕНТР занятости";
  opora_peer_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 1);
  query.search = "акул";
  opora_peer_list_set_query (list, &query);
  g_assert_cmpuint (n_items (list), ==, 1);
  query.search = NULL;
  query.sort = OPORA_PEER_SORT_CONSENT;
  query.descending = TRUE;
  opora_peer_list_set_query (list, &query);
  {
    g_autoptr(OporaPeerRegisterEntry) newest = g_list_model_get_item (list, 0);
    g_assert_cmpint (opora_peer_register_entry_get_person_id (newest), ==, bella);
  }

  /* Offered to groups as peers, with their experience. */
  {
    g_autoptr(GListModel) peers = opora_store_list_group_candidates (f->store,
                                                                     OPORA_CANDIDATES_PEERS, NULL);
    g_autoptr(GListModel) everyone = opora_store_list_group_candidates (
                                       f->store, OPORA_CANDIDATES_EVERYONE, "бел");
    g_autoptr(OporaGroupMember) first = NULL;

    g_assert_cmpuint (n_items (peers), ==, 2);
    first = g_list_model_get_item (peers, 0);
    g_assert_cmpint (opora_group_member_get_person_id (first), ==, anna);
    g_assert_cmpint (opora_group_member_get_role (first), ==, OPORA_MEMBER_ROLE_PEER);
    g_assert_nonnull (strstr (opora_group_member_get_detail (first), "вышла из долгов"));
    g_clear_object (&first);
    g_assert_cmpuint (n_items (everyone), ==, 1);
    first = g_list_model_get_item (everyone, 0);
    g_assert_cmpint (opora_group_member_get_role (first), ==, OPORA_MEMBER_ROLE_PARTICIPANT);
    opora_group_candidates_set_search (everyone, NULL);
    g_assert_cmpuint (n_items (everyone), ==, 2);
  }

  deletion = opora_store_delete_record (f->store, "peer_register",
                                        opora_peer_register_entry_get_id (entry), &error);
  g_assert_no_error (error);
  opora_peer_list_set_query (list, NULL);
  g_assert_cmpuint (n_items (list), ==, 1);
  g_assert_true (opora_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 2);
}

static void
test_wishing_candidates (Fixture       *f,
                         gconstpointer  data)
{
  gint64 anna = add_person (f->store, "Акулова", "Анна");
  g_autoptr(GListModel) wishing = NULL;
  g_autoptr(OporaGroupMember) first = NULL;

  add_person (f->store, "Белова", "Белла");
  respond (f->store, "peer_consent", anna, "2024-03-01", "no", "yes");
  wishing = opora_store_list_group_candidates (f->store, OPORA_CANDIDATES_WISHING, NULL);
  g_assert_cmpuint (n_items (wishing), ==, 1);
  first = g_list_model_get_item (wishing, 0);
  g_assert_cmpint (opora_group_member_get_person_id (first), ==, anna);
  g_assert_cmpint (opora_group_member_get_role (first), ==, OPORA_MEMBER_ROLE_PARTICIPANT);
  g_assert_nonnull (strstr (opora_group_member_get_detail (first), "01.03.2024"));
}

/* Everything of the peer workflow survives export and import. */
static void
test_interchange_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  gint64 peer = add_person (f->store, "Равная", "Вера");
  gint64 anna = add_person (f->store, "Акулова", "Анна");
  gint64 inna = add_person (f->store, "Белова", "Инна");
  gint64 id = held_meeting (f->store, "2024-01-31", peer, anna, inna);
  g_autoptr(OporaPeerRegisterEntry) entry = opora_peer_register_entry_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStore) copy = NULL;
  g_autoptr(OporaGroup) group = NULL;
  g_autoptr(OporaFollowupCall) call = NULL;
  g_autofree char *copy_dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GListModel) wishes = NULL;

  g_assert_true (save_call (f->store, id, anna, "2024-03-04", &error));
  g_assert_no_error (error);
  opora_peer_register_entry_set_person_id (entry, peer);
  opora_peer_register_entry_set_consent_on (entry, "2023-12-01");
  opora_peer_register_entry_set_experience (entry, "Переобучилась и трудоустроилась");
  g_assert_true (opora_store_save_peer (f->store, entry, &error));
  mark (f->store, inna, "2024-01-10");
  respond (f->store, "peer_consent", anna, "2024-01-05", "yes", "yes");
  before = dump (f->store);

  g_assert_true (opora_interchange_export (f->store, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  in = g_memory_input_stream_new_from_bytes (
         g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out)));
  copy = opora_test_open_store (&copy_dir);
  g_assert_true (opora_interchange_import (copy, in, NULL, &error));
  g_assert_no_error (error);

  after = dump (copy);
  g_assert_cmpstr (after, ==, before);
  group = opora_store_load_group (copy, id, &error);
  g_assert_no_error (error);
  g_assert_true (opora_group_get_held (group));
  g_assert_cmpint (opora_group_member_get_role (opora_group_find_member (group, peer)), ==,
                   OPORA_MEMBER_ROLE_PEER);
  g_assert_true (opora_group_member_is_attendee (opora_group_find_member (group, anna)));
  g_assert_cmpint (opora_group_member_get_attendance (opora_group_find_member (group, inna)), ==,
                   OPORA_ATTENDANCE_ABSENT);
  call = opora_store_get_followup_call (copy, id, anna, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_followup_call_get_called_on (call), ==, "2024-03-04");
  wishes = opora_store_list_peer_wishes (copy, NULL);
  g_assert_cmpuint (n_items (wishes), ==, 2);

  g_clear_object (&copy);
  opora_test_rm_rf (copy_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/peer/due-dates", test_due_dates);
  g_test_add_func ("/peer/parse-time", test_parse_time);
#define ADD(path, func) \
  g_test_add ("/peer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("group/training-duration", test_training_duration);
  ADD ("group/training-size", test_training_size);
  ADD ("group/meeting-rules", test_meeting_rules);
  ADD ("group/attendance-keeps-calls", test_attendance_keeps_calls);
  ADD ("group/delete-undo", test_group_delete_undo);
  ADD ("group/list", test_groups_list);
  ADD ("calls/month-rule", test_call_month_rule);
  ADD ("calls/due-queue", test_calls_due_queue);
  ADD ("wishes/union", test_wishes_union);
  ADD ("wishes/candidates", test_wishing_candidates);
  ADD ("register", test_register);
  ADD ("interchange-round-trip", test_interchange_round_trip);
#undef ADD

  return g_test_run ();
}
