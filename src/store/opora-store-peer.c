#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-person.h"
#include "opora-store-peer-private.h"
#include "opora-store-peer.h"
#include "opora-store-private.h"
#include "opora-store-records.h"
#include "opora-store-search.h"

/* The register of peers and those who wish to use others' experience; the follow-up calls
 * are in opora-store-peer-calls.c. */

#define PARAM_STRING(params, text) \
  g_ptr_array_add ((params), g_variant_ref_sink (g_variant_new_string (text)))

gboolean
opora_store_peer_step_done (OporaStore    *self,
                            sqlite3_stmt  *stmt,
                            GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return ok;
}

char *
opora_store_peer_person_name (OporaStore *self,
                              gint64      id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  stmt = opora_store_prepare (self, "SELECT " OPORA_PERSON_FULL_NAME_SQL ("p")
                                    " FROM person p WHERE p.id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = opora_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

/* The id of the row of @table ("peer_register", "peer_wish") that belongs to @person_id,
 * other than @except_id; 0 when none. *@date gets its @date_column. */
static gint64
find_other_row (OporaStore  *self,
                const char  *table,
                const char  *date_column,
                gint64       person_id,
                gint64       except_id,
                char       **date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE person_id = ?"
                                          " AND id <> ? ORDER BY %s LIMIT 1",
                                          date_column, table, date_column);
  sqlite3_stmt *stmt = opora_store_prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *date = opora_stmt_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
check_person (OporaStore  *self,
              gint64       person_id,
              char       **name,
              GError     **error)
{
  *name = opora_store_peer_person_name (self, person_id);
  if (*name != NULL)
    return TRUE;
  g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                       _("The person is no longer in the registry: they may have been deleted"));
  return FALSE;
}

/* The register of peers */

static const char peer_row_sql[] =
  "SELECT r.id, r.person_id, " OPORA_PERSON_FULL_NAME_SQL ("p") ", p.phone, r.consent_on,"
  "  r.experience"
  " FROM peer_register r JOIN person p ON p.id = r.person_id WHERE r.id = ?";

static GObject *
read_peer (sqlite3_stmt *stmt)
{
  OporaPeerRegisterEntry *entry = opora_peer_register_entry_new ();
  g_autofree char *name = opora_stmt_dup_text (stmt, 2);
  g_autofree char *phone = opora_stmt_dup_text (stmt, 3);
  g_autofree char *shown_phone = opora_person_format_phone (phone);
  g_autofree char *consent_on = opora_stmt_dup_text (stmt, 4);
  g_autofree char *experience = opora_stmt_dup_text (stmt, 5);

  opora_peer_register_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  opora_peer_register_entry_set_person_id (entry, sqlite3_column_int64 (stmt, 1));
  opora_peer_register_entry_set_person_name (entry, name);
  opora_peer_register_entry_set_phone (entry, shown_phone);
  opora_peer_register_entry_set_consent_on (entry, consent_on);
  opora_peer_register_entry_set_experience (entry, experience);
  return G_OBJECT (entry);
}

GListModel *
opora_store_list_peers (OporaStore           *self,
                        const OporaPeerQuery *query)
{
  static const char * const tables[] = { "peer_register", "person", NULL };
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_PEER_REGISTER_ENTRY, peer_row_sql, read_peer,
                               tables);
  opora_peer_list_set_query (G_LIST_MODEL (list), query);
  return G_LIST_MODEL (list);
}

void
opora_peer_list_set_query (GListModel           *list,
                           const OporaPeerQuery *query)
{
  static const OporaPeerQuery all = { 0 };
  /* CROSS JOIN keeps the register first: left to choose, SQLite walked three million
   * persons by name looking each up in the register (1.5 s for 28,000 peers). */
  g_autoptr(GString) where = g_string_new ("FROM peer_register r CROSS JOIN person p"
                                           " ON p.id = r.person_id WHERE 1");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *match = NULL;
  g_autofree char *like = NULL;
  const char *forward, *backward;

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));

  if (query == NULL)
    query = &all;

  match = opora_search_person_match (query->search);
  if (match != NULL)
    PARAM_STRING (params, match);
  if (query->search != NULL)
    like = opora_search_like_words ("coalesce (r.experience, '')", query->search, params);
  if (match != NULL || like != NULL)
    g_string_append_printf (where, " AND (%s%s%s)",
                            match ? "p.id IN (SELECT rowid FROM person_search"
                                    " WHERE person_search MATCH ?)" : "",
                            match && like ? " OR " : "", like ? like : "");

  if (query->sort == OPORA_PEER_SORT_CONSENT)
    {
      forward = "r.consent_on, r.id";
      backward = "r.consent_on DESC, r.id DESC";
    }
  else
    {
      forward = "p.surname, p.name, p.patronymic, r.id";
      backward = "p.surname DESC, p.name DESC, p.patronymic DESC, r.id DESC";
    }
  opora_list_model_set_query (OPORA_LIST_MODEL (list), where->str, params, "r.id",
                              query->descending ? backward : forward,
                              query->descending ? forward : backward);
}

