#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "opora-error.h"
#include "opora-store-private.h"
#include "opora-store-institution.h"
#include "opora-store-records.h"
#include "opora-survey.h"
#include "opora-store-survey-forms.h"

#define FULL_NAME_SQL \
  "p.surname || ' ' || p.name || coalesce (' ' || nullif (p.patronymic, ''), '')"

static const char templates_sql[] =
  "SELECT id, code, title FROM survey_template"
  " ORDER BY code IS NULL, title, id";

static const char find_sql[] =
  "SELECT id FROM survey_template WHERE code = ?1 OR id = ?2";

static const char template_sql[] =
  "SELECT title, greeting, introduction, instructions, closing"
  " FROM survey_template WHERE id = ?1";

static const char questions_sql[] =
  "SELECT kind, text, options FROM survey_question"
  " WHERE template_id = ?1 AND retired = 0 ORDER BY position, id";

/* The contract holders are found through the contracts of the period (an index on
 * concluded_on), not by testing every person: a period holds a small part of a registry. */
#define UNSURVEYED_WHERE                                                               \
  " WHERE p.id IN (SELECT c.person_id FROM contract c"                                 \
  "                 WHERE c.concluded_on >= coalesce (?2, '0000-01-01')"               \
  "                   AND c.concluded_on <= coalesce (?3, '9999-12-31'))"              \
  "   AND NOT EXISTS (SELECT 1 FROM survey_response r"                                 \
  "                    WHERE r.person_id = p.id AND r.template_id = ?1)"

static const char unsurveyed_sql[] =
  "SELECT p.id, " FULL_NAME_SQL " FROM person p" UNSURVEYED_WHERE
  " ORDER BY p.surname, p.name, p.patronymic, p.id";

/* Counted on the contracts alone: the persons' rows are not needed to count them, and the
 * dialog counts again at every change of the year. */
static const char unsurveyed_count_sql[] =
  "SELECT count (DISTINCT c.person_id) FROM contract c"
  " WHERE c.concluded_on >= coalesce (?2, '0000-01-01')"
  "   AND c.concluded_on <= coalesce (?3, '9999-12-31')"
  "   AND NOT EXISTS (SELECT 1 FROM survey_response r"
  "                    WHERE r.person_id = c.person_id AND r.template_id = ?1)";

static const char latest_year_sql[] =
  "SELECT CAST (substr (max (concluded_on), 1, 4) AS INTEGER) FROM contract";

static const char recipient_sql[] =
  "SELECT p.id, " FULL_NAME_SQL " FROM person p WHERE p.id = ?1";

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Steps @stmt to its end: FALSE with @error when the database failed. */
static gboolean
finish_stmt (OporaStore    *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
opora_survey_form_template_free (OporaSurveyFormTemplate *t)
{
  if (t == NULL)
    return;
  g_free (t->code);
  g_free (t->title);
  g_free (t);
}

void
opora_survey_recipient_free (OporaSurveyRecipient *r)
{
  if (r == NULL)
    return;
  g_free (r->full_name);
  g_free (r);
}

GPtrArray *
opora_store_list_survey_form_templates (OporaStore  *self,
                                        GError     **error)
{
  g_autoptr(GPtrArray) templates = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, templates_sql, error)))
    return NULL;
  templates = g_ptr_array_new_with_free_func ((GDestroyNotify) opora_survey_form_template_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OporaSurveyFormTemplate *t = g_new0 (OporaSurveyFormTemplate, 1);

      t->id = sqlite3_column_int64 (stmt, 0);
      t->code = opora_stmt_dup_text (stmt, 1);
      t->title = g_strdup (column_text (stmt, 2));
      g_ptr_array_add (templates, t);
    }
  if (!finish_stmt (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&templates);
}

