#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "opora-column-sort.h"
#include "opora-error.h"
#include "opora-registry-page.h"
#include "opora-store-records.h"
#include "opora-store-surveys.h"
#include "opora-survey-grid.h"
#include "opora-survey-template-editor.h"
#include "opora-surveys-page.h"

struct _OporaSurveysPage
{
  GtkWidget                parent_instance;

  OporaStore              *store;
  GListModel              *list;
  OporaSurveyTemplateSort  sort;
  gboolean                 descending;
  OporaUndoList           *undo;

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  GtkSearchEntry          *search_entry;
  GtkStack                *stack;
  GtkColumnView           *column_view;
  GtkColumnViewColumn     *title_column;
  GtkColumnViewColumn     *responses_column;
  GtkSingleSelection      *selection;
  AdwStatusPage           *empty_status;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaSurveysPage, opora_surveys_page, GTK_TYPE_WIDGET)

static void
show_error (OporaSurveysPage *self,
            const GError     *error)
{
  opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
}

static OporaSurveyTemplate *
selected_template (OporaSurveysPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (OporaSurveysPage *self)
{
  OporaSurveyTemplate *survey = selected_template (self);

  /* The built-in survey stays: the indicators count its answers. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.delete",
                                 survey != NULL && !opora_survey_template_is_builtin (survey));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.enter-forms",
                                 self->list != NULL && g_list_model_get_n_items (self->list) > 0);
}

static void
update_view (OporaSurveysPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (search));
  g_autofree char *description = NULL;

  if (self->list != NULL && g_list_model_get_n_items (self->list) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      if (*stripped != '\0')
        description = g_strdup_printf (_("No surveys match “%s”"), stripped);
      else
        description = g_strdup (_("Add a survey with its questions to enter people’s answers"));
      adw_status_page_set_description (self->empty_status, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_actions (self);
}

static void
requery (OporaSurveysPage *self)
{
  OporaSurveyTemplateQuery query = { 0 };

  if (self->list == NULL)
    return;
  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query.sort = self->sort;
  query.descending = self->descending;
  opora_store_query_survey_templates (self->list, &query);
  update_view (self);
}

static void
search_entry_search_changed_cb (OporaSurveysPage *self)
{
  requery (self);
}

static void
selection_changed_cb (OporaSurveysPage *self)
{
  update_actions (self);
}

static void
list_items_changed_cb (OporaSurveysPage *self)
{
  update_view (self);
}

static void
column_sort_changed_cb (GtkColumnView *view,
                        const char    *sort_key,
                        gboolean       descending,
                        gpointer       user_data)
{
  OporaSurveysPage *self = user_data;

  self->sort = opora_survey_template_sort_from_key (sort_key);
  self->descending = sort_key != NULL && descending;
  requery (self);
}

static void
column_view_activate_cb (OporaSurveysPage *self,
                         guint             position)
{
  g_autoptr(OporaSurveyTemplate) survey = g_list_model_get_item (self->list, position);

  if (survey != NULL)
    opora_surveys_page_open_editor (self, opora_survey_template_get_id (survey));
}

static void
delete_selected (OporaSurveysPage *self)
{
  OporaSurveyTemplate *survey = selected_template (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (survey == NULL || opora_survey_template_is_builtin (survey))
    return;
  if (opora_survey_template_get_n_responses (survey) > 0)
    {
      /* The schema refuses too; said here in words a specialist reads. */
      g_set_error_literal (&error, OPORA_ERROR, OPORA_ERROR_IN_USE,
                           _("A survey with responses cannot be deleted: their answers "
                             "would lose their questions"));
      show_error (self, error);
      return;
    }

  title = g_strdup_printf (_("Survey “%s” deleted"), opora_survey_template_get_title (survey));
  opora_undo_list_delete_record (self->undo, "survey_template",
                                 opora_survey_template_get_id (survey), title);
}

