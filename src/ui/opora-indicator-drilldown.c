#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-drilldown-item.h"
#include "opora-indicator-catalogue.h"
#include "opora-indicator-drilldown.h"
#include "opora-person-page.h"
#include "opora-store-indicators.h"

struct _OporaIndicatorDrilldown
{
  AdwWindow             parent_instance;

  OporaStore           *store;
  char                 *id;
  char                 *from;
  char                 *to;
  GListModel           *model;
  OporaIndicatorResult *result;
  guint                 refresh_source;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkLabel             *value_label;
  GtkLabel             *counts_label;
  GtkLabel             *status_label;
  GtkLabel             *definition_label;
  GtkStack             *stack;
  GtkListView          *list_view;
  GtkSingleSelection   *selection;
  AdwStatusPage        *empty_status;
  GtkLabel             *legend_label;
};

G_DEFINE_FINAL_TYPE (OporaIndicatorDrilldown, opora_indicator_drilldown, ADW_TYPE_WINDOW)

/* The parts of one row, found again when the row is bound to another item. */
typedef struct
{
  GtkWidget *mark;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *state;
  GtkWidget *arrow;
} Row;

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  row->mark = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (row->mark), 2);
  gtk_widget_add_css_class (row->mark, "title-3");
  gtk_box_append (GTK_BOX (box), row->mark);

  row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->title), PANGO_ELLIPSIZE_END);
  row->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (row->subtitle, "dim-label");
  gtk_widget_add_css_class (row->subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), row->title);
  gtk_box_append (GTK_BOX (texts), row->subtitle);
  gtk_box_append (GTK_BOX (box), texts);

  row->state = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->state), 1);
  gtk_widget_add_css_class (row->state, "caption");
  gtk_box_append (GTK_BOX (box), row->state);

  row->arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (row->arrow, "dim-label");
  gtk_box_append (GTK_BOX (box), row->arrow);

  g_object_set_data_full (G_OBJECT (box), "opora-row", row, g_free);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  Row *row = g_object_get_data (G_OBJECT (box), "opora-row");
  OporaDrilldownItem *item = gtk_list_item_get_item (list_item);
  gboolean counted = opora_drilldown_item_get_counted (item);
  const char *subtitle = opora_drilldown_item_get_subtitle (item);
  const char *state = counted ? C_("indicators", "Counted") : C_("indicators", "Not counted");
  g_autofree char *description = NULL;

  /* A sign and a word, so the mark reads without colour and aloud. */
  gtk_label_set_text (GTK_LABEL (row->mark), counted ? "✓" : "—");
  if (counted)
    {
      gtk_widget_add_css_class (row->mark, "success");
      gtk_widget_remove_css_class (row->mark, "dim-label");
      gtk_widget_remove_css_class (row->state, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (row->mark, "success");
      gtk_widget_add_css_class (row->mark, "dim-label");
      gtk_widget_add_css_class (row->state, "dim-label");
    }
  gtk_label_set_text (GTK_LABEL (row->title), opora_drilldown_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (row->subtitle), subtitle ? subtitle : "");
  gtk_widget_set_visible (row->subtitle, subtitle != NULL);
  gtk_label_set_text (GTK_LABEL (row->state), state);
  gtk_widget_set_visible (row->arrow, opora_drilldown_item_get_person_id (item) > 0);

  description = subtitle ? g_strdup_printf ("%s, %s", state, subtitle) : g_strdup (state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  opora_drilldown_item_get_title (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
list_view_activate_cb (OporaIndicatorDrilldown *self,
                       guint                    position)
{
  opora_indicator_drilldown_open_row (self, position);
}

static void
update_view (OporaIndicatorDrilldown *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
fill_summary (OporaIndicatorDrilldown *self)
{
  const OporaIndicatorDef *def = opora_indicator_catalogue_get (self->id);
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  g_autofree char *status = NULL;
  g_autofree char *definition = NULL;
  OporaIndicatorStatus state;

  if (self->result == NULL)
    return;
  value = opora_indicator_result_format_value (self->result);
  label = opora_indicator_result_format_label (self->result);
  state = opora_indicator_result_get_status (self->result);
  gtk_label_set_text (self->value_label, value);
  /* The label begins with the value shown large beside it: "63 % — 19 of 30, …". */
  if (g_str_has_prefix (label, value) && g_str_has_prefix (label + strlen (value), " — "))
    gtk_label_set_text (self->counts_label, label + strlen (value) + strlen (" — "));
  else
    gtk_label_set_text (self->counts_label, label);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  switch (state)
    {
    case OPORA_INDICATOR_STATUS_MET:
      status = g_strdup_printf ("✓ %s", opora_indicator_status_display_name (state));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
      break;
    case OPORA_INDICATOR_STATUS_NOT_MET:
      status = g_strdup_printf ("✗ %s", opora_indicator_status_display_name (state));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      break;
    case OPORA_INDICATOR_STATUS_NO_TARGET:
      status = g_strdup (opora_indicator_status_display_name (state));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      break;
    case OPORA_INDICATOR_STATUS_NO_DATA:
    default:
      /* "no data" is the figure itself already. */
      break;
    }
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);

  if (def == NULL)
    return;
  if (opora_indicator_def_get_denominator (def) != NULL)
    /* TRANSLATORS: what an indicator's numerator and denominator count, in bold words */
    definition = g_markup_printf_escaped (_("<b>Counted:</b> %s\n<b>Out of:</b> %s"),
                                          opora_indicator_def_get_numerator (def),
                                          opora_indicator_def_get_denominator (def));
  else
    definition = g_markup_printf_escaped (_("<b>Counted:</b> %s"),
                                          opora_indicator_def_get_numerator (def));
  gtk_label_set_markup (self->definition_label, definition);
}

static void
refresh (OporaIndicatorDrilldown *self)
{
  g_autoptr(GError) error = NULL;
  OporaIndicatorResult *result;

  result = opora_store_compute_indicator (self->store, self->id, self->from, self->to, &error);
  if (result == NULL)
    {
      g_warning ("Cannot compute %s: %s", self->id, error->message);
      return;
    }
  g_clear_pointer (&self->result, opora_indicator_result_unref);
  self->result = result;
  fill_summary (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  OporaIndicatorDrilldown *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The list follows the database by itself; the figure above it is read again. */
static void
store_changed_cb (OporaIndicatorDrilldown *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
opora_indicator_drilldown_dispose (GObject *object)
{
  OporaIndicatorDrilldown *self = (OporaIndicatorDrilldown *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_INDICATOR_DRILLDOWN);
  g_clear_object (&self->model);
  g_clear_pointer (&self->result, opora_indicator_result_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_indicator_drilldown_parent_class)->dispose (object);
}

static void
opora_indicator_drilldown_finalize (GObject *object)
{
  OporaIndicatorDrilldown *self = (OporaIndicatorDrilldown *)object;

  g_free (self->id);
  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (opora_indicator_drilldown_parent_class)->finalize (object);
}

static void
opora_indicator_drilldown_class_init (OporaIndicatorDrilldownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_indicator_drilldown_dispose;
  object_class->finalize = opora_indicator_drilldown_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-indicator-drilldown.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, value_label);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, counts_label);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, status_label);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, definition_label);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, list_view);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, selection);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, empty_status);
  gtk_widget_class_bind_template_child (widget_class, OporaIndicatorDrilldown, legend_label);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_indicator_drilldown_init (OporaIndicatorDrilldown *self)
{
  /* The rows are built in code: their words ("Counted") must be translated, which a
   * list item template in the .ui cannot do. */
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
opora_indicator_drilldown_new (OporaStore *store,
                               const char *id,
                               const char *from,
                               const char *to)
{
  OporaIndicatorDrilldown *self;
  const OporaIndicatorDef *def;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *from_display = NULL;
  g_autofree char *to_display = NULL;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL && from != NULL && to != NULL, NULL);

  self = g_object_new (OPORA_TYPE_INDICATOR_DRILLDOWN, NULL);
  self->store = g_object_ref (store);
  self->id = g_strdup (id);
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  def = opora_indicator_catalogue_get (id);
  from_display = opora_date_iso_to_display (from);
  to_display = opora_date_iso_to_display (to);
  period = g_strdup_printf ("%s – %s", from_display ? from_display : from,
                            to_display ? to_display : to);
  adw_window_title_set_title (self->window_title,
                              def ? opora_indicator_def_get_title (def) : id);
  adw_window_title_set_subtitle (self->window_title, period);
  if (def != NULL)
    gtk_window_set_title (GTK_WINDOW (self), opora_indicator_def_get_title (def));
  /* Persons and contracts lead to a person's page; groups and organisations do not. */
  if (def != NULL && (def->unit == OPORA_INDICATOR_UNIT_PERSONS
                      || def->unit == OPORA_INDICATOR_UNIT_CONTRACTS))
    gtk_label_set_text (self->legend_label,
                        _("✓ counted in the indicator · — not counted · Enter or a double "
                          "click opens the person"));
  else
    gtk_label_set_text (self->legend_label, _("✓ counted in the indicator · — not counted"));

  self->model = opora_store_indicator_drilldown (store, id, from, to, &error);
  if (self->model == NULL)
    {
      adw_status_page_set_title (self->empty_status, _("Cannot Show the Records"));
      adw_status_page_set_description (self->empty_status, error->message);
    }
  else
    {
      gtk_single_selection_set_model (self->selection, self->model);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_view), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
  update_view (self);
  return GTK_WIDGET (self);
}