gint64
opora_store_find_survey_form_template (OporaStore  *self,
                                       const char  *code_or_id,
                                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  guint64 number = 0;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), 0);
  g_return_val_if_fail (code_or_id != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!(stmt = opora_store_prepare (self, find_sql, error)))
    return 0;
  if (!g_ascii_string_to_unsigned (code_or_id, 10, 1, G_MAXINT64, &number, NULL))
    number = 0;
  sqlite3_bind_text (stmt, 1, code_or_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (gint64) number);
  /* A code is looked at before an id: a template may be coded "2". */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (id == 0 || number == 0 || sqlite3_column_int64 (stmt, 0) != (gint64) number)
      id = sqlite3_column_int64 (stmt, 0);
  if (!finish_stmt (self, stmt, rc, error))
    return 0;
  if (id == 0)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                 _("There is no survey template “%s”"), code_or_id);
  return id;
}

/* The head of a form: the institution's name, then its address and phone. */
static char *
institution_head (OporaInstitution *institution)
{
  const char *name = opora_institution_get_full_name (institution);
  const char *address = opora_institution_get_address (institution);
  const char *phone = opora_institution_get_phone (institution);
  GString *head = g_string_new (NULL);
  GString *details = g_string_new (address);

  /* The seed's form names the centre in full («БУ «Югорский комплексный центр…»»). */
  if (*name == '\0')
    name = opora_institution_get_short_name (institution);
  if (*phone != '\0')
    {
      if (details->len > 0)
        g_string_append (details, ", ");
      /* TRANSLATORS: the institution's phone at the head of a printed form */
      g_string_append_printf (details, C_("survey form", "tel. %s"), phone);
    }
  g_string_append (head, name);
  if (details->len > 0)
    g_string_append_printf (head, "\n%s", details->str);
  g_string_free (details, TRUE);
  return g_string_free (head, FALSE);
}

static OporaSurveyFormKind
kind_from_text (const char *kind)
{
  if (g_str_equal (kind, "single"))
    return OPORA_SURVEY_FORM_SINGLE;
  if (g_str_equal (kind, "multiple"))
    return OPORA_SURVEY_FORM_MULTIPLE;
  if (g_str_equal (kind, "text"))
    return OPORA_SURVEY_FORM_TEXT;
  return OPORA_SURVEY_FORM_YES_NO; /* the schema allows nothing else */
}

/* The options of a choice, one a line as stored, without empty lines. */
static GStrv
split_options (const char        *options,
               OporaInstitution  *institution)
{
  g_auto(GStrv) lines = g_strsplit (options != NULL ? options : "", "\n", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_ptr_array_add (kept, opora_survey_fill_text (lines[i], institution));
    }
  g_ptr_array_add (kept, NULL);
  return (GStrv) g_ptr_array_free (kept, FALSE);
}

static gboolean
load_questions (OporaStore           *self,
                gint64                template_id,
                OporaInstitution     *institution,
                OporaSurveyFormData  *data,
                GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = opora_store_prepare (self, questions_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, template_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OporaSurveyFormKind kind = kind_from_text (column_text (stmt, 0));
      g_autofree char *text = opora_survey_fill_text (column_text (stmt, 1), institution);
      g_auto(GStrv) options = NULL;

      if (kind == OPORA_SURVEY_FORM_SINGLE || kind == OPORA_SURVEY_FORM_MULTIPLE)
        options = split_options ((const char *) sqlite3_column_text (stmt, 2), institution);
      opora_survey_form_data_add_question (data, kind, text, (const char * const *) options);
    }
  return finish_stmt (self, stmt, rc, error);
}

OporaSurveyFormData *
opora_store_load_survey_form (OporaStore  *self,
                              gint64       template_id,
                              GError     **error)
{
  g_autoptr(OporaSurveyFormData) data = NULL;
  g_autoptr(OporaInstitution) institution = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One snapshot: the texts and the questions of the same moment. */
  if (!opora_store_snapshot_begin (self, error))
    return NULL;
  if (!(institution = opora_store_load_institution (self, error))
      || !(stmt = opora_store_prepare (self, template_sql, error)))
    {
      opora_store_snapshot_end (self);
      return NULL;
    }

  data = opora_survey_form_data_new ();
  sqlite3_bind_int64 (stmt, 1, template_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->title = opora_survey_fill_text (column_text (stmt, 0), institution);
      data->greeting = opora_survey_fill_text (column_text (stmt, 1), institution);
      data->introduction = opora_survey_fill_text (column_text (stmt, 2), institution);
      data->instructions = opora_survey_fill_text (column_text (stmt, 3), institution);
      data->closing = opora_survey_fill_text (column_text (stmt, 4), institution);
      data->institution = institution_head (institution);
    }
  ok = finish_stmt (self, stmt, rc, error);
  if (ok && rc != SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, template_id);

      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("There is no survey template with id %s"), id);
      ok = FALSE;
    }
  ok = ok && load_questions (self, template_id, institution, data, error);
  opora_store_snapshot_end (self);
  return ok ? g_steal_pointer (&data) : NULL;
}

