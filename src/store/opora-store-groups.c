#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-person.h"
#include "opora-peer.h"
#include "opora-store-groups.h"
#include "opora-store-peer-private.h"
#include "opora-store-private.h"
#include "opora-store-records.h"
#include "opora-store-search.h"

/* Every member of the row's group in one text column, so a list row is a whole group
 * without a query per row: "person_id role attended|- HEX(name) HEX(phone)|-" joined by
 * ",", peers first, then by name. Hex holds no separator. */
static const char row_sql[] =
  "SELECT g.id, g.kind, g.title, g.formed_on, g.meeting_on, g.start_time, g.duration_min,"
  "  g.place, g.facilitator_id, s.full_name, g.held, g.analysis,"
  "  (SELECT group_concat (packed, ',') FROM"
  "     (SELECT m.person_id || ' ' || m.role || ' ' || coalesce (m.attended, '-') || ' '"
  "             || hex (" OPORA_PERSON_FULL_NAME_SQL ("p") ") || ' '"
  "             || coalesce (nullif (hex (p.phone), ''), '-') AS packed"
  "        FROM group_member m JOIN person p ON p.id = m.person_id"
  "       WHERE m.group_id = g.id"
  "       ORDER BY m.role = 'peer' DESC, p.surname, p.name, p.patronymic, p.id))"
  " FROM group_activity g LEFT JOIN staff s ON s.id = g.facilitator_id WHERE g.id = ?";

static const char * const watched_tables[] = {
  "group_activity", "group_member", "person", "staff", NULL
};

typedef struct
{
  const char *key;
  const char *forward;
  const char *backward;
} SortOrder;

/* Indexed by OporaGroupSort. */
static const SortOrder sort_orders[] = {
  { "meeting", "g.meeting_on IS NULL, g.meeting_on, g.start_time, g.id",
    "g.meeting_on IS NULL DESC, g.meeting_on DESC, g.start_time DESC, g.id DESC" },
  { "formed", "g.formed_on, g.id", "g.formed_on DESC, g.id DESC" },
  { "title", "opora_fold (g.title), g.id", "opora_fold (g.title) DESC, g.id DESC" },
};

static char *
unhex (const char *hex)
{
  gsize len = strlen (hex) / 2;
  char *out = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    out[i] = (char) ((g_ascii_xdigit_value (hex[2 * i]) << 4)
                     | g_ascii_xdigit_value (hex[2 * i + 1]));
  out[len] = '\0';
  return out;
}

static void
read_members (OporaGroup *group,
              const char *packed)
{
  g_auto(GStrv) entries = NULL;

  if (packed == NULL)
    return;
  entries = g_strsplit (packed, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], " ", 5);
      g_autoptr(OporaGroupMember) member = NULL;
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;

      if (g_strv_length (parts) != 5)
        continue;
      member = opora_group_member_new (g_ascii_strtoll (parts[0], NULL, 10),
                                       opora_member_role_from_string (parts[1]));
      if (!g_str_equal (parts[2], "-"))
        opora_group_member_set_attendance (member, g_str_equal (parts[2], "1")
                                                   ? OPORA_ATTENDANCE_PRESENT
                                                   : OPORA_ATTENDANCE_ABSENT);
      name = unhex (parts[3]);
      opora_group_member_set_person_name (member, name);
      if (!g_str_equal (parts[4], "-"))
        {
          g_autofree char *stored = unhex (parts[4]);

          phone = opora_person_format_phone (stored);
          opora_group_member_set_phone (member, phone);
        }
      opora_group_add_member (group, member);
    }
}

