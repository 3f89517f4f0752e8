#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-store-surveys.h"
#include "opora-survey-template-editor.h"

/* The widgets of one question, edited in place inside an expander row. Every change is
 * written to the question at once, so the rows can be put in a new order at any time. */
typedef struct
{
  OporaSurveyTemplateEditor *editor;
  OporaSurveyQuestion       *question;
  AdwExpanderRow            *row;
  GtkWidget                 *text_row;
  GtkWidget                 *kind_row;
  GtkWidget                 *options_row;
  GtkWidget                 *options_error_row;
  GtkTextView               *options_view;
  GtkWidget                 *up_button;
  GtkWidget                 *down_button;
} QuestionRow;

struct _OporaSurveyTemplateEditor
{
  AdwWindow            parent_instance;

  OporaStore          *store;
  OporaSurveyTemplate *survey; /* the copy being edited */
  GPtrArray           *rows;   /* QuestionRow, in the template's order */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *scroller;
  GtkLabel            *general_error;
  GtkWidget           *title_row;
  GtkWidget           *title_error_row;
  GtkWidget           *greeting_row;
  GtkTextView         *introduction_view;
  GtkTextView         *instructions_view;
  GtkWidget           *closing_row;
  AdwPreferencesGroup *questions_group;
  GtkWidget           *questions_error_row;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_TEMPLATE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaSurveyTemplateEditor, opora_survey_template_editor, ADW_TYPE_WINDOW)

/* Field errors: each input knows the row under it that shows its message. */

static void
clear_field_error (GtkWidget *input)
{
  GtkWidget *error_row = g_object_get_data (G_OBJECT (input), "opora-error-row");

  gtk_widget_remove_css_class (input, "error");
  if (error_row != NULL)
    gtk_widget_set_visible (error_row, FALSE);
}

static void
show_field_error (GtkWidget  *input,
                  const char *message)
{
  GtkWidget *error_row = g_object_get_data (G_OBJECT (input), "opora-error-row");

  gtk_widget_add_css_class (input, "error");
  if (error_row != NULL)
    {
      gtk_label_set_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))),
                           message);
      gtk_widget_set_visible (error_row, TRUE);
    }
  /* A field inside a folded question must be seen to be fixed. */
  for (GtkWidget *parent = gtk_widget_get_parent (input); parent;
       parent = gtk_widget_get_parent (parent))
    if (ADW_IS_EXPANDER_ROW (parent))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);
}

static void
attach_error_row (GtkWidget *input,
                  GtkWidget *error_row)
{
  g_object_set_data (G_OBJECT (input), "opora-error-row", error_row);
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

static char *
get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static gboolean
is_choice (OporaSurveyQuestionKind kind)
{
  return kind == OPORA_SURVEY_QUESTION_SINGLE || kind == OPORA_SURVEY_QUESTION_MULTIPLE;
}

/* Question rows */

static void
question_row_free (gpointer data)
{
  QuestionRow *row = data;

  g_clear_object (&row->question);
  g_clear_object (&row->row);
  g_free (row);
}

static void
question_row_update (QuestionRow *row)
{
  OporaSurveyQuestion *question = row->question;
  const char *text = opora_survey_question_get_text (question);
  guint n_answers = opora_survey_question_get_n_answers (question);
  guint position = opora_survey_question_get_position (question);
  OporaSurveyQuestionKind kind = opora_survey_question_get_kind (question);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a question in the survey editor: its number and its text. */
  title = g_strdup_printf (_("%u. %s"), position, text ? text : _("New question"));
  if (n_answers > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s · answered in %u response: a change keeps "
                                             "the old wording for it",
                                             "%s · answered in %u responses: a change keeps "
                                             "the old wording for them",
                                             n_answers),
                                opora_survey_question_kind_display_name (kind), n_answers);
  else
    subtitle = g_strdup (opora_survey_question_kind_display_name (kind));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  adw_expander_row_set_subtitle (row->row, subtitle);
  gtk_widget_set_visible (row->options_row, is_choice (kind));
  if (!is_choice (kind))
    gtk_widget_set_visible (row->options_error_row, FALSE);
  gtk_widget_set_sensitive (row->up_button, position > 1);
  gtk_widget_set_sensitive (row->down_button,
                            position < opora_survey_template_get_n_questions (
                                         row->editor->survey));
}

static void
update_all_rows (OporaSurveyTemplateEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    question_row_update (g_ptr_array_index (self->rows, i));
}

