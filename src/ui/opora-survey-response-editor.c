#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-store-institution.h"
#include "opora-store-persons.h"
#include "opora-store-surveys.h"
#include "opora-survey-response-editor.h"

/* The input of one question: what it is made of depends on the kind of answer. */
typedef struct
{
  OporaSurveyQuestion *question;
  GtkWidget           *row;       /* the row the error shows under */
  GtkWidget           *error_row;
  GtkToggleButton     *yes;       /* yes/no */
  GtkToggleButton     *no;
  AdwComboRow         *combo;     /* single: position 0 is «not answered» */
  GPtrArray           *checks;    /* multiple: GtkCheckButton, one per option */
  GtkEditable         *entry;     /* text */
} Input;

struct _OporaSurveyResponseEditor
{
  AdwWindow            parent_instance;

  OporaStore          *store;
  OporaSurveyTemplate *survey;
  OporaSurveyResponse *response; /* the copy being edited */
  char                *person_name;
  OporaInstitution    *institution; /* fills {institution} and {city_locative} in */
  GPtrArray           *inputs;   /* Input, in the order shown */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *scroller;
  GtkLabel            *general_error;
  AdwActionRow        *person_row;
  GtkWidget           *date_row;
  GtkWidget           *date_error_row;
  AdwPreferencesGroup *questions_group;
  GtkWidget           *note_row;
  GtkLabel            *closing_label;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_TEMPLATE,
  PROP_RESPONSE,
  PROP_PERSON_NAME,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaSurveyResponseEditor, opora_survey_response_editor, ADW_TYPE_WINDOW)

static void
input_free (gpointer data)
{
  Input *input = data;

  g_clear_object (&input->question);
  g_clear_pointer (&input->checks, g_ptr_array_unref);
  g_free (input);
}

static GtkWidget *
error_row_new (void)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  return row;
}

static void
show_error_row (GtkWidget  *input,
                GtkWidget  *error_row,
                const char *message)
{
  gtk_widget_add_css_class (input, "error");
  gtk_label_set_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))),
                       message);
  gtk_widget_set_visible (error_row, TRUE);
}

static void
hide_error_row (GtkWidget *input,
                GtkWidget *error_row)
{
  gtk_widget_remove_css_class (input, "error");
  gtk_widget_set_visible (error_row, FALSE);
}

static char *
question_title (OporaSurveyResponseEditor *self,
                OporaSurveyQuestion       *question)
{
  g_autofree char *text = opora_survey_fill_text (opora_survey_question_get_text (question),
                                                  self->institution);

  /* Translators: a question of a survey: its number and its text. */
  return g_strdup_printf (_("%u. %s"), opora_survey_question_get_position (question), text);
}

static void
input_changed_cb (Input *input)
{
  hide_error_row (input->row, input->error_row);
}

/* Rows of each kind */

static void
add_yes_no (OporaSurveyResponseEditor *self,
            Input                     *input,
            const char                *title,
            const char                *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "linked");

  input->yes = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (C_("answer", "Yes")));
  input->no = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (C_("answer", "No")));
  gtk_toggle_button_set_group (input->no, input->yes);
  gtk_toggle_button_set_active (input->yes, g_strcmp0 (value, OPORA_SURVEY_ANSWER_YES) == 0);
  gtk_toggle_button_set_active (input->no, g_strcmp0 (value, OPORA_SURVEY_ANSWER_NO) == 0);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = GTK_WIDGET (i == 0 ? input->yes : input->no);

      gtk_widget_set_size_request (button, 64, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      i == 0 ? C_("answer", "Yes") : C_("answer", "No"), -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (input_changed_cb), input);
      gtk_box_append (GTK_BOX (box), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  input->row = row;
}

static void
add_single (OporaSurveyResponseEditor *self,
            Input                     *input,
            const char                *title,
            const char                *value)
{
  g_auto(GStrv) options = opora_survey_question_dup_options (input->question);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  gtk_string_list_append (model, C_("survey", "Not answered"));
  for (guint i = 0; options[i] != NULL; i++)
    {
      gtk_string_list_append (model, options[i]);
      if (g_strcmp0 (options[i], value) == 0)
        selected = i + 1;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (input_changed_cb), input);
  input->combo = ADW_COMBO_ROW (row);
  input->row = row;
}

