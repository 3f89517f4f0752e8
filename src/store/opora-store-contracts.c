#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-store-contracts-private.h"

double
opora_stmt_column_amount (sqlite3_stmt *stmt,
                          int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return OPORA_AMOUNT_NONE;
  return sqlite3_column_double (stmt, column);
}

void
opora_stmt_bind_amount (sqlite3_stmt *stmt,
                        int           index,
                        double        amount)
{
  if (OPORA_AMOUNT_IS_SET (amount))
    sqlite3_bind_double (stmt, index, amount);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

GObject *
opora_contract_read_row (sqlite3_stmt *stmt)
{
  OporaContract *contract = opora_contract_new ();
  OporaContractStatus status = OPORA_CONTRACT_STATUS_ACTIVE;

  opora_contract_status_from_string (column_text (stmt, 7), &status);
  g_object_set (contract,
                "id", sqlite3_column_int64 (stmt, 0),
                "number", column_text (stmt, 1),
                "person-id", sqlite3_column_int64 (stmt, 2),
                "family-id", sqlite3_column_int64 (stmt, 3),
                "concluded-on", column_text (stmt, 4),
                "term-start", column_text (stmt, 5),
                "term-end", column_text (stmt, 6),
                "status", status,
                "termination-reason", column_text (stmt, 8),
                "curator-id", sqlite3_column_int64 (stmt, 9),
                "income-start", opora_stmt_column_amount (stmt, 10),
                "income-end", opora_stmt_column_amount (stmt, 11),
                "subsistence-minimum", opora_stmt_column_amount (stmt, 12),
                "hardship-causes", column_text (stmt, 13),
                "person-name", column_text (stmt, 14),
                "district", column_text (stmt, 15),
                "curator-name", column_text (stmt, 16),
                NULL);
  return G_OBJECT (contract);
}

static gboolean
step_done (OporaStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
row_exists (OporaStore *self,
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
opora_store_contract_number_taken (OporaStore *self,
                                   const char *number,
                                   gint64      except_id)
{
  sqlite3_stmt *stmt;
  gboolean taken;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  if (number == NULL)
    return FALSE;
  stmt = opora_store_prepare (self, "SELECT 1 FROM contract WHERE number = ? AND id <> ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

gboolean
opora_store_check_contract (OporaStore     *self,
                            OporaContract  *contract,
                            GObject       **object,
                            const char    **field,
                            GError        **error)
{
  GObject *unused_object;
  const char *unused_field;
  g_autofree char *number = NULL;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_CONTRACT (contract), FALSE);

  if (object == NULL)
    object = &unused_object;
  if (field == NULL)
    field = &unused_field;

  if (!opora_contract_validate (contract, object, field, error))
    return FALSE;

  *object = G_OBJECT (contract);
  number = g_strstrip (g_strdup (opora_contract_get_number (contract)));
  if (opora_store_contract_number_taken (self, number, opora_contract_get_id (contract)))
    {
      *field = "number";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE,
                   _("Contract number %s is already used"), number);
      return FALSE;
    }
  if (!row_exists (self, "SELECT 1 FROM person WHERE id = ?",
                   opora_contract_get_person_id (contract)))
    {
      *field = "person-id";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The applicant is no longer in the registry"));
      return FALSE;
    }
  if (opora_contract_get_curator_id (contract) > 0 &&
      !row_exists (self, "SELECT 1 FROM staff WHERE id = ?",
                   opora_contract_get_curator_id (contract)))
    {
      *field = "curator-id";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The curator is no longer among the staff"));
      return FALSE;
    }
  *field = NULL;
  return TRUE;
}

/* Ids given to new rows are handed to their objects only once the transaction commits,
 * so a refused save leaves the objects as new as they were. */
typedef struct
{
  GObject *object;
  gint64   id;
} NewId;

static void
remember_id (GArray  *new_ids,
             gpointer object,
             gint64   id)
{
  NewId entry = { object, id };
  g_array_append_val (new_ids, entry);
}

static gboolean
write_contract (OporaStore     *self,
                OporaContract  *contract,
                const char     *number,
                gint64         *id,
                GError        **error)
{
  static const char insert_sql[] =
    "INSERT INTO contract (number, person_id, family_id, concluded_on, term_start, term_end,"
    " status, termination_reason, curator_id, income_start, income_end, subsistence_minimum,"
    " hardship_causes, created_by, updated_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";
  static const char update_sql[] =
    "UPDATE contract SET number = ?1, person_id = ?2, family_id = ?3, concluded_on = ?4,"
    " term_start = ?5, term_end = ?6, status = ?7, termination_reason = ?8, curator_id = ?9,"
    " income_start = ?10, income_end = ?11, subsistence_minimum = ?12, hardship_causes = ?13,"
    " updated_by = ?14, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
    " WHERE id = ?15";
  OporaContractStatus status = opora_contract_get_status (contract);
  sqlite3_stmt *stmt = opora_store_prepare (self, *id > 0 ? update_sql : insert_sql, error);

  if (stmt == NULL)
    return FALSE;
  opora_stmt_bind_text (stmt, 1, number);
  opora_stmt_bind_id (stmt, 2, opora_contract_get_person_id (contract));
  opora_stmt_bind_id (stmt, 3, opora_contract_get_family_id (contract));
  opora_stmt_bind_text (stmt, 4, opora_contract_get_concluded_on (contract));
  opora_stmt_bind_text (stmt, 5, opora_contract_get_term_start (contract));
  opora_stmt_bind_text (stmt, 6, opora_contract_get_term_end (contract));
  opora_stmt_bind_text (stmt, 7, opora_contract_status_to_string (status));
  /* A reason belongs to a terminated contract only. */
  opora_stmt_bind_text (stmt, 8, status == OPORA_CONTRACT_STATUS_TERMINATED
                                  ? opora_contract_get_termination_reason (contract) : NULL);
  opora_stmt_bind_id (stmt, 9, opora_contract_get_curator_id (contract));
  opora_stmt_bind_amount (stmt, 10, opora_contract_get_income_start (contract));
  opora_stmt_bind_amount (stmt, 11, opora_contract_get_income_end (contract));
  opora_stmt_bind_amount (stmt, 12, opora_contract_get_subsistence_minimum (contract));
  opora_stmt_bind_text (stmt, 13, opora_contract_get_hardship_causes (contract));
  opora_stmt_bind_id (stmt, 14, opora_store_author_or_zero (self));
  if (*id > 0)
    sqlite3_bind_int64 (stmt, 15, *id);

  if (!step_done (self, stmt, error))
    return FALSE;
  if (*id == 0)
    *id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The contract was deleted meanwhile"));
      return FALSE;
    }
  return TRUE;
}

/* The ids a child table holds for the contract, to tell updates from deletions. */
static GHashTable *
child_ids (OporaStore  *self,
           const char  *sql,
           gint64       contract_id,
           GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = opora_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                      sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
delete_left_over (OporaStore  *self,
                  const char  *sql,
                  GHashTable  *ids,
                  GError     **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt = opora_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_measures (OporaStore     *self,
                OporaContract  *contract,
                gint64          contract_id,
                GArray         *new_ids,
                GError        **error)
{
  static const char insert_sql[] =
    "INSERT INTO measure (contract_id, type, need, planned_on, status, done_on, note,"
    " informed_online, certificate, created_by, updated_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
  static const char update_sql[] =
    "UPDATE measure SET contract_id = ?1, type = ?2, need = ?3, planned_on = ?4, status = ?5,"
    " done_on = ?6, note = ?7, informed_online = ?8, certificate = ?9, updated_by = ?10,"
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?11";
  GListModel *measures = opora_contract_get_measures (contract);
  g_autoptr(GHashTable) old_ids = NULL;
  guint n = g_list_model_get_n_items (measures);

  old_ids = child_ids (self, "SELECT id FROM measure WHERE contract_id = ?", contract_id, error);
  if (old_ids == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaMeasure) measure = g_list_model_get_item (measures, i);
      gint64 id = opora_measure_get_id (measure);
      OporaMeasureType type = opora_measure_get_measure_type (measure);
      gboolean has_certificate = opora_measure_type_has_certificate (type);
      sqlite3_stmt *stmt;

      /* A measure that was saved before but is no longer in this programme was deleted by
       * someone else, or belongs to another contract: refuse rather than guess. */
      if (id > 0 && !g_hash_table_remove (old_ids, &id))
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                       _("Measure %u of the programme is no longer in the database; "
                         "open the contract again"), i + 1);
          return FALSE;
        }

      stmt = opora_store_prepare (self, id > 0 ? update_sql : insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contract_id);
      opora_stmt_bind_text (stmt, 2, opora_measure_type_to_string (type));
      opora_stmt_bind_text (stmt, 3, opora_measure_get_need (measure));
      opora_stmt_bind_text (stmt, 4, opora_measure_get_planned_on (measure));
      opora_stmt_bind_text (stmt, 5,
                            opora_measure_status_to_string (opora_measure_get_status (measure)));
      opora_stmt_bind_text (stmt, 6, opora_measure_get_done_on (measure));
      opora_stmt_bind_text (stmt, 7, opora_measure_get_note (measure));
      if (has_certificate)
        sqlite3_bind_int (stmt, 8, opora_measure_get_informed_online (measure));
      else
        sqlite3_bind_null (stmt, 8);
      opora_stmt_bind_text (stmt, 9, has_certificate ? opora_measure_get_certificate (measure)
                                                     : NULL);
      opora_stmt_bind_id (stmt, 10, opora_store_author_or_zero (self));
      if (id > 0)
        sqlite3_bind_int64 (stmt, 11, id);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (id == 0)
        remember_id (new_ids, measure, sqlite3_last_insert_rowid (opora_store_get_db (self)));
    }

  return delete_left_over (self, "DELETE FROM measure WHERE id = ?", old_ids, error);
}

static gboolean
write_analysis (OporaStore     *self,
                OporaContract  *contract,
                gint64          contract_id,
                GError        **error)
{
  OporaProgrammeAnalysis *analysis = opora_contract_get_analysis (contract);
  sqlite3_stmt *stmt;

  if (analysis == NULL)
    {
      stmt = opora_store_prepare (self, "DELETE FROM programme_analysis WHERE contract_id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contract_id);
      return step_done (self, stmt, error);
    }

  stmt = opora_store_prepare (self,
                              "INSERT INTO programme_analysis (contract_id, done, analysed_on,"
                              " low_income, needs, proposals, created_by, updated_by)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
                              " ON CONFLICT (contract_id) DO UPDATE SET done = ?2,"
                              " analysed_on = ?3, low_income = ?4, needs = ?5, proposals = ?6,"
                              " updated_by = ?7,"
                              " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int (stmt, 2, opora_programme_analysis_get_done (analysis));
  opora_stmt_bind_text (stmt, 3, opora_programme_analysis_get_analysed_on (analysis));
  sqlite3_bind_int (stmt, 4, opora_programme_analysis_get_low_income (analysis));
  opora_stmt_bind_text (stmt, 5, opora_programme_analysis_get_needs (analysis));
  opora_stmt_bind_text (stmt, 6, opora_programme_analysis_get_proposals (analysis));
  opora_stmt_bind_id (stmt, 7, opora_store_author_or_zero (self));
  return step_done (self, stmt, error);
}

static gboolean
write_outcome (OporaStore     *self,
               OporaContract  *contract,
               gint64          contract_id,
               GError        **error)
{
  OporaOutcome *outcome = opora_contract_get_outcome (contract);
  sqlite3_stmt *stmt;

  if (outcome == NULL)
    {
      stmt = opora_store_prepare (self, "DELETE FROM outcome WHERE contract_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contract_id);
      return step_done (self, stmt, error);
    }

  stmt = opora_store_prepare (self,
                              "INSERT INTO outcome (contract_id, programme_completed, situation,"
                              " cause_eliminated, status_raised, recorded_on, created_by,"
                              " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
                              " ON CONFLICT (contract_id) DO UPDATE SET programme_completed = ?2,"
                              " situation = ?3, cause_eliminated = ?4, status_raised = ?5,"
                              " recorded_on = ?6, updated_by = ?7,"
                              " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int (stmt, 2, opora_outcome_get_programme_completed (outcome));
  opora_stmt_bind_text (stmt, 3,
                        opora_situation_to_string (opora_outcome_get_situation (outcome)));
  sqlite3_bind_int (stmt, 4, opora_outcome_get_cause_eliminated (outcome));
  sqlite3_bind_int (stmt, 5, opora_outcome_get_status_raised (outcome));
  opora_stmt_bind_text (stmt, 6, opora_outcome_get_recorded_on (outcome));
  opora_stmt_bind_id (stmt, 7, opora_store_author_or_zero (self));
  return step_done (self, stmt, error);
}

static gboolean
write_monitoring_acts (OporaStore     *self,
                       OporaContract  *contract,
                       gint64          contract_id,
                       GArray         *new_ids,
                       GError        **error)
{
  static const char insert_sql[] =
    "INSERT INTO monitoring_act (contract_id, month_no, act_on, income_per_capita, employment,"
    " living_conditions, created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
  static const char update_sql[] =
    "UPDATE monitoring_act SET contract_id = ?1, month_no = ?2, act_on = ?3,"
    " income_per_capita = ?4, employment = ?5, living_conditions = ?6, updated_by = ?7,"
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?8";
  GListModel *acts = opora_contract_get_monitoring_acts (contract);
  g_autoptr(GHashTable) old_ids = NULL;
  guint n = g_list_model_get_n_items (acts);

  old_ids = child_ids (self, "SELECT id FROM monitoring_act WHERE contract_id = ?",
                       contract_id, error);
  if (old_ids == NULL)
    return FALSE;

  /* Delete first: an act removed for month 3 and a new one for month 3 must not collide. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaMonitoringAct) act = g_list_model_get_item (acts, i);
      gint64 id = opora_monitoring_act_get_id (act);

      if (id > 0 && !g_hash_table_remove (old_ids, &id))
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                       _("The monitoring act for month %d is no longer in the database; "
                         "open the contract again"), opora_monitoring_act_get_month_no (act));
          return FALSE;
        }
    }
  if (!delete_left_over (self, "DELETE FROM monitoring_act WHERE id = ?", old_ids, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaMonitoringAct) act = g_list_model_get_item (acts, i);
      gint64 id = opora_monitoring_act_get_id (act);
      sqlite3_stmt *stmt = opora_store_prepare (self, id > 0 ? update_sql : insert_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contract_id);
      sqlite3_bind_int (stmt, 2, opora_monitoring_act_get_month_no (act));
      opora_stmt_bind_text (stmt, 3, opora_monitoring_act_get_act_on (act));
      opora_stmt_bind_amount (stmt, 4, opora_monitoring_act_get_income_per_capita (act));
      opora_stmt_bind_text (stmt, 5, opora_monitoring_act_get_employment (act));
      opora_stmt_bind_text (stmt, 6, opora_monitoring_act_get_living_conditions (act));
      opora_stmt_bind_id (stmt, 7, opora_store_author_or_zero (self));
      if (id > 0)
        sqlite3_bind_int64 (stmt, 8, id);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (id == 0)
        remember_id (new_ids, act, sqlite3_last_insert_rowid (opora_store_get_db (self)));
    }
  return TRUE;
}

static gboolean
write_everything (OporaStore     *self,
                  OporaContract  *contract,
                  const char     *number,
                  GArray         *new_ids,
                  gint64         *contract_id,
                  GError        **error)
{
  return write_contract (self, contract, number, contract_id, error) &&
         write_measures (self, contract, *contract_id, new_ids, error) &&
         write_analysis (self, contract, *contract_id, error) &&
         write_outcome (self, contract, *contract_id, error) &&
         write_monitoring_acts (self, contract, *contract_id, new_ids, error);
}

gboolean
opora_store_save_contract_full (OporaStore     *self,
                                OporaContract  *contract,
                                GObject       **object,
                                const char    **field,
                                GError        **error)
{
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (NewId));
  g_autofree char *number = NULL;
  gint64 contract_id;
  GListModel *children[2];

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_CONTRACT (contract), FALSE);

  if (!opora_store_begin (self, error))
    return FALSE;
  if (!opora_store_check_contract (self, contract, object, field, error))
    {
      opora_store_rollback (self);
      return FALSE;
    }

  number = g_strstrip (g_strdup (opora_contract_get_number (contract)));
  contract_id = opora_contract_get_id (contract);
  if (!write_everything (self, contract, number, new_ids, &contract_id, error))
    {
      opora_store_rollback (self);
      return FALSE;
    }

  opora_store_touch (self, "contract");
  opora_store_touch (self, "measure");
  opora_store_touch (self, "programme_analysis");
  opora_store_touch (self, "outcome");
  opora_store_touch (self, "monitoring_act");
  if (!opora_store_commit (self, error))
    return FALSE;

  /* Committed: now the objects may learn their ids. */
  opora_contract_set_id (contract, contract_id);
  opora_contract_set_number (contract, number);
  for (guint i = 0; i < new_ids->len; i++)
    {
      NewId *entry = &g_array_index (new_ids, NewId, i);

      if (OPORA_IS_MEASURE (entry->object))
        opora_measure_set_id (OPORA_MEASURE (entry->object), entry->id);
      else
        opora_monitoring_act_set_id (OPORA_MONITORING_ACT (entry->object), entry->id);
    }
  children[0] = opora_contract_get_measures (contract);
  children[1] = opora_contract_get_monitoring_acts (contract);
  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    for (guint i = 0; i < g_list_model_get_n_items (children[c]); i++)
      {
        g_autoptr(GObject) child = g_list_model_get_item (children[c], i);
        g_object_set (child, "contract-id", contract_id, NULL);
      }
  if (opora_contract_get_analysis (contract) != NULL)
    opora_programme_analysis_set_contract_id (opora_contract_get_analysis (contract),
                                              contract_id);
  if (opora_contract_get_outcome (contract) != NULL)
    opora_outcome_set_contract_id (opora_contract_get_outcome (contract), contract_id);
  return TRUE;
}

gboolean
opora_store_save_contract (OporaStore     *self,
                           OporaContract  *contract,
                           GError        **error)
{
  return opora_store_save_contract_full (self, contract, NULL, NULL, error);
}

static gboolean
load_measures (OporaStore     *self,
               OporaContract  *contract,
               GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = opora_store_prepare (self,
                              "SELECT id, type, need, planned_on, status, done_on, note,"
                              " informed_online, certificate FROM measure"
                              " WHERE contract_id = ? ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, opora_contract_get_id (contract));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OporaMeasure) measure = opora_measure_new ();
      OporaMeasureType type = OPORA_MEASURE_TYPE_NONE;
      OporaMeasureStatus status = OPORA_MEASURE_STATUS_PLANNED;

      opora_measure_type_from_string (column_text (stmt, 1), &type);
      opora_measure_status_from_string (column_text (stmt, 4), &status);
      opora_measure_set_id (measure, sqlite3_column_int64 (stmt, 0));
      opora_measure_set_contract_id (measure, opora_contract_get_id (contract));
      opora_measure_set_measure_type (measure, type);
      opora_measure_set_need (measure, column_text (stmt, 2));
      opora_measure_set_planned_on (measure, column_text (stmt, 3));
      opora_measure_set_status (measure, status);
      opora_measure_set_done_on (measure, column_text (stmt, 5));
      opora_measure_set_note (measure, column_text (stmt, 6));
      opora_measure_set_informed_online (measure, sqlite3_column_int (stmt, 7));
      opora_measure_set_certificate (measure, column_text (stmt, 8));
      opora_contract_add_measure (contract, measure);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || opora_store_set_error (self, error);
}

static gboolean
load_analysis_and_outcome (OporaStore     *self,
                           OporaContract  *contract,
                           GError        **error)
{
  gint64 id = opora_contract_get_id (contract);
  sqlite3_stmt *stmt;
  int rc;

  stmt = opora_store_prepare (self,
                              "SELECT done, analysed_on, low_income, needs, proposals"
                              " FROM programme_analysis WHERE contract_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OporaProgrammeAnalysis) analysis = opora_programme_analysis_new ();

      opora_programme_analysis_set_contract_id (analysis, id);
      opora_programme_analysis_set_done (analysis, sqlite3_column_int (stmt, 0));
      opora_programme_analysis_set_analysed_on (analysis, column_text (stmt, 1));
      opora_programme_analysis_set_low_income (analysis, sqlite3_column_int (stmt, 2));
      opora_programme_analysis_set_needs (analysis, column_text (stmt, 3));
      opora_programme_analysis_set_proposals (analysis, column_text (stmt, 4));
      opora_contract_set_analysis (contract, analysis);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return opora_store_set_error (self, error);

  stmt = opora_store_prepare (self,
                              "SELECT programme_completed, situation, cause_eliminated,"
                              " status_raised, recorded_on FROM outcome WHERE contract_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OporaOutcome) outcome = opora_outcome_new ();
      OporaSituation situation = OPORA_SITUATION_NONE;

      opora_situation_from_string (column_text (stmt, 1), &situation);
      opora_outcome_set_contract_id (outcome, id);
      opora_outcome_set_programme_completed (outcome, sqlite3_column_int (stmt, 0));
      opora_outcome_set_situation (outcome, situation);
      opora_outcome_set_cause_eliminated (outcome, sqlite3_column_int (stmt, 2));
      opora_outcome_set_status_raised (outcome, sqlite3_column_int (stmt, 3));
      opora_outcome_set_recorded_on (outcome, column_text (stmt, 4));
      opora_contract_set_outcome (contract, outcome);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return opora_store_set_error (self, error);
  return TRUE;
}

static gboolean
load_monitoring_acts (OporaStore     *self,
                      OporaContract  *contract,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = opora_store_prepare (self,
                              "SELECT id, month_no, act_on, income_per_capita, employment,"
                              " living_conditions FROM monitoring_act WHERE contract_id = ?"
                              " ORDER BY month_no",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, opora_contract_get_id (contract));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OporaMonitoringAct) act = opora_monitoring_act_new ();

      opora_monitoring_act_set_id (act, sqlite3_column_int64 (stmt, 0));
      opora_monitoring_act_set_contract_id (act, opora_contract_get_id (contract));
      opora_monitoring_act_set_month_no (act, sqlite3_column_int (stmt, 1));
      opora_monitoring_act_set_act_on (act, column_text (stmt, 2));
      opora_monitoring_act_set_income_per_capita (act, opora_stmt_column_amount (stmt, 3));
      opora_monitoring_act_set_employment (act, column_text (stmt, 4));
      opora_monitoring_act_set_living_conditions (act, column_text (stmt, 5));
      opora_contract_add_monitoring_act (contract, act);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || opora_store_set_error (self, error);
}

OporaContract *
opora_store_load_contract (OporaStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(OporaContract) contract = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self, OPORA_CONTRACT_ROW_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    contract = OPORA_CONTRACT (opora_contract_read_row (stmt));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("There is no contract with id %lld"), (long long) id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      opora_store_set_error (self, error);
      return NULL;
    }

  if (!load_measures (self, contract, error) ||
      !load_analysis_and_outcome (self, contract, error) ||
      !load_monitoring_acts (self, contract, error))
    return NULL;
  return g_steal_pointer (&contract);
}

GListModel *
opora_store_list_person_contracts (OporaStore  *self,
                                   gint64       person_id,
                                   GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (OPORA_TYPE_CONTRACT);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self,
                              "SELECT id FROM contract WHERE person_id = ?"
                              " ORDER BY concluded_on DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(OporaContract) contract =
        opora_store_load_contract (self, g_array_index (ids, gint64, i), error);

      if (contract == NULL)
        return NULL;
      g_list_store_append (list, contract);
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}