GtkWindow *
opora_indicator_drilldown_present (GtkWidget                  *from,
                                   OporaStore                 *store,
                                   const OporaIndicatorResult *result)
{
  GtkWidget *window;
  GtkRoot *root;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  window = opora_indicator_drilldown_new (store, opora_indicator_result_get_id (result),
                                          opora_indicator_result_get_from (result),
                                          opora_indicator_result_get_to (result));
  root = from ? gtk_widget_get_root (from) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

OporaIndicatorResult *
opora_indicator_drilldown_get_result (OporaIndicatorDrilldown *self)
{
  g_return_val_if_fail (OPORA_IS_INDICATOR_DRILLDOWN (self), NULL);
  return self->result;
}

GListModel *
opora_indicator_drilldown_get_model (OporaIndicatorDrilldown *self)
{
  g_return_val_if_fail (OPORA_IS_INDICATOR_DRILLDOWN (self), NULL);
  return self->model;
}

GtkWindow *
opora_indicator_drilldown_open_row (OporaIndicatorDrilldown *self,
                                    guint                    position)
{
  g_autoptr(OporaDrilldownItem) item = NULL;
  gint64 person_id;

  g_return_val_if_fail (OPORA_IS_INDICATOR_DRILLDOWN (self), NULL);

  if (self->model == NULL || (item = g_list_model_get_item (self->model, position)) == NULL)
    return NULL;
  person_id = opora_drilldown_item_get_person_id (item);
  if (person_id <= 0)
    return NULL;
  return opora_person_page_present (GTK_WIDGET (self), self->store, person_id);
}