OporaPeerRegisterEntry *
opora_store_load_peer (OporaStore  *self,
                       gint64       id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *entry = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  if (!(stmt = opora_store_prepare (self, peer_row_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = read_peer (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("The peer is no longer in the register: the entry may have been "
                           "deleted"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return OPORA_PEER_REGISTER_ENTRY (entry);
}

gboolean
opora_store_save_peer (OporaStore              *self,
                       OporaPeerRegisterEntry  *entry,
                       GError                 **error)
{
  gint64 id, person_id;
  g_autofree char *name = NULL;
  g_autofree char *other_date = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_PEER_REGISTER_ENTRY (entry), FALSE);

  if (!opora_peer_register_entry_validate (entry, NULL, error))
    return FALSE;
  id = opora_peer_register_entry_get_id (entry);
  person_id = opora_peer_register_entry_get_person_id (entry);

  if (!opora_store_begin (self, error))
    return FALSE;
  if (!check_person (self, person_id, &name, error))
    goto failed;
  if (find_other_row (self, "peer_register", "consent_on", person_id, id, &other_date) != 0)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE,
                   _("%s is already in the register of peers"), name);
      goto failed;
    }

  if (id == 0)
    stmt = opora_store_prepare (self, "INSERT INTO peer_register (person_id, consent_on,"
                                      " experience, created_by, updated_by)"
                                      " VALUES (?1, ?2, ?3, ?4, ?4)", error);
  else
    stmt = opora_store_prepare (self, "UPDATE peer_register SET person_id = ?1,"
                                      " consent_on = ?2, experience = ?3, updated_by = ?4,"
                                      " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                      " WHERE id = ?5", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, person_id);
  opora_stmt_bind_text (stmt, 2, opora_peer_register_entry_get_consent_on (entry));
  opora_stmt_bind_text (stmt, 3, opora_peer_register_entry_get_experience (entry));
  opora_stmt_bind_id (stmt, 4, opora_store_author_or_zero (self));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 5, id);
  if (!opora_store_peer_step_done (self, stmt, error))
    goto failed;
  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The peer is no longer in the register: the entry may have been "
                             "deleted"));
      goto failed;
    }

  opora_store_touch (self, "peer_register");
  if (!opora_store_commit (self, error))
    return FALSE;
  opora_peer_register_entry_set_id (entry, id);
  opora_peer_register_entry_set_person_name (entry, name);
  return TRUE;

failed:
  opora_store_rollback (self);
  return FALSE;
}

/* Those who wish */

/* The earliest hand mark and the first response with Q2 = yes, per person. */
static const char wish_row_sql[] =
  "SELECT p.id, " OPORA_PERSON_FULL_NAME_SQL ("p") ", p.phone, w.id, w.marked_on, w.note,"
  "  (SELECT min (r.responded_on)" OPORA_Q2_YES_FROM_SQL " AND r.person_id = p.id)"
  " FROM person p LEFT JOIN peer_wish w ON w.id = (SELECT w2.id FROM peer_wish w2"
  "   WHERE w2.person_id = p.id ORDER BY w2.marked_on, w2.id LIMIT 1)"
  " WHERE p.id = ?";

#define WISH_SINCE_SQL                                                                  \
  "min (coalesce ((SELECT min (w.marked_on) FROM peer_wish w WHERE w.person_id = p.id),"\
  "               '9999-12-31'),"                                                       \
  "     coalesce ((SELECT min (r.responded_on)" OPORA_Q2_YES_FROM_SQL                   \
  "                AND r.person_id = p.id), '9999-12-31'))"

static GObject *
read_wish (sqlite3_stmt *stmt)
{
  OporaPeerWish *wish = opora_peer_wish_new ();
  g_autofree char *name = opora_stmt_dup_text (stmt, 1);
  g_autofree char *phone = opora_stmt_dup_text (stmt, 2);
  g_autofree char *shown_phone = opora_person_format_phone (phone);
  g_autofree char *marked_on = opora_stmt_dup_text (stmt, 4);
  g_autofree char *note = opora_stmt_dup_text (stmt, 5);
  g_autofree char *surveyed_on = opora_stmt_dup_text (stmt, 6);

  opora_peer_wish_set_person_id (wish, sqlite3_column_int64 (stmt, 0));
  opora_peer_wish_set_person_name (wish, name);
  opora_peer_wish_set_phone (wish, shown_phone);
  opora_peer_wish_set_id (wish, sqlite3_column_int64 (stmt, 3));
  opora_peer_wish_set_marked_on (wish, marked_on);
  opora_peer_wish_set_note (wish, note);
  opora_peer_wish_set_surveyed_on (wish, surveyed_on);
  return G_OBJECT (wish);
}