static void
add_multiple (OporaSurveyResponseEditor *self,
              Input                     *input,
              const char                *title,
              const char                *value)
{
  g_auto(GStrv) options = opora_survey_question_dup_options (input->question);
  g_auto(GStrv) chosen = g_strsplit (value ? value : "", "\n", -1);
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Any of the options"));
  input->checks = g_ptr_array_new ();
  for (guint i = 0; options[i] != NULL; i++)
    {
      GtkWidget *option_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (option_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (option_row), options[i]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains ((const char * const *) chosen, options[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      options[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (option_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (option_row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (input_changed_cb), input);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), option_row);
      g_ptr_array_add (input->checks, check);
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  input->row = row;
}

static void
add_text (OporaSurveyResponseEditor *self,
          Input                     *input,
          const char                *title,
          const char                *value)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (input_changed_cb), input);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  input->entry = GTK_EDITABLE (entry);
  input->row = row;
}

static void
add_input (OporaSurveyResponseEditor *self,
           OporaSurveyQuestion       *question,
           const char                *value)
{
  Input *input = g_new0 (Input, 1);
  g_autofree char *title = question_title (self, question);

  input->question = g_object_ref (question);
  switch (opora_survey_question_get_kind (question))
    {
    case OPORA_SURVEY_QUESTION_YES_NO:
      add_yes_no (self, input, title, value);
      break;
    case OPORA_SURVEY_QUESTION_SINGLE:
      add_single (self, input, title, value);
      break;
    case OPORA_SURVEY_QUESTION_MULTIPLE:
      add_multiple (self, input, title, value);
      break;
    case OPORA_SURVEY_QUESTION_TEXT:
    default:
      add_text (self, input, title, value);
      break;
    }
  if (opora_survey_question_get_retired (question) && ADW_IS_ACTION_ROW (input->row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (input->row),
                                 _("Asked in these words when the form was filled in; the "
                                   "survey has changed since"));
  input->error_row = error_row_new ();
  adw_preferences_group_add (self->questions_group, input->row);
  adw_preferences_group_add (self->questions_group, input->error_row);
  g_ptr_array_add (self->inputs, input);
}

/* The stored value the input holds, or NULL when it is not answered. */
static char *
input_dup_value (Input *input)
{
  g_auto(GStrv) options = NULL;
  g_autoptr(GString) chosen = NULL;
  guint selected;

  switch (opora_survey_question_get_kind (input->question))
    {
    case OPORA_SURVEY_QUESTION_YES_NO:
      if (gtk_toggle_button_get_active (input->yes))
        return g_strdup (OPORA_SURVEY_ANSWER_YES);
      if (gtk_toggle_button_get_active (input->no))
        return g_strdup (OPORA_SURVEY_ANSWER_NO);
      return NULL;
    case OPORA_SURVEY_QUESTION_SINGLE:
      options = opora_survey_question_dup_options (input->question);
      selected = adw_combo_row_get_selected (input->combo);
      if (selected == 0 || selected > g_strv_length (options))
        return NULL;
      return g_strdup (options[selected - 1]);
    case OPORA_SURVEY_QUESTION_MULTIPLE:
      options = opora_survey_question_dup_options (input->question);
      chosen = g_string_new (NULL);
      for (guint i = 0; i < input->checks->len && options[i] != NULL; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (input->checks, i)))
          {
            if (chosen->len > 0)
              g_string_append_c (chosen, '\n');
            g_string_append (chosen, options[i]);
          }
      return chosen->len > 0 ? g_strdup (chosen->str) : NULL;
    case OPORA_SURVEY_QUESTION_TEXT:
    default:
      return g_strstrip (g_strdup (gtk_editable_get_text (input->entry)));
    }
}

/* Reading and saving */

static void
load_fields (OporaSurveyResponseEditor *self)
{
  OporaInstitution *institution = self->institution;
  g_autofree char *greeting = opora_survey_fill_text (
                                opora_survey_template_get_greeting (self->survey), institution);
  g_autofree char *introduction = opora_survey_fill_text (
                                    opora_survey_template_get_introduction (self->survey),
                                    institution);
  g_autofree char *instructions = opora_survey_fill_text (
                                    opora_survey_template_get_instructions (self->survey),
                                    institution);
  g_autofree char *closing = opora_survey_fill_text (
                               opora_survey_template_get_closing (self->survey), institution);
  g_autofree char *date = opora_date_iso_to_display (
                            opora_survey_response_get_responded_on (self->response));
  g_autofree char *description = NULL;
  GListModel *answers = opora_survey_response_get_answers (self->response);
  gboolean is_new = opora_survey_response_get_id (self->response) == 0;
  const char *title = is_new ? _("New Survey Response") : _("Survey Response");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 opora_survey_template_get_title (self->survey));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row),
                                 self->person_name ? self->person_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         opora_survey_response_get_note (self->response) ?: "");

  /* The form as the person read it: the greeting, then what the survey is for. */
  adw_preferences_group_set_title (self->questions_group,
                                   greeting ? greeting
                                            : opora_survey_template_get_title (self->survey));
  if (introduction != NULL && instructions != NULL)
    description = g_strdup_printf ("%s\n\n%s", introduction, instructions);
  else
    description = g_strdup (introduction ? introduction : instructions);
  adw_preferences_group_set_description (self->questions_group, description);
  gtk_label_set_label (self->closing_label, closing ? closing : "");
  gtk_widget_set_visible (GTK_WIDGET (self->closing_label), closing != NULL);

  for (guint i = 0; i < opora_survey_template_get_n_questions (self->survey); i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (self->survey, i);

      add_input (self, question, opora_survey_response_get_answer (
                                   self->response, opora_survey_question_get_id (question)));
    }
  /* Answers to questions reworded since: shown with the words they answered. */
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(OporaSurveyAnswer) answer = g_list_model_get_item (answers, i);
      OporaSurveyQuestion *question = opora_survey_answer_get_question (answer);

      if (opora_survey_template_find_question (self->survey,
                                               opora_survey_question_get_id (question)) == NULL)
        add_input (self, question, opora_survey_answer_get_value (answer));
    }
}

