#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-store-enrollments.h"
#include "opora-store-private.h"

#define ENROLLMENT_SELECT                                                         \
  "SELECT e.id, e.person_id, e.technology, e.from_on, e.until_on, e.staff_id,"    \
  " e.satisfied, s.full_name"                                                     \
  " FROM enrollment e LEFT JOIN staff s ON s.id = e.staff_id"

static OporaEnrollment *
read_enrollment (sqlite3_stmt *stmt)
{
  OporaEnrollment *enrollment = opora_enrollment_new ();
  OporaTechnology technology = OPORA_TECHNOLOGY_NONE;
  OporaSatisfied satisfied = OPORA_SATISFIED_UNKNOWN;

  opora_technology_from_string ((const char *) sqlite3_column_text (stmt, 2), &technology);
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    satisfied = sqlite3_column_int (stmt, 6) ? OPORA_SATISFIED_YES : OPORA_SATISFIED_NO;

  opora_enrollment_set_id (enrollment, sqlite3_column_int64 (stmt, 0));
  opora_enrollment_set_person_id (enrollment, sqlite3_column_int64 (stmt, 1));
  opora_enrollment_set_technology (enrollment, technology);
  opora_enrollment_set_from_on (enrollment, (const char *) sqlite3_column_text (stmt, 3));
  opora_enrollment_set_until_on (enrollment, (const char *) sqlite3_column_text (stmt, 4));
  opora_enrollment_set_staff_id (enrollment, sqlite3_column_int64 (stmt, 5));
  opora_enrollment_set_satisfied (enrollment, satisfied);
  opora_enrollment_set_staff_name (enrollment, (const char *) sqlite3_column_text (stmt, 7));
  return enrollment;
}

static gboolean
exists (OporaStore *self,
        const char *sql,
        gint64      id)
{
  sqlite3_stmt *stmt = opora_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
opora_store_save_enrollment (OporaStore       *self,
                             OporaEnrollment  *enrollment,
                             const char      **field,
                             GError          **error)
{
  static const char insert_sql[] =
    "INSERT INTO enrollment (person_id, technology, from_on, until_on, staff_id, satisfied,"
    " created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
  static const char update_sql[] =
    "UPDATE enrollment SET person_id = ?1, technology = ?2, from_on = ?3, until_on = ?4,"
    " staff_id = ?5, satisfied = ?6, updated_by = ?7,"
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?8";
  const char *unused;
  gint64 id;
  OporaSatisfied satisfied;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (enrollment), FALSE);

  if (field == NULL)
    field = &unused;
  if (!opora_enrollment_validate (enrollment, field, error))
    return FALSE;
  if (!exists (self, "SELECT 1 FROM person WHERE id = ?",
               opora_enrollment_get_person_id (enrollment)))
    {
      *field = "person-id";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The person is no longer in the registry"));
      return FALSE;
    }
  if (opora_enrollment_get_staff_id (enrollment) > 0 &&
      !exists (self, "SELECT 1 FROM staff WHERE id = ?",
               opora_enrollment_get_staff_id (enrollment)))
    {
      *field = "staff-id";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The specialist is no longer among the staff"));
      return FALSE;
    }

  id = opora_enrollment_get_id (enrollment);
  if (!opora_store_begin (self, error))
    return FALSE;
  stmt = opora_store_prepare (self, id > 0 ? update_sql : insert_sql, error);
  if (stmt == NULL)
    {
      opora_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, opora_enrollment_get_person_id (enrollment));
  opora_stmt_bind_text (stmt, 2,
                        opora_technology_to_string (opora_enrollment_get_technology (enrollment)));
  opora_stmt_bind_text (stmt, 3, opora_enrollment_get_from_on (enrollment));
  opora_stmt_bind_text (stmt, 4, opora_enrollment_get_until_on (enrollment));
  opora_stmt_bind_id (stmt, 5, opora_enrollment_get_staff_id (enrollment));
  satisfied = opora_enrollment_get_satisfied (enrollment);
  if (satisfied == OPORA_SATISFIED_UNKNOWN)
    sqlite3_bind_null (stmt, 6);
  else
    sqlite3_bind_int (stmt, 6, satisfied == OPORA_SATISFIED_YES);
  opora_stmt_bind_id (stmt, 7, opora_store_author_or_zero (self));
  if (id > 0)
    sqlite3_bind_int64 (stmt, 8, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      *field = NULL;
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      opora_store_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (id > 0 && sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The enrollment was deleted meanwhile"));
      opora_store_rollback (self);
      return FALSE;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));

  opora_store_touch (self, "enrollment");
  if (!opora_store_commit (self, error))
    return FALSE;
  opora_enrollment_set_id (enrollment, id);
  return TRUE;
}

OporaEnrollment *
opora_store_load_enrollment (OporaStore  *self,
                             gint64       id,
                             GError     **error)
{
  OporaEnrollment *enrollment = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self, ENROLLMENT_SELECT " WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    enrollment = read_enrollment (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                 _("There is no enrollment with id %lld"), (long long) id);
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return enrollment;
}

GListModel *
opora_store_list_person_enrollments (OporaStore  *self,
                                     gint64       person_id,
                                     GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (OPORA_TYPE_ENROLLMENT);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self,
                              ENROLLMENT_SELECT " WHERE e.person_id = ?"
                              " ORDER BY e.from_on DESC, e.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OporaEnrollment) enrollment = read_enrollment (stmt);
      g_list_store_append (list, enrollment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}
