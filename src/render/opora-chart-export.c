#define G_LOG_DOMAIN "opora-chart-export"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "opora-bullet-chart.h"
#include "opora-chart-export.h"
#include "opora-chart-private.h"
#include "opora-error.h"
#include "opora-indicator-catalogue.h"

#define PAGE_MARGIN   42.0  /* 15 mm */
#define TITLE_HEIGHT  56.0
#define FOOTER_HEIGHT 20.0
#define GROUP_GAP     14.0
/* The chart lists keep 8 units clear at each side: the groups reach that far into the
 * margins so their text lines up with the title and the page number. */
#define LIST_INSET    8.0
/* On paper a row is a little tighter than on screen: a technology of 12 indicators then
 * fits one A4 page. */
#define PDF_ROW       64.0
#define MIN_SPLIT     3     /* fewer rows than this are not left alone at a page's foot */

typedef struct
{
  guint first;
  guint count;
} Group;

/* Runs of results of the same technology, in the order given. */
static GArray *
split_groups (const OporaIndicatorResult * const *results,
              guint                               n)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));
  OporaTechnology previous = OPORA_TECHNOLOGY_NONE;

  for (guint i = 0; i < n; i++)
    {
      const OporaIndicatorDef *def =
        opora_indicator_catalogue_get (opora_indicator_result_get_id (results[i]));
      OporaTechnology technology = def != NULL ? def->technology : OPORA_TECHNOLOGY_NONE;

      if (i == 0 || technology != previous)
        g_array_append_val (groups, ((Group) { i, 0 }));
      g_array_index (groups, Group, groups->len - 1).count++;
      previous = technology;
    }
  return groups;
}

static char *
common_period (const OporaIndicatorResult * const *results,
               guint                               n)
{
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (opora_indicator_result_get_from (results[0]),
                   opora_indicator_result_get_from (results[i])) != 0
        || g_strcmp0 (opora_indicator_result_get_to (results[0]),
                      opora_indicator_result_get_to (results[i])) != 0)
      return NULL;
  return n > 0 ? opora_chart_format_period (opora_indicator_result_get_from (results[0]),
                                            opora_indicator_result_get_to (results[0]))
               : NULL;
}

static void
draw_title_block (cairo_t                            *cr,
                  const OporaChartRect               *box,
                  const char                         *title,
                  const OporaIndicatorResult * const *results,
                  guint                               n,
                  const OporaChartStyle              *style)
{
  g_autofree char *period = common_period (results, n);
  double size = opora_chart_font_size (style);
  OporaChartRect title_box = { box->x, box->y, box->width, box->height * 0.58 };
  OporaChartRect period_box = { box->x, box->y + title_box.height, box->width,
                                box->height * 0.42 };

  if (title == NULL)
    title = C_("report", "Effectiveness of technologies");
  opora_chart_draw_text (cr, style, &title_box, title, size * 1.6, PANGO_WEIGHT_BOLD,
                         PANGO_ALIGN_LEFT, 1, 0.5, &style->foreground, 1.0);
  if (period != NULL)
    {
      /* TRANSLATORS: the reporting period under a report's title */
      g_autofree char *line = g_strdup_printf (C_("report", "Period: %s"), period);

      opora_chart_draw_text (cr, style, &period_box, line, size, PANGO_WEIGHT_NORMAL,
                             PANGO_ALIGN_LEFT, 1, 0.5, &style->foreground, 0.8);
    }
}

static void
draw_group (cairo_t                            *cr,
            double                              x,
            double                              y,
            double                              width,
            double                              height,
            const OporaIndicatorResult * const *results,
            guint                               count,
            const OporaChartStyle              *style)
{
  OporaChartStyle clear = *style;

  clear.background.alpha = 0; /* the page is painted once */
  cairo_save (cr);
  cairo_translate (cr, x - LIST_INSET, y);
  opora_bullet_chart_draw_list (cr, width + 2 * LIST_INSET, height, results, count, &clear);
  cairo_restore (cr);
}

