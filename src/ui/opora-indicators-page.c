#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "opora-bullet-chart.h"
#include "opora-chart-export.h"
#include "opora-date.h"
#include "opora-indicator-catalogue.h"
#include "opora-indicator-drilldown.h"
#include "opora-indicators-page.h"
#include "opora-store-indicators.h"
#include "opora-targets-dialog.h"
#include "opora-trend-chart.h"
#include "opora-window.h"

#define N_TECHNOLOGIES OPORA_TECHNOLOGY_MENTORING
/* The PNG is as wide as a screen's chart, as tall as its rows need. */
#define PNG_WIDTH      1200
/* How far back the page looks for a year with data to open on. */
#define LOOK_BACK_YEARS 5

struct _OporaIndicatorsPage
{
  GtkWidget             parent_instance;

  OporaStore           *store;
  OporaTechnology       technology;
  GPtrArray            *results;    /* OporaIndicatorResult of the charts shown */
  gboolean              dirty;      /* the charts are older than the period or database */
  gboolean              default_period; /* nobody has chosen the period yet */
  char                 *trend_id;   /* what the trend shows, to compute it only anew */
  char                 *trend_to;
  guint                 refresh_source;
  GtkNativeDialog      *chooser;
  GtkToggleButton      *technology_buttons[N_TECHNOLOGIES + 1];

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkBox               *technology_box;
  OporaPeriodPicker    *period_picker;
  GtkStack             *stack;
  OporaChartWidget     *bullets;
  OporaChartWidget     *trend;
  GtkLabel             *trend_caption;
  AdwStatusPage        *error_status;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_TECHNOLOGY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaIndicatorsPage, opora_indicators_page, GTK_TYPE_WIDGET)