static Input *
find_input (OporaSurveyResponseEditor *self,
            gint64                     question_id)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      if (opora_survey_question_get_id (input->question) == question_id)
        return input;
    }
  return NULL;
}

static void
clear_errors (OporaSurveyResponseEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  hide_error_row (self->date_row, self->date_error_row);
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      hide_error_row (input->row, input->error_row);
    }
}

static void
show_general_error (OporaSurveyResponseEditor *self,
                    const char                *message)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);

  gtk_label_set_label (self->general_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
}

static void
save_button_clicked_cb (OporaSurveyResponseEditor *self)
{
  opora_survey_response_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_survey_response_editor_save (OPORA_SURVEY_RESPONSE_EDITOR (widget));
}

static void
date_row_changed_cb (OporaSurveyResponseEditor *self)
{
  hide_error_row (self->date_row, self->date_error_row);
}

static void
opora_survey_response_editor_constructed (GObject *object)
{
  OporaSurveyResponseEditor *self = (OporaSurveyResponseEditor *)object;

  G_OBJECT_CLASS (opora_survey_response_editor_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self->survey));
  if (self->response == NULL)
    self->response = opora_survey_response_new ();
  self->institution = opora_store_load_institution (self->store, NULL);
  load_fields (self);
}

static void
opora_survey_response_editor_dispose (GObject *object)
{
  OporaSurveyResponseEditor *self = (OporaSurveyResponseEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_SURVEY_RESPONSE_EDITOR);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_object (&self->response);
  g_clear_object (&self->survey);
  g_clear_object (&self->institution);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_name, g_free);

  G_OBJECT_CLASS (opora_survey_response_editor_parent_class)->dispose (object);
}

static void
opora_survey_response_editor_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  OporaSurveyResponseEditor *self = OPORA_SURVEY_RESPONSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TEMPLATE:
      g_value_set_object (value, self->survey);
      break;
    case PROP_RESPONSE:
      g_value_set_object (value, self->response);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_response_editor_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  OporaSurveyResponseEditor *self = OPORA_SURVEY_RESPONSE_EDITOR (object);
  OporaSurveyResponse *response;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TEMPLATE:
      self->survey = g_value_dup_object (value);
      break;
    case PROP_RESPONSE:
      /* A copy: Cancel must leave the caller's object (a list row) untouched. */
      response = g_value_get_object (value);
      self->response = response ? opora_survey_response_copy (response) : NULL;
      break;
    case PROP_PERSON_NAME:
      self->person_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_response_editor_class_init (OporaSurveyResponseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = opora_survey_response_editor_constructed;
  object_class->dispose = opora_survey_response_editor_dispose;
  object_class->get_property = opora_survey_response_editor_get_property;
  object_class->set_property = opora_survey_response_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE, flags);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, OPORA_TYPE_SURVEY_TEMPLATE, flags);
  properties[PROP_RESPONSE] =
    g_param_spec_object ("response", NULL, NULL, OPORA_TYPE_SURVEY_RESPONSE, flags);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OPORA_TYPE_SURVEY_RESPONSE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-survey-response-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, date_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, questions_group);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyResponseEditor, closing_label);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_survey_response_editor_init (OporaSurveyResponseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->inputs = g_ptr_array_new_with_free_func (input_free);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_row_changed_cb), self);
}