GListModel *
opora_store_list_peer_wishes (OporaStore           *self,
                              const OporaWishQuery *query)
{
  static const char * const tables[] = {
    "peer_wish", "person", "survey_response", "survey_answer", "survey_question",
    "survey_template", NULL
  };
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_PEER_WISH, wish_row_sql, read_wish, tables);
  opora_peer_wish_list_set_query (G_LIST_MODEL (list), query);
  return G_LIST_MODEL (list);
}

void
opora_peer_wish_list_set_query (GListModel           *list,
                                const OporaWishQuery *query)
{
  static const OporaWishQuery all = { 0 };
  g_autoptr(GString) where = g_string_new ("FROM person p WHERE p.id IN ("
                                           OPORA_WISHING_PERSONS_SQL ")");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *match = NULL;
  const char *forward, *backward;

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));

  if (query == NULL)
    query = &all;

  if (query->filter == OPORA_WISH_FILTER_HAND)
    g_string_append (where, " AND p.id IN (SELECT w.person_id FROM peer_wish w)");
  else if (query->filter == OPORA_WISH_FILTER_SURVEY)
    g_string_append (where, " AND p.id IN (SELECT r.person_id" OPORA_Q2_YES_FROM_SQL ")");
  match = opora_search_person_match (query->search);
  if (match != NULL)
    {
      g_string_append (where, " AND p.id IN (SELECT rowid FROM person_search"
                              " WHERE person_search MATCH ?)");
      PARAM_STRING (params, match);
    }

  if (query->sort == OPORA_WISH_SORT_SINCE)
    {
      forward = WISH_SINCE_SQL ", p.id";
      backward = WISH_SINCE_SQL " DESC, p.id DESC";
    }
  else
    {
      forward = "p.surname, p.name, p.patronymic, p.id";
      backward = "p.surname DESC, p.name DESC, p.patronymic DESC, p.id DESC";
    }
  opora_list_model_set_query (OPORA_LIST_MODEL (list), where->str, params, "p.id",
                              query->descending ? backward : forward,
                              query->descending ? forward : backward);
}

gboolean
opora_store_save_peer_wish (OporaStore     *self,
                            OporaPeerWish  *wish,
                            GError        **error)
{
  gint64 id, person_id;
  g_autofree char *name = NULL;
  g_autofree char *other_date = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_PEER_WISH (wish), FALSE);

  if (!opora_peer_wish_validate (wish, NULL, error))
    return FALSE;
  id = opora_peer_wish_get_id (wish);
  person_id = opora_peer_wish_get_person_id (wish);

  if (!opora_store_begin (self, error))
    return FALSE;
  if (!check_person (self, person_id, &name, error))
    goto failed;
  if (find_other_row (self, "peer_wish", "marked_on", person_id, id, &other_date) != 0)
    {
      g_autofree char *date = opora_date_iso_to_display (other_date);

      g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE,
                   _("%s is already marked by hand as wishing to use others’ experience "
                     "(on %s)"), name, date);
      goto failed;
    }

  if (id == 0)
    stmt = opora_store_prepare (self, "INSERT INTO peer_wish (person_id, marked_on, note,"
                                      " created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?4)",
                                error);
  else
    stmt = opora_store_prepare (self, "UPDATE peer_wish SET person_id = ?1, marked_on = ?2,"
                                      " note = ?3, updated_by = ?4,"
                                      " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                      " WHERE id = ?5", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, person_id);
  opora_stmt_bind_text (stmt, 2, opora_peer_wish_get_marked_on (wish));
  opora_stmt_bind_text (stmt, 3, opora_peer_wish_get_note (wish));
  opora_stmt_bind_id (stmt, 4, opora_store_author_or_zero (self));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 5, id);
  if (!opora_store_peer_step_done (self, stmt, error))
    goto failed;
  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The mark no longer exists: it may have been removed"));
      goto failed;
    }

  opora_store_touch (self, "peer_wish");
  if (!opora_store_commit (self, error))
    return FALSE;
  opora_peer_wish_set_id (wish, id);
  opora_peer_wish_set_person_name (wish, name);
  return TRUE;

failed:
  opora_store_rollback (self);
  return FALSE;
}