static void
show_toast (OporaIndicatorsPage *self,
            AdwToast            *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* In the main window toasts float over the whole content; on its own the page shows
   * them itself. */
  if (OPORA_IS_WINDOW (root))
    opora_window_add_toast (OPORA_WINDOW (root), toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (OporaIndicatorsPage *self,
            const GError        *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static const OporaIndicatorResult * const *
results_array (OporaIndicatorsPage *self)
{
  return (const OporaIndicatorResult * const *) self->results->pdata;
}

/* "Effectiveness of the technology «Равный – равному»": the title of files and prints. */
static char *
report_title (OporaIndicatorsPage *self)
{
  return g_strdup_printf (_("Effectiveness of the technology “%s”"),
                          opora_technology_display_name (self->technology));
}

static void
compute_trend (OporaIndicatorsPage *self)
{
  const char *to = opora_period_picker_get_to (self->period_picker);
  int cursor = opora_chart_widget_get_cursor (self->bullets);
  char *froms[OPORA_INDICATORS_TREND_QUARTERS], *tos[OPORA_INDICATORS_TREND_QUARTERS];
  g_autoptr(GPtrArray) points = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *caption = NULL;
  const char *id;

  if (cursor < 0 || (guint) cursor >= self->results->len || to == NULL)
    {
      opora_chart_widget_set_results (self->trend, NULL, 0);
      g_clear_pointer (&self->trend_id, g_free);
      return;
    }
  id = opora_indicator_result_get_id (g_ptr_array_index (self->results, cursor));
  if (g_strcmp0 (id, self->trend_id) == 0 && g_strcmp0 (to, self->trend_to) == 0)
    return;

  points = g_ptr_array_new_with_free_func ((GDestroyNotify) opora_indicator_result_unref);
  opora_period_last_quarters (to, OPORA_INDICATORS_TREND_QUARTERS, froms, tos);
  for (guint i = 0; i < OPORA_INDICATORS_TREND_QUARTERS; i++)
    {
      g_autoptr(GError) error = NULL;
      OporaIndicatorResult *point = opora_store_compute_indicator (self->store, id, froms[i],
                                                                   tos[i], &error);

      if (point != NULL)
        g_ptr_array_add (points, point);
      else
        g_warning ("Cannot compute %s for %s: %s", id, froms[i], error->message);
    }
  first = opora_trend_chart_format_period (froms[0], tos[0]);
  last = opora_trend_chart_format_period (froms[OPORA_INDICATORS_TREND_QUARTERS - 1],
                                          tos[OPORA_INDICATORS_TREND_QUARTERS - 1]);
  for (guint i = 0; i < OPORA_INDICATORS_TREND_QUARTERS; i++)
    {
      g_free (froms[i]);
      g_free (tos[i]);
    }

  opora_chart_widget_set_results (self->trend, (OporaIndicatorResult **) points->pdata,
                                  points->len);
  /* TRANSLATORS: under the trend chart: its first and last quarters, «I кв. 2022» */
  caption = g_strdup_printf (_("Quarters from %s to %s. A filled point meets the target "
                               "(the dashed line), a hollow one does not; a click on a "
                               "quarter shows who is behind it."), first, last);
  gtk_label_set_text (self->trend_caption, caption);
  g_free (self->trend_id);
  self->trend_id = g_strdup (id);
  g_free (self->trend_to);
  self->trend_to = g_strdup (to);
}

static guint
count_with_data (GPtrArray *results)
{
  guint n = 0;

  for (guint i = 0; i < results->len; i++)
    n += opora_indicator_result_has_data (g_ptr_array_index (results, i));
  return n;
}

/* The year the page opens on: the current one, or when it has no data yet (early January,
 * a registry kept up to an earlier year) the latest of the few before it with the most
 * indicators that have data — a whole year, not one with a few stray records. */
static gboolean
open_on_latest_year (OporaIndicatorsPage *self)
{
  const char *to = opora_period_picker_get_to (self->period_picker);
  int year, best_year = 0;
  guint best = 0;

  if (opora_period_picker_get_kind (self->period_picker) != OPORA_PERIOD_YEAR || to == NULL)
    return FALSE;
  year = (int) g_ascii_strtoll (to, NULL, 10);
  for (int earlier = year - 1; earlier >= year - LOOK_BACK_YEARS; earlier--)
    {
      g_autofree char *from_iso = g_strdup_printf ("%04d-01-01", earlier);
      g_autofree char *to_iso = g_strdup_printf ("%04d-12-31", earlier);
      g_autoptr(GPtrArray) results = opora_store_compute_indicators (self->store,
                                                                     self->technology,
                                                                     from_iso, to_iso, NULL);
      guint n = results != NULL ? count_with_data (results) : 0;

      if (n > best)
        {
          best = n;
          best_year = earlier;
        }
    }
  if (best == 0)
    return FALSE;
  opora_period_picker_set_year (self->period_picker, best_year);
  return TRUE;
}

static void
compute (OporaIndicatorsPage *self)
{
  const char *from = opora_period_picker_get_from (self->period_picker);
  const char *to = opora_period_picker_get_to (self->period_picker);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *period = NULL;
  g_autofree char *from_shown = NULL;
  g_autofree char *to_shown = NULL;
  g_autofree char *label = NULL;

  self->dirty = FALSE;
  g_clear_pointer (&self->trend_id, g_free);
  results = opora_store_compute_indicators (self->store, self->technology, from, to, &error);
  if (results == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_ptr_array_set_size (self->results, 0);
      opora_chart_widget_set_results (self->bullets, NULL, 0);
      opora_chart_widget_set_results (self->trend, NULL, 0);
      return;
    }

  if (self->default_period)
    {
      self->default_period = FALSE;
      if (count_with_data (results) == 0 && open_on_latest_year (self))
        {
          /* Choosing the year computed the charts for it, or left them to do. */
          if (self->dirty)
            compute (self);
          return;
        }
    }

  g_ptr_array_unref (self->results);
  self->results = g_steal_pointer (&results);
  opora_chart_widget_set_results (self->bullets, (OporaIndicatorResult **) self->results->pdata,
                                  self->results->len);
  if (opora_chart_widget_get_cursor (self->bullets) < 0 && self->results->len > 0)
    opora_chart_widget_set_cursor (self->bullets, 0);
  gtk_stack_set_visible_child_name (self->stack, "charts");

  /* Read aloud as the period is shown and typed, DD.MM.YYYY, not as it is stored. */
  from_shown = opora_date_iso_to_display (from);
  to_shown = opora_date_iso_to_display (to);
  period = g_strdup_printf ("%s – %s", from_shown, to_shown);
  /* TRANSLATORS: what a screen reader says of the charts: the technology and the period */
  label = g_strdup_printf (_("Indicators of “%s”, %s"),
                           opora_technology_display_name (self->technology), period);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bullets),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  compute_trend (self);
}

/* Computes now when the page shows, else when it is next shown. */
static void
invalidate (OporaIndicatorsPage *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  OporaIndicatorsPage *self = user_data;

  self->refresh_source = 0;
  if (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  return G_SOURCE_REMOVE;
}

/* One commit emits a signal per table it changed: they come to one computation. */
static void
store_changed_cb (OporaIndicatorsPage *self)
{
  self->dirty = TRUE;
  if (self->refresh_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
period_picker_changed_cb (OporaIndicatorsPage *self)
{
  self->default_period = FALSE;
  invalidate (self);
}

static void
bullets_activated_cb (OporaIndicatorsPage *self,
                      guint                index)
{
  opora_indicators_page_open_drilldown (self, index);
}

static void
bullets_cursor_cb (OporaIndicatorsPage *self)
{
  if (!self->dirty)
    compute_trend (self);
}

static void
trend_activated_cb (OporaIndicatorsPage *self,
                    guint                index)
{
  OporaIndicatorResult *point = opora_chart_widget_get_result (self->trend, index);

  if (point != NULL)
    opora_indicator_drilldown_present (GTK_WIDGET (self), self->store, point);
}

static void
technology_toggled_cb (GtkToggleButton     *button,
                       OporaIndicatorsPage *self)
{
  if (gtk_toggle_button_get_active (button))
    opora_indicators_page_set_technology (
      self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "opora-technology")));
}

static void
fill_technologies (OporaIndicatorsPage *self)
{
  for (OporaTechnology t = OPORA_TECHNOLOGY_PEER; t <= N_TECHNOLOGIES; t++)
    {
      const char *name = opora_technology_display_name (t);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);

      g_object_set_data (G_OBJECT (button), "opora-technology", GINT_TO_POINTER (t));
      if (t > OPORA_TECHNOLOGY_PEER)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     self->technology_buttons[OPORA_TECHNOLOGY_PEER]);
      g_signal_connect (button, "toggled", G_CALLBACK (technology_toggled_cb), self);
      gtk_box_append (self->technology_box, button);
      self->technology_buttons[t] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
open_file_clicked_cb (AdwToast *toast,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
file_unref (gpointer  data,
            GClosure *closure)
{
  g_object_unref (data);
}

static void
show_saved (OporaIndicatorsPage *self,
            GFile               *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (C_("indicators", "Saved “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_clicked_cb),
                         g_object_ref (file), file_unref, 0);
  show_toast (self, toast);
}

static void
chooser_response_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     OporaIndicatorsPage *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "opora-pdf"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (pdf ? opora_indicators_page_export_pdf (self, path, &error)
          : opora_indicators_page_export_png (self, path, &error))
    show_saved (self, file);
  else
    show_error (self, error);
}

static void
choose_file (OporaIndicatorsPage *self,
             gboolean             pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  OporaPeriodPicker *picker = self->period_picker;
  g_autofree char *from = opora_date_iso_to_display (opora_period_picker_get_from (picker));
  g_autofree char *to = opora_date_iso_to_display (opora_period_picker_get_to (picker));
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  self->chooser = GTK_NATIVE_DIALOG (
    gtk_file_chooser_native_new (pdf ? _("Save the Charts as PDF") : _("Save the Charts as PNG"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : C_("indicators", "PNG images"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* TRANSLATORS: a file name: the technology and the period, then .pdf or .png */
  name = g_strdup_printf (_("%s, %s–%s.%s"), opora_technology_display_name (self->technology),
                          from ? from : "", to ? to : "", pdf ? "pdf" : "png");
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "opora-pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_file (OPORA_INDICATORS_PAGE (widget), g_str_equal (action_name, "indicators.export-pdf"));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OporaIndicatorsPage *self = OPORA_INDICATORS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (opora_indicators_page_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                                   &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

static void
targets_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  opora_indicators_page_open_targets (OPORA_INDICATORS_PAGE (widget));
}

/* The charts follow by themselves: the targets' commit changed the database. */
static void
targets_saved_cb (OporaIndicatorsPage *self)
{
  show_toast (self, adw_toast_new (C_("indicators", "Targets saved")));
}

static void
draw_page_cb (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page_nr,
              OporaIndicatorsPage *self)
{
  g_autofree char *title = report_title (self);

  opora_chart_export_draw_report (gtk_print_context_get_cairo_context (context),
                                  gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context),
                                  title, results_array (self), self->results->len, NULL);
}

static void
opora_indicators_page_map (GtkWidget *widget)
{
  OporaIndicatorsPage *self = OPORA_INDICATORS_PAGE (widget);

  GTK_WIDGET_CLASS (opora_indicators_page_parent_class)->map (widget);
  if (self->dirty)
    compute (self);
}

static void
opora_indicators_page_constructed (GObject *object)
{
  OporaIndicatorsPage *self = (OporaIndicatorsPage *)object;

  G_OBJECT_CLASS (opora_indicators_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
opora_indicators_page_dispose (GObject *object)
{
  OporaIndicatorsPage *self = (OporaIndicatorsPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_INDICATORS_PAGE);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_indicators_page_parent_class)->dispose (object);
}

static void
opora_indicators_page_finalize (GObject *object)
{
  OporaIndicatorsPage *self = (OporaIndicatorsPage *)object;

  g_free (self->trend_id);
  g_free (self->trend_to);

  G_OBJECT_CLASS (opora_indicators_page_parent_class)->finalize (object);
}

static void
opora_indicators_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OporaIndicatorsPage *self = OPORA_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TECHNOLOGY:
      g_value_set_enum (value, self->technology);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_indicators_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OporaIndicatorsPage *self = OPORA_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TECHNOLOGY:
      opora_indicators_page_set_technology (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_indicators_page_class_init (OporaIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_indicators_page_constructed;
  object_class->dispose = opora_indicators_page_dispose;
  object_class->finalize = opora_indicators_page_finalize;
  object_class->get_property = opora_indicators_page_get_property;
  object_class->set_property = opora_indicators_page_set_property;
  widget_class->map = opora_indicators_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TECHNOLOGY] =
    g_param_spec_enum ("technology", NULL, NULL, OPORA_TYPE_TECHNOLOGY, OPORA_TECHNOLOGY_PEER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_CHART_WIDGET);
  g_type_ensure (OPORA_TYPE_PERIOD_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-indicators-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, technology_box);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, bullets);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, trend);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, trend_caption);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorsPage, error_status);
  gtk_widget_class_bind_template_callback (widget_class, period_picker_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, bullets_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, bullets_cursor_cb);
  gtk_widget_class_bind_template_callback (widget_class, trend_activated_cb);

  gtk_widget_class_install_action (widget_class, "indicators.export-pdf", NULL,
                                   export_action_cb);
  gtk_widget_class_install_action (widget_class, "indicators.export-png", NULL,
                                   export_action_cb);
  gtk_widget_class_install_action (widget_class, "indicators.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "indicators.targets", NULL, targets_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "indicators.print", NULL);
}

static void
opora_indicators_page_init (OporaIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) opora_indicator_result_unref);
  self->dirty = TRUE;
  self->default_period = TRUE;
  fill_technologies (self);
  opora_indicators_page_set_technology (self, OPORA_TECHNOLOGY_PEER);
}

GtkWidget *
opora_indicators_page_new (OporaStore *store)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_INDICATORS_PAGE, "store", store, NULL);
}

OporaStore *
opora_indicators_page_get_store (OporaIndicatorsPage *self)
{
  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), NULL);
  return self->store;
}