static GObject *
read_row (sqlite3_stmt *stmt)
{
  g_autofree char *kind = opora_stmt_dup_text (stmt, 1);
  OporaGroup *group = opora_group_new (opora_group_kind_from_string (kind));
  g_autofree char *title = opora_stmt_dup_text (stmt, 2);
  g_autofree char *formed_on = opora_stmt_dup_text (stmt, 3);
  g_autofree char *meeting_on = opora_stmt_dup_text (stmt, 4);
  g_autofree char *start_time = opora_stmt_dup_text (stmt, 5);
  g_autofree char *place = opora_stmt_dup_text (stmt, 7);
  g_autofree char *facilitator = opora_stmt_dup_text (stmt, 9);
  g_autofree char *analysis = opora_stmt_dup_text (stmt, 11);
  g_autofree char *packed = opora_stmt_dup_text (stmt, 12);

  opora_group_set_id (group, sqlite3_column_int64 (stmt, 0));
  opora_group_set_title (group, title);
  opora_group_set_formed_on (group, formed_on);
  opora_group_set_meeting_on (group, meeting_on);
  opora_group_set_start_time (group, start_time);
  opora_group_set_duration (group, (guint) MAX (0, sqlite3_column_int64 (stmt, 6)));
  opora_group_set_place (group, place);
  opora_group_set_facilitator_id (group, sqlite3_column_int64 (stmt, 8));
  opora_group_set_facilitator_name (group, facilitator);
  opora_group_set_held (group, sqlite3_column_int (stmt, 10) != 0);
  opora_group_set_analysis (group, analysis);
  read_members (group, packed);
  return G_OBJECT (group);
}

OporaGroupSort
opora_group_sort_from_key (const char *sort_key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (g_strcmp0 (sort_key, sort_orders[i].key) == 0)
      return (OporaGroupSort) i;
  return OPORA_GROUP_SORT_MEETING;
}

GListModel *
opora_store_list_groups (OporaStore            *self,
                         const OporaGroupQuery *query)
{
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_GROUP, row_sql, read_row, watched_tables);
  opora_group_list_set_query (G_LIST_MODEL (list), query);
  return G_LIST_MODEL (list);
}

void
opora_group_list_set_query (GListModel            *list,
                            const OporaGroupQuery *query)
{
  static const OporaGroupQuery all = { 0 };
  g_autoptr(GString) where = g_string_new ("FROM group_activity g WHERE 1");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *like = NULL;
  g_autofree char *match = NULL;
  const SortOrder *order;

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));
  g_return_if_fail (g_list_model_get_item_type (list) == OPORA_TYPE_GROUP);

  if (query == NULL)
    query = &all;

  if (query->search != NULL)
    {
      like = opora_search_like_words ("coalesce (g.title, '') || ' ' || coalesce (g.place, '')",
                                      query->search, params);
      match = opora_search_person_match (query->search);
    }
  if (like != NULL || match != NULL)
    {
      g_string_append (where, " AND (");
      if (like != NULL)
        g_string_append (where, like);
      if (match != NULL)
        {
          g_string_append_printf (where, "%sg.id IN (SELECT m.group_id FROM group_member m"
                                         " WHERE m.person_id IN (SELECT rowid FROM person_search"
                                         " WHERE person_search MATCH ?))",
                                  like != NULL ? " OR " : "");
          g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (match)));
        }
      g_string_append_c (where, ')');
    }
  if (query->kind != OPORA_GROUP_KIND_NONE)
    {
      g_string_append (where, " AND g.kind = ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (
                         opora_group_kind_to_string (query->kind))));
    }
  if (query->state == OPORA_GROUP_STATE_PLANNED)
    g_string_append (where, " AND g.held = 0");
  else if (query->state == OPORA_GROUP_STATE_HELD)
    g_string_append (where, " AND g.held = 1");

  order = &sort_orders[query->sort < G_N_ELEMENTS (sort_orders) ? query->sort : 0];
  opora_list_model_set_query (OPORA_LIST_MODEL (list), where->str, params, "g.id",
                              query->descending ? order->backward : order->forward,
                              query->descending ? order->forward : order->backward);
}