GtkWidget *
opora_survey_response_editor_new (OporaStore          *store,
                                  OporaSurveyTemplate *survey,
                                  OporaSurveyResponse *response,
                                  const char          *person_name)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (survey), NULL);
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (response), NULL);

  return g_object_new (OPORA_TYPE_SURVEY_RESPONSE_EDITOR,
                       "store", store,
                       "template", survey,
                       "response", response,
                       "person-name", person_name,
                       NULL);
}

static GtkWindow *
present_editor (GtkWidget *parent,
                GtkWidget *editor)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
present_error (GtkWidget    *parent,
               const GError *error)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The Survey Cannot Be Opened"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
opora_survey_response_editor_present (GtkWidget  *parent,
                                      OporaStore *store,
                                      gint64      person_id,
                                      gint64      template_id)
{
  g_autoptr(OporaSurveyTemplate) survey = NULL;
  g_autoptr(OporaSurveyResponse) response = NULL;
  g_autoptr(OporaPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  if (template_id == 0)
    template_id = opora_store_get_builtin_survey_id (store);
  if (!(person = opora_store_load_person (store, person_id, &error))
      || !(survey = opora_store_load_survey_template (store, template_id, &error)))
    {
      present_error (parent, error);
      return NULL;
    }

  today = opora_date_today_iso ();
  response = opora_survey_response_new ();
  opora_survey_response_set_template_id (response, template_id);
  opora_survey_response_set_person_id (response, person_id);
  opora_survey_response_set_responded_on (response, today);
  name = opora_person_dup_full_name (person);
  return present_editor (parent, opora_survey_response_editor_new (store, survey, response, name));
}

GtkWindow *
opora_survey_response_editor_present_response (GtkWidget  *parent,
                                               OporaStore *store,
                                               gint64      response_id)
{
  g_autoptr(OporaSurveyTemplate) survey = NULL;
  g_autoptr(OporaSurveyResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  if (!(response = opora_store_load_survey_response (store, response_id, &error))
      || !(survey = opora_store_load_survey_template (
                      store, opora_survey_response_get_template_id (response), &error)))
    {
      present_error (parent, error);
      return NULL;
    }
  return present_editor (parent, opora_survey_response_editor_new (
                                   store, survey, response,
                                   opora_survey_response_get_person_name (response)));
}

OporaSurveyResponse *
opora_survey_response_editor_get_response (OporaSurveyResponseEditor *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE_EDITOR (self), NULL);
  return self->response;
}

gboolean
opora_survey_response_editor_save (OporaSurveyResponseEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  GListModel *required = NULL;
  const char *field = NULL;
  gint64 question_id = 0;

  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE_EDITOR (self), FALSE);

  clear_errors (self);
  date = opora_date_display_to_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error);
  if (error != NULL)
    {
      show_error_row (self->date_row, self->date_error_row, error->message);
      gtk_widget_grab_focus (self->date_row);
      return FALSE;
    }
  opora_survey_response_set_responded_on (self->response, date);
  opora_survey_response_set_note (self->response,
                                  gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      g_autofree char *value = input_dup_value (input);

      opora_survey_response_set_answer (self->response, input->question, value);
    }

  /* A new response answers every question in use; the store knows which an older one may
   * leave out, and says so below. */
  if (opora_survey_response_get_id (self->response) == 0)
    required = opora_survey_template_get_questions (self->survey);
  if (!opora_survey_response_validate (self->response, required, &field, &question_id, &error)
      || !opora_store_save_survey_response (self->store, self->response, &error))
    {
      Input *input = question_id != 0 ? find_input (self, question_id) : NULL;

      if (input != NULL)
        {
          show_error_row (input->row, input->error_row, error->message);
          gtk_widget_grab_focus (input->row);
        }
      else if (g_strcmp0 (field, "responded-on") == 0
               || g_error_matches (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE))
        {
          show_error_row (self->date_row, self->date_error_row, error->message);
          gtk_widget_grab_focus (self->date_row);
        }
      else
        show_general_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->response);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
