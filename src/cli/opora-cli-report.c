/* opora-cli report: every indicator (показатели эффективности) of a period, with its counts,
 * share, target and whether it is met, as JSON or CSV (docs/report-format.md). */
#define G_LOG_DOMAIN "opora-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "opora-cli.h"
#include "opora-date.h"
#include "opora-indicator-catalogue.h"
#include "opora-store-indicators.h"

#define COMMAND "report"

typedef enum
{
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

typedef struct
{
  char            *db;
  char            *from;
  char            *to;
  char            *technology;
  char            *format;
  char            *from_iso;
  char            *to_iso;
  OporaTechnology  tech;
  Format           out;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->db);
  g_free (o->from);
  g_free (o->to);
  g_free (o->technology);
  g_free (o->format);
  g_free (o->from_iso);
  g_free (o->to_iso);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* @text as an ISO date, or NULL after saying why. */
static char *
parse_date (const char *option,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *iso;

  if (text == NULL)
    {
      opora_cli_error (COMMAND, _("%s DATE is required"), option);
      return NULL;
    }
  iso = opora_date_display_to_iso (text, &error);
  if (iso == NULL)
    opora_cli_error (COMMAND, _("%s: %s; a date is written DD.MM.YYYY or YYYY-MM-DD"), option,
                     error != NULL ? error->message : _("the date is empty"));
  return iso;
}

/* The checks that need no database; FALSE after printing why. */
static gboolean
check_options (Options *o)
{
  if ((o->from_iso = parse_date ("--from", o->from)) == NULL ||
      (o->to_iso = parse_date ("--to", o->to)) == NULL)
    return FALSE;
  /* ISO dates compare as text. */
  if (strcmp (o->from_iso, o->to_iso) > 0)
    {
      opora_cli_error (COMMAND, _("the period must not end before it begins: --from %s is "
                                  "after --to %s"), o->from, o->to);
      return FALSE;
    }

  o->tech = OPORA_TECHNOLOGY_NONE;
  if (o->technology != NULL && !opora_technology_from_string (o->technology, &o->tech))
    {
      opora_cli_error (COMMAND, _("unknown technology “%s”: choose peer, agent, lift, "
                                  "mediation or mentoring"), o->technology);
      return FALSE;
    }

  if (o->format == NULL || g_str_equal (o->format, "json"))
    o->out = FORMAT_JSON;
  else if (g_str_equal (o->format, "csv"))
    o->out = FORMAT_CSV;
  else
    {
      opora_cli_error (COMMAND, _("unknown format “%s”: choose json or csv"), o->format);
      return FALSE;
    }
  return TRUE;
}

/* The shortest decimal that reads back as the same double: 0.6, not 0.59999999999999998,
 * and 2/3 to all its 16 digits. */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* One indicator's fields, each as JSON text ("null" where there is none). */
typedef struct
{
  const char *id;
  const char *title;
  char        numerator[24];
  char       *denominator;
  char       *share;
  char       *target;
  const char *met;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->denominator);
  g_free (row->share);
  g_free (row->target);
}

static char *
number_text (double value)
{
  GString *s = g_string_new (NULL);

  append_number (s, value);
  return g_string_free (s, FALSE);
}

static void
row_init (Row                  *row,
          OporaIndicatorResult *result)
{
  const OporaIndicatorDef *def =
    opora_indicator_catalogue_get (opora_indicator_result_get_id (result));
  gboolean is_share = opora_indicator_result_get_kind (result) == OPORA_INDICATOR_KIND_SHARE;
  double value;

  g_assert (def != NULL);
  row->id = def->id;
  row->title = opora_indicator_def_get_title (def);
  g_snprintf (row->numerator, sizeof row->numerator, "%u",
              opora_indicator_result_get_numerator (result));
  /* A count (lift.agreements) has neither a denominator nor a share. */
  row->denominator = is_share
                     ? g_strdup_printf ("%u", opora_indicator_result_get_denominator (result))
                     : g_strdup ("null");
  row->share = is_share && opora_indicator_result_get_value (result, &value)
               ? number_text (value) : g_strdup ("null");
  row->target = opora_indicator_result_has_target (result)
                ? number_text (opora_indicator_result_get_target (result)) : g_strdup ("null");
  switch (opora_indicator_result_get_status (result))
    {
    case OPORA_INDICATOR_STATUS_MET:
      row->met = "true";
      break;
    case OPORA_INDICATOR_STATUS_NOT_MET:
      row->met = "false";
      break;
    default:
      row->met = "null";
    }
}

static const char *
csv_value (const char *json)
{
  return g_str_equal (json, "null") ? "" : json;
}

static void
write_report (GString   *out,
              GPtrArray *results,
              Format     format)
{
  if (format == FORMAT_CSV)
    g_string_append (out, "id,title,numerator,denominator,share,target,met\n");
  else
    g_string_append (out, "[");

  for (guint i = 0; i < results->len; i++)
    {
      Row row = { 0 };

      row_init (&row, g_ptr_array_index (results, i));
      if (format == FORMAT_CSV)
        {
          append_csv_field (out, row.id);
          g_string_append_c (out, ',');
          append_csv_field (out, row.title);
          g_string_append_printf (out, ",%s,%s,%s,%s,%s\n", row.numerator,
                                  csv_value (row.denominator), csv_value (row.share),
                                  csv_value (row.target), csv_value (row.met));
        }
      else
        {
          g_string_append (out, i == 0 ? "\n  {\"id\": " : ",\n  {\"id\": ");
          append_json_string (out, row.id);
          g_string_append (out, ", \"title\": ");
          append_json_string (out, row.title);
          g_string_append_printf (out, ", \"numerator\": %s, \"denominator\": %s,"
                                  " \"share\": %s, \"target\": %s, \"met\": %s}",
                                  row.numerator, row.denominator, row.share, row.target,
                                  row.met);
        }
      row_clear (&row);
    }

  if (format == FORMAT_JSON)
    g_string_append (out, results->len > 0 ? "\n]\n" : "]\n");
}

int
opora_cli_report_run (int    argc,
                      char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from,
      N_("First day of the period (DD.MM.YYYY or YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to,
      N_("Last day of the period, included"), N_("DATE") },
    { "technology", 0, 0, G_OPTION_ARG_STRING, &o.technology,
      N_("Only this technology: peer, agent, lift, mediation or mentoring"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("json (the default) or csv"),
      N_("FORMAT") },
    { NULL }
  };

  if (!opora_cli_parse (COMMAND, "",
                        _("Print every indicator of a period — its counts, share, target and "
                          "whether the target is met — as JSON or CSV. The database is only "
                          "read."),
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
  results = opora_store_compute_indicators (store, o.tech, o.from_iso, o.to_iso, &error);
  if (results == NULL)
    {
      opora_cli_error (COMMAND, "%s", error->message);
      return OPORA_CLI_FAILED;
    }

  out = g_string_new (NULL);
  write_report (out, results, o.out);
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      opora_cli_error (COMMAND, "%s", _("cannot write the report"));
      return OPORA_CLI_FAILED;
    }
  return OPORA_CLI_OK;
}