/* Puts the rows in the template's order: a group cannot reorder, so they go out and in. */
static void
reorder_rows (OporaSurveyTemplateEditor *self)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

  for (guint i = 0; i < self->rows->len; i++)
    {
      QuestionRow *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (self->questions_group, GTK_WIDGET (row->row));
    }
  for (guint i = 0; i < opora_survey_template_get_n_questions (self->survey); i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (self->survey, i);

      for (guint j = 0; j < self->rows->len; j++)
        {
          QuestionRow *row = g_ptr_array_index (self->rows, j);

          if (row->question == question)
            {
              g_ptr_array_add (ordered, row);
              adw_preferences_group_add (self->questions_group, GTK_WIDGET (row->row));
            }
        }
    }
  /* The same rows, now in order; the array frees none of them here. */
  g_ptr_array_set_free_func (self->rows, NULL);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_extend (self->rows, ordered, NULL, NULL);
  g_ptr_array_set_free_func (self->rows, question_row_free);
  update_all_rows (self);
}

static void
text_row_changed_cb (GtkEditable *editable,
                     QuestionRow *row)
{
  clear_field_error (GTK_WIDGET (editable));
  opora_survey_question_set_text (row->question, gtk_editable_get_text (editable));
  question_row_update (row);
}

static void
kind_row_selected_cb (AdwComboRow *combo,
                      GParamSpec  *pspec,
                      QuestionRow *row)
{
  guint kind = adw_combo_row_get_selected (combo);

  if (kind > OPORA_SURVEY_QUESTION_KIND_LAST)
    return;
  opora_survey_question_set_kind (row->question, kind);
  question_row_update (row);
}

static void
options_changed_cb (GtkTextBuffer *buffer,
                    QuestionRow   *row)
{
  g_autofree char *options = get_view_text (row->options_view);

  clear_field_error (row->options_row);
  opora_survey_question_set_options (row->question, options);
}

static void
move_clicked_cb (GtkButton   *button,
                 QuestionRow *row)
{
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "opora-delta"));
  guint position = opora_survey_question_get_position (row->question);

  if (delta < 0 && position <= 1)
    return;
  opora_survey_template_move_question (row->editor->survey, row->question,
                                       position - 1 + delta);
  reorder_rows (row->editor);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

static void
remove_clicked_cb (GtkButton   *button,
                   QuestionRow *row)
{
  OporaSurveyTemplateEditor *self = row->editor;

  adw_preferences_group_remove (self->questions_group, GTK_WIDGET (row->row));
  opora_survey_template_remove_question (self->survey, row->question);
  g_ptr_array_remove (self->rows, row);
  update_all_rows (self);
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *tooltip,
                 const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
options_row_new (QuestionRow *row)
{
  GtkWidget *prefs_row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_label_new (_("Options, one a line"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prefs_row), _("Options, one a line"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (prefs_row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_set_margin_start (caption, 12);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  row->options_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (row->options_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (row->options_view, FALSE);
  gtk_text_view_set_top_margin (row->options_view, 4);
  gtk_text_view_set_bottom_margin (row->options_view, 12);
  gtk_text_view_set_left_margin (row->options_view, 12);
  gtk_text_view_set_right_margin (row->options_view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (row->options_view), -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->options_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Options, one a line"), -1);
  set_view_text (row->options_view, opora_survey_question_get_options (row->question));
  g_signal_connect (gtk_text_view_get_buffer (row->options_view), "changed",
                    G_CALLBACK (options_changed_cb), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->options_view));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (prefs_row), box);
  return prefs_row;
}

static QuestionRow *
question_row_new (OporaSurveyTemplateEditor *self,
                  OporaSurveyQuestion       *question,
                  gboolean                   expanded)
{
  QuestionRow *row = g_new0 (QuestionRow, 1);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *text_error_row = error_row_new ();
  GtkWidget *remove_button;

  row->editor = self;
  row->question = g_object_ref (question);
  row->row = g_object_ref_sink (ADW_EXPANDER_ROW (adw_expander_row_new ()));
  /* Questions are typed by people: "&" or "<" is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);

  row->text_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->text_row), C_("survey", "Question"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->text_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("survey", "Question"), -1);
  gtk_editable_set_text (GTK_EDITABLE (row->text_row),
                         opora_survey_question_get_text (question) ?: "");
  g_signal_connect (row->text_row, "changed", G_CALLBACK (text_row_changed_cb), row);
  attach_error_row (row->text_row, text_error_row);
  adw_expander_row_add_row (row->row, row->text_row);
  adw_expander_row_add_row (row->row, text_error_row);

  row->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->kind_row), C_("survey", "Answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->kind_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of answer"), -1);
  for (guint kind = 0; kind <= OPORA_SURVEY_QUESTION_KIND_LAST; kind++)
    gtk_string_list_append (kinds, opora_survey_question_kind_display_name (kind));
  adw_combo_row_set_model (ADW_COMBO_ROW (row->kind_row), G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row->kind_row),
                              opora_survey_question_get_kind (question));
  g_signal_connect (row->kind_row, "notify::selected", G_CALLBACK (kind_row_selected_cb), row);
  adw_expander_row_add_row (row->row, row->kind_row);

  row->options_row = options_row_new (row);
  row->options_error_row = error_row_new ();
  attach_error_row (row->options_row, row->options_error_row);
  adw_expander_row_add_row (row->row, row->options_row);
  adw_expander_row_add_row (row->row, row->options_error_row);

  /* An expander row puts each action before those added earlier: added right to left. */
  remove_button = icon_button_new ("user-trash-symbolic", _("Remove Question"),
                                   _("Remove question"));
  g_signal_connect (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), row);
  adw_expander_row_add_action (row->row, remove_button);
  row->down_button = icon_button_new ("go-down-symbolic", _("Move Down"),
                                      _("Move question down"));
  g_object_set_data (G_OBJECT (row->down_button), "opora-delta", GINT_TO_POINTER (1));
  g_signal_connect (row->down_button, "clicked", G_CALLBACK (move_clicked_cb), row);
  adw_expander_row_add_action (row->row, row->down_button);
  row->up_button = icon_button_new ("go-up-symbolic", _("Move Up"), _("Move question up"));
  g_object_set_data (G_OBJECT (row->up_button), "opora-delta", GINT_TO_POINTER (-1));
  g_signal_connect (row->up_button, "clicked", G_CALLBACK (move_clicked_cb), row);
  adw_expander_row_add_action (row->row, row->up_button);

  adw_expander_row_set_expanded (row->row, expanded);
  adw_preferences_group_add (self->questions_group, GTK_WIDGET (row->row));
  g_ptr_array_add (self->rows, row);
  update_all_rows (self);
  return row;
}

static QuestionRow *
find_row (OporaSurveyTemplateEditor *self,
          OporaSurveyQuestion       *question)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      QuestionRow *row = g_ptr_array_index (self->rows, i);

      if (row->question == question)
        return row;
    }
  return NULL;
}

/* Reading and saving */

static void
load_fields (OporaSurveyTemplateEditor *self)
{
  OporaSurveyTemplate *survey = self->survey;
  gboolean is_new = opora_survey_template_get_id (survey) == 0;
  const char *title = is_new ? _("New Survey") : _("Edit Survey");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 is_new ? NULL : opora_survey_template_get_title (survey));
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         opora_survey_template_get_title (survey) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->greeting_row),
                         opora_survey_template_get_greeting (survey) ?: "");
  set_view_text (self->introduction_view, opora_survey_template_get_introduction (survey));
  set_view_text (self->instructions_view, opora_survey_template_get_instructions (survey));
  gtk_editable_set_text (GTK_EDITABLE (self->closing_row),
                         opora_survey_template_get_closing (survey) ?: "");

  for (guint i = 0; i < opora_survey_template_get_n_questions (survey); i++)
    question_row_new (self, opora_survey_template_get_question (survey, i), is_new);
}

