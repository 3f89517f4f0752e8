#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-group.h"
#include "opora-list-model.h"
#include "opora-person.h"
#include "opora-store-peer-private.h"
#include "opora-store-peer.h"
#include "opora-store-private.h"
#include "opora-store-search.h"

/* Follow-up calls after peer meetings and their work queue. A row of the lists is an
 * attendee of a held peer meeting — a group member — with the call recorded or not, so
 * its key is the member row's rowid (group_member's key has two columns); on a server it
 * would be a surrogate key of group_member. Whether a call is due is decided on the
 * meeting date, which keeps the index on (kind, held, meeting_on) useful: the calls due by
 * a day are those of the meetings up to opora_followup_call_last_meeting_due_by (day). */

#define CALL_SELECT_SQL                                                                 \
  "SELECT m.group_id, m.person_id, " OPORA_PERSON_FULL_NAME_SQL ("p") ", p.phone,"     \
  "  g.title, g.meeting_on, c.id, c.called_on, c.situation, c.satisfied, c.note,"       \
  "  g.kind, g.held, m.role, m.attended"                                                \
  " FROM group_member m"                                                                \
  " JOIN group_activity g ON g.id = m.group_id"                                         \
  " JOIN person p ON p.id = m.person_id"                                                \
  " LEFT JOIN followup_call c ON c.group_id = m.group_id AND c.person_id = m.person_id"

static const char call_row_sql[] = CALL_SELECT_SQL " WHERE m.rowid = ?";

static const char * const call_tables[] = {
  "group_activity", "group_member", "followup_call", "person", NULL
};

/* An attendee: a participant who attended a held peer meeting. */
#define ATTENDEE_SQL                                                                     \
  "g.kind = 'peer_meeting' AND g.held = 1 AND m.role = 'participant' AND m.attended = 1"

typedef struct
{
  const char *key;
  const char *forward;
  const char *backward;
} SortOrder;

/* Indexed by OporaCallSort. */
static const SortOrder call_orders[] = {
  { "meeting", "g.meeting_on, p.surname, p.name, m.rowid",
    "g.meeting_on DESC, p.surname DESC, p.name DESC, m.rowid DESC" },
  { "name", "p.surname, p.name, p.patronymic, g.meeting_on, m.rowid",
    "p.surname DESC, p.name DESC, p.patronymic DESC, g.meeting_on DESC, m.rowid DESC" },
  { "called", "c.called_on, g.meeting_on, m.rowid",
    "c.called_on DESC, g.meeting_on DESC, m.rowid DESC" },
};

static GObject *
read_call (sqlite3_stmt *stmt)
{
  OporaFollowupCall *call = opora_followup_call_new (sqlite3_column_int64 (stmt, 0),
                                                     sqlite3_column_int64 (stmt, 1));
  g_autofree char *name = opora_stmt_dup_text (stmt, 2);
  g_autofree char *phone = opora_stmt_dup_text (stmt, 3);
  g_autofree char *shown_phone = opora_person_format_phone (phone);
  g_autofree char *title = opora_stmt_dup_text (stmt, 4);
  g_autofree char *meeting_on = opora_stmt_dup_text (stmt, 5);
  g_autofree char *called_on = opora_stmt_dup_text (stmt, 7);
  g_autofree char *situation = opora_stmt_dup_text (stmt, 8);
  g_autofree char *note = opora_stmt_dup_text (stmt, 10);
  OporaSituation kind_of_change = OPORA_SITUATION_NONE;

  opora_followup_call_set_person_name (call, name);
  opora_followup_call_set_phone (call, shown_phone);
  opora_followup_call_set_group_title (call, title ? title
                                       : opora_group_kind_display_name (
                                           OPORA_GROUP_KIND_PEER_MEETING));
  opora_followup_call_set_meeting_on (call, meeting_on);
  opora_followup_call_set_called_on (call, called_on);
  if (situation != NULL && opora_situation_from_string (situation, &kind_of_change))
    opora_followup_call_set_situation (call, kind_of_change);
  opora_followup_call_set_satisfied (call, sqlite3_column_int (stmt, 9) != 0);
  opora_followup_call_set_note (call, note);
  opora_followup_call_set_id (call, sqlite3_column_int64 (stmt, 6));
  return G_OBJECT (call);
}

