#define G_LOG_DOMAIN "opora-date"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"

/* Reads 1..@max_digits ASCII digits at *p (at least @min_digits) and moves *p past them. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;
  guint v = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      v = v * 10 + (guint) ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits)
    return FALSE;

  *p += n;
  *value = v;
  return TRUE;
}

/* The shape alone: 'D[D].M[M].YYYY' or 'YYYY-MM-DD', nothing before or after. */
static gboolean
scan_date (const char *s,
           gboolean    allow_display,
           guint      *day,
           guint      *month,
           guint      *year)
{
  const char *p = s;

  if (read_number (&p, 4, 4, year) && *p == '-')
    {
      p++;
      if (!read_number (&p, 2, 2, month) || *p++ != '-')
        return FALSE;
      if (!read_number (&p, 2, 2, day))
        return FALSE;
      return *p == '\0';
    }

  if (!allow_display)
    return FALSE;

  p = s;
  if (!read_number (&p, 1, 2, day) || *p++ != '.')
    return FALSE;
  if (!read_number (&p, 1, 2, month) || *p++ != '.')
    return FALSE;
  if (!read_number (&p, 4, 4, year))
    return FALSE;
  return *p == '\0';
}

static gboolean
is_calendar_date (guint day,
                  guint month,
                  guint year)
{
  /* scan_date() reads at most four year digits, so the year fits a GDateYear. */
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
opora_date_parse (const char  *text,
                  GDate       *out,
                  GError     **error)
{
  g_autofree char *s = NULL;
  guint day, month, year;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (!scan_date (s, TRUE, &day, &month, &year))
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("Enter the date as DD.MM.YYYY"));
      return FALSE;
    }

  if (!is_calendar_date (day, month, year))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("“%s” is not a calendar date"), s);
      return FALSE;
    }

  if (year < OPORA_DATE_MIN_YEAR || year > OPORA_DATE_MAX_YEAR)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("“%s”: the year must be between %d and %d"),
                   s, OPORA_DATE_MIN_YEAR, OPORA_DATE_MAX_YEAR);
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
opora_date_is_valid_iso (const char *iso)
{
  guint day, month, year;

  if (iso == NULL || !scan_date (iso, FALSE, &day, &month, &year))
    return FALSE;

  return is_calendar_date (day, month, year)
         && year >= OPORA_DATE_MIN_YEAR && year <= OPORA_DATE_MAX_YEAR;
}

char *
opora_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
opora_date_to_display (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%02u.%02u.%04u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

char *
opora_date_iso_to_display (const char *iso)
{
  GDate date;

  /* Only the stored shape: a display-shaped or padded string is not a stored date. */
  if (!opora_date_is_valid_iso (iso) || !opora_date_parse (iso, &date, NULL))
    return NULL;

  return opora_date_to_display (&date);
}

char *
opora_date_display_to_iso (const char  *text,
                           GError     **error)
{
  g_autofree char *s = NULL;
  GDate date;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A field left blank, spaces and all, is an empty optional date, not a wrong one. */
  if (text == NULL)
    return NULL;
  s = g_strstrip (g_strdup (text));
  if (*s == '\0')
    return NULL;

  if (!opora_date_parse (text, &date, error))
    return NULL;

  return opora_date_to_iso (&date);
}

char *
opora_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
opora_date_add_months (const GDate *in,
                       int          n,
                       GDate       *out)
{
  int months;
  int year;
  int month;
  guint8 last;
  guint day;

  g_return_if_fail (in != NULL && g_date_valid (in));
  g_return_if_fail (out != NULL);

  /* Count months from year 0 so that negative @n borrows across years correctly. */
  months = (int) g_date_get_year (in) * 12 + ((int) g_date_get_month (in) - 1) + n;
  year = months / 12;
  month = months % 12 + 1;
  g_return_if_fail (months >= 12 && year <= G_MAXUINT16);

  last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  day = MIN ((guint) g_date_get_day (in), (guint) last);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

void
opora_date_add_calendar_month (const GDate *in,
                               GDate       *out)
{
  opora_date_add_months (in, 1, out);
}

void
opora_date_quarter_bounds (int    year,
                           int    quarter,
                           GDate *from,
                           GDate *to)
{
  GDateMonth first;
  GDateMonth last;

  g_return_if_fail (quarter >= 1 && quarter <= 4);
  g_return_if_fail (year >= 1 && year <= G_MAXUINT16);
  g_return_if_fail (from != NULL && to != NULL);

  first = (GDateMonth) ((quarter - 1) * 3 + 1);
  last = (GDateMonth) (first + 2);

  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, first, (GDateYear) year);
  g_date_clear (to, 1);
  g_date_set_dmy (to, g_date_get_days_in_month (last, (GDateYear) year), last,
                  (GDateYear) year);
}
