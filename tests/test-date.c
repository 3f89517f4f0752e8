#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"

/* Parses @text, which must succeed, and checks the day, month and year read. */
static void
assert_parses (const char *text,
               guint       day,
               guint       month,
               guint       year)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (opora_date_parse (text, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
}

/* Parses @text, which must fail, and returns the error's message. @out must stay as it was. */
static char *
assert_refused (const char *text)
{
  GError *error = NULL;
  GDate date;
  char *message;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 17, G_DATE_JUNE, 1999);

  g_assert_false (opora_date_parse (text, &date, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpuint (g_date_get_day (&date), ==, 17);
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_JUNE);
  g_assert_cmpuint (g_date_get_year (&date), ==, 1999);

  message = g_strdup (error->message);
  g_error_free (error);
  return message;
}

static void
assert_refused_shape (const char *text)
{
  g_autofree char *message = assert_refused (text);

  g_assert_cmpstr (message, ==, _("Enter the date as DD.MM.YYYY"));
}

static void
assert_refused_calendar (const char *text)
{
  g_autofree char *message = assert_refused (text);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *expected = g_strdup_printf (_("“%s” is not a calendar date"), stripped);

  g_assert_cmpstr (message, ==, expected);
}

static void
assert_refused_year (const char *text)
{
  g_autofree char *message = assert_refused (text);

  g_assert_nonnull (strstr (message, "1900"));
  g_assert_nonnull (strstr (message, "2100"));
}

static void
set_dmy (GDate *date,
         guint  day,
         guint  month,
         guint  year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *got = opora_date_to_iso (date);

  g_assert_cmpstr (got, ==, iso);
}

static void
test_parse_display (void)
{
  assert_parses ("05.03.2023", 5, 3, 2023);
  assert_parses ("5.3.2023", 5, 3, 2023);
  assert_parses ("1.2.2023", 1, 2, 2023);
  assert_parses ("01.2.2023", 1, 2, 2023);
  assert_parses ("1.02.2023", 1, 2, 2023);
  assert_parses ("31.12.2023", 31, 12, 2023);
  assert_parses ("  05.03.2023", 5, 3, 2023);
  assert_parses ("05.03.2023   ", 5, 3, 2023);
  assert_parses ("\t 05.03.2023 \n", 5, 3, 2023);
}

static void
test_parse_iso (void)
{
  assert_parses ("2023-03-05", 5, 3, 2023);
  assert_parses ("2024-12-31", 31, 12, 2024);
  assert_parses ("  2023-03-05  ", 5, 3, 2023);
}

static void
test_parse_refuses_shape (void)
{
  const char *bad[] = {
    "", "   ", "abc", "05.03.23", "05.03.023", "05.03.20231", "005.03.2023", "05.003.2023",
    "05/03/2023", "05-03-2023", "05,03,2023", "05.03.2023.", ".05.03.2023", "05..2023",
    "05. 03.2023", "05 .03.2023", "05.03.2023x", "x05.03.2023", "05.03 2023", "+5.03.2023",
    "2023-3-5", "2023-03-5", "2023-3-05", "23-03-05", "20230-03-05", "2023-03-05T00:00",
    "2023.03.05", "2023/03/05", "2023-03-05 12:00", "20230305", "05032023", "-5.03.2023",
    "05.03.2023 05.03.2023", "０５.03.2023", "05.03.２０２３",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_refused_shape (bad[i]);

  /* NULL is refused as a date that was not given, not a crash. */
  assert_refused_shape (NULL);
}

static void
test_parse_refuses_impossible (void)
{
  const char *bad[] = {
    "31.02.2023", "30.02.2024", "29.02.2023", "31.04.2023", "31.06.2023", "31.09.2023",
    "31.11.2023", "32.01.2023", "00.01.2023", "0.1.2023", "01.00.2023", "01.13.2023",
    "99.99.2023", "2023-02-29", "2023-02-30", "2023-04-31", "2023-00-10", "2023-13-01",
    "2023-01-00", "2023-01-32", " 31.02.2023 ",
    /* Century years are leap years only when divisible by 400. */
    "29.02.1900", "29.02.2100", "2100-02-29",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_refused_calendar (bad[i]);
}

static void
test_parse_leap_years (void)
{
  assert_parses ("29.02.2024", 29, 2, 2024);
  assert_parses ("29.02.2000", 29, 2, 2000);
  assert_parses ("29.2.1904", 29, 2, 1904);
  assert_parses ("2096-02-29", 29, 2, 2096);
  assert_parses ("28.02.2023", 28, 2, 2023);
  assert_parses ("28.02.1900", 28, 2, 1900);
}

static void
test_parse_year_range (void)
{
  assert_parses ("01.01.1900", 1, 1, 1900);
  assert_parses ("1900-01-01", 1, 1, 1900);
  assert_parses ("31.12.2100", 31, 12, 2100);
  assert_parses ("2100-12-31", 31, 12, 2100);

  assert_refused_year ("31.12.1899");
  assert_refused_year ("1899-12-31");
  assert_refused_year ("01.01.2101");
  assert_refused_year ("2101-01-01");
  assert_refused_year ("01.01.0001");
  assert_refused_year ("9999-12-31");
  /* A year that is wrong and a day that does not exist: the day is the first complaint. */
  assert_refused_calendar ("0000-01-01");
}

static void
test_format (void)
{
  g_autofree char *iso = NULL;
  g_autofree char *display = NULL;
  g_autofree char *iso_min = NULL;
  g_autofree char *display_min = NULL;
  GDate date;

  set_dmy (&date, 5, 3, 2023);
  iso = opora_date_to_iso (&date);
  display = opora_date_to_display (&date);
  g_assert_cmpstr (iso, ==, "2023-03-05");
  g_assert_cmpstr (display, ==, "05.03.2023");

  set_dmy (&date, 1, 1, 1900);
  iso_min = opora_date_to_iso (&date);
  display_min = opora_date_to_display (&date);
  g_assert_cmpstr (iso_min, ==, "1900-01-01");
  g_assert_cmpstr (display_min, ==, "01.01.1900");
}

/* Every day of the accepted range survives both written forms and is valid ISO. */
static void
test_round_trip_every_day (void)
{
  GDate day;
  GDate end;
  guint count = 0;

  set_dmy (&day, 1, 1, 1900);
  set_dmy (&end, 31, 12, 2100);

  for (; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1), count++)
    {
      g_autofree char *iso = opora_date_to_iso (&day);
      g_autofree char *display = opora_date_to_display (&day);
      g_autofree char *shown = opora_date_iso_to_display (iso);
      g_autofree char *stored = opora_date_display_to_iso (display, NULL);
      GDate back;

      g_assert_true (opora_date_is_valid_iso (iso));
      g_assert_false (opora_date_is_valid_iso (display));
      g_assert_cmpstr (shown, ==, display);
      g_assert_cmpstr (stored, ==, iso);

      g_assert_true (opora_date_parse (display, &back, NULL));
      g_assert_cmpint (g_date_compare (&back, &day), ==, 0);
      g_assert_true (opora_date_parse (iso, &back, NULL));
      g_assert_cmpint (g_date_compare (&back, &day), ==, 0);
    }

  /* 201 years, 49 of them leap (2000 is, 1900 and 2100 are not). */
  g_assert_cmpuint (count, ==, 201 * 365 + 49);
}

static void
test_is_valid_iso (void)
{
  g_assert_true (opora_date_is_valid_iso ("2023-03-05"));
  g_assert_true (opora_date_is_valid_iso ("2024-02-29"));
  g_assert_true (opora_date_is_valid_iso ("1900-01-01"));
  g_assert_true (opora_date_is_valid_iso ("2100-12-31"));

  g_assert_false (opora_date_is_valid_iso (NULL));
  g_assert_false (opora_date_is_valid_iso (""));
  g_assert_false (opora_date_is_valid_iso (" 2023-03-05"));
  g_assert_false (opora_date_is_valid_iso ("2023-03-05 "));
  g_assert_false (opora_date_is_valid_iso ("2023-3-5"));
  g_assert_false (opora_date_is_valid_iso ("05.03.2023"));
  g_assert_false (opora_date_is_valid_iso ("2023-02-29"));
  g_assert_false (opora_date_is_valid_iso ("2023-04-31"));
  g_assert_false (opora_date_is_valid_iso ("1899-12-31"));
  g_assert_false (opora_date_is_valid_iso ("2101-01-01"));
  g_assert_false (opora_date_is_valid_iso ("2023-03-05T10:00:00"));
}

static void
test_iso_to_display (void)
{
  g_autofree char *shown = opora_date_iso_to_display ("2023-03-05");

  g_assert_cmpstr (shown, ==, "05.03.2023");
  g_assert_null (opora_date_iso_to_display (NULL));
  g_assert_null (opora_date_iso_to_display (""));
  g_assert_null (opora_date_iso_to_display ("05.03.2023"));
  g_assert_null (opora_date_iso_to_display ("2023-02-30"));
  g_assert_null (opora_date_iso_to_display ("garbage"));
}

static void
test_display_to_iso (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  char *none;

  a = opora_date_display_to_iso ("1.2.2023", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "2023-02-01");

  b = opora_date_display_to_iso (" 29.02.2024 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "2024-02-29");

  c = opora_date_display_to_iso ("2024-02-29", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c, ==, "2024-02-29");

  /* Blank is an empty optional field: no date and no error. */
  none = opora_date_display_to_iso (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  none = opora_date_display_to_iso ("", &error);
  g_assert_no_error (error);
  g_assert_null (none);
  none = opora_date_display_to_iso ("   ", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  none = opora_date_display_to_iso ("31.02.2023", &error);
  g_assert_null (none);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
  g_clear_error (&error);

  none = opora_date_display_to_iso ("05.03.23", &error);
  g_assert_null (none);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
}

static void
test_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *today = opora_date_today_iso ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *iso_before = g_strdup_printf ("%04d-%02d-%02d",
                                                 g_date_time_get_year (before),
                                                 g_date_time_get_month (before),
                                                 g_date_time_get_day_of_month (before));
  g_autofree char *iso_after = g_strdup_printf ("%04d-%02d-%02d",
                                                g_date_time_get_year (after),
                                                g_date_time_get_month (after),
                                                g_date_time_get_day_of_month (after));

  g_assert_true (opora_date_is_valid_iso (today));
  /* Around midnight the day may turn between the calls. */
  g_assert_true (g_str_equal (today, iso_before) || g_str_equal (today, iso_after));
}

static void
assert_calendar_month (const char *from,
                       const char *expected)
{
  GDate in;
  GDate out;

  g_assert_true (opora_date_parse (from, &in, NULL));
  opora_date_add_calendar_month (&in, &out);
  assert_date (&out, expected);
}

static void
test_calendar_month (void)
{
  /* The SPEC's own example, and the other ends of months. */
  assert_calendar_month ("31.01.2023", "2023-02-28");
  assert_calendar_month ("31.01.2024", "2024-02-29");
  assert_calendar_month ("30.01.2023", "2023-02-28");
  assert_calendar_month ("29.01.2023", "2023-02-28");
  assert_calendar_month ("29.01.2024", "2024-02-29");
  assert_calendar_month ("28.01.2023", "2023-02-28");
  assert_calendar_month ("31.01.2000", "2000-02-29");
  assert_calendar_month ("31.01.1900", "1900-02-28");
  assert_calendar_month ("28.02.2023", "2023-03-28");
  assert_calendar_month ("29.02.2024", "2024-03-29");
  assert_calendar_month ("31.03.2023", "2023-04-30");
  assert_calendar_month ("30.04.2023", "2023-05-30");
  assert_calendar_month ("31.05.2023", "2023-06-30");
  assert_calendar_month ("30.11.2023", "2023-12-30");
  assert_calendar_month ("31.12.2023", "2024-01-31");
  assert_calendar_month ("01.12.2023", "2024-01-01");
  assert_calendar_month ("15.06.2023", "2023-07-15");
}

static void
assert_add_months (const char *from,
                   int         n,
                   const char *expected)
{
  GDate in;
  GDate out;

  g_assert_true (opora_date_parse (from, &in, NULL));
  opora_date_add_months (&in, n, &out);
  assert_date (&out, expected);
}

static void
test_add_months (void)
{
  assert_add_months ("15.03.2023", 0, "2023-03-15");
  assert_add_months ("31.01.2023", 3, "2023-04-30");
  assert_add_months ("29.02.2024", 12, "2025-02-28");
  assert_add_months ("29.02.2024", 48, "2028-02-29");
  assert_add_months ("31.08.2023", 6, "2024-02-29");
  assert_add_months ("31.12.2023", 14, "2025-02-28");
  assert_add_months ("31.03.2023", -1, "2023-02-28");
  assert_add_months ("31.03.2024", -1, "2024-02-29");
  assert_add_months ("15.01.2024", -1, "2023-12-15");
  assert_add_months ("31.01.2024", -2, "2023-11-30");
  assert_add_months ("15.01.2024", -13, "2022-12-15");
  assert_add_months ("15.01.2024", -24, "2022-01-15");
  assert_add_months ("31.12.2023", -12, "2022-12-31");
}

/* Against GLib's own month arithmetic, which clamps the same way, over three years of days
 * and two years either way. */
static void
test_add_months_matches_glib (void)
{
  GDate day;
  GDate end;

  set_dmy (&day, 1, 1, 2023);
  set_dmy (&end, 31, 12, 2025);

  for (; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    for (int n = -25; n <= 25; n++)
      {
        GDate ours;
        GDate glibs = day;

        opora_date_add_months (&day, n, &ours);
        if (n >= 0)
          g_date_add_months (&glibs, (guint) n);
        else
          g_date_subtract_months (&glibs, (guint) -n);

        g_assert_true (g_date_valid (&ours));
        g_assert_cmpint (g_date_compare (&ours, &glibs), ==, 0);
      }
}

static void
assert_quarter (int         year,
                int         quarter,
                const char *from,
                const char *to)
{
  GDate a;
  GDate b;

  opora_date_quarter_bounds (year, quarter, &a, &b);
  assert_date (&a, from);
  assert_date (&b, to);
}

static void
test_quarter_bounds (void)
{
  assert_quarter (2023, 1, "2023-01-01", "2023-03-31");
  assert_quarter (2023, 2, "2023-04-01", "2023-06-30");
  assert_quarter (2023, 3, "2023-07-01", "2023-09-30");
  assert_quarter (2023, 4, "2023-10-01", "2023-12-31");

  /* The quarters of a year follow one another and cover it, leap day included. */
  for (int year = 2023; year <= 2025; year++)
    {
      guint days = 0;
      GDate from;
      GDate to;
      GDate next_from;
      GDate next_to;

      for (int q = 1; q <= 4; q++)
        {
          opora_date_quarter_bounds (year, q, &from, &to);
          days += g_date_days_between (&from, &to) + 1;

          opora_date_quarter_bounds (q < 4 ? year : year + 1, q < 4 ? q + 1 : 1,
                                     &next_from, &next_to);
          g_date_add_days (&to, 1);
          g_assert_cmpint (g_date_compare (&to, &next_from), ==, 0);
        }
      g_assert_cmpuint (days, ==, g_date_is_leap_year ((GDateYear) year) ? 366 : 365);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/display", test_parse_display);
  g_test_add_func ("/date/parse/iso", test_parse_iso);
  g_test_add_func ("/date/parse/refuses-shape", test_parse_refuses_shape);
  g_test_add_func ("/date/parse/refuses-impossible", test_parse_refuses_impossible);
  g_test_add_func ("/date/parse/leap-years", test_parse_leap_years);
  g_test_add_func ("/date/parse/year-range", test_parse_year_range);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/round-trip-every-day", test_round_trip_every_day);
  g_test_add_func ("/date/is-valid-iso", test_is_valid_iso);
  g_test_add_func ("/date/iso-to-display", test_iso_to_display);
  g_test_add_func ("/date/display-to-iso", test_display_to_iso);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/calendar-month", test_calendar_month);
  g_test_add_func ("/date/add-months", test_add_months);
  g_test_add_func ("/date/add-months-matches-glib", test_add_months_matches_glib);
  g_test_add_func ("/date/quarter-bounds", test_quarter_bounds);

  return g_test_run ();
}