static void
paint_background (cairo_t               *cr,
                  double                 width,
                  double                 height,
                  const OporaChartStyle *style)
{
  if (style->background.alpha <= 0)
    return;
  opora_chart_set_color (cr, &style->background, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

void
opora_chart_export_draw_report (cairo_t                            *cr,
                                double                              width,
                                double                              height,
                                const char                         *title,
                                const OporaIndicatorResult * const *results,
                                guint                               n,
                                const OporaChartStyle              *style)
{
  g_autoptr(GArray) groups = NULL;
  double margin, top, heading, row_h, available, y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (results != NULL || n == 0);

  if (style == NULL)
    style = opora_chart_style_get_default ();
  margin = MIN (PAGE_MARGIN, width * 0.04);
  heading = opora_bullet_chart_list_natural_height (0);
  groups = split_groups (results, n);

  cairo_save (cr);
  paint_background (cr, width, height, style);
  draw_title_block (cr, &(OporaChartRect) { margin, margin, width - 2 * margin, TITLE_HEIGHT },
                    title, results, n, style);

  /* One height for every row, so that the charts of all technologies compare. */
  top = margin + TITLE_HEIGHT + GROUP_GAP;
  available = height - top - margin - groups->len * (heading + GROUP_GAP);
  row_h = n > 0 ? CLAMP (available / n, 0, OPORA_BULLET_CHART_ROW_NATURAL) : 0;

  y = top;
  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);
      double block = heading + group->count * row_h;

      draw_group (cr, margin, y, width - 2 * margin, block, results + group->first,
                  group->count, style);
      y += block + GROUP_GAP;
    }
  cairo_restore (cr);
}

typedef struct
{
  guint  page;
  double y;
  guint  first;
  guint  count;
} Block;

/* Lays the groups out on A4 pages: a group goes whole onto the page it starts on when it
 * fits there, else onto a fresh page, and is cut across pages only when longer than a
 * page; never leaving fewer than MIN_SPLIT rows at a page's foot. */
static GArray *
paginate (const GArray *groups,
          double        first_top,
          double        top,
          double        bottom,
          guint        *n_pages)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  double heading = opora_bullet_chart_list_natural_height (0);
  double y = first_top;
  guint page = 0;

  for (guint g = 0; g < groups->len; g++)
    {
      const Group *group = &g_array_index (groups, Group, g);
      guint done = 0;

      while (done < group->count)
        {
          guint left = group->count - done;
          guint fit = y + heading + PDF_ROW <= bottom
                      ? (guint) ((bottom - y - heading) / PDF_ROW) : 0;
          guint fit_fresh = (guint) ((bottom - top - heading) / PDF_ROW);
          gboolean page_empty = y <= (page == 0 ? first_top : top);
          Block block;

          if (fit < left && !page_empty && (left <= fit_fresh || fit < MIN_SPLIT))
            {
              page++;
              y = top;
              continue;
            }
          block = (Block) { page, y, group->first + done, MIN (MAX (fit, 1), left) };
          g_array_append_val (blocks, block);
          done += block.count;
          y += heading + block.count * PDF_ROW + GROUP_GAP;
        }
    }
  *n_pages = page + 1;
  return blocks;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (status == CAIRO_STATUS_WRITE_ERROR)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY,
                 _("Cannot write the chart file “%s”: check that its folder exists "
                   "and may be written to"), path);
  else
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_IO, _("Cannot write the chart file “%s”: %s"),
                 path, cairo_status_to_string (status));
  return FALSE;
}

static cairo_surface_t *
pdf_surface_new (const char *path,
                 const char *title,
                 double      width_pt,
                 double      height_pt)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width_pt, height_pt);

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Opora");
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    }
  return surface;
}

/* Finishes the surface and reports the first failure of drawing or writing. */
static gboolean
finish (cairo_surface_t  *surface,
        cairo_t          *cr,
        const char       *path,
        GError          **error)
{
  cairo_status_t status = cr != NULL ? cairo_status (cr) : CAIRO_STATUS_SUCCESS;

  if (cr != NULL)
    cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}

