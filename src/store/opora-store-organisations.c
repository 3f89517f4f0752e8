#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-store-organisations.h"
#include "opora-store-private.h"

/* SQLite's lower() and LIKE fold ASCII only, so «ЦЕНТР» would not find «Центр». Partner
 * organisations are few (hundreds in a centre), so the list folds case in SQL through a
 * function of ours, called per row, instead of keeping a normalised copy of every text
 * column: the search still runs in the database, a page at a time, like every list. */
#define CASEFOLD_FUNCTION "opora_casefold"
#define MAX_SEARCH_WORDS 8

/* Every agreement of the row's organisation in one text column, so a list row is a whole
 * organisation without a query per row: "id signed_on valid_until|- HEX(number)" joined
 * by ",". Dates are ISO (the schema checks them) and the number is hex: neither can hold
 * a separator. */
static const char row_sql[] =
  "SELECT o.id, o.name, o.kind, o.profile, o.contacts, o.address, o.hours, o.conditions,"
  "  (SELECT group_concat (a.id || ' ' || a.signed_on || ' ' || coalesce (a.valid_until, '-')"
  "                        || ' ' || hex (a.number), ',')"
  "     FROM agreement a WHERE a.organisation_id = o.id)"
  " FROM organisation o WHERE o.id = ?";

static const char * const watched_tables[] = { "organisation", "agreement", NULL };

/* An agreement in force on a day: signed by then and not ended before it. The format takes
 * the number of the parameter holding the day, twice. */
#define IN_FORCE_SQL                                                                  \
  "EXISTS (SELECT 1 FROM agreement a WHERE a.organisation_id = o.id"                   \
  " AND a.signed_on <= ?%u AND (a.valid_until IS NULL OR a.valid_until >= ?%u))"

static char *
fold_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (normal ? normal : valid, -1);
  GString *out = g_string_sized_new (strlen (folded));

  /* «ё» is written as «е» as often as not: either finds both. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == 0x0451 ? 0x0435 : c);
    }
  return g_string_free (out, FALSE);
}

/* opora_casefold (text, …): the arguments joined by newlines, case-folded. */
static void
casefold_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text == NULL)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, text);
    }
  sqlite3_result_text (context, fold_text (joined->str), -1, g_free);
}

/* Registers the function once per connection, before any statement that names it. */
static void
ensure_functions (OporaStore *self)
{
  static GQuark quark;
  int rc;

  if (quark == 0)
    quark = g_quark_from_static_string ("opora-store-organisations-functions");
  if (g_object_get_qdata (G_OBJECT (self), quark) != NULL)
    return;

  rc = sqlite3_create_function_v2 (opora_store_get_db (self), CASEFOLD_FUNCTION, -1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, casefold_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_critical ("Cannot register %s: %s", CASEFOLD_FUNCTION, sqlite3_errstr (rc));
  g_object_set_qdata (G_OBJECT (self), quark, GINT_TO_POINTER (1));
}

static int
compare_agreements (gconstpointer a,
                    gconstpointer b)
{
  OporaAgreement *x = *(OporaAgreement **) a;
  OporaAgreement *y = *(OporaAgreement **) b;
  int order = g_strcmp0 (opora_agreement_get_signed_on (x), opora_agreement_get_signed_on (y));

  if (order != 0)
    return order;
  return (opora_agreement_get_id (x) > opora_agreement_get_id (y))
         - (opora_agreement_get_id (x) < opora_agreement_get_id (y));
}

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
read_agreements (OporaOrganisation *organisation,
                 const char        *packed)
{
  g_auto(GStrv) entries = NULL;
  g_autoptr(GPtrArray) agreements = NULL;

  if (packed == NULL)
    return;

  entries = g_strsplit (packed, ",", -1);
  agreements = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], " ", 4);
      g_autofree char *number = NULL;
      OporaAgreement *agreement;

      if (g_strv_length (parts) != 4)
        continue;
      number = unhex (parts[3]);
      agreement = opora_agreement_new ();
      opora_agreement_set_id (agreement, g_ascii_strtoll (parts[0], NULL, 10));
      opora_agreement_set_organisation_id (agreement, opora_organisation_get_id (organisation));
      opora_agreement_set_signed_on (agreement, parts[1]);
      opora_agreement_set_valid_until (agreement, g_str_equal (parts[2], "-") ? NULL : parts[2]);
      opora_agreement_set_number (agreement, number);
      g_ptr_array_add (agreements, agreement);
    }
  g_ptr_array_sort (agreements, compare_agreements);
  for (guint i = 0; i < agreements->len; i++)
    opora_organisation_add_agreement (organisation, g_ptr_array_index (agreements, i));
}

