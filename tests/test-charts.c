/* The charts of src/render/: geometry, what lands on the pixels, hit-testing, and the PDF
 * and PNG files read back as a user's tools would read them. */
#include <cairo.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "opora-bullet-chart.h"
#include "opora-chart-export.h"
#include "opora-date.h"
#include "opora-error.h"
#include "opora-i18n.h"
#include "opora-indicator-catalogue.h"
#include "opora-test-util.h"
#include "opora-trend-chart.h"

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

static OporaIndicatorResult *
result_of (const char *id,
           guint       numerator,
           guint       denominator)
{
  return opora_indicator_def_new_result (opora_indicator_catalogue_get (id), "2023-01-01",
                                         "2023-12-31", numerator, denominator);
}

static OporaIndicatorResult *
quarter_of (const char *id,
            int         year,
            int         quarter,
            guint       numerator,
            guint       denominator)
{
  GDate from, to;
  char from_iso[16], to_iso[16];

  opora_date_quarter_bounds (year, quarter, &from, &to);
  g_date_strftime (from_iso, sizeof from_iso, "%Y-%m-%d", &from);
  g_date_strftime (to_iso, sizeof to_iso, "%Y-%m-%d", &to);
  return opora_indicator_def_new_result (opora_indicator_catalogue_get (id), from_iso, to_iso,
                                         numerator, denominator);
}