gboolean
opora_chart_export_pdf_func (const char          *path,
                             const char          *title,
                             double               width_pt,
                             double               height_pt,
                             OporaChartDrawFunc   draw,
                             gpointer             user_data,
                             GError             **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = pdf_surface_new (path, title, width_pt, height_pt);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return finish (surface, NULL, path, error);
  cr = cairo_create (surface);
  draw (cr, width_pt, height_pt, user_data);
  cairo_show_page (cr);
  return finish (surface, cr, path, error);
}

gboolean
opora_chart_export_png_func (const char          *path,
                             int                  width,
                             int                  height,
                             OporaChartDrawFunc   draw,
                             gpointer             user_data,
                             GError             **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}

gboolean
opora_chart_export_results_pdf (const char                         *path,
                                const char                         *title,
                                const OporaIndicatorResult * const *results,
                                guint                               n,
                                const OporaChartStyle              *style,
                                GError                            **error)
{
  const double width = OPORA_A4_WIDTH_PT, height = OPORA_A4_HEIGHT_PT;
  const double inner = width - 2 * PAGE_MARGIN;
  const double bottom = height - PAGE_MARGIN - FOOTER_HEIGHT;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GArray) blocks = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages, block = 0;
  double heading = opora_bullet_chart_list_natural_height (0);

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (results != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (style == NULL)
    style = opora_chart_style_get_default ();
  if (title == NULL)
    title = C_("report", "Effectiveness of technologies");
  groups = split_groups (results, n);
  blocks = paginate (groups, PAGE_MARGIN + TITLE_HEIGHT + GROUP_GAP, PAGE_MARGIN, bottom,
                     &n_pages);

  surface = pdf_surface_new (path, title, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return finish (surface, NULL, path, error);
  cr = cairo_create (surface);

  for (guint page = 0; page < n_pages; page++)
    {
      /* TRANSLATORS: the foot of a report page */
      g_autofree char *footer = g_strdup_printf (C_("report", "Page %u of %u"), page + 1,
                                                 n_pages);
      OporaChartRect footer_box = { PAGE_MARGIN, bottom, inner, FOOTER_HEIGHT };

      paint_background (cr, width, height, style);
      if (page == 0)
        draw_title_block (cr, &(OporaChartRect) { PAGE_MARGIN, PAGE_MARGIN, inner,
                                                  TITLE_HEIGHT },
                          title, results, n, style);
      for (; block < blocks->len && g_array_index (blocks, Block, block).page == page; block++)
        {
          const Block *b = &g_array_index (blocks, Block, block);

          draw_group (cr, PAGE_MARGIN, b->y, inner, heading + b->count * PDF_ROW,
                      results + b->first, b->count, style);
        }
      opora_chart_draw_text (cr, style, &footer_box, footer,
                             opora_chart_font_size (style) * 0.8, PANGO_WEIGHT_NORMAL,
                             PANGO_ALIGN_RIGHT, 1, 1.0, &style->foreground, 0.6);
      cairo_show_page (cr);
    }
  return finish (surface, cr, path, error);
}

typedef struct
{
  const char                         *title;
  const OporaIndicatorResult * const *results;
  guint                               n;
  const OporaChartStyle              *style;
} ReportData;

static void
draw_report_cb (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  user_data)
{
  ReportData *data = user_data;

  opora_chart_export_draw_report (cr, width, height, data->title, data->results, data->n,
                                  data->style);
}

gboolean
opora_chart_export_results_png (const char                         *path,
                                int                                 width,
                                int                                 height,
                                const char                         *title,
                                const OporaIndicatorResult * const *results,
                                guint                               n,
                                const OporaChartStyle              *style,
                                GError                            **error)
{
  ReportData data = { title, results, n, style };

  g_return_val_if_fail (results != NULL || n == 0, FALSE);

  return opora_chart_export_png_func (path, width, height, draw_report_cb, &data, error);
}