void
opora_indicators_page_set_technology (OporaIndicatorsPage *self,
                                      OporaTechnology      technology)
{
  g_return_if_fail (OPORA_IS_INDICATORS_PAGE (self));
  g_return_if_fail (technology >= OPORA_TECHNOLOGY_PEER && technology <= N_TECHNOLOGIES);

  if (technology == self->technology)
    return;
  self->technology = technology;
  gtk_toggle_button_set_active (self->technology_buttons[technology], TRUE);
  /* Another technology's charts start from its first indicator. */
  opora_chart_widget_set_results (self->bullets, NULL, 0);
  opora_chart_widget_set_cursor (self->bullets, -1);
  opora_period_picker_set_technology (self->period_picker, technology);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNOLOGY]);
  if (self->store != NULL)
    invalidate (self);
}

OporaTechnology
opora_indicators_page_get_technology (OporaIndicatorsPage *self)
{
  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), OPORA_TECHNOLOGY_NONE);
  return self->technology;
}

OporaPeriodPicker *
opora_indicators_page_get_period_picker (OporaIndicatorsPage *self)
{
  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), NULL);
  return self->period_picker;
}

OporaChartWidget *
opora_indicators_page_get_chart (OporaIndicatorsPage *self)
{
  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), NULL);
  return self->bullets;
}