static cairo_surface_t *
draw_bullet (const OporaIndicatorResult *result,
             int                         width,
             int                         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  opora_bullet_chart_draw (cr, width, height, result, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether the pixel is @color, give or take rounding. The surfaces here are opaque (the
 * print style paints white first), so premultiplication changes nothing. */
static gboolean
pixel_is (cairo_surface_t       *surface,
          int                    x,
          int                    y,
          const OporaChartColor *color)
{
  const guchar *row = cairo_image_surface_get_data (surface)
                      + y * cairo_image_surface_get_stride (surface);
  guint32 p = ((const guint32 *) row)[x];
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

  return ABS (r - (int) lround (color->red * 255)) <= 2
         && ABS (g - (int) lround (color->green * 255)) <= 2
         && ABS (b - (int) lround (color->blue * 255)) <= 2;
}

static void
test_bullet_layout (void)
{
  g_autoptr(OporaIndicatorResult) result = result_of ("peer.participation", 19, 30);
  OporaBulletChartLayout layout;

  opora_bullet_chart_layout (640, 96, result, &layout);

  g_assert_false (layout.title_above);
  g_assert_cmpfloat (layout.title.x + layout.title.width, <=, layout.track.x);
  g_assert_cmpfloat (layout.track.x + layout.track.width, <=, layout.mark.x);
  g_assert_cmpfloat (layout.mark.x + layout.mark.width, <=, 640);
  g_assert_cmpfloat (layout.label.y + layout.label.height, <=, 96);
  g_assert_cmpfloat (layout.scale_max, ==, 1.0);

  g_assert_cmpfloat_with_epsilon (layout.bar.x, layout.track.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.bar.width, layout.track.width * 19 / 30, 1e-9);
  g_assert_true (layout.has_target);
  g_assert_cmpfloat_with_epsilon (layout.target_x, layout.track.x + layout.track.width * 0.60,
                                  1e-9);
  /* The marker crosses the bar and stands out above and below it. */
  g_assert_cmpfloat (layout.target_top, <, layout.bar.y);
  g_assert_cmpfloat (layout.target_bottom, >, layout.bar.y + layout.bar.height);

  /* Narrow: the title goes above. */
  opora_bullet_chart_layout (300, 110, result, &layout);
  g_assert_true (layout.title_above);
  g_assert_cmpfloat (layout.title.y + layout.title.height, <=, layout.track.y);
}

static void
test_bullet_layout_no_data_and_count (void)
{
  g_autoptr(OporaIndicatorResult) empty = result_of ("peer.participation", 0, 0);
  g_autoptr(OporaIndicatorResult) count = result_of ("lift.agreements", 5, 0);
  g_autoptr(OporaIndicatorResult) untargeted = result_of ("agent.helped", 3, 4);
  OporaBulletChartLayout layout;

  opora_bullet_chart_layout (640, 96, empty, &layout);
  g_assert_cmpfloat (layout.bar.width, ==, 0);
  g_assert_true (layout.has_target);

  /* A count's scale goes past both the count and the target. */
  opora_bullet_chart_layout (640, 96, count, &layout);
  g_assert_cmpfloat (layout.scale_max, >=, 5);
  g_assert_cmpfloat (fmod (layout.scale_max, layout.scale_step), ==, 0);
  g_assert_cmpfloat_with_epsilon (layout.bar.width, layout.track.width * 5 / layout.scale_max,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (layout.target_x,
                                  layout.track.x + layout.track.width * 4 / layout.scale_max,
                                  1e-9);

  opora_bullet_chart_layout (640, 96, untargeted, &layout);
  g_assert_false (layout.has_target);
}

static void
test_bullet_pixels (void)
{
  const OporaChartStyle *style = opora_chart_style_get_default ();
  g_autoptr(OporaIndicatorResult) result = result_of ("peer.participation", 19, 30);
  OporaBulletChartLayout layout;
  cairo_surface_t *surface;
  int y, x0, x1, first = -1, last = -1, target_column;
  double expected_end;

  opora_bullet_chart_layout (640, 96, result, &layout);
  surface = draw_bullet (result, 640, 96);
  x0 = (int) ceil (layout.track.x);
  x1 = (int) floor (layout.track.x + layout.track.width);

  /* The target marker: a row above the bar, where only the bands and the marker are. */
  y = (int) ((layout.target_top + layout.bar.y) / 2);
  for (int x = x0; x < x1; x++)
    if (pixel_is (surface, x, y, &style->foreground))
      {
        if (first < 0)
          first = x;
        last = x;
      }
  target_column = (int) floor (layout.target_x);
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (first, <=, target_column);
  g_assert_cmpint (last, >=, target_column);
  g_assert_cmpfloat (first, >=, layout.target_x - layout.target_width / 2 - 1);
  g_assert_cmpfloat (last, <=, layout.target_x + layout.target_width / 2 + 1);
  /* 60 % of the scale, counted from the track rather than taken from the layout. */
  g_assert_cmpfloat (fabs (layout.target_x - (layout.track.x + 0.6 * layout.track.width)), <,
                     1e-9);

  /* The bar: solid (the target is met) from the track's start to 63.3 % of the scale. */
  y = (int) (layout.bar.y + layout.bar.height / 2);
  first = last = -1;
  for (int x = x0; x < x1; x++)
    if (pixel_is (surface, x, y, &style->accent))
      {
        if (first < 0)
          first = x;
        last = x;
      }
  expected_end = layout.track.x + layout.track.width * 19.0 / 30.0;
  g_assert_cmpint (first, ==, x0);
  g_assert_cmpfloat (fabs ((last + 1) - expected_end), <=, 1.0);
  for (int x = first + 1; x < last; x++)
    if (fabs (x + 0.5 - layout.target_x) > layout.target_width / 2 + 1)
      g_assert_true (pixel_is (surface, x, y, &style->accent));

  cairo_surface_destroy (surface);
}

/* Not met is told without colour: the bar is hollow and hatched, not solid. */
static void
test_bullet_not_met_is_hatched (void)
{
  const OporaChartStyle *style = opora_chart_style_get_default ();
  g_autoptr(OporaIndicatorResult) result = result_of ("peer.participation", 12, 30);
  OporaBulletChartLayout layout;
  cairo_surface_t *surface;
  int y, solid = 0, other = 0;

  g_assert_cmpint (opora_indicator_result_get_status (result), ==,
                   OPORA_INDICATOR_STATUS_NOT_MET);
  opora_bullet_chart_layout (640, 96, result, &layout);
  surface = draw_bullet (result, 640, 96);

  y = (int) (layout.bar.y + layout.bar.height / 2);
  for (int x = (int) layout.bar.x + 2; x < (int) (layout.bar.x + layout.bar.width) - 2; x++)
    {
      if (pixel_is (surface, x, y, &style->accent))
        solid++;
      else
        other++;
    }
  g_assert_cmpint (other, >, solid);
  g_assert_cmpint (solid + other, >, 100);
  cairo_surface_destroy (surface);
}

/* No data draws no bar at all: not a 0 % bar, not a full one. */
static void
test_bullet_no_data_draws_no_bar (void)
{
  const OporaChartStyle *style = opora_chart_style_get_default ();
  g_autoptr(OporaIndicatorResult) result = result_of ("peer.participation", 0, 0);
  OporaBulletChartLayout layout;
  cairo_surface_t *surface;
  int y;

  opora_bullet_chart_layout (640, 96, result, &layout);
  surface = draw_bullet (result, 640, 96);
  y = (int) (layout.track.y + layout.track.height / 2);
  for (int x = (int) layout.track.x; x < (int) (layout.track.x + layout.track.width); x++)
    g_assert_false (pixel_is (surface, x, y, &style->accent));
  cairo_surface_destroy (surface);
}

static void
test_bullet_list_hit (void)
{
  const OporaChartStyle *style = opora_chart_style_get_default ();
  const OporaIndicatorResult *results[4];
  const double width = 800;
  double height = opora_bullet_chart_list_natural_height (G_N_ELEMENTS (results));
  OporaChartRect heading, row;
  cairo_surface_t *surface;
  cairo_t *cr;

  results[0] = result_of ("lift.employed", 7, 12);
  results[1] = result_of ("lift.retrained", 2, 10);
  results[2] = result_of ("lift.status", 9, 10);
  results[3] = result_of ("lift.satisfied", 3, 4);

  opora_bullet_chart_list_heading (width, height, 4, &heading);
  g_assert_cmpint (opora_bullet_chart_list_hit (width, height, 4, 100, heading.height / 2), ==,
                   -1);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (opora_bullet_chart_list_row (width, height, 4, i, &row));
      g_assert_cmpfloat (row.height, ==, OPORA_BULLET_CHART_ROW_NATURAL);
      g_assert_cmpint (opora_bullet_chart_list_hit (width, height, 4, 10, row.y + 1), ==, i);
      g_assert_cmpint (opora_bullet_chart_list_hit (width, height, 4, width - 1,
                                                    row.y + row.height - 1), ==, i);
    }
  g_assert_false (opora_bullet_chart_list_row (width, height, 4, 4, &row));
  g_assert_cmpint (opora_bullet_chart_list_hit (width, height, 4, -1, 100), ==, -1);
  g_assert_cmpint (opora_bullet_chart_list_hit (width, height, 4, 10, height + 1), ==, -1);
  g_assert_cmpint (opora_bullet_chart_list_hit (width, height, 0, 10, 50), ==, -1);

  /* Each row is drawn where the hit-test says it is: its marker is there. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  opora_bullet_chart_draw_list (cr, width, height, results, 4, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < 4; i++)
    {
      OporaBulletChartLayout layout;

      opora_bullet_chart_list_row (width, height, 4, i, &row);
      opora_bullet_chart_layout (row.width, row.height, results[i], &layout);
      g_assert_true (pixel_is (surface, (int) floor (layout.target_x),
                               (int) (row.y + (layout.target_top + layout.bar.y) / 2),
                               &style->foreground));
      opora_indicator_result_unref ((OporaIndicatorResult *) results[i]);
    }
  cairo_surface_destroy (surface);
}

static void
test_trend_periods (void)
{
  use_language ("en");
  {
    g_autofree char *q1 = opora_trend_chart_format_period ("2023-01-01", "2023-03-31");
    g_autofree char *q4 = opora_trend_chart_format_period ("2024-10-01", "2024-12-31");
    g_autofree char *year = opora_trend_chart_format_period ("2023-01-01", "2023-12-31");
    g_autofree char *other = opora_trend_chart_format_period ("2023-02-01", "2023-02-15");

    g_assert_cmpstr (q1, ==, "Q1 2023");
    g_assert_cmpstr (q4, ==, "Q4 2024");
    g_assert_cmpstr (year, ==, "2023");
    g_assert_cmpstr (other, ==, "01.02.2023 – 15.02.2023");
  }
  use_language ("ru");
  {
    g_autofree char *q1 = opora_trend_chart_format_period ("2023-01-01", "2023-03-31");
    g_autofree char *q3 = opora_trend_chart_format_period ("2023-07-01", "2023-09-30");

    g_assert_cmpstr (q1, ==, "I кв. 2023");
    g_assert_cmpstr (q3, ==, "III кв. 2023");
  }
  use_language ("en");
}

/* Four quarters, the second without data: the line stops at the gap and goes on after. */
static void
test_trend_gaps (void)
{
  const OporaChartStyle *style = opora_chart_style_get_default ();
  const OporaIndicatorResult *points[4];
  const int width = 640, height = 320;
  OporaTrendChartLayout layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean in_gap = FALSE, between = FALSE;
  double x, y;

  points[0] = quarter_of ("peer.participation", 2023, 1, 7, 10);
  points[1] = quarter_of ("peer.participation", 2023, 2, 0, 0);
  points[2] = quarter_of ("peer.participation", 2023, 3, 4, 10);
  points[3] = quarter_of ("peer.participation", 2023, 4, 9, 10);

  opora_trend_chart_layout (width, height, 4, &layout);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  opora_trend_chart_draw (cr, width, height, points, 4, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int row = (int) layout.plot.y; row < (int) (layout.plot.y + layout.plot.height); row++)
    {
      in_gap |= pixel_is (surface, (int) opora_trend_chart_point_x (&layout, 1), row,
                          &style->accent);
      between |= pixel_is (surface,
                           (int) ((opora_trend_chart_point_x (&layout, 2)
                                   + opora_trend_chart_point_x (&layout, 3)) / 2),
                           row, &style->accent);
    }
  g_assert_false (in_gap);
  g_assert_true (between);

  /* A met point (70 % of a 60 % target) is filled, on a 0–100 % axis. */
  x = opora_trend_chart_point_x (&layout, 0);
  y = layout.plot.y + layout.plot.height * (1 - 0.7);
  g_assert_true (pixel_is (surface, (int) x, (int) y, &style->accent));

  g_assert_cmpint (opora_trend_chart_hit (width, height, 4, x, y), ==, 0);
  g_assert_cmpint (opora_trend_chart_hit (width, height, 4,
                                          opora_trend_chart_point_x (&layout, 3), y), ==, 3);
  g_assert_cmpint (opora_trend_chart_hit (width, height, 4, 1, y), ==, -1);
  g_assert_cmpint (opora_trend_chart_hit (width, height, 0, x, y), ==, -1);

  for (guint i = 0; i < 4; i++)
    opora_indicator_result_unref ((OporaIndicatorResult *) points[i]);
  cairo_surface_destroy (surface);
}

/* The text of a PDF as pdftotext reads it, every run of white space made one space. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

static void
test_export_pdf_russian (void)
{
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "отчёт.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const OporaIndicatorResult *results[3];

  if (!have_pdftotext ())
    return;
  use_language ("ru");
  results[0] = result_of ("peer.surveyed", 28, 30);
  results[1] = result_of ("peer.participation", 19, 30);
  results[2] = result_of ("peer.improved", 0, 0);

  g_assert_true (opora_chart_export_results_pdf (path, NULL, results, 3, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "Эффективность технологий"));
  g_assert_nonnull (strstr (text, "Период: 01.01.2023 – 31.12.2023"));
  g_assert_nonnull (strstr (text, "Равный – равному"));
  g_assert_nonnull (strstr (text, "Приняли участие в обмене опытом"));
  g_assert_nonnull (strstr (text, "63 % — 19 из 30, цель ≥ 60 %"));
  g_assert_nonnull (strstr (text, "93 % — 28 из 30, цель ≥ 100 %"));
  g_assert_nonnull (strstr (text, "нет данных — 0 из 0, цель ≥ 60 %"));
  g_assert_nonnull (strstr (text, "Цель выполнена"));
  g_assert_nonnull (strstr (text, "Цель не выполнена"));
  g_assert_nonnull (strstr (text, "Страница 1 из 1"));

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    opora_indicator_result_unref ((OporaIndicatorResult *) results[i]);
  use_language ("en");
  opora_test_rm_rf (dir);
}

/* The whole catalogue takes several pages; every indicator is on one of them, whole. */
static void
test_export_pdf_paginates (void)
{
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "all.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
    (GDestroyNotify) opora_indicator_result_unref);
  const OporaIndicatorDef *all;
  guint n, pages = 0;

  if (!have_pdftotext ())
    return;
  use_language ("ru");
  all = opora_indicator_catalogue_all (&n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (results, opora_indicator_def_new_result (&all[i], "2024-01-01",
                                                              "2024-03-31", i % 5, 4));

  g_assert_true (opora_chart_export_results_pdf (path, "Отчёт за I квартал",
                                                 (const OporaIndicatorResult * const *)
                                                 results->pdata, n, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);

  g_assert_nonnull (strstr (text, "Отчёт за I квартал"));
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s", all[i].id);
      g_assert_nonnull (strstr (text, opora_indicator_def_get_title (&all[i])));
    }
  while (TRUE)
    {
      g_autofree char *footer = g_strdup_printf ("Страница %u из ", pages + 1);

      if (strstr (text, footer) == NULL)
        break;
      pages++;
    }
  g_assert_cmpuint (pages, >, 1);
  last_page = g_strdup_printf ("Страница %u из %u", pages, pages);
  g_assert_nonnull (strstr (text, last_page));

  use_language ("en");
  opora_test_rm_rf (dir);
}

static void
test_export_png (void)
{
  const OporaChartStyle *style = opora_chart_style_get_default ();
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaIndicatorResult) result = result_of ("peer.participation", 19, 30);
  const OporaIndicatorResult *results[] = { result };
  cairo_surface_t *surface;
  gboolean has_accent = FALSE;

  g_assert_true (opora_chart_export_results_png (path, 900, 400, NULL, results, 1, NULL,
                                                 &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
  for (int y = 0; y < 400 && !has_accent; y++)
    for (int x = 0; x < 900 && !has_accent; x++)
      has_accent = pixel_is (surface, x, y, &style->accent);
  g_assert_true (has_accent);
  cairo_surface_destroy (surface);
  opora_test_rm_rf (dir);
}

static void
test_export_refuses_unwritable (void)
{
  g_autoptr(OporaIndicatorResult) result = result_of ("peer.participation", 19, 30);
  const OporaIndicatorResult *results[] = { result };
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "missing", "report.png", NULL);
  GError *error = NULL;

  g_assert_false (opora_chart_export_results_pdf (pdf, NULL, results, 1, NULL, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, pdf));
  g_clear_error (&error);

  g_assert_false (opora_chart_export_results_png (png, 100, 100, NULL, results, 1, NULL,
                                                  &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY);
  g_clear_error (&error);
  opora_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "ru", TRUE);
  opora_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  /* GLib decides on the first g_dgettext() whether to translate at all, and decides
   * against it in a language without a catalogue: ask in Russian first. */
  g_dgettext (GETTEXT_PACKAGE, "");
  use_language ("en");

  g_test_add_func ("/charts/bullet/layout", test_bullet_layout);
  g_test_add_func ("/charts/bullet/layout-no-data-and-count",
                   test_bullet_layout_no_data_and_count);
  g_test_add_func ("/charts/bullet/pixels", test_bullet_pixels);
  g_test_add_func ("/charts/bullet/not-met-is-hatched", test_bullet_not_met_is_hatched);
  g_test_add_func ("/charts/bullet/no-data-draws-no-bar", test_bullet_no_data_draws_no_bar);
  g_test_add_func ("/charts/bullet/list-hit", test_bullet_list_hit);
  g_test_add_func ("/charts/trend/periods", test_trend_periods);
  g_test_add_func ("/charts/trend/gaps", test_trend_gaps);
  g_test_add_func ("/charts/export/pdf-russian", test_export_pdf_russian);
  g_test_add_func ("/charts/export/pdf-paginates", test_export_pdf_paginates);
  g_test_add_func ("/charts/export/png", test_export_png);
  g_test_add_func ("/charts/export/refuses-unwritable", test_export_refuses_unwritable);

  return g_test_run ();
}
