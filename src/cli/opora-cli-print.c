/* opora-cli print-survey: survey forms (анкеты) to an A4 PDF, blank, for given persons, or for
 * every contract holder of a year who has not answered yet — the pages the window prints. */
#define G_LOG_DOMAIN "opora-cli"

#include <glib/gi18n.h>

#include "opora-cli.h"
#include "opora-date.h"
#include "opora-error.h"
#include "opora-store-survey-forms.h"
#include "opora-survey-form.h"

#define COMMAND "print-survey"

typedef struct
{
  char    *db;
  char    *output;
  char    *template_name;
  char   **person_args;
  int      year;
  char    *date;
  GArray  *person_ids;   /* gint64 */
  char    *date_display; /* the date as printed, or NULL for a blank line */
} Options;

static void
options_clear (Options *o)
{
  g_free (o->db);
  g_free (o->output);
  g_free (o->template_name);
  g_strfreev (o->person_args);
  g_free (o->date);
  g_clear_pointer (&o->person_ids, g_array_unref);
  g_free (o->date_display);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The checks that need no database; FALSE after printing why. */
static gboolean
check_options (Options *o)
{
  if (o->output == NULL || o->output[0] == '\0')
    {
      opora_cli_error (COMMAND, "%s", _("--output FILE.pdf is required"));
      return FALSE;
    }
  if (o->person_args != NULL && o->year != 0)
    {
      opora_cli_error (COMMAND, "%s",
                       _("choose either --person or --unsurveyed-year, not both"));
      return FALSE;
    }
  if (o->year != 0 && (o->year < OPORA_DATE_MIN_YEAR || o->year > OPORA_DATE_MAX_YEAR))
    {
      opora_cli_error (COMMAND, _("the year must lie between %d and %d"),
                       OPORA_DATE_MIN_YEAR, OPORA_DATE_MAX_YEAR);
      return FALSE;
    }

  o->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; o->person_args != NULL && o->person_args[i] != NULL; i++)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (o->person_args[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          opora_cli_error (COMMAND, _("“%s” is not a person’s id (a positive whole number)"),
                           o->person_args[i]);
          return FALSE;
        }
      g_array_append_val (o->person_ids, id);
    }

  if (o->date != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = opora_date_display_to_iso (o->date, &error);

      if (iso == NULL)
        {
          opora_cli_error (COMMAND, "--date: %s",
                           error != NULL ? error->message : _("the date is empty"));
          return FALSE;
        }
      o->date_display = opora_date_iso_to_display (iso);
    }
  return TRUE;
}

/* The persons to print for: NULL with a message when one cannot be found. An empty array
 * means one blank form. */
static GPtrArray *
list_recipients (OporaStore *store,
                 Options    *o,
                 gint64      template_id,
                 int        *out_status)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *recipients;

  if (o->year != 0)
    {
      g_autofree char *from = g_strdup_printf ("%04d-01-01", o->year);
      g_autofree char *to = g_strdup_printf ("%04d-12-31", o->year);

      recipients = opora_store_list_unsurveyed_contract_holders (store, template_id, from, to,
                                                                 &error);
    }
  else
    recipients = opora_store_list_survey_recipients (store,
                                                     (const gint64 *) o->person_ids->data,
                                                     o->person_ids->len, &error);
  if (recipients == NULL)
    {
      opora_cli_error (COMMAND, "%s", error->message);
      *out_status = g_error_matches (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND)
                    ? OPORA_CLI_USAGE : OPORA_CLI_FAILED;
    }
  return recipients;
}

int
opora_cli_print_survey_run (int    argc,
                            char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(OporaSurveyFormData) data = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GArray) persons = NULL;
  g_autoptr(GError) error = NULL;
  int status = OPORA_CLI_FAILED;
  gint64 template_id;
  guint n_forms;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("The PDF file to write"), N_("FILE.pdf") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &o.template_name,
      N_("The survey template: its code or id (peer_consent)"), N_("CODE|ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.person_args,
      N_("A form filled in with this person’s name; may be given many times"), N_("ID") },
    { "unsurveyed-year", 0, 0, G_OPTION_ARG_INT, &o.year,
      N_("A form for every person who concluded a social contract in this year and has not "
         "answered the survey"), N_("YYYY") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      N_("The date printed on every form (left blank without it)"), N_("DD.MM.YYYY") },
    { NULL }
  };

  if (!opora_cli_parse (COMMAND, "",
                        _("Write survey forms to an A4 PDF, laid out as the printed form: one "
                          "blank form, or one form per person, each on its own pages."),
                        entries, &argc, &argv, &o.db))
    return OPORA_CLI_USAGE;
  if (argc > 1)
    {
      opora_cli_error (COMMAND, _("unexpected argument “%s”"), argv[1]);
      return OPORA_CLI_USAGE;
    }
  if (!check_options (&o))
    return OPORA_CLI_USAGE;

  store = opora_cli_open_store (o.db, OPORA_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OPORA_CLI_CANNOT_OPEN;

  template_id = opora_store_find_survey_form_template (store, o.template_name != NULL
                                                              ? o.template_name
                                                              : "peer_consent", &error);
  if (template_id == 0)
    {
      opora_cli_error (COMMAND, "%s", error->message);
      return g_error_matches (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND) ? OPORA_CLI_USAGE
                                                                          : OPORA_CLI_FAILED;
    }
  data = opora_store_load_survey_form (store, template_id, &error);
  if (data == NULL)
    {
      opora_cli_error (COMMAND, "%s", error->message);
      return OPORA_CLI_FAILED;
    }
  recipients = list_recipients (store, &o, template_id, &status);
  if (recipients == NULL)
    return status;
  if (o.year != 0 && recipients->len == 0)
    {
      opora_cli_error (COMMAND, _("nothing to print: every person with a social contract of "
                                  "%d has answered this survey"), o.year);
      return OPORA_CLI_FAILED;
    }

  persons = opora_survey_recipients_to_persons (recipients, o.date_display);
  if (persons->len == 0 && o.date_display != NULL)
    {
      OporaSurveyFormPerson dated = { NULL, o.date_display };

      g_array_append_val (persons, dated); /* a blank form with the date */
    }
  if (!opora_survey_form_write_pdf (o.output, data,
                                    (const OporaSurveyFormPerson *) persons->data, persons->len,
                                    &error))
    {
      opora_cli_error (COMMAND, "%s", error->message);
      return OPORA_CLI_FAILED;
    }

  n_forms = MAX (persons->len, 1);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u survey form\n", "%s: %u survey forms\n",
                        n_forms),
           o.output, n_forms);
  return OPORA_CLI_OK;
}