OporaChartWidget *
opora_indicators_page_get_trend (OporaIndicatorsPage *self)
{
  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), NULL);
  return self->trend;
}

void
opora_indicators_page_refresh (OporaIndicatorsPage *self)
{
  g_return_if_fail (OPORA_IS_INDICATORS_PAGE (self));

  if (self->dirty)
    compute (self);
}

GtkWindow *
opora_indicators_page_open_drilldown (OporaIndicatorsPage *self,
                                      guint                index)
{
  OporaIndicatorResult *result;

  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), NULL);

  opora_indicators_page_refresh (self);
  if ((result = opora_chart_widget_get_result (self->bullets, index)) == NULL)
    return NULL;
  return opora_indicator_drilldown_present (GTK_WIDGET (self), self->store, result);
}

GtkWindow *
opora_indicators_page_open_targets (OporaIndicatorsPage *self)
{
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), NULL);

  dialog = opora_targets_dialog_new (self->store, self->technology);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (targets_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

gboolean
opora_indicators_page_export_pdf (OporaIndicatorsPage  *self,
                                  const char           *path,
                                  GError              **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  opora_indicators_page_refresh (self);
  title = report_title (self);
  return opora_chart_export_results_pdf (path, title, results_array (self), self->results->len,
                                         NULL, error);
}

gboolean
opora_indicators_page_export_png (OporaIndicatorsPage  *self,
                                  const char           *path,
                                  GError              **error)
{
  g_autofree char *title = NULL;
  int height;

  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  opora_indicators_page_refresh (self);
  title = report_title (self);
  /* The report's margins, title block and gaps (opora-chart-export.c), then the rows. */
  height = (int) (2 * 42 + 56 + 2 * 14
                  + opora_bullet_chart_list_natural_height (self->results->len));
  return opora_chart_export_results_png (path, PNG_WIDTH, height, title, results_array (self),
                                         self->results->len, NULL, error);
}

GtkPrintOperationResult
opora_indicators_page_print (OporaIndicatorsPage      *self,
                             GtkPrintOperationAction   action,
                             const char               *export_path,
                             GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = NULL;
  GtkRoot *root;

  g_return_val_if_fail (OPORA_IS_INDICATORS_PAGE (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  opora_indicators_page_refresh (self);
  title = report_title (self);
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report keeps its own 15 mm margins, as in the PDF: the same page either way. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, title);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return gtk_print_operation_run (operation, action,
                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
}
