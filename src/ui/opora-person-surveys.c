#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-person-surveys.h"
#include "opora-store-records.h"
#include "opora-store-surveys.h"
#include "opora-survey-response-editor.h"
#include "opora-window.h"

struct _OporaPersonSurveys
{
  AdwPreferencesGroup  parent_instance;

  OporaStore          *store;
  gint64               person_id;
  GListModel          *responses;  /* the person's, lazy */
  GListModel          *templates;  /* for the menu of the fill button */
  GMenu               *menu;

  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (OporaPersonSurveys, opora_person_surveys, ADW_TYPE_PREFERENCES_GROUP)

/* What an Undo needs after the group may be gone. */
typedef struct
{
  OporaStore    *store;
  OporaDeletion *deletion;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_object (&undo->store);
  g_clear_pointer (&undo->deletion, opora_deletion_free);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->deletion != NULL && !opora_store_undo_deletion (undo->store, undo->deletion, &error))
    g_warning ("Cannot undo the deletion of a survey response: %s", error->message);
  g_clear_pointer (&undo->deletion, opora_deletion_free);
}

static void
show_toast (OporaPersonSurveys *self,
            AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The page's own overlay when it has one, else the main window's. */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else if (OPORA_IS_WINDOW (root))
    opora_window_add_toast (OPORA_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
delete_clicked_cb (GtkButton          *button,
                   OporaPersonSurveys *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "opora-response-id"));
  const char *title = g_object_get_data (G_OBJECT (button), "opora-toast-title");
  g_autoptr(GError) error = NULL;
  OporaDeletion *deletion;
  AdwToast *toast;
  Undo *undo;

  deletion = opora_store_delete_record (self->store, "survey_response", id, &error);
  if (deletion == NULL)
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      show_toast (self, toast);
      return;
    }
  undo = g_new0 (Undo, 1);
  undo->store = g_object_ref (self->store);
  undo->deletion = deletion;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         undo_free, 0);
  show_toast (self, toast);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  OporaPersonSurveys *self = user_data;
  OporaSurveyResponse *response = item;
  g_autofree char *date = opora_date_iso_to_display (
                            opora_survey_response_get_responded_on (response));
  g_autofree char *summary = opora_survey_response_dup_summary (response);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete;

  /* Translators: a filled-in survey in a person's list: its date, then its answers. */
  subtitle = *summary != '\0' ? g_strdup_printf (C_("survey", "%s · %s"), date, summary)
                               : g_strdup (date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 opora_survey_response_get_template_title (response));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "opora-response-id",
                     GSIZE_TO_POINTER ((gsize) opora_survey_response_get_id (response)));

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete the Survey Response"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete the survey response"), -1);
  g_object_set_data (G_OBJECT (delete), "opora-response-id",
                     GSIZE_TO_POINTER ((gsize) opora_survey_response_get_id (response)));
  g_object_set_data_full (G_OBJECT (delete), "opora-toast-title",
                          g_strdup_printf (_("Survey “%s” of %s deleted"),
                                           opora_survey_response_get_template_title (response),
                                           date), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
list_row_activated_cb (GtkListBox         *list,
                       GtkListBoxRow      *row,
                       OporaPersonSurveys *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "opora-response-id"));

  if (id != 0)
    opora_survey_response_editor_present_response (GTK_WIDGET (self), self->store, id);
}

/* The fill button's menu: every survey, the built-in one first. */
static void
templates_changed_cb (OporaPersonSurveys *self)
{
  g_menu_remove_all (self->menu);
  for (guint i = 0; i < g_list_model_get_n_items (self->templates); i++)
    {
      g_autoptr(OporaSurveyTemplate) survey = g_list_model_get_item (self->templates, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (opora_survey_template_get_title (survey), NULL);

      g_menu_item_set_action_and_target_value (item, "person-surveys.fill",
                                               g_variant_new_int64 (
                                                 opora_survey_template_get_id (survey)));
      g_menu_append_item (self->menu, item);
    }
}

static void
fill_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OporaPersonSurveys *self = OPORA_PERSON_SURVEYS (widget);

  if (self->store != NULL && self->person_id != 0)
    opora_survey_response_editor_present (widget, self->store, self->person_id,
                                          g_variant_get_int64 (parameter));
}

static void
opora_person_surveys_dispose (GObject *object)
{
  OporaPersonSurveys *self = (OporaPersonSurveys *)object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->responses);
  g_clear_object (&self->templates);
  g_clear_object (&self->menu);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_person_surveys_parent_class)->dispose (object);
}

static void
opora_person_surveys_class_init (OporaPersonSurveysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_person_surveys_dispose;

  /* 0: the built-in survey. */
  gtk_widget_class_install_action (widget_class, "person-surveys.fill", "x", fill_action_cb);
}

/* AdwSplitButton 1.2 gives a screen reader its inner buttons, the main one named with
 * the mnemonic's underscore and the arrow not at all: name both. */
static void
name_split_button_parts (GtkWidget  *split,
                         const char *main_name,
                         const char *arrow_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (split); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        arrow_name, -1);
      else if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        main_name, -1);
    }
}

static void
opora_person_surveys_init (OporaPersonSurveys *self)
{
  GtkWidget *button = adw_split_button_new ();
  GtkWidget *placeholder = gtk_label_new (_("No survey filled in"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), C_("survey", "Surveys"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The survey forms the person filled in"));

  self->menu = g_menu_new ();
  adw_split_button_set_label (ADW_SPLIT_BUTTON (button), _("_Fill In a Survey"));
  adw_split_button_set_use_underline (ADW_SPLIT_BUTTON (button), TRUE);
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (button), G_MENU_MODEL (self->menu));
  adw_split_button_set_dropdown_tooltip (ADW_SPLIT_BUTTON (button), _("Choose Another Survey"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person-surveys.fill");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Fill In the Survey on Consent to Exchange Experience"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fill in a survey"), -1);
  name_split_button_parts (button, _("Fill in a survey"), _("Choose Another Survey"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Surveys of the person"), -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (list_row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
}

GtkWidget *
opora_person_surveys_new (OporaStore *store,
                          gint64      person_id)
{
  OporaPersonSurveys *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  self = g_object_new (OPORA_TYPE_PERSON_SURVEYS, NULL);
  opora_person_surveys_set_person (self, store, person_id);
  return GTK_WIDGET (self);
}

void
opora_person_surveys_set_person (OporaPersonSurveys *self,
                                 OporaStore         *store,
                                 gint64              person_id)
{
  g_return_if_fail (OPORA_IS_PERSON_SURVEYS (self));
  g_return_if_fail (OPORA_IS_STORE (store));

  if (self->store == store && self->person_id == person_id)
    return;

  g_set_object (&self->store, store);
  self->person_id = person_id;

  g_clear_object (&self->responses);
  self->responses = opora_store_list_person_survey_responses (store, person_id);
  gtk_list_box_bind_model (self->list, self->responses, create_row, self, NULL);

  if (self->templates != NULL)
    g_signal_handlers_disconnect_by_data (self->templates, self);
  g_clear_object (&self->templates);
  self->templates = opora_store_list_survey_templates (store, NULL);
  g_signal_connect_swapped (self->templates, "items-changed",
                            G_CALLBACK (templates_changed_cb), self);
  templates_changed_cb (self);
}