static GObject *
read_row (sqlite3_stmt *stmt)
{
  OporaOrganisation *organisation = opora_organisation_new ();
  g_autofree char *name = opora_stmt_dup_text (stmt, 1);
  g_autofree char *kind = opora_stmt_dup_text (stmt, 2);
  g_autofree char *profile = opora_stmt_dup_text (stmt, 3);
  g_autofree char *contacts = opora_stmt_dup_text (stmt, 4);
  g_autofree char *address = opora_stmt_dup_text (stmt, 5);
  g_autofree char *hours = opora_stmt_dup_text (stmt, 6);
  g_autofree char *conditions = opora_stmt_dup_text (stmt, 7);
  g_autofree char *packed = opora_stmt_dup_text (stmt, 8);

  opora_organisation_set_id (organisation, sqlite3_column_int64 (stmt, 0));
  opora_organisation_set_name (organisation, name);
  opora_organisation_set_kind (organisation, opora_organisation_kind_from_string (kind));
  opora_organisation_set_profile (organisation, profile);
  opora_organisation_set_contacts (organisation, contacts);
  opora_organisation_set_address (organisation, address);
  opora_organisation_set_hours (organisation, hours);
  opora_organisation_set_conditions (organisation, conditions);
  read_agreements (organisation, packed);
  return G_OBJECT (organisation);
}

/* Kinds sort in the order people know them from the form, «Другое» last, not by the
 * English words stored. */
static char *
kind_rank_sql (void)
{
  GString *sql = g_string_new ("CASE o.kind");

  for (int kind = 1; kind <= OPORA_ORGANISATION_KIND_LAST; kind++)
    g_string_append_printf (sql, " WHEN '%s' THEN %d",
                            opora_organisation_kind_to_string (kind), kind);
  g_string_append (sql, " END");
  return g_string_free (sql, FALSE);
}

static void
build_order (const OporaOrganisationQuery  *query,
             char                         **order_by,
             char                         **reverse_order_by)
{
  g_autofree char *rank = NULL;
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;

  if (query->sort == OPORA_ORGANISATION_SORT_KIND)
    {
      rank = kind_rank_sql ();
      ascending = g_strdup_printf ("%s, " CASEFOLD_FUNCTION " (o.name), o.id", rank);
      descending = g_strdup_printf ("%s DESC, " CASEFOLD_FUNCTION " (o.name) DESC, o.id DESC",
                                    rank);
    }
  else
    {
      ascending = g_strdup (CASEFOLD_FUNCTION " (o.name), o.id");
      descending = g_strdup (CASEFOLD_FUNCTION " (o.name) DESC, o.id DESC");
    }

  *order_by = g_strdup (query->descending ? descending : ascending);
  *reverse_order_by = g_strdup (query->descending ? ascending : descending);
}

