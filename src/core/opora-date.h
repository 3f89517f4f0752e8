/* Calendar dates: stored as ISO 'YYYY-MM-DD', entered and shown as ДД.ММ.ГГГГ.
 * Every date Opora accepts lies in the years 1900–2100. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OPORA_DATE_MIN_YEAR 1900
#define OPORA_DATE_MAX_YEAR 2100

/* Reads 'ДД.ММ.ГГГГ' (day and month may have one digit) or 'YYYY-MM-DD', with spaces
 * around allowed. On failure sets OPORA_ERROR_INVALID_DATE and leaves @out untouched. */
gboolean  opora_date_parse               (const char  *text,
                                          GDate       *out,
                                          GError     **error);
/* TRUE when @iso is exactly 'YYYY-MM-DD', a calendar date in the accepted years. */
gboolean  opora_date_is_valid_iso        (const char  *iso);

char     *opora_date_to_iso              (const GDate *date);
char     *opora_date_to_display          (const GDate *date);
/* NULL, "" or only spaces in gives NULL out (an empty optional field), as does text not
 * a valid ISO date for opora_date_iso_to_display(). */
char     *opora_date_iso_to_display      (const char  *iso);
char     *opora_date_display_to_iso      (const char  *text,
                                          GError     **error);
char     *opora_date_today_iso           (void);

/* The same day @n months later (earlier when @n < 0), or that month's last day when it
 * is shorter: 31.01 + 1 → 28.02 (29.02 in a leap year). */
void      opora_date_add_months          (const GDate *in,
                                          int          n,
                                          GDate       *out);
/* "One calendar month later" of the SPEC, for follow-up calls. */
void      opora_date_add_calendar_month  (const GDate *in,
                                          GDate       *out);

/* First and last day of @quarter (1–4) of @year. */
void      opora_date_quarter_bounds      (int          year,
                                          int          quarter,
                                          GDate       *from,
                                          GDate       *to);

G_END_DECLS
