#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-store-private.h"
#include "opora-store-search.h"
#include "opora-store-surveys-private.h"
#include "opora-store-surveys.h"

/* A template with its questions in use and the number of answers of each, packed as
 * OPORA_SURVEY_PACKED_QUESTION then " n_answers", joined by ",". */
static const char row_sql[] =
  "SELECT t.id, t.code, t.title, t.greeting, t.introduction, t.instructions, t.closing,"
  "  (SELECT count(*) FROM survey_response r WHERE r.template_id = t.id),"
  "  (SELECT group_concat (" OPORA_SURVEY_PACKED_QUESTION ("q") " || ' ' ||"
  "                        (SELECT count(*) FROM survey_answer a WHERE a.question_id = q.id),"
  "                        ',')"
  "     FROM survey_question q WHERE q.template_id = t.id AND q.retired = 0)"
  " FROM survey_template t WHERE t.id = ?";

static const char * const watched_tables[] = {
  "survey_template", "survey_question", "survey_response", NULL
};

#define RESPONSES_SQL "(SELECT count(*) FROM survey_response r WHERE r.template_id = t.id)"

char *
opora_survey_unhex (const char *hex)
{
  gsize len = strlen (hex) / 2;
  char *out;

  if (len == 0)
    return NULL;
  out = g_malloc (len + 1);
  for (gsize i = 0; i < len; i++)
    out[i] = (char) ((g_ascii_xdigit_value (hex[2 * i]) << 4)
                     | g_ascii_xdigit_value (hex[2 * i + 1]));
  out[len] = '\0';
  return out;
}

OporaSurveyQuestion *
opora_survey_question_unpack (const char  *packed,
                              char       **rest)
{
  g_auto(GStrv) parts = g_strsplit (packed, " ", 8);
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  g_autofree char *options = NULL;
  OporaSurveyQuestionKind kind;
  OporaSurveyQuestion *question;

  if (rest != NULL)
    *rest = NULL;
  if (g_strv_length (parts) < 7 || !opora_survey_question_kind_from_string (parts[2], &kind))
    return NULL;

  code = opora_survey_unhex (parts[4]);
  text = opora_survey_unhex (parts[5]);
  options = opora_survey_unhex (parts[6]);
  question = opora_survey_question_new (kind, text);
  opora_survey_question_set_id (question, g_ascii_strtoll (parts[0], NULL, 10));
  opora_survey_question_set_position (question, (guint) g_ascii_strtoull (parts[1], NULL, 10));
  opora_survey_question_set_retired (question, g_str_equal (parts[3], "1"));
  opora_survey_question_set_code (question, code);
  opora_survey_question_set_options (question, options);
  if (rest != NULL && parts[7] != NULL)
    *rest = g_strdup (parts[7]);
  return question;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  OporaSurveyQuestion *x = *(OporaSurveyQuestion **) a;
  OporaSurveyQuestion *y = *(OporaSurveyQuestion **) b;
  guint px = opora_survey_question_get_position (x);
  guint py = opora_survey_question_get_position (y);

  if (px != py)
    return px < py ? -1 : 1;
  return (opora_survey_question_get_id (x) > opora_survey_question_get_id (y))
         - (opora_survey_question_get_id (x) < opora_survey_question_get_id (y));
}

static void
read_questions (OporaSurveyTemplate *survey,
                const char          *packed)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) entries = NULL;

  if (packed == NULL)
    return;
  entries = g_strsplit (packed, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *rest = NULL;
      OporaSurveyQuestion *question = opora_survey_question_unpack (entries[i], &rest);

      if (question == NULL)
        continue;
      opora_survey_question_set_n_answers (question,
                                           rest ? (guint) g_ascii_strtoull (rest, NULL, 10) : 0);
      g_ptr_array_add (questions, question);
    }
  g_ptr_array_sort (questions, compare_positions);
  /* Adding renumbers from 1: the numbers people see, even after a deleted question. */
  for (guint i = 0; i < questions->len; i++)
    opora_survey_template_add_question (survey, g_ptr_array_index (questions, i));
}

static GObject *
read_row (sqlite3_stmt *stmt)
{
  OporaSurveyTemplate *survey = opora_survey_template_new ();
  g_autofree char *code = opora_stmt_dup_text (stmt, 1);
  g_autofree char *title = opora_stmt_dup_text (stmt, 2);
  g_autofree char *greeting = opora_stmt_dup_text (stmt, 3);
  g_autofree char *introduction = opora_stmt_dup_text (stmt, 4);
  g_autofree char *instructions = opora_stmt_dup_text (stmt, 5);
  g_autofree char *closing = opora_stmt_dup_text (stmt, 6);
  g_autofree char *packed = opora_stmt_dup_text (stmt, 8);

  opora_survey_template_set_id (survey, sqlite3_column_int64 (stmt, 0));
  opora_survey_template_set_code (survey, code);
  opora_survey_template_set_title (survey, title);
  opora_survey_template_set_greeting (survey, greeting);
  opora_survey_template_set_introduction (survey, introduction);
  opora_survey_template_set_instructions (survey, instructions);
  opora_survey_template_set_closing (survey, closing);
  opora_survey_template_set_n_responses (survey, (guint) sqlite3_column_int64 (stmt, 7));
  read_questions (survey, packed);
  return G_OBJECT (survey);
}