static void
bind_period (sqlite3_stmt *stmt,
             gint64        template_id,
             const char   *from,
             const char   *to)
{
  sqlite3_bind_int64 (stmt, 1, template_id);
  opora_stmt_bind_text (stmt, 2, from);
  opora_stmt_bind_text (stmt, 3, to);
}

static OporaSurveyRecipient *
recipient_from_row (sqlite3_stmt *stmt)
{
  OporaSurveyRecipient *r = g_new0 (OporaSurveyRecipient, 1);

  r->person_id = sqlite3_column_int64 (stmt, 0);
  r->full_name = g_strdup (column_text (stmt, 1));
  return r;
}

GPtrArray *
opora_store_list_unsurveyed_contract_holders (OporaStore  *self,
                                              gint64       template_id,
                                              const char  *from,
                                              const char  *to,
                                              GError     **error)
{
  g_autoptr(GPtrArray) recipients = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, unsurveyed_sql, error)))
    return NULL;
  bind_period (stmt, template_id, from, to);
  recipients = g_ptr_array_new_with_free_func ((GDestroyNotify) opora_survey_recipient_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (recipients, recipient_from_row (stmt));
  if (!finish_stmt (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&recipients);
}

gboolean
opora_store_count_unsurveyed_contract_holders (OporaStore  *self,
                                               gint64       template_id,
                                               const char  *from,
                                               const char  *to,
                                               guint       *out_count,
                                               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_count = 0;
  if (!(stmt = opora_store_prepare (self, unsurveyed_count_sql, error)))
    return FALSE;
  bind_period (stmt, template_id, from, to);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  return finish_stmt (self, stmt, rc, error);
}

GPtrArray *
opora_store_list_survey_recipients (OporaStore    *self,
                                    const gint64  *ids,
                                    guint          n_ids,
                                    GError       **error)
{
  g_autoptr(GPtrArray) recipients = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, recipient_sql, error)))
    return NULL;
  recipients = g_ptr_array_new_with_free_func ((GDestroyNotify) opora_survey_recipient_free);
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (recipients, recipient_from_row (stmt));
      if (!finish_stmt (self, stmt, rc, error))
        return NULL;
      if (rc != SQLITE_ROW)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);

          g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                       _("There is no person with id %s"), id);
          return NULL;
        }
    }
  return g_steal_pointer (&recipients);
}

int
opora_store_latest_contract_year (OporaStore *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int year = 0;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), 0);

  if (!(stmt = opora_store_prepare (self, latest_year_sql, &error)))
    {
      g_warning ("%s", error->message);
      return 0;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    year = sqlite3_column_int (stmt, 0);
  if (!finish_stmt (self, stmt, rc, &error))
    g_warning ("%s", error->message);
  return year;
}

GArray *
opora_survey_recipients_to_persons (GPtrArray  *recipients,
                                    const char *date)
{
  GArray *persons;

  g_return_val_if_fail (recipients != NULL, NULL);

  persons = g_array_sized_new (FALSE, TRUE, sizeof (OporaSurveyFormPerson), recipients->len);
  for (guint i = 0; i < recipients->len; i++)
    {
      OporaSurveyRecipient *r = g_ptr_array_index (recipients, i);
      OporaSurveyFormPerson person = { r->full_name, date };

      g_array_append_val (persons, person);
    }
  return persons;
}
