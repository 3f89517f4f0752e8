#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-snils.h"
#include "opora-store-persons.h"
#include "opora-store-private.h"
#include "opora-store-search.h"

/* The columns person_from_stmt() reads, in its order. */
#define PERSON_COLUMNS                                                                  \
  "p.id, p.surname, p.name, p.patronymic, p.birth_date, p.sex, p.snils, p.phone,"       \
  " p.address, p.district, p.notes, p.family_id, p.relation, f.name"

static const char row_sql[] =
  "SELECT " PERSON_COLUMNS " FROM person p LEFT JOIN family f ON f.id = p.family_id"
  " WHERE p.id = ?";

/* A family's name shows in every row: renaming a family reloads the lists too. */
static const char * const watched_tables[] = { "person", "family", NULL };

/* Each order ends in the key so that it is total; the second is the same backwards. The
 * first three have an index each (person_name_idx, person_birth_idx, person_district_idx). */
static const struct
{
  const char *forward;
  const char *backward;
} sort_orders[] = {
  [OPORA_PERSON_SORT_NAME] = {
    "p.surname, p.name, p.patronymic, p.id",
    "p.surname DESC, p.name DESC, p.patronymic DESC, p.id DESC" },
  [OPORA_PERSON_SORT_BIRTH_DATE] = {
    "p.birth_date, p.id",
    "p.birth_date DESC, p.id DESC" },
  [OPORA_PERSON_SORT_DISTRICT] = {
    "p.district, p.surname, p.name, p.id",
    "p.district DESC, p.surname DESC, p.name DESC, p.id DESC" },
};

/* Members: the applicant first, then the closest relatives; children by age. */
#define RELATION_RANK                                                                   \
  "CASE p.relation WHEN 'applicant' THEN 0 WHEN 'spouse' THEN 1 WHEN 'parent' THEN 2"   \
  " WHEN 'child' THEN 3 WHEN 'sibling' THEN 4 WHEN 'grandparent' THEN 5"                \
  " WHEN 'grandchild' THEN 6 WHEN 'other' THEN 7 ELSE 8 END"

static GObject *
person_from_stmt (sqlite3_stmt *stmt)
{
  OporaPerson *person = opora_person_new ();
  OporaSex sex = OPORA_SEX_NONE;
  OporaRelation relation = OPORA_RELATION_NONE;

  opora_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  opora_person_set_surname (person, (const char *) sqlite3_column_text (stmt, 1));
  opora_person_set_name (person, (const char *) sqlite3_column_text (stmt, 2));
  opora_person_set_patronymic (person, (const char *) sqlite3_column_text (stmt, 3));
  opora_person_set_birth_date (person, (const char *) sqlite3_column_text (stmt, 4));
  opora_sex_from_string ((const char *) sqlite3_column_text (stmt, 5), &sex);
  opora_person_set_sex (person, sex);
  opora_person_set_snils (person, (const char *) sqlite3_column_text (stmt, 6));
  opora_person_set_phone (person, (const char *) sqlite3_column_text (stmt, 7));
  opora_person_set_address (person, (const char *) sqlite3_column_text (stmt, 8));
  opora_person_set_district (person, (const char *) sqlite3_column_text (stmt, 9));
  opora_person_set_notes (person, (const char *) sqlite3_column_text (stmt, 10));
  opora_person_set_family_id (person, sqlite3_column_int64 (stmt, 11));
  opora_relation_from_string ((const char *) sqlite3_column_text (stmt, 12), &relation);
  opora_person_set_relation (person, relation);
  opora_person_set_family_name (person, (const char *) sqlite3_column_text (stmt, 13));
  return G_OBJECT (person);
}

/* TRUE when @sql (one ? bound to @id) finds a row; FALSE also when it cannot run. */
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

static void
set_duplicate_snils (GError     **error,
                     const char  *snils)
{
  g_autofree char *shown = opora_snils_format (snils);

  g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE_SNILS,
               _("Another person already has SNILS %s"), shown);
}