OporaSurveyTemplateSort
opora_survey_template_sort_from_key (const char *sort_key)
{
  if (g_strcmp0 (sort_key, "responses") == 0)
    return OPORA_SURVEY_TEMPLATE_SORT_RESPONSES;
  return OPORA_SURVEY_TEMPLATE_SORT_TITLE;
}

static void
apply_query (OporaListModel                 *list,
             const OporaSurveyTemplateQuery *query)
{
  static const OporaSurveyTemplateQuery all = { 0 };
  g_autoptr(GString) where = g_string_new ("FROM survey_template t WHERE 1");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *words = NULL;
  const char *order_by;
  const char *reverse_order_by;

  if (query == NULL)
    query = &all;

  words = opora_search_like_words ("t.title", query->search, params);
  if (words != NULL)
    g_string_append_printf (where, " AND %s", words);

  /* Templates are few (tens): counting the responses of each to sort costs nothing. */
  if (query->sort == OPORA_SURVEY_TEMPLATE_SORT_RESPONSES)
    {
      order_by = RESPONSES_SQL ", opora_fold (t.title), t.id";
      reverse_order_by = RESPONSES_SQL " DESC, opora_fold (t.title) DESC, t.id DESC";
    }
  else
    {
      order_by = "(t.code IS NULL), opora_fold (t.title), t.id";
      reverse_order_by = "(t.code IS NULL) DESC, opora_fold (t.title) DESC, t.id DESC";
    }
  if (query->descending)
    {
      const char *swap = order_by;

      order_by = reverse_order_by;
      reverse_order_by = swap;
    }
  opora_list_model_set_query (list, where->str, params, "t.id", order_by, reverse_order_by);
}

GListModel *
opora_store_list_survey_templates (OporaStore                     *self,
                                   const OporaSurveyTemplateQuery *query)
{
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_SURVEY_TEMPLATE, row_sql, read_row,
                               watched_tables);
  apply_query (list, query);
  return G_LIST_MODEL (list);
}

void
opora_store_query_survey_templates (GListModel                     *list,
                                    const OporaSurveyTemplateQuery *query)
{
  g_return_if_fail (OPORA_IS_LIST_MODEL (list));
  g_return_if_fail (g_list_model_get_item_type (list) == OPORA_TYPE_SURVEY_TEMPLATE);

  apply_query (OPORA_LIST_MODEL (list), query);
}

OporaSurveyTemplate *
opora_store_load_survey_template (OporaStore  *self,
                                  gint64       id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *survey = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, row_sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    survey = read_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("The survey no longer exists: it may have been deleted"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);

  return OPORA_SURVEY_TEMPLATE (survey);
}

/* One integer from a query with one optional text parameter; 0 when there is no row. */
static gint64
query_id (OporaStore *self,
          const char *sql,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = opora_store_prepare (self, sql, &error);
  gint64 id = 0;

  if (stmt == NULL)
    {
      g_critical ("Cannot read the surveys: %s", error->message);
      return 0;
    }
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
opora_store_get_builtin_survey_id (OporaStore *self)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), 0);

  return query_id (self, "SELECT id FROM survey_template WHERE code = '"
                         OPORA_SURVEY_BUILTIN_CODE "'", NULL);
}

gint64
opora_store_get_builtin_question_id (OporaStore *self,
                                     const char *code)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), 0);
  g_return_val_if_fail (code != NULL, 0);

  return query_id (self, "SELECT q.id FROM survey_question q"
                         " JOIN survey_template t ON t.id = q.template_id"
                         " WHERE t.code = '" OPORA_SURVEY_BUILTIN_CODE "'"
                         " AND q.code = ?1 AND q.retired = 0"
                         " ORDER BY q.id DESC LIMIT 1", code);
}