static void
apply_fields (OporaSurveyTemplateEditor *self)
{
  g_autofree char *introduction = get_view_text (self->introduction_view);
  g_autofree char *instructions = get_view_text (self->instructions_view);
  OporaSurveyTemplate *survey = self->survey;

  opora_survey_template_set_title (survey, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  opora_survey_template_set_greeting (survey,
                                      gtk_editable_get_text (GTK_EDITABLE (self->greeting_row)));
  opora_survey_template_set_introduction (survey, introduction);
  opora_survey_template_set_instructions (survey, instructions);
  opora_survey_template_set_closing (survey,
                                     gtk_editable_get_text (GTK_EDITABLE (self->closing_row)));
}

static void
clear_errors (OporaSurveyTemplateEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  clear_field_error (self->title_row);
  gtk_widget_set_visible (self->questions_error_row, FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    {
      QuestionRow *row = g_ptr_array_index (self->rows, i);

      clear_field_error (row->text_row);
      clear_field_error (row->options_row);
    }
}

static void
show_questions_error (OporaSurveyTemplateEditor *self,
                      const char                *message)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->questions_error_row));

  gtk_label_set_label (GTK_LABEL (label), message);
  gtk_widget_set_visible (self->questions_error_row, TRUE);
}

static void
save_button_clicked_cb (OporaSurveyTemplateEditor *self)
{
  opora_survey_template_editor_save (self);
}

static void
add_question_button_clicked_cb (OporaSurveyTemplateEditor *self)
{
  g_autoptr(OporaSurveyQuestion) question =
    opora_survey_question_new (OPORA_SURVEY_QUESTION_YES_NO, NULL);
  QuestionRow *row;

  gtk_widget_set_visible (self->questions_error_row, FALSE);
  opora_survey_template_add_question (self->survey, question);
  row = question_row_new (self, question, TRUE);
  gtk_widget_grab_focus (row->text_row);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_survey_template_editor_save (OPORA_SURVEY_TEMPLATE_EDITOR (widget));
}

