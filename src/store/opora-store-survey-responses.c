#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-snils.h"
#include "opora-store-persons.h"
#include "opora-store-private.h"
#include "opora-store-search.h"
#include "opora-store-surveys-private.h"
#include "opora-store-surveys.h"

/* A response with the person's name, the template's title and every answer with the
 * question it answered, packed as OPORA_SURVEY_PACKED_QUESTION then " hex(value)". */
static const char row_sql[] =
  "SELECT r.id, r.template_id, t.title, r.person_id,"
  "  p.surname || ' ' || p.name || coalesce (' ' || p.patronymic, ''),"
  "  r.responded_on, r.note,"
  "  (SELECT group_concat (" OPORA_SURVEY_PACKED_QUESTION ("q") " || ' ' || hex (a.value), ',')"
  "     FROM survey_answer a JOIN survey_question q ON q.id = a.question_id"
  "    WHERE a.response_id = r.id)"
  " FROM survey_response r"
  " JOIN survey_template t ON t.id = r.template_id"
  " JOIN person p ON p.id = r.person_id"
  " WHERE r.id = ?";

static const char * const watched_tables[] = {
  "survey_response", "survey_answer", "survey_template", "person", NULL
};

/* How many persons a name may match before the quick entry asks for more of it. */
#define MAX_CANDIDATES 200

static int
compare_answers (gconstpointer a,
                 gconstpointer b)
{
  OporaSurveyQuestion *x = opora_survey_answer_get_question (*(OporaSurveyAnswer **) a);
  OporaSurveyQuestion *y = opora_survey_answer_get_question (*(OporaSurveyAnswer **) b);
  guint px = opora_survey_question_get_position (x);
  guint py = opora_survey_question_get_position (y);

  if (px != py)
    return px < py ? -1 : 1;
  return (opora_survey_question_get_id (x) > opora_survey_question_get_id (y))
         - (opora_survey_question_get_id (x) < opora_survey_question_get_id (y));
}

static void
read_answers (OporaSurveyResponse *response,
              const char          *packed)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) entries = NULL;

  if (packed == NULL)
    return;
  entries = g_strsplit (packed, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *rest = NULL;
      g_autofree char *value = NULL;
      g_autoptr(OporaSurveyQuestion) question = opora_survey_question_unpack (entries[i], &rest);

      if (question == NULL || rest == NULL || (value = opora_survey_unhex (rest)) == NULL)
        continue;
      g_ptr_array_add (answers, opora_survey_answer_new (question, value));
    }
  g_ptr_array_sort (answers, compare_answers);
  for (guint i = 0; i < answers->len; i++)
    {
      OporaSurveyAnswer *answer = g_ptr_array_index (answers, i);

      opora_survey_response_set_answer (response, opora_survey_answer_get_question (answer),
                                        opora_survey_answer_get_value (answer));
    }
}

static GObject *
read_row (sqlite3_stmt *stmt)
{
  OporaSurveyResponse *response = opora_survey_response_new ();
  g_autofree char *title = opora_stmt_dup_text (stmt, 2);
  g_autofree char *name = opora_stmt_dup_text (stmt, 4);
  g_autofree char *responded_on = opora_stmt_dup_text (stmt, 5);
  g_autofree char *note = opora_stmt_dup_text (stmt, 6);
  g_autofree char *packed = opora_stmt_dup_text (stmt, 7);

  opora_survey_response_set_id (response, sqlite3_column_int64 (stmt, 0));
  opora_survey_response_set_template_id (response, sqlite3_column_int64 (stmt, 1));
  opora_survey_response_set_template_title (response, title);
  opora_survey_response_set_person_id (response, sqlite3_column_int64 (stmt, 3));
  opora_survey_response_set_person_name (response, name);
  opora_survey_response_set_responded_on (response, responded_on);
  opora_survey_response_set_note (response, note);
  read_answers (response, packed);
  return G_OBJECT (response);
}

static GListModel *
list_responses (OporaStore *self,
                const char *column,
                gint64      id)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *where = g_strdup_printf ("FROM survey_response r WHERE r.%s = ?1", column);
  OporaListModel *list;

  list = opora_list_model_new (self, OPORA_TYPE_SURVEY_RESPONSE, row_sql, read_row,
                               watched_tables);
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (id)));
  opora_list_model_set_query (list, where, params, "r.id",
                              "r.responded_on DESC, r.id DESC", "r.responded_on, r.id");
  return G_LIST_MODEL (list);
}

GListModel *
opora_store_list_person_survey_responses (OporaStore *self,
                                          gint64      person_id)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  return list_responses (self, "person_id", person_id);
}

GListModel *
opora_store_list_template_survey_responses (OporaStore *self,
                                            gint64      template_id)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  return list_responses (self, "template_id", template_id);
}

OporaSurveyResponse *
opora_store_load_survey_response (OporaStore  *self,
                                  gint64       id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *response = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, row_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    response = read_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("The survey response no longer exists: it may have been deleted"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);

  return OPORA_SURVEY_RESPONSE (response);
}

/* Saving */

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

/* The ids of the questions of @response_id's template that it need not answer: those not
 * known to be older than it (timestamps have whole seconds) and not answered by it. */