guint
opora_store_count_survey_responses (OporaStore *self,
                                    gint64      template_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), 0);

  stmt = opora_store_prepare (self, "SELECT count(*) FROM survey_response"
                                    " WHERE ?1 = 0 OR template_id = ?1", &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot count survey responses: %s", error->message);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
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

static gboolean
write_template (OporaStore           *self,
                OporaSurveyTemplate  *survey,
                gint64                author,
                gint64               *out_id,
                GError              **error)
{
  gint64 id = opora_survey_template_get_id (survey);
  sqlite3_stmt *stmt;

  /* The code is written once: the built-in survey keeps it through every edit. */
  if (id == 0)
    stmt = opora_store_prepare (self,
                                "INSERT INTO survey_template (title, greeting, introduction,"
                                " instructions, closing, created_by, updated_by, code)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)", error);
  else
    stmt = opora_store_prepare (self,
                                "UPDATE survey_template SET title = ?1, greeting = ?2,"
                                " introduction = ?3, instructions = ?4, closing = ?5,"
                                " updated_by = ?6,"
                                " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " WHERE id = ?7", error);
  if (stmt == NULL)
    return FALSE;

  /* greeting … closing are NOT NULL DEFAULT '': an empty text is stored as ''. */
  sqlite3_bind_text (stmt, 1, opora_survey_template_get_title (survey), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, opora_survey_template_get_greeting (survey) ?: "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, opora_survey_template_get_introduction (survey) ?: "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, opora_survey_template_get_instructions (survey) ?: "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, opora_survey_template_get_closing (survey) ?: "", -1,
                     SQLITE_TRANSIENT);
  opora_stmt_bind_id (stmt, 6, author);
  if (id == 0)
    opora_stmt_bind_text (stmt, 7, opora_survey_template_get_code (survey));
  else
    sqlite3_bind_int64 (stmt, 7, id);

  if (!step_done (self, stmt, error))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  else if (sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("The survey no longer exists: it may have been deleted"));
      return FALSE;
    }
  *out_id = id;
  return TRUE;
}

static gboolean
is_choice (OporaSurveyQuestion *question)
{
  OporaSurveyQuestionKind kind = opora_survey_question_get_kind (question);

  return kind == OPORA_SURVEY_QUESTION_SINGLE || kind == OPORA_SURVEY_QUESTION_MULTIPLE;
}

static gboolean
insert_question (OporaStore           *self,
                 gint64                template_id,
                 OporaSurveyQuestion  *question,
                 guint                 position,
                 const char           *code,
                 gint64                author,
                 gint64               *out_id,
                 GError              **error)
{
  sqlite3_stmt *stmt = opora_store_prepare (self,
                                            "INSERT INTO survey_question (template_id, position,"
                                            " code, kind, text, options, created_by, updated_by)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, template_id);
  sqlite3_bind_int (stmt, 2, (int) position);
  opora_stmt_bind_text (stmt, 3, code);
  opora_stmt_bind_text (stmt, 4, opora_survey_question_kind_to_string (
                                   opora_survey_question_get_kind (question)));
  opora_stmt_bind_text (stmt, 5, opora_survey_question_get_text (question));
  /* Options a question had as a choice mean nothing once it is yes/no or text. */
  opora_stmt_bind_text (stmt, 6, is_choice (question)
                                 ? opora_survey_question_get_options (question) : NULL);
  opora_stmt_bind_id (stmt, 7, author);
  if (!step_done (self, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (opora_store_get_db (self));
  return TRUE;
}

/* Runs @sql with ?1 = @id and ?2 = @author (when the statement has it). */
static gboolean
run_on_question (OporaStore  *self,
                 const char  *sql,
                 gint64       id,
                 gint64       author,
                 GError     **error)
{
  sqlite3_stmt *stmt = opora_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    opora_stmt_bind_id (stmt, 2, author);
  return step_done (self, stmt, error);
}

#define RETIRE_SQL                                                               \
  "UPDATE survey_question SET retired = 1, updated_by = ?2,"                     \
  " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1"

/* Writes one listed question at @position; its id (new when it was replaced) goes to
 * *@out_id. @stored is the row as the database holds it, or NULL for a new question. */
static gboolean
write_question (OporaStore           *self,
                gint64                template_id,
                OporaSurveyQuestion  *question,
                OporaSurveyQuestion  *stored,
                guint                 position,
                gint64                author,
                gint64               *out_id,
                GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (stored == NULL)
    return insert_question (self, template_id, question, position,
                            opora_survey_question_get_code (question), author, out_id, error);

  id = opora_survey_question_get_id (stored);
  if (!opora_survey_question_same_content (question, stored)
      && opora_survey_question_get_n_answers (stored) > 0)
    {
      /* Answered: the old wording stays with its answers; the new one takes its place and
       * its code, so the indicators follow the question. */
      return run_on_question (self, RETIRE_SQL, id, author, error)
             && insert_question (self, template_id, question, position,
                                 opora_survey_question_get_code (stored), author, out_id, error);
    }

  *out_id = id;
  if (opora_survey_question_same_content (question, stored)
      && opora_survey_question_get_position (stored) == position)
    return TRUE;

  stmt = opora_store_prepare (self,
                              "UPDATE survey_question SET position = ?2, kind = ?3, text = ?4,"
                              " options = ?5, updated_by = ?6,"
                              " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                              " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, (int) position);
  opora_stmt_bind_text (stmt, 3, opora_survey_question_kind_to_string (
                                   opora_survey_question_get_kind (question)));
  opora_stmt_bind_text (stmt, 4, opora_survey_question_get_text (question));
  opora_stmt_bind_text (stmt, 5, is_choice (question)
                                 ? opora_survey_question_get_options (question) : NULL);
  opora_stmt_bind_id (stmt, 6, author);
  return step_done (self, stmt, error);
}

/* The questions in use of @template_id as the database holds them, by id. */
static GHashTable *
read_stored_questions (OporaStore  *self,
                       gint64       template_id,
                       GError     **error)
{
  g_autoptr(OporaSurveyTemplate) stored = NULL;
  GHashTable *by_id;

  if (template_id == 0)
    return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  stored = opora_store_load_survey_template (self, template_id, error);
  if (stored == NULL)
    return NULL;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < opora_survey_template_get_n_questions (stored); i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (stored, i);
      gint64 id = opora_survey_question_get_id (question);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), g_object_ref (question));
    }
  return by_id;
}

/* Questions no longer listed: deleted, or retired when they have answers. */
static gboolean
drop_unlisted (OporaStore  *self,
               GHashTable  *stored,
               GHashTable  *listed,
               gint64       author,
               GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      OporaSurveyQuestion *question = value;

      if (g_hash_table_contains (listed, key))
        continue;
      if (opora_survey_question_get_n_answers (question) > 0)
        {
          if (!run_on_question (self, RETIRE_SQL, *(gint64 *) key, author, error))
            return FALSE;
        }
      else if (!run_on_question (self, "DELETE FROM survey_question WHERE id = ?1",
                                 *(gint64 *) key, author, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
opora_store_save_survey_template (OporaStore           *self,
                                  OporaSurveyTemplate  *survey,
                                  GError              **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gint64 template_id = 0;
  gint64 author;
  guint n;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (survey), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!opora_survey_template_validate (survey, NULL, NULL, error))
    return FALSE;

  n = opora_survey_template_get_n_questions (survey);
  g_array_set_size (ids, n);

  if (!opora_store_begin (self, error))
    return FALSE;
  author = opora_store_author_or_zero (self);

  /* What the database holds is read inside the transaction: the answers counted are the
   * ones there when the edit is written. */
  stored = read_stored_questions (self, opora_survey_template_get_id (survey), error);
  if (stored == NULL || !write_template (self, survey, author, &template_id, error))
    goto failed;

  for (guint i = 0; i < n; i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (survey, i);
      gint64 id = opora_survey_question_get_id (question);
      OporaSurveyQuestion *row = NULL;

      if (id != 0)
        {
          row = g_hash_table_lookup (stored, &id);
          if (row == NULL)
            {
              g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("Question %u was changed or removed elsewhere while this survey "
                             "was open: open the survey again"), i + 1);
              goto failed;
            }
        }
      if (!write_question (self, template_id, question, row, i + 1, author,
                           &g_array_index (ids, gint64, i), error))
        goto failed;
    }

  {
    g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, NULL);

    for (guint i = 0; i < n; i++)
      {
        OporaSurveyQuestion *question = opora_survey_template_get_question (survey, i);
        gint64 id = opora_survey_question_get_id (question);

        if (id != 0)
          g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
      }
    if (!drop_unlisted (self, stored, kept, author, error))
      goto failed;
  }

  opora_store_touch (self, "survey_template");
  opora_store_touch (self, "survey_question");
  if (!opora_store_commit (self, error))
    return FALSE;

  /* Only a committed save gives ids: after a refusal the object must still describe what
   * the user typed, so it can be corrected and saved again. */
  opora_survey_template_set_id (survey, template_id);
  for (guint i = 0; i < n; i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (survey, i);
      gint64 id = g_array_index (ids, gint64, i);

      if (opora_survey_question_get_id (question) != id)
        {
          OporaSurveyQuestion *row = NULL;
          gint64 old_id = opora_survey_question_get_id (question);

          if (old_id != 0 && (row = g_hash_table_lookup (stored, &old_id)) != NULL)
            opora_survey_question_set_code (question, opora_survey_question_get_code (row));
          opora_survey_question_set_n_answers (question, 0);
          opora_survey_question_set_id (question, id);
        }
    }
  return TRUE;

failed:
  opora_store_rollback (self);
  return FALSE;
}