OporaCallSort
opora_call_sort_from_key (const char *sort_key)
{
  for (guint i = 0; i < G_N_ELEMENTS (call_orders); i++)
    if (g_strcmp0 (sort_key, call_orders[i].key) == 0)
      return (OporaCallSort) i;
  return OPORA_CALL_SORT_MEETING;
}

/* "FROM … WHERE …" for @query, its parameters appended to @params. */
static char *
build_call_where (const OporaCallQuery *query,
                  gboolean              with_person,
                  GPtrArray            *params)
{
  /* A count needs no person: looking up each attendee among three million persons
   * cost the calls-due badge a second on the million-contract demo. */
  GString *where = g_string_new ("FROM group_member m"
                                 " JOIN group_activity g ON g.id = m.group_id");
  g_autofree char *today = NULL;
  g_autofree char *last_meeting = NULL;
  g_autofree char *match = NULL;

  if (with_person)
    g_string_append (where, " JOIN person p ON p.id = m.person_id");
  g_string_append (where, " LEFT JOIN followup_call c ON c.group_id = m.group_id"
                          "   AND c.person_id = m.person_id"
                          " WHERE " ATTENDEE_SQL);
  if (query->state == OPORA_CALLS_RECORDED)
    g_string_append (where, " AND c.id IS NOT NULL");
  else
    {
      today = query->today ? g_strdup (query->today) : opora_date_today_iso ();
      last_meeting = opora_followup_call_last_meeting_due_by (today);
      g_return_val_if_fail (last_meeting != NULL, g_string_free (where, FALSE));
      g_string_append_printf (where, " AND c.id IS NULL AND g.meeting_on %s ?",
                              query->state == OPORA_CALLS_DUE ? "<=" : ">");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (last_meeting)));
    }

  match = opora_search_person_match (query->search);
  if (match != NULL)
    {
      g_string_append (where, " AND m.person_id IN (SELECT rowid FROM person_search"
                              " WHERE person_search MATCH ?)");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (match)));
    }
  return g_string_free (where, FALSE);
}

GListModel *
opora_store_list_followup_calls (OporaStore           *self,
                                 const OporaCallQuery *query)
{
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_FOLLOWUP_CALL, call_row_sql, read_call,
                               call_tables);
  opora_followup_call_list_set_query (G_LIST_MODEL (list), query);
  return G_LIST_MODEL (list);
}

void
opora_followup_call_list_set_query (GListModel           *list,
                                    const OporaCallQuery *query)
{
  static const OporaCallQuery due = { 0 };
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *where = NULL;
  const SortOrder *order;

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));
  g_return_if_fail (g_list_model_get_item_type (list) == OPORA_TYPE_FOLLOWUP_CALL);

  if (query == NULL)
    query = &due;
  where = build_call_where (query, TRUE, params);
  order = &call_orders[query->sort < G_N_ELEMENTS (call_orders) ? query->sort : 0];
  opora_list_model_set_query (OPORA_LIST_MODEL (list), where, params, "m.rowid",
                              query->descending ? order->backward : order->forward,
                              query->descending ? order->forward : order->backward);
}

GListModel *
opora_store_list_calls_due (OporaStore *self,
                            const char *today_iso)
{
  OporaCallQuery query = { 0 };

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (today_iso == NULL || opora_date_is_valid_iso (today_iso), NULL);

  query.state = OPORA_CALLS_DUE;
  query.today = today_iso;
  return opora_store_list_followup_calls (self, &query);
}