static void
apply_query (OporaListModel               *list,
             const OporaOrganisationQuery *query)
{
  static const OporaOrganisationQuery all = { 0 };
  g_autoptr(GString) where = g_string_new ("FROM organisation o WHERE 1");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *order_by = NULL;
  g_autofree char *reverse_order_by = NULL;

  if (query == NULL)
    query = &all;

  if (query->search != NULL)
    {
      g_autofree char *folded = fold_text (query->search);
      g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
      guint n_words = 0;

      for (guint i = 0; words[i] != NULL && n_words < MAX_SEARCH_WORDS; i++)
        {
          if (*words[i] == '\0')
            continue;
          g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (words[i])));
          g_string_append_printf (where,
                                  " AND instr (" CASEFOLD_FUNCTION " (o.name, o.profile,"
                                  " o.contacts, o.address, (SELECT group_concat (a.number, ' ')"
                                  " FROM agreement a WHERE a.organisation_id = o.id)), ?%u) > 0",
                                  params->len);
          n_words++;
        }
    }

  if (query->kind != OPORA_ORGANISATION_KIND_NONE)
    {
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (
                         opora_organisation_kind_to_string (query->kind))));
      g_string_append_printf (where, " AND o.kind = ?%u", params->len);
    }

  if (query->in_force_on != NULL && *query->in_force_on != '\0')
    {
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (query->in_force_on)));
      g_string_append (where, " AND ");
      g_string_append_printf (where, IN_FORCE_SQL, params->len, params->len);
    }

  build_order (query, &order_by, &reverse_order_by);
  opora_list_model_set_query (list, where->str, params, "o.id", order_by, reverse_order_by);
}

GListModel *
opora_store_list_organisations (OporaStore                   *self,
                                const OporaOrganisationQuery *query)
{
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  ensure_functions (self);
  list = opora_list_model_new (self, OPORA_TYPE_ORGANISATION, row_sql, read_row,
                               watched_tables);
  apply_query (list, query);
  return G_LIST_MODEL (list);
}

void
opora_store_query_organisations (GListModel                   *list,
                                 const OporaOrganisationQuery *query)
{
  g_return_if_fail (OPORA_IS_LIST_MODEL (list));
  g_return_if_fail (g_list_model_get_item_type (list) == OPORA_TYPE_ORGANISATION);

  apply_query (OPORA_LIST_MODEL (list), query);
}

OporaOrganisation *
opora_store_load_organisation (OporaStore  *self,
                               gint64       id,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *organisation = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, row_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    organisation = read_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("The organisation no longer exists: it may have been deleted"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);

  return OPORA_ORGANISATION (organisation);
}