static gboolean
check_references (OporaStore   *self,
                  OporaPerson  *person,
                  GError      **error)
{
  const char *snils = opora_person_get_snils (person);
  gint64 family_id = opora_person_get_family_id (person);

  if (snils != NULL)
    {
      sqlite3_stmt *stmt = opora_store_prepare (self,
                                                "SELECT 1 FROM person WHERE snils = ? AND id <> ?",
                                                error);
      gboolean taken;

      if (stmt == NULL)
        return FALSE;
      opora_stmt_bind_text (stmt, 1, snils);
      sqlite3_bind_int64 (stmt, 2, opora_person_get_id (person));
      taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (taken)
        {
          set_duplicate_snils (error, snils);
          return FALSE;
        }
    }
  if (family_id > 0 && !exists (self, "SELECT 1 FROM family WHERE id = ?", family_id))
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The family chosen no longer exists"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_person (OporaStore   *self,
              OporaPerson  *person,
              gint64       *out_id,
              GError      **error)
{
  static const char insert_sql[] =
    "INSERT INTO person (surname, name, patronymic, birth_date, sex, snils, phone, address,"
    " district, notes, family_id, relation, created_by, updated_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)";
  static const char update_sql[] =
    "UPDATE person SET surname = ?1, name = ?2, patronymic = ?3, birth_date = ?4, sex = ?5,"
    " snils = ?6, phone = ?7, address = ?8, district = ?9, notes = ?10, family_id = ?11,"
    " relation = ?12, updated_by = ?13,"
    " updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE id = ?14";
  gint64 id = opora_person_get_id (person);
  gint64 family_id = opora_person_get_family_id (person);
  sqlite3_stmt *stmt = opora_store_prepare (self, id == 0 ? insert_sql : update_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  opora_stmt_bind_text (stmt, 1, opora_person_get_surname (person));
  opora_stmt_bind_text (stmt, 2, opora_person_get_name (person));
  opora_stmt_bind_text (stmt, 3, opora_person_get_patronymic (person));
  opora_stmt_bind_text (stmt, 4, opora_person_get_birth_date (person));
  opora_stmt_bind_text (stmt, 5, opora_sex_to_string (opora_person_get_sex (person)));
  opora_stmt_bind_text (stmt, 6, opora_person_get_snils (person));
  opora_stmt_bind_text (stmt, 7, opora_person_get_phone (person));
  opora_stmt_bind_text (stmt, 8, opora_person_get_address (person));
  opora_stmt_bind_text (stmt, 9, opora_person_get_district (person));
  opora_stmt_bind_text (stmt, 10, opora_person_get_notes (person));
  opora_stmt_bind_id (stmt, 11, family_id);
  /* A relation means nothing without the family it is a relation to. */
  opora_stmt_bind_text (stmt, 12, family_id > 0
                                  ? opora_relation_to_string (opora_person_get_relation (person))
                                  : NULL);
  opora_stmt_bind_id (stmt, 13, opora_store_author_or_zero (self));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 14, id);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (opora_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE)
        {
          set_duplicate_snils (error, opora_person_get_snils (person));
          return FALSE;
        }
      return opora_store_set_error (self, error);
    }
  if (id != 0 && sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("This person no longer exists"));
      return FALSE;
    }
  *out_id = id != 0 ? id : sqlite3_last_insert_rowid (opora_store_get_db (self));
  opora_store_touch (self, "person");
  return TRUE;
}

OporaPersonSort
opora_person_sort_from_key (const char *sort_key)
{
  if (g_strcmp0 (sort_key, "birth_date") == 0)
    return OPORA_PERSON_SORT_BIRTH_DATE;
  if (g_strcmp0 (sort_key, "district") == 0)
    return OPORA_PERSON_SORT_DISTRICT;
  return OPORA_PERSON_SORT_NAME;
}

gboolean
opora_store_save_person (OporaStore   *self,
                         OporaPerson  *person,
                         GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_PERSON (person), FALSE);

  if (!opora_person_validate (person, NULL, error))
    return FALSE;
  if (!opora_store_begin (self, error))
    return FALSE;
  if (!check_references (self, person, error) ||
      !write_person (self, person, &id, error) ||
      !opora_store_commit (self, error))
    {
      opora_store_rollback (self);
      return FALSE;
    }
  opora_person_set_id (person, id);
  return TRUE;
}

OporaPerson *
opora_store_load_person (OporaStore  *self,
                         gint64       id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *person = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self, row_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_stmt (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("This person no longer exists"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return OPORA_PERSON (person);
}

OporaDeletion *
opora_store_delete_person (OporaStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  /* The schema refuses it as well (RESTRICT); this says why in words. */
  if (exists (self, "SELECT 1 FROM contract WHERE person_id = ?", id))
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_IN_USE,
                           _("This person has social contracts: delete them first"));
      return NULL;
    }
  return opora_store_delete_record (self, "person", id, error);
}