static void
opora_survey_template_editor_constructed (GObject *object)
{
  OporaSurveyTemplateEditor *self = (OporaSurveyTemplateEditor *)object;

  G_OBJECT_CLASS (opora_survey_template_editor_parent_class)->constructed (object);

  if (self->survey == NULL)
    {
      g_autoptr(OporaSurveyQuestion) first =
        opora_survey_question_new (OPORA_SURVEY_QUESTION_YES_NO, NULL);

      self->survey = opora_survey_template_new ();
      opora_survey_template_add_question (self->survey, first);
    }
  load_fields (self);
}

static void
opora_survey_template_editor_dispose (GObject *object)
{
  OporaSurveyTemplateEditor *self = (OporaSurveyTemplateEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_SURVEY_TEMPLATE_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->survey);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_survey_template_editor_parent_class)->dispose (object);
}

static void
opora_survey_template_editor_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  OporaSurveyTemplateEditor *self = OPORA_SURVEY_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TEMPLATE:
      g_value_set_object (value, self->survey);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_template_editor_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  OporaSurveyTemplateEditor *self = OPORA_SURVEY_TEMPLATE_EDITOR (object);
  OporaSurveyTemplate *survey;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TEMPLATE:
      /* A copy: Cancel must leave the caller's object (a list row) untouched. */
      survey = g_value_get_object (value);
      self->survey = survey ? opora_survey_template_copy (survey) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_template_editor_class_init (OporaSurveyTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_survey_template_editor_constructed;
  object_class->dispose = opora_survey_template_editor_dispose;
  object_class->get_property = opora_survey_template_editor_get_property;
  object_class->set_property = opora_survey_template_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, OPORA_TYPE_SURVEY_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OPORA_TYPE_SURVEY_TEMPLATE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-survey-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, title_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, greeting_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor,
                                        introduction_view);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor,
                                        instructions_view);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, closing_row);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor, questions_group);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyTemplateEditor,
                                        questions_error_row);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_question_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
title_row_changed_cb (GtkWidget *row)
{
  clear_field_error (row);
}

static void
opora_survey_template_editor_init (OporaSurveyTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (question_row_free);

  attach_error_row (self->title_row, self->title_error_row);
  g_signal_connect (self->title_row, "changed", G_CALLBACK (title_row_changed_cb), NULL);
}

GtkWidget *
opora_survey_template_editor_new (OporaStore          *store,
                                  OporaSurveyTemplate *survey)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (survey == NULL || OPORA_IS_SURVEY_TEMPLATE (survey), NULL);

  return g_object_new (OPORA_TYPE_SURVEY_TEMPLATE_EDITOR,
                       "store", store,
                       "template", survey,
                       NULL);
}

OporaSurveyTemplate *
opora_survey_template_editor_get_template (OporaSurveyTemplateEditor *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE_EDITOR (self), NULL);
  return self->survey;
}

gboolean
opora_survey_template_editor_save (OporaSurveyTemplateEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *first_error = NULL;
  gboolean valid = TRUE;

  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE_EDITOR (self), FALSE);

  clear_errors (self);
  apply_fields (self);

  /* One Save tells as much as it can: the title, the questions as a whole, then each. */
  if (!opora_survey_template_validate_field (self->survey, "title", &error))
    {
      show_field_error (self->title_row, error->message);
      first_error = self->title_row;
      valid = FALSE;
      g_clear_error (&error);
    }
  if (!opora_survey_template_validate_field (self->survey, "questions", &error))
    {
      show_questions_error (self, error->message);
      valid = FALSE;
      g_clear_error (&error);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      QuestionRow *row = g_ptr_array_index (self->rows, i);
      const char *field = NULL;

      if (!opora_survey_question_validate (row->question, &field, &error))
        {
          GtkWidget *input = g_strcmp0 (field, "options") == 0 ? row->options_row
                                                                : row->text_row;

          show_field_error (input, error->message);
          if (first_error == NULL)
            first_error = g_strcmp0 (field, "options") == 0 ? GTK_WIDGET (row->options_view)
                                                             : row->text_row;
          valid = FALSE;
          g_clear_error (&error);
        }
    }
  if (!valid)
    {
      if (first_error != NULL)
        gtk_widget_grab_focus (first_error);
      return FALSE;
    }

  if (!opora_store_save_survey_template (self->store, self->survey, &error))
    {
      OporaSurveyQuestion *question = NULL;
      const char *field = NULL;

      /* A rule the fields above did not show (should one be added): under its field. */
      if (!opora_survey_template_validate (self->survey, &question, &field, NULL)
          && question != NULL && find_row (self, question) != NULL)
        show_field_error (find_row (self, question)->text_row, error->message);
      else
        {
          GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);

          gtk_label_set_label (self->general_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->survey);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