guint
opora_store_count_organisations_with_agreement_in_force (OporaStore *self,
                                                         const char *iso_date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), 0);
  g_return_val_if_fail (iso_date != NULL, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM organisation o WHERE " IN_FORCE_SQL, 1u, 1u);
  if (!(stmt = opora_store_prepare (self, sql, &error)))
    {
      g_critical ("Cannot count organisations: %s", error->message);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, iso_date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Runs one prepared write; FALSE with @error from the database when it refuses. */
static gboolean
step_done (OporaStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
write_organisation (OporaStore         *self,
                    OporaOrganisation  *organisation,
                    gint64              author,
                    gint64             *out_id,
                    GError            **error)
{
  gint64 id = opora_organisation_get_id (organisation);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = opora_store_prepare (self,
                                "INSERT INTO organisation (name, kind, profile, contacts, address,"
                                " hours, conditions, created_by, updated_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  else
    stmt = opora_store_prepare (self,
                                "UPDATE organisation SET name = ?1, kind = ?2, profile = ?3,"
                                " contacts = ?4, address = ?5, hours = ?6, conditions = ?7,"
                                " updated_by = ?8,"
                                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " WHERE id = ?9", error);
  if (stmt == NULL)
    return FALSE;

  opora_stmt_bind_text (stmt, 1, opora_organisation_get_name (organisation));
  opora_stmt_bind_text (stmt, 2, opora_organisation_kind_to_string (
                                   opora_organisation_get_kind (organisation)));
  opora_stmt_bind_text (stmt, 3, opora_organisation_get_profile (organisation));
  opora_stmt_bind_text (stmt, 4, opora_organisation_get_contacts (organisation));
  opora_stmt_bind_text (stmt, 5, opora_organisation_get_address (organisation));
  opora_stmt_bind_text (stmt, 6, opora_organisation_get_hours (organisation));
  opora_stmt_bind_text (stmt, 7, opora_organisation_get_conditions (organisation));
  opora_stmt_bind_id (stmt, 8, author);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 9, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The organisation no longer exists: it may have been deleted"));
      return FALSE;
    }
  *out_id = id;
  return TRUE;
}

/* Deletes the agreements of @organisation_id that the list no longer holds. */
static gboolean
delete_missing_agreements (OporaStore  *self,
                           gint64       organisation_id,
                           GListModel  *agreements,
                           GError     **error)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(OporaAgreement) agreement = g_list_model_get_item (agreements, i);
      gint64 id = opora_agreement_get_id (agreement);

      if (id != 0)
        g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
    }

  if (!(stmt = opora_store_prepare (self, "SELECT id FROM agreement WHERE organisation_id = ?",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (kept, &id))
        g_array_append_val (stale, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return opora_store_set_error (self, error);

  for (guint i = 0; i < stale->len; i++)
    {
      if (!(stmt = opora_store_prepare (self, "DELETE FROM agreement WHERE id = ?", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (stale, gint64, i));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_agreement (OporaStore      *self,
                 gint64           organisation_id,
                 OporaAgreement  *agreement,
                 gint64           author,
                 gint64          *out_id,
                 GError         **error)
{
  gint64 id = opora_agreement_get_id (agreement);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = opora_store_prepare (self,
                                "INSERT INTO agreement (organisation_id, number, signed_on,"
                                " valid_until, created_by, updated_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
  else
    /* Only a row that has not changed keeps its audit columns as they were. */
    stmt = opora_store_prepare (self,
                                "UPDATE agreement SET number = ?2, signed_on = ?3,"
                                " valid_until = ?4, updated_by = ?5,"
                                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " WHERE id = ?6 AND organisation_id = ?1"
                                " AND (number IS NOT ?2 OR signed_on IS NOT ?3"
                                "      OR valid_until IS NOT ?4)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, organisation_id);
  opora_stmt_bind_text (stmt, 2, opora_agreement_get_number (agreement));
  opora_stmt_bind_text (stmt, 3, opora_agreement_get_signed_on (agreement));
  opora_stmt_bind_text (stmt, 4, opora_agreement_get_valid_until (agreement));
  opora_stmt_bind_id (stmt, 5, author);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    {
      *out_id = sqlite3_last_insert_rowid (opora_store_get_db (self));
      return TRUE;
    }
  *out_id = id;
  if (sqlite3_changes (opora_store_get_db (self)) > 0)
    return TRUE;

  /* Nothing updated: either unchanged, or not (any more) this organisation's agreement. */
  if (!(stmt = opora_store_prepare (self,
                                    "SELECT 1 FROM agreement WHERE id = ? AND organisation_id = ?",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("Agreement No. %s no longer exists: it may have been deleted"),
                   opora_agreement_get_number (agreement));
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
opora_store_save_organisation (OporaStore         *self,
                               OporaOrganisation  *organisation,
                               GError            **error)
{
  GListModel *agreements;
  g_autoptr(GArray) agreement_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gint64 organisation_id = 0;
  gint64 author;
  guint n;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_ORGANISATION (organisation), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!opora_organisation_validate (organisation, NULL, NULL, error))
    return FALSE;

  agreements = opora_organisation_get_agreements (organisation);
  n = g_list_model_get_n_items (agreements);
  g_array_set_size (agreement_ids, n);

  if (!opora_store_begin (self, error))
    return FALSE;
  author = opora_store_author_or_zero (self);

  if (!write_organisation (self, organisation, author, &organisation_id, error)
      || !delete_missing_agreements (self, organisation_id, agreements, error))
    goto failed;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaAgreement) agreement = g_list_model_get_item (agreements, i);

      if (!write_agreement (self, organisation_id, agreement, author,
                            &g_array_index (agreement_ids, gint64, i), error))
        goto failed;
    }

  opora_store_touch (self, "organisation");
  opora_store_touch (self, "agreement");
  if (!opora_store_commit (self, error))
    return FALSE;

  /* Only a committed save gives ids: after a refusal the object must still describe
   * rows that do not exist yet, so the user can correct it and save again. */
  opora_organisation_set_id (organisation, organisation_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaAgreement) agreement = g_list_model_get_item (agreements, i);

      opora_agreement_set_id (agreement, g_array_index (agreement_ids, gint64, i));
      opora_agreement_set_organisation_id (agreement, organisation_id);
    }
  return TRUE;

failed:
  opora_store_rollback (self);
  return FALSE;
}