GListModel *
opora_store_list_persons (OporaStore             *self,
                          const OporaPersonQuery *query)
{
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_PERSON, row_sql, person_from_stmt,
                               watched_tables);
  opora_person_list_set_query (G_LIST_MODEL (list), query);
  return G_LIST_MODEL (list);
}

void
opora_person_list_set_query (GListModel             *list,
                             const OporaPersonQuery *query)
{
  static const OporaPersonQuery everyone = { 0 };
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) from_where = g_string_new ("FROM person p");
  g_autoptr(GString) scan_from_where = g_string_new ("FROM person p");
  g_autoptr(GString) quick_from_where = g_string_new ("FROM person p");
  g_autofree char *match = NULL;
  const char *conjunction = " WHERE ";
  guint sort;

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));

  if (query == NULL)
    query = &everyone;

  match = opora_search_person_match (query->search);
  if (match != NULL)
    {
      g_string_append_printf (from_where, "%sp.id IN (SELECT rowid FROM person_search"
                                          " WHERE person_search MATCH ?)", conjunction);
      g_string_append_printf (scan_from_where, "%s+p.id IN (SELECT rowid FROM person_search"
                                               " WHERE person_search MATCH ?)", conjunction);
      /* The brief walk of a search by names tests each row itself (see
       * opora-store-search-match.c), on the name index alone: a search by names asks
       * nothing of the SNILS or the phone, which the index does not hold. */
      g_string_append_printf (quick_from_where, "%sopora_person_match (?, p.surname, p.name,"
                                                " p.patronymic, NULL, NULL)", conjunction);
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (match)));
      conjunction = " AND ";
    }
  if (query->district != NULL && *query->district != '\0')
    {
      g_string_append_printf (from_where, "%sp.district = ?", conjunction);
      g_string_append_printf (scan_from_where, "%s+p.district = ?", conjunction);
      g_string_append_printf (quick_from_where, "%s+p.district = ?", conjunction);
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (query->district)));
    }

  sort = query->sort < G_N_ELEMENTS (sort_orders) ? query->sort : OPORA_PERSON_SORT_NAME;
  /* A search may match a tenth of three million persons («ив»): its first page comes from
   * walking the order's index (see opora_list_model_set_scan_query). */
  opora_list_model_set_scan_query (OPORA_LIST_MODEL (list), from_where->str,
                                   match != NULL ? scan_from_where->str : NULL,
                                   match != NULL && opora_search_is_by_names (query->search)
                                   ? quick_from_where->str : NULL, params, "p.id",
                                   query->descending ? sort_orders[sort].backward
                                                     : sort_orders[sort].forward,
                                   query->descending ? sort_orders[sort].forward
                                                     : sort_orders[sort].backward);
}

GListModel *
opora_store_list_family_members (OporaStore *self,
                                 gint64      family_id)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_PERSON, row_sql, person_from_stmt,
                               watched_tables);
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (family_id)));
  opora_list_model_set_query (list, "FROM person p WHERE p.family_id = ?", params, "p.id",
                              RELATION_RANK ", p.birth_date, p.surname, p.name, p.id",
                              RELATION_RANK " DESC, p.birth_date DESC, p.surname DESC,"
                              " p.name DESC, p.id DESC");
  return G_LIST_MODEL (list);
}

char **
opora_store_list_districts (OporaStore *self)
{
  /* Each step asks the district index for the next name, so a million persons in a few
   * dozen districts cost a few dozen lookups, not a scan. */
  static const char sql[] =
    "WITH RECURSIVE d (district) AS ("
    "  SELECT min (district) FROM person"
    "  UNION ALL"
    "  SELECT (SELECT min (p.district) FROM person p WHERE p.district > d.district)"
    "    FROM d WHERE d.district IS NOT NULL)"
    " SELECT district FROM d WHERE district IS NOT NULL"
    " UNION SELECT district FROM staff WHERE district IS NOT NULL"
    " ORDER BY 1";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self, sql, &error);
  if (stmt == NULL)
    g_critical ("Cannot list districts: %s", error->message);
  else
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (districts, opora_stmt_dup_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  g_ptr_array_add (districts, NULL);
  return (char **) g_ptr_array_steal (districts, NULL);
}