static GHashTable *
read_later_questions (OporaStore  *self,
                      gint64       response_id,
                      GError     **error)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (response_id == 0)
    return ids;
  stmt = opora_store_prepare (self,
                              "SELECT q.id FROM survey_response r"
                              " JOIN survey_question q ON q.template_id = r.template_id"
                              " WHERE r.id = ?1 AND q.created_at >= r.created_at"
                              " AND NOT EXISTS (SELECT 1 FROM survey_answer a"
                              "                 WHERE a.response_id = r.id"
                              "                 AND a.question_id = q.id)", error);
  if (stmt == NULL)
    {
      g_hash_table_unref (ids);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, response_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      g_hash_table_unref (ids);
      return NULL;
    }
  return ids;
}

/* Each answer is to a question of the response's template, in use or answered by this
 * response before. */
static gboolean
check_answer_questions (OporaStore           *self,
                        OporaSurveyResponse  *response,
                        GError              **error)
{
  GListModel *answers = opora_survey_response_get_answers (response);
  sqlite3_stmt *stmt;

  stmt = opora_store_prepare (self,
                              "SELECT 1 FROM survey_question q WHERE q.id = ?1"
                              " AND q.template_id = ?2 AND (q.retired = 0 OR EXISTS"
                              " (SELECT 1 FROM survey_answer a WHERE a.question_id = q.id"
                              "  AND a.response_id = ?3))", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(OporaSurveyAnswer) answer = g_list_model_get_item (answers, i);
      OporaSurveyQuestion *question = opora_survey_answer_get_question (answer);
      int rc;

      sqlite3_bind_int64 (stmt, 1, opora_survey_question_get_id (question));
      sqlite3_bind_int64 (stmt, 2, opora_survey_response_get_template_id (response));
      sqlite3_bind_int64 (stmt, 3, opora_survey_response_get_id (response));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        continue;
      if (rc != SQLITE_DONE)
        return opora_store_set_error (self, error);
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                   _("Question %u was changed while the survey was open: open it again"),
                   opora_survey_question_get_position (question));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_person_and_duplicate (OporaStore           *self,
                            OporaSurveyResponse  *response,
                            GError              **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = NULL;
  gboolean exists, duplicate;
  int rc;

  stmt = opora_store_prepare (self,
                              "SELECT p.surname || ' ' || p.name"
                              "       || coalesce (' ' || p.patronymic, ''),"
                              "  EXISTS (SELECT 1 FROM survey_response r WHERE r.person_id = p.id"
                              "          AND r.template_id = ?2 AND r.responded_on = ?3"
                              "          AND r.id IS NOT ?4)"
                              " FROM person p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, opora_survey_response_get_person_id (response));
  sqlite3_bind_int64 (stmt, 2, opora_survey_response_get_template_id (response));
  opora_stmt_bind_text (stmt, 3, opora_survey_response_get_responded_on (response));
  opora_stmt_bind_id (stmt, 4, opora_survey_response_get_id (response));
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW;
  duplicate = exists && sqlite3_column_int (stmt, 1) != 0;
  if (exists)
    name = opora_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return opora_store_set_error (self, error);
  if (!exists)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The person no longer exists: they may have been deleted"));
      return FALSE;
    }
  if (duplicate)
    {
      g_autofree char *date = opora_date_iso_to_display (
                                opora_survey_response_get_responded_on (response));

      g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE,
                   _("%s already has a response to this survey dated %s: was this form "
                     "entered twice?"), name, date);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_response (OporaStore           *self,
                OporaSurveyResponse  *response,
                gint64                author,
                gint64               *out_id,
                GError              **error)
{
  gint64 id = opora_survey_response_get_id (response);
  GListModel *answers = opora_survey_response_get_answers (response);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = opora_store_prepare (self,
                                "INSERT INTO survey_response (template_id, person_id,"
                                " responded_on, note, created_by, updated_by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
  else
    stmt = opora_store_prepare (self,
                                "UPDATE survey_response SET template_id = ?1, person_id = ?2,"
                                " responded_on = ?3, note = ?4, updated_by = ?5,"
                                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " WHERE id = ?6", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, opora_survey_response_get_template_id (response));
  sqlite3_bind_int64 (stmt, 2, opora_survey_response_get_person_id (response));
  opora_stmt_bind_text (stmt, 3, opora_survey_response_get_responded_on (response));
  opora_stmt_bind_text (stmt, 4, opora_survey_response_get_note (response));
  opora_stmt_bind_id (stmt, 5, author);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The survey response no longer exists: it may have been deleted"));
      return FALSE;
    }

  stmt = opora_store_prepare (self, "DELETE FROM survey_answer WHERE response_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = opora_store_prepare (self, "INSERT INTO survey_answer (response_id, question_id, value)"
                                    " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(OporaSurveyAnswer) answer = g_list_model_get_item (answers, i);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, opora_survey_question_get_id (
                                     opora_survey_answer_get_question (answer)));
      opora_stmt_bind_text (stmt, 3, opora_survey_answer_get_value (answer));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  *out_id = id;
  return TRUE;
}

gboolean
opora_store_save_survey_response (OporaStore           *self,
                                  OporaSurveyResponse  *response,
                                  GError              **error)
{
  g_autoptr(OporaSurveyTemplate) survey = NULL;
  g_autoptr(GHashTable) later = NULL;
  g_autoptr(GListStore) required = g_list_store_new (OPORA_TYPE_SURVEY_QUESTION);
  gint64 id = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (response), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!opora_store_begin (self, error))
    return FALSE;

  survey = opora_store_load_survey_template (self,
                                             opora_survey_response_get_template_id (response),
                                             error);
  later = survey ? read_later_questions (self, opora_survey_response_get_id (response), error)
                 : NULL;
  if (later == NULL)
    goto failed;
  for (guint i = 0; i < opora_survey_template_get_n_questions (survey); i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (survey, i);
      gint64 question_id = opora_survey_question_get_id (question);

      if (!g_hash_table_contains (later, &question_id))
        g_list_store_append (required, question);
    }

  if (!opora_survey_response_validate (response, G_LIST_MODEL (required), NULL, NULL, error)
      || !check_answer_questions (self, response, error)
      || !check_person_and_duplicate (self, response, error)
      || !write_response (self, response, opora_store_author_or_zero (self), &id, error))
    goto failed;

  opora_store_touch (self, "survey_response");
  opora_store_touch (self, "survey_answer");
  if (!opora_store_commit (self, error))
    return FALSE;
  opora_survey_response_set_id (response, id);
  return TRUE;

failed:
  opora_store_rollback (self);
  return FALSE;
}