OporaGroup *
opora_store_load_group (OporaStore  *self,
                        gint64       id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *group = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, row_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    group = read_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("The group no longer exists: it may have been deleted"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return OPORA_GROUP (group);
}

static gboolean
write_group (OporaStore  *self,
             OporaGroup  *group,
             gint64      *out_id,
             GError     **error)
{
  gint64 id = opora_group_get_id (group);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = opora_store_prepare (self,
                                "INSERT INTO group_activity (kind, title, formed_on, meeting_on,"
                                " start_time, duration_min, place, facilitator_id, held, analysis,"
                                " created_by, updated_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                                error);
  else
    stmt = opora_store_prepare (self,
                                "UPDATE group_activity SET kind = ?1, title = ?2, formed_on = ?3,"
                                " meeting_on = ?4, start_time = ?5, duration_min = ?6, place = ?7,"
                                " facilitator_id = ?8, held = ?9, analysis = ?10,"
                                " updated_by = ?11,"
                                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " WHERE id = ?12", error);
  if (stmt == NULL)
    return FALSE;

  opora_stmt_bind_text (stmt, 1, opora_group_kind_to_string (opora_group_get_kind (group)));
  opora_stmt_bind_text (stmt, 2, opora_group_get_title (group));
  opora_stmt_bind_text (stmt, 3, opora_group_get_formed_on (group));
  opora_stmt_bind_text (stmt, 4, opora_group_get_meeting_on (group));
  opora_stmt_bind_text (stmt, 5, opora_group_get_start_time (group));
  if (opora_group_get_duration (group) > 0)
    sqlite3_bind_int64 (stmt, 6, opora_group_get_duration (group));
  opora_stmt_bind_text (stmt, 7, opora_group_get_place (group));
  opora_stmt_bind_id (stmt, 8, opora_group_get_facilitator_id (group));
  sqlite3_bind_int (stmt, 9, opora_group_get_held (group) ? 1 : 0);
  opora_stmt_bind_text (stmt, 10, opora_group_get_analysis (group));
  opora_stmt_bind_id (stmt, 11, opora_store_author_or_zero (self));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 12, id);
  if (!opora_store_peer_step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The group no longer exists: it may have been deleted"));
      return FALSE;
    }
  *out_id = id;
  return TRUE;
}

/* Removes the members the list no longer holds; one with a recorded call is refused, so
 * the call is never lost by the way. */
static gboolean
remove_missing_members (OporaStore  *self,
                        gint64       group_id,
                        OporaGroup  *group,
                        GError     **error)
{
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = opora_store_prepare (self,
                              "SELECT m.person_id, EXISTS (SELECT 1 FROM followup_call c"
                              "  WHERE c.group_id = m.group_id AND c.person_id = m.person_id)"
                              " FROM group_member m WHERE m.group_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);

      if (opora_group_find_member (group, person_id) != NULL)
        continue;
      if (sqlite3_column_int (stmt, 1))
        {
          g_autofree char *name = NULL;

          sqlite3_reset (stmt);
          name = opora_store_peer_person_name (self, person_id);
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE,
                       _("A follow-up call to %s is recorded: delete the call before they "
                         "leave the group"), name);
          return FALSE;
        }
      g_array_append_val (gone, person_id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return opora_store_set_error (self, error);

  for (guint i = 0; i < gone->len; i++)
    {
      stmt = opora_store_prepare (self, "DELETE FROM group_member WHERE group_id = ?"
                                        " AND person_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (gone, gint64, i));
      if (!opora_store_peer_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_members (OporaStore  *self,
               gint64       group_id,
               OporaGroup  *group,
               GError     **error)
{
  GListModel *members = opora_group_get_members (group);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (members, i);
      OporaAttendance attendance = opora_group_member_get_attendance (member);
      gint64 person_id = opora_group_member_get_person_id (member);
      sqlite3_stmt *stmt;

      if (!opora_store_record_exists (self, "person", "id", person_id))
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                       _("%s is no longer in the registry: they may have been deleted"),
                       opora_group_member_get_person_name (member)
                       ? opora_group_member_get_person_name (member) : _("A member"));
          return FALSE;
        }
      stmt = opora_store_prepare (self,
                                  "INSERT INTO group_member (group_id, person_id, role, attended)"
                                  " VALUES (?1, ?2, ?3, ?4)"
                                  " ON CONFLICT (group_id, person_id) DO UPDATE"
                                  " SET role = excluded.role, attended = excluded.attended"
                                  " WHERE role IS NOT excluded.role"
                                  "    OR attended IS NOT excluded.attended", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      opora_stmt_bind_text (stmt, 3, opora_member_role_to_string (
                                       opora_group_member_get_role (member)));
      if (attendance != OPORA_ATTENDANCE_UNKNOWN)
        sqlite3_bind_int (stmt, 4, attendance == OPORA_ATTENDANCE_PRESENT ? 1 : 0);
      if (!opora_store_peer_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Each recorded call still follows the rules after the change: its person is an attendee
 * of the held peer meeting, and it is not earlier than a month after the meeting. */
static gboolean
check_calls (OporaStore  *self,
             gint64       group_id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  stmt = opora_store_prepare (self,
                              "SELECT " OPORA_PERSON_FULL_NAME_SQL ("p") ", c.called_on,"
                              "  g.kind = 'peer_meeting' AND g.held = 1"
                              "  AND m.role = 'participant' AND m.attended IS 1, g.meeting_on"
                              " FROM followup_call c"
                              " JOIN group_activity g ON g.id = c.group_id"
                              " JOIN group_member m ON m.group_id = c.group_id"
                              "   AND m.person_id = c.person_id"
                              " JOIN person p ON p.id = c.person_id"
                              " WHERE c.group_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *called_on = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *due = opora_followup_call_due_on (
                               (const char *) sqlite3_column_text (stmt, 3));

      if (!sqlite3_column_int (stmt, 2))
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE,
                       _("A follow-up call to %s is recorded: they stay a participant who "
                         "attended the held meeting"), name);
          ok = FALSE;
        }
      else if (due != NULL && g_strcmp0 (called_on, due) < 0)
        {
          g_autofree char *called = opora_date_iso_to_display (called_on);
          g_autofree char *latest = opora_followup_call_last_meeting_due_by (called_on);
          g_autofree char *latest_display = opora_date_iso_to_display (latest);

          g_set_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                       _("The follow-up call to %s on %s would be earlier than a month after "
                         "the meeting: the meeting may be on %s at the latest"),
                       name, called, latest_display);
          ok = FALSE;
        }
    }
  sqlite3_reset (stmt);
  return ok;
}

gboolean
opora_store_save_group (OporaStore  *self,
                        OporaGroup  *group,
                        GError     **error)
{
  gint64 group_id = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_GROUP (group), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!opora_group_validate (group, NULL, NULL, error))
    return FALSE;

  if (!opora_store_begin (self, error))
    return FALSE;
  if (!write_group (self, group, &group_id, error)
      || !remove_missing_members (self, group_id, group, error)
      || !write_members (self, group_id, group, error)
      || !check_calls (self, group_id, error))
    {
      opora_store_rollback (self);
      return FALSE;
    }
  opora_store_touch (self, "group_activity");
  opora_store_touch (self, "group_member");
  if (!opora_store_commit (self, error))
    return FALSE;

  /* Only a committed save gives the id: after a refusal the group is still new. */
  opora_group_set_id (group, group_id);
  return TRUE;
}

/* Candidates for a group */

#define CANDIDATE_SOURCE_KEY "opora-candidate-source"

/* One row per person; the role offered is the source's, filled in by the format. */
#define CANDIDATE_ROW_SQL                                                               \
  "SELECT p.id, " OPORA_PERSON_FULL_NAME_SQL ("p") ", p.phone, '%s',"                  \
  "  (SELECT r.experience FROM peer_register r WHERE r.person_id = p.id),"              \
  "  EXISTS (SELECT 1 FROM peer_register r WHERE r.person_id = p.id),"                  \
  "  min (coalesce ((SELECT min (w.marked_on) FROM peer_wish w WHERE w.person_id = p.id),"\
  "                 '9999-12-31'),"                                                     \
  "       coalesce ((SELECT min (r.responded_on)" OPORA_Q2_YES_FROM_SQL                 \
  "                  AND r.person_id = p.id), '9999-12-31'))"                           \
  " FROM person p WHERE p.id = ?"

static GObject *
read_candidate (sqlite3_stmt *stmt)
{
  g_autofree char *name = opora_stmt_dup_text (stmt, 1);
  g_autofree char *phone = opora_stmt_dup_text (stmt, 2);
  g_autofree char *shown_phone = opora_person_format_phone (phone);
  g_autofree char *role = opora_stmt_dup_text (stmt, 3);
  g_autofree char *experience = opora_stmt_dup_text (stmt, 4);
  g_autofree char *wish_since = opora_stmt_dup_text (stmt, 6);
  OporaGroupMember *member;

  member = opora_group_member_new (sqlite3_column_int64 (stmt, 0),
                                   opora_member_role_from_string (role));
  opora_group_member_set_person_name (member, name);
  opora_group_member_set_phone (member, shown_phone);
  if (sqlite3_column_int (stmt, 5))
    {
      g_autofree char *detail = NULL;

      /* Translators: a peer offered for a group, with what their experience is about. */
      detail = experience ? g_strdup_printf (_("Peer: %s"), experience)
                          : g_strdup (_("In the register of peers"));
      opora_group_member_set_detail (member, detail);
    }
  else if (wish_since != NULL && !g_str_equal (wish_since, "9999-12-31"))
    {
      g_autofree char *since = opora_date_iso_to_display (wish_since);
      g_autofree char *detail = g_strdup_printf (_("Wishes to use others’ experience since %s"),
                                                 since);

      opora_group_member_set_detail (member, detail);
    }
  return G_OBJECT (member);
}

GListModel *
opora_store_list_group_candidates (OporaStore           *self,
                                   OporaCandidateSource  source,
                                   const char           *search)
{
  static const char * const candidate_tables[] = {
    "person", "peer_register", "peer_wish", "survey_response", "survey_answer", NULL
  };
  g_autofree char *sql = NULL;
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (source <= OPORA_CANDIDATES_EVERYONE, NULL);

  sql = g_strdup_printf (CANDIDATE_ROW_SQL, source == OPORA_CANDIDATES_PEERS ? "peer"
                                                                            : "participant");
  list = opora_list_model_new (self, OPORA_TYPE_GROUP_MEMBER, sql, read_candidate,
                               candidate_tables);
  g_object_set_data (G_OBJECT (list), CANDIDATE_SOURCE_KEY, GUINT_TO_POINTER (source));
  opora_group_candidates_set_search (G_LIST_MODEL (list), search);
  return G_LIST_MODEL (list);
}

void
opora_group_candidates_set_search (GListModel *list,
                                   const char *search)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) where = g_string_new ("FROM person p WHERE 1");
  g_autofree char *match = opora_search_person_match (search);
  OporaCandidateSource source;

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));
  g_return_if_fail (g_list_model_get_item_type (list) == OPORA_TYPE_GROUP_MEMBER);

  source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), CANDIDATE_SOURCE_KEY));
  if (source == OPORA_CANDIDATES_PEERS)
    g_string_append (where, " AND p.id IN (SELECT r.person_id FROM peer_register r)");
  else if (source == OPORA_CANDIDATES_WISHING)
    g_string_append (where, " AND p.id IN (" OPORA_WISHING_PERSONS_SQL ")");
  if (match != NULL)
    {
      g_string_append (where, " AND p.id IN (SELECT rowid FROM person_search"
                              " WHERE person_search MATCH ?)");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (match)));
    }
  opora_list_model_set_query (OPORA_LIST_MODEL (list), where->str, params, "p.id",
                              "p.surname, p.name, p.patronymic, p.id",
                              "p.surname DESC, p.name DESC, p.patronymic DESC, p.id DESC");
}