static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  opora_undo_list_undo_last (OPORA_SURVEYS_PAGE (widget)->undo);
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  opora_surveys_page_open_editor (OPORA_SURVEYS_PAGE (widget), 0);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  delete_selected (OPORA_SURVEYS_PAGE (widget));
}

static void
enter_forms_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  opora_surveys_page_open_grid (OPORA_SURVEYS_PAGE (widget), 0);
}

static void
opora_surveys_page_constructed (GObject *object)
{
  OporaSurveysPage *self = (OporaSurveysPage *)object;

  G_OBJECT_CLASS (opora_surveys_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  self->undo = opora_undo_list_new (GTK_WIDGET (self), self->toast_overlay, self->store,
                                    "surveys.undo-delete");
  self->list = opora_store_list_survey_templates (self->store, NULL);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, self->list);

  opora_column_sort_add (self->title_column, "title");
  opora_column_sort_add (self->responses_column, "responses");
  opora_column_sort_watch (self->column_view, column_sort_changed_cb, self);

  requery (self);
}

static void
opora_surveys_page_dispose (GObject *object)
{
  OporaSurveysPage *self = (OporaSurveysPage *)object;

  /* Without a list, the sort reported as the column view goes away re-queries nothing. */
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_SURVEYS_PAGE);
  g_clear_pointer (&self->undo, opora_undo_list_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_surveys_page_parent_class)->dispose (object);
}

static void
opora_surveys_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OporaSurveysPage *self = OPORA_SURVEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_surveys_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OporaSurveysPage *self = OPORA_SURVEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_surveys_page_class_init (OporaSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_surveys_page_constructed;
  object_class->dispose = opora_surveys_page_dispose;
  object_class->get_property = opora_surveys_page_get_property;
  object_class->set_property = opora_surveys_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_SURVEY_TEMPLATE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-surveys-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, responses_column);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveysPage, empty_status);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "surveys.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "surveys.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "surveys.undo-delete", NULL,
                                   undo_delete_action_cb);
  gtk_widget_class_install_action (widget_class, "surveys.enter-forms", NULL,
                                   enter_forms_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "surveys.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "surveys.enter-forms", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "surveys.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "surveys.delete", NULL);
}

static void
opora_surveys_page_init (OporaSurveysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}

GtkWidget *
opora_surveys_page_new (OporaStore *store)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_SURVEYS_PAGE, "store", store, NULL);
}

static void
present_transient (OporaSurveysPage *self,
                   GtkWidget        *window)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

GtkWindow *
opora_surveys_page_open_editor (OporaSurveysPage *self,
                                gint64            id)
{
  g_autoptr(OporaSurveyTemplate) survey = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  g_return_val_if_fail (OPORA_IS_SURVEYS_PAGE (self), NULL);

  if (id != 0)
    {
      /* Read afresh: the numbers of answers decide what an edit does. */
      survey = opora_store_load_survey_template (self->store, id, &error);
      if (survey == NULL)
        {
          show_error (self, error);
          return NULL;
        }
    }

  editor = opora_survey_template_editor_new (self->store, survey);
  present_transient (self, editor);
  return GTK_WINDOW (editor);
}

GtkWindow *
opora_surveys_page_open_grid (OporaSurveysPage *self,
                              gint64            id)
{
  g_autoptr(GError) error = NULL;
  OporaSurveyTemplate *selected;
  GtkWidget *grid;

  g_return_val_if_fail (OPORA_IS_SURVEYS_PAGE (self), NULL);

  if (id == 0 && (selected = selected_template (self)) != NULL)
    id = opora_survey_template_get_id (selected);
  if (id == 0)
    id = opora_store_get_builtin_survey_id (self->store);

  grid = opora_survey_grid_new (self->store, id, &error);
  if (grid == NULL)
    {
      show_error (self, error);
      return NULL;
    }
  present_transient (self, grid);
  return GTK_WINDOW (grid);
}