/* Resolving what a quick-entry line names */

static gboolean
is_snils_text (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (strchr (" -", *p) == NULL)
        return FALSE;
    }
  return digit;
}

/* Case and «ё» aside. */
static char *
fold (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text ? text : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == 0x0451 ? 0x0435 : c);
    }
  return g_string_free (out, FALSE);
}

/* "И.И." and "И. И." are initials, "Иван" a name: the words after the surname, split at
 * spaces and dots, folded. */
static GPtrArray *
split_given (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " .\t", -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, fold (parts[i]));
  return words;
}

static OporaPerson *
resolve_snils (OporaStore  *self,
               const char  *text,
               GError     **error)
{
  g_autofree char *snils = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (!opora_snils_normalize (text, &snils, error))
    return NULL;
  if (!(stmt = opora_store_prepare (self, "SELECT id FROM person WHERE snils = ?1", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, snils, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("No person has the SNILS %s"), text);
      return NULL;
    }
  return opora_store_load_person (self, id, error);
}

/* The index query for the surname, narrowed by the name and patronymic each given word
 * begins. */
static char *
build_match (const char *surname,
             GPtrArray  *given)
{
  static const char * const columns[] = { "name", "patronymic" };
  g_autofree char *match = opora_search_person_match (surname);
  GString *expr;

  if (match == NULL)
    return NULL;
  expr = g_string_new (NULL);
  g_string_append_printf (expr, "(%s)", match);
  for (guint i = 0; i < given->len && i < G_N_ELEMENTS (columns); i++)
    {
      const char *word = g_ptr_array_index (given, i);

      g_string_append_printf (expr, " AND %s : \"", columns[i]);
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (expr, '"');
          g_string_append_c (expr, *p);
        }
      g_string_append (expr, "\"*");
    }
  return g_string_free (expr, FALSE);
}

OporaPerson *
opora_store_resolve_respondent (OporaStore  *self,
                                const char  *text,
                                GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GPtrArray) given = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  char *space;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean = g_strstrip (g_utf8_make_valid (text ? text : "", -1));
  if (*clean == '\0')
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Type the person’s surname and initials, or their SNILS"));
      return NULL;
    }
  if (is_snils_text (clean))
    return resolve_snils (self, clean, error);

  /* The index finds candidates by the surname's beginning and the initials; the exact
   * surname is then checked here, on a few rows. */
  space = strpbrk (clean, " \t");
  surname = g_strndup (clean, space ? (gsize) (space - clean) : strlen (clean));
  given = split_given (space ? space : "");
  match = given->len <= 2 ? build_match (surname, given) : NULL;
  if (match == NULL)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("No person is called “%s”"), clean);
      return NULL;
    }

  stmt = opora_store_prepare (self,
                              "SELECT p.id, p.surname FROM person p"
                              " WHERE p.id IN (SELECT rowid FROM person_search"
                              "                WHERE person_search MATCH ?1)"
                              " ORDER BY p.id LIMIT " G_STRINGIFY (MAX_CANDIDATES), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  wanted = fold (surname);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *candidate = fold ((const char *) sqlite3_column_text (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_str_equal (candidate, wanted))
        g_array_append_val (found, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      return NULL;
    }

  if (found->len == 0)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("No person is called “%s”"), clean);
      return NULL;
    }
  if (found->len > 1)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” matches %u person: type the full name or the SNILS",
                                "“%s” matches %u persons: type the full name or the SNILS",
                                found->len),
                   clean, found->len);
      return NULL;
    }
  return opora_store_load_person (self, g_array_index (found, gint64, 0), error);
}