guint
opora_store_count_calls_due (OporaStore *self,
                             const char *today_iso)
{
  OporaCallQuery query = { 0 };
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), 0);
  g_return_val_if_fail (today_iso == NULL || opora_date_is_valid_iso (today_iso), 0);

  query.state = OPORA_CALLS_DUE;
  query.today = today_iso;
  where = build_call_where (&query, FALSE, params);
  sql = g_strdup_printf ("SELECT count(*) %s", where);
  if (!(stmt = opora_store_prepare (self, sql, NULL)))
    return 0;
  opora_stmt_bind_params (stmt, params, 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Reads the call row of (@group_id, @person_id) and checks the person is an attendee of
 * the held peer meeting. */
static OporaFollowupCall *
read_attendee_call (OporaStore  *self,
                    gint64       group_id,
                    gint64       person_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  OporaFollowupCall *call = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  gboolean held, attended;
  int rc;

  stmt = opora_store_prepare (self, CALL_SELECT_SQL " WHERE m.group_id = ? AND m.person_id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          opora_store_set_error (self, error);
          return NULL;
        }
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The person is not a member of this group: the meeting or the "
                             "person may have been deleted"));
      return NULL;
    }
  call = OPORA_FOLLOWUP_CALL (read_call (stmt));
  kind = opora_stmt_dup_text (stmt, 11);
  held = sqlite3_column_int (stmt, 12) != 0;
  role = opora_stmt_dup_text (stmt, 13);
  attended = sqlite3_column_type (stmt, 14) != SQLITE_NULL && sqlite3_column_int (stmt, 14) == 1;
  sqlite3_reset (stmt);

  name = g_strdup (opora_followup_call_get_person_name (call));
  if (opora_group_kind_from_string (kind) != OPORA_GROUP_KIND_PEER_MEETING)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                         _("Follow-up calls are made after peer meetings only"));
  else if (!held)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                         _("The meeting has not been held yet: a follow-up call comes after "
                           "it"));
  else if (opora_member_role_from_string (role) != OPORA_MEMBER_ROLE_PARTICIPANT || !attended)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                 _("%s did not attend the meeting as a participant: calls are made to those "
                   "who came to receive help"), name);
  else
    return call;
  g_object_unref (call);
  return NULL;
}

OporaFollowupCall *
opora_store_get_followup_call (OporaStore  *self,
                               gint64       group_id,
                               gint64       person_id,
                               GError     **error)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_attendee_call (self, group_id, person_id, error);
}

gboolean
opora_store_save_followup_call (OporaStore         *self,
                                OporaFollowupCall  *call,
                                GError            **error)
{
  g_autoptr(OporaFollowupCall) facts = NULL;
  gint64 id, group_id, person_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (call), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = opora_followup_call_get_id (call);
  group_id = opora_followup_call_get_group_id (call);
  person_id = opora_followup_call_get_person_id (call);

  if (!opora_store_begin (self, error))
    return FALSE;
  facts = read_attendee_call (self, group_id, person_id, error);
  if (facts == NULL)
    goto failed;
  /* The rule counts from the meeting as the database has it, not as the caller saw it. */
  opora_followup_call_set_meeting_on (call, opora_followup_call_get_meeting_on (facts));
  if (!opora_followup_call_validate (call, NULL, error))
    goto failed;
  if (opora_followup_call_get_id (facts) != 0 && opora_followup_call_get_id (facts) != id)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE,
                   _("The follow-up call to %s after this meeting is already recorded"),
                   opora_followup_call_get_person_name (facts));
      goto failed;
    }

  if (id == 0)
    stmt = opora_store_prepare (self, "INSERT INTO followup_call (group_id, person_id,"
                                      " called_on, situation, satisfied, note, created_by,"
                                      " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                error);
  else
    stmt = opora_store_prepare (self, "UPDATE followup_call SET called_on = ?3,"
                                      " situation = ?4, satisfied = ?5, note = ?6,"
                                      " updated_by = ?7,"
                                      " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                      " WHERE id = ?8 AND group_id = ?1 AND person_id = ?2",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  opora_stmt_bind_text (stmt, 3, opora_followup_call_get_called_on (call));
  opora_stmt_bind_text (stmt, 4, opora_situation_to_string (
                                   opora_followup_call_get_situation (call)));
  sqlite3_bind_int (stmt, 5, opora_followup_call_get_satisfied (call) ? 1 : 0);
  opora_stmt_bind_text (stmt, 6, opora_followup_call_get_note (call));
  opora_stmt_bind_id (stmt, 7, opora_store_author_or_zero (self));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);
  if (!opora_store_peer_step_done (self, stmt, error))
    goto failed;
  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The call no longer exists: it may have been deleted"));
      goto failed;
    }

  opora_store_touch (self, "followup_call");
  if (!opora_store_commit (self, error))
    return FALSE;
  opora_followup_call_set_id (call, id);
  return TRUE;

failed:
  opora_store_rollback (self);
  return FALSE;
}
