#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-store-institution.h"
#include "opora-store-surveys.h"
#include "opora-survey-grid.h"

/* The grid's first column holds the line numbers; cells start after it. Each form takes
 * two rows of the GtkGrid: its cells, then the message under them. */
#define FIRST_CELL_COLUMN 1
#define PERSON_CELL       0
#define DATE_CELL         1
#define FIRST_ANSWER_CELL 2

typedef struct
{
  OporaSurveyGrid *grid;
  guint            index;
  GPtrArray       *cells;       /* GtkEntry: person, date, one per question */
  GtkWidget       *status;      /* GtkImage at the end of the line */
  GtkLabel        *message;
  gint64           person_id;   /* the person the person cell resolved to, or 0 */
  char            *person_text; /* what was typed when it resolved */
  char            *person_name;
  gint64           response_id; /* once saved */
  gboolean         saved;
  gboolean         filling;     /* set while the grid fills a cell, not the user */
} Line;

struct _OporaSurveyGrid
{
  AdwWindow            parent_instance;

  OporaStore          *store;
  OporaSurveyTemplate *survey;
  GPtrArray           *lines;   /* Line */
  gboolean             discarding;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *count_label;
  GtkLabel            *legend_label;
  GtkGrid             *grid;
};

G_DEFINE_FINAL_TYPE (OporaSurveyGrid, opora_survey_grid, ADW_TYPE_WINDOW)

static void line_add (OporaSurveyGrid *self);

static void
line_free (gpointer data)
{
  Line *line = data;

  g_clear_pointer (&line->cells, g_ptr_array_unref);
  g_clear_pointer (&line->person_text, g_free);
  g_clear_pointer (&line->person_name, g_free);
  g_free (line);
}

static GtkWidget *
cell_at (Line  *line,
         guint  column)
{
  return g_ptr_array_index (line->cells, column);
}

static OporaSurveyQuestion *
question_of (Line  *line,
             guint  column)
{
  return opora_survey_template_get_question (line->grid->survey, column - FIRST_ANSWER_CELL);
}

static void
update_count (OporaSurveyGrid *self)
{
  guint saved = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->lines->len; i++)
    saved += ((Line *) g_ptr_array_index (self->lines, i))->saved ? 1 : 0;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form saved", "%u forms saved", saved),
                          saved);
  gtk_label_set_label (self->count_label, text);
}

typedef enum
{
  MESSAGE_INFO,
  MESSAGE_ERROR,
  MESSAGE_SAVED,
} MessageKind;

static void
line_set_message (Line        *line,
                  MessageKind  kind,
                  const char  *text)
{
  GtkWidget *label = GTK_WIDGET (line->message);

  gtk_label_set_label (line->message, text ? text : "");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, kind == MESSAGE_ERROR ? "error"
                                   : kind == MESSAGE_SAVED ? "success" : "dim-label");
  gtk_image_set_from_icon_name (GTK_IMAGE (line->status),
                                kind == MESSAGE_ERROR ? "dialog-warning-symbolic"
                                : kind == MESSAGE_SAVED ? "object-select-symbolic" : NULL);
  gtk_widget_remove_css_class (line->status, "error");
  gtk_widget_remove_css_class (line->status, "success");
  if (kind != MESSAGE_INFO)
    gtk_widget_add_css_class (line->status, kind == MESSAGE_ERROR ? "error" : "success");
}

static void
line_refuse (Line        *line,
             guint        column,
             const char  *message)
{
  GtkWidget *cell = cell_at (line, column);

  gtk_widget_add_css_class (cell, "error");
  line_set_message (line, MESSAGE_ERROR, message);
  gtk_widget_grab_focus (cell);
}

/* Checking one cell as Enter leaves it */

static char *
describe_person (OporaPerson *person)
{
  g_autofree char *name = opora_person_dup_full_name (person);
  g_autofree char *born = opora_date_iso_to_display (opora_person_get_birth_date (person));

  if (born == NULL)
    return g_steal_pointer (&name);
  /* Translators: the person a quick-entry line found: full name and birth date. */
  return g_strdup_printf (_("%s, born %s"), name, born);
}

static gboolean
check_person (Line *line)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell_at (line, PERSON_CELL)));
  g_autoptr(OporaPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  if (line->person_id != 0 && g_strcmp0 (text, line->person_text) == 0)
    return TRUE;

  line->person_id = 0;
  g_clear_pointer (&line->person_text, g_free);
  g_clear_pointer (&line->person_name, g_free);
  person = opora_store_resolve_respondent (line->grid->store, text, &error);
  if (person == NULL)
    {
      line_refuse (line, PERSON_CELL, error->message);
      return FALSE;
    }
  line->person_id = opora_person_get_id (person);
  line->person_text = g_strdup (text);
  line->person_name = opora_person_dup_full_name (person);
  found = describe_person (person);
  line_set_message (line, MESSAGE_INFO, found);
  return TRUE;
}

static gboolean
check_date (Line   *line,
            char  **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell_at (line, DATE_CELL)));
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = opora_date_display_to_iso (text, &error);

  if (error == NULL && parsed == NULL)
    g_set_error_literal (&error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                         _("The date the survey was filled in is required"));
  if (error != NULL)
    {
      line_refuse (line, DATE_CELL, error->message);
      return FALSE;
    }
  if (iso != NULL)
    *iso = g_steal_pointer (&parsed);
  return TRUE;
}

static gboolean
check_answer (Line   *line,
              guint   column,
              char  **value)
{
  OporaSurveyQuestion *question = question_of (line, column);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell_at (line, column)));
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = NULL;

  if (!opora_survey_question_parse_answer (question, text, &parsed, &error))
    {
      line_refuse (line, column, error->message);
      return FALSE;
    }
  if (parsed == NULL && opora_survey_question_is_required (question))
    {
      g_autofree char *message =
        g_strdup_printf (_("Question %u needs an answer: every yes/no and single-choice "
                           "question must be answered"),
                         opora_survey_question_get_position (question));
      line_refuse (line, column, message);
      return FALSE;
    }
  if (value != NULL)
    *value = g_steal_pointer (&parsed);
  return TRUE;
}

static gboolean
check_cell (Line  *line,
            guint  column)
{
  if (column == PERSON_CELL)
    return check_person (line);
  if (column == DATE_CELL)
    return check_date (line, NULL);
  return check_answer (line, column, NULL);
}

/* Saving a line */

static void
line_focus_next (Line *line)
{
  OporaSurveyGrid *self = line->grid;
  Line *next;
  const char *date;

  if (line->index + 1 >= self->lines->len)
    line_add (self);
  next = g_ptr_array_index (self->lines, line->index + 1);

  /* A stack of forms is mostly of one day: the next line starts with this one's date. */
  date = gtk_editable_get_text (GTK_EDITABLE (cell_at (line, DATE_CELL)));
  if (!next->saved && *gtk_editable_get_text (GTK_EDITABLE (cell_at (next, DATE_CELL))) == '\0')
    {
      next->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (cell_at (next, DATE_CELL)), date);
      next->filling = FALSE;
    }
  gtk_widget_grab_focus (cell_at (next, PERSON_CELL));
}

static gboolean
line_save (Line *line)
{
  OporaSurveyGrid *self = line->grid;
  g_autoptr(OporaSurveyResponse) response = opora_survey_response_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *saved = NULL;
  const char *field = NULL;
  gint64 question_id = 0;

  if (!check_person (line) || !check_date (line, &date))
    return FALSE;

  opora_survey_response_set_id (response, line->response_id);
  opora_survey_response_set_template_id (response, opora_survey_template_get_id (self->survey));
  opora_survey_response_set_person_id (response, line->person_id);
  opora_survey_response_set_responded_on (response, date);
  for (guint column = FIRST_ANSWER_CELL; column < line->cells->len; column++)
    {
      g_autofree char *value = NULL;

      if (!check_answer (line, column, &value))
        return FALSE;
      opora_survey_response_set_answer (response, question_of (line, column), value);
    }

  if (!opora_survey_response_validate (response,
                                       opora_survey_template_get_questions (self->survey),
                                       &field, &question_id, &error)
      || !opora_store_save_survey_response (self->store, response, &error))
    {
      guint column = DATE_CELL;

      if (g_strcmp0 (field, "person") == 0)
        column = PERSON_CELL;
      for (guint c = FIRST_ANSWER_CELL; c < line->cells->len && question_id != 0; c++)
        if (opora_survey_question_get_id (question_of (line, c)) == question_id)
          column = c;
      line_refuse (line, column, error->message);
      return FALSE;
    }

  line->response_id = opora_survey_response_get_id (response);
  line->saved = TRUE;
  /* Translators: under a line of the quick entry once its form is saved. */
  saved = g_strdup_printf (_("Saved: %s"), line->person_name);
  line_set_message (line, MESSAGE_SAVED, saved);
  update_count (self);
  return TRUE;
}

/* Cell callbacks */

static void
cell_activate_cb (GtkEntry *entry,
                  Line     *line)
{
  guint column;

  if (!g_ptr_array_find (line->cells, entry, &column))
    return;
  if (!check_cell (line, column))
    return;
  if (column + 1 < line->cells->len)
    {
      gtk_widget_grab_focus (cell_at (line, column + 1));
      return;
    }
  if (line_save (line))
    line_focus_next (line);
}

static void
cell_changed_cb (GtkEditable *editable,
                 Line        *line)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  if (line->filling)
    return;
  if (line->saved)
    {
      line->saved = FALSE;
      line_set_message (line, MESSAGE_INFO,
                        _("Changed: press Enter in the last cell to save the form again"));
      update_count (line->grid);
    }
}

static GtkWidget *
cell_new (Line       *line,
          int         width_chars,
          const char *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (cell_activate_cb), line);
  g_signal_connect (entry, "changed", G_CALLBACK (cell_changed_cb), line);
  g_ptr_array_add (line->cells, entry);
  return entry;
}

static int
answer_width (OporaSurveyQuestion *question)
{
  switch (opora_survey_question_get_kind (question))
    {
    case OPORA_SURVEY_QUESTION_YES_NO:
      return 3;
    case OPORA_SURVEY_QUESTION_SINGLE:
      return 4;
    case OPORA_SURVEY_QUESTION_MULTIPLE:
      return 8;
    case OPORA_SURVEY_QUESTION_TEXT:
    default:
      return 18;
    }
}

static void
line_add (OporaSurveyGrid *self)
{
  Line *line = g_new0 (Line, 1);
  guint n = opora_survey_template_get_n_questions (self->survey);
  int grid_row = 1 + 2 * (int) self->lines->len;
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;
  GtkWidget *number_label;
  GtkWidget *message;

  line->grid = self;
  line->index = self->lines->len;
  line->cells = g_ptr_array_new ();
  g_ptr_array_add (self->lines, line);

  number = g_strdup_printf ("%u", line->index + 1);
  number_label = gtk_label_new (number);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_grid_attach (self->grid, number_label, 0, grid_row, 1, 1);

  /* Translators: the accessible name of a quick-entry cell: the form's number, the cell. */
  label = g_strdup_printf (_("Form %u, person"), line->index + 1);
  gtk_grid_attach (self->grid, cell_new (line, 26, label), FIRST_CELL_COLUMN, grid_row, 1, 1);
  g_free (label);
  label = g_strdup_printf (_("Form %u, date"), line->index + 1);
  gtk_grid_attach (self->grid, cell_new (line, 10, label), FIRST_CELL_COLUMN + 1, grid_row, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (self->survey, i);

      g_free (label);
      label = g_strdup_printf (_("Form %u, question %u"), line->index + 1, i + 1);
      GtkWidget *cell = cell_new (line, answer_width (question), label);

      /* A short answer reads best in the middle of its cell, under its number. */
      if (answer_width (question) < 8)
        gtk_editable_set_alignment (GTK_EDITABLE (cell), 0.5);
      gtk_grid_attach (self->grid, cell, FIRST_CELL_COLUMN + 2 + (int) i, grid_row, 1, 1);
    }

  line->status = gtk_image_new ();
  gtk_grid_attach (self->grid, line->status, FIRST_CELL_COLUMN + 2 + (int) n, grid_row, 1, 1);

  message = gtk_label_new (NULL);
  line->message = GTK_LABEL (message);
  gtk_label_set_xalign (line->message, 0);
  gtk_label_set_wrap (line->message, TRUE);
  gtk_widget_set_margin_bottom (message, 6);
  gtk_widget_add_css_class (message, "caption");
  gtk_grid_attach (self->grid, message, FIRST_CELL_COLUMN, grid_row + 1, 2 + (int) n, 1);
  line_set_message (line, MESSAGE_INFO, NULL);
}

static void
fill_header (OporaSurveyGrid *self)
{
  g_autoptr(OporaInstitution) institution = opora_store_load_institution (self->store, NULL);
  g_autoptr(GString) legend = g_string_new (NULL);
  guint n = opora_survey_template_get_n_questions (self->survey);
  const char *titles[] = { _("Person"), C_("survey", "Date") };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *header = gtk_label_new (titles[i]);

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_grid_attach (self->grid, header, FIRST_CELL_COLUMN + (int) i, 0, 1, 1);
    }
  for (guint i = 0; i < n; i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (self->survey, i);
      g_autofree char *text = opora_survey_fill_text (opora_survey_question_get_text (question),
                                                      institution);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      GtkWidget *header = gtk_label_new (number);

      gtk_label_set_xalign (GTK_LABEL (header), 0.5);
      gtk_widget_set_tooltip_text (header, text);
      gtk_widget_add_css_class (header, "heading");
      gtk_grid_attach (self->grid, header, FIRST_CELL_COLUMN + 2 + (int) i, 0, 1, 1);

      if (legend->len > 0)
        g_string_append_c (legend, '\n');
      g_string_append_printf (legend, "<b>%u.</b> %s <span alpha=\"60%%\">(%s)</span>",
                              i + 1, escaped,
                              opora_survey_question_kind_display_name (
                                opora_survey_question_get_kind (question)));
    }
  gtk_label_set_markup (self->legend_label, legend->str);
}

/* Closing with lines typed but not saved asks first: nothing is lost silently. */

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     OporaSurveyGrid  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discarding = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static guint
count_unsaved (OporaSurveyGrid *self)
{
  guint n = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      gboolean typed = FALSE;

      if (line->saved)
        continue;
      /* The date the grid filled in is not the user's typing. */
      for (guint c = 0; c < line->cells->len && !typed; c++)
        typed = c != DATE_CELL
                && *gtk_editable_get_text (GTK_EDITABLE (cell_at (line, c))) != '\0';
      n += typed ? 1 : 0;
    }
  return n;
}

static gboolean
opora_survey_grid_close_request (GtkWindow *window)
{
  OporaSurveyGrid *self = OPORA_SURVEY_GRID (window);
  guint unsaved = self->discarding ? 0 : count_unsaved (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (unsaved == 0)
    return GTK_WINDOW_CLASS (opora_survey_grid_parent_class)->close_request (window);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u line was typed but not saved: it will be lost.",
                                       "%u lines were typed but not saved: they will be lost.",
                                       unsaved), unsaved);
  dialog = adw_message_dialog_new (window, _("Discard Unsaved Forms?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
opora_survey_grid_dispose (GObject *object)
{
  OporaSurveyGrid *self = (OporaSurveyGrid *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_SURVEY_GRID);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_object (&self->survey);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_survey_grid_parent_class)->dispose (object);
}

static void
opora_survey_grid_class_init (OporaSurveyGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = opora_survey_grid_dispose;
  window_class->close_request = opora_survey_grid_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-survey-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyGrid, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyGrid, count_label);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyGrid, legend_label);
  gtk_widget_class_bind_template_child (widget_class, OporaSurveyGrid, grid);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_survey_grid_init (OporaSurveyGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = g_ptr_array_new_with_free_func (line_free);
}

GtkWidget *
opora_survey_grid_new (OporaStore  *store,
                       gint64       template_id,
                       GError     **error)
{
  g_autoptr(OporaSurveyTemplate) survey = NULL;
  g_autofree char *today = NULL;
  OporaSurveyGrid *self;
  Line *first;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  survey = opora_store_load_survey_template (store, template_id, error);
  if (survey == NULL)
    return NULL;

  self = g_object_new (OPORA_TYPE_SURVEY_GRID, NULL);
  self->store = g_object_ref (store);
  self->survey = g_steal_pointer (&survey);
  adw_window_title_set_subtitle (self->window_title,
                                 opora_survey_template_get_title (self->survey));
  gtk_window_set_title (GTK_WINDOW (self), _("Enter Paper Forms"));
  fill_header (self);
  line_add (self);
  update_count (self);

  first = g_ptr_array_index (self->lines, 0);
  today = opora_date_today_iso ();
  {
    g_autofree char *shown = opora_date_iso_to_display (today);

    first->filling = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (cell_at (first, DATE_CELL)), shown);
    first->filling = FALSE;
  }
  gtk_widget_grab_focus (cell_at (first, PERSON_CELL));
  return GTK_WIDGET (self);
}

static Line *
line_at (OporaSurveyGrid *self,
         guint            index)
{
  g_return_val_if_fail (index < self->lines->len, NULL);
  return g_ptr_array_index (self->lines, index);
}

guint
opora_survey_grid_get_n_lines (OporaSurveyGrid *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_GRID (self), 0);
  return self->lines->len;
}

GtkWidget *
opora_survey_grid_get_cell (OporaSurveyGrid *self,
                            guint            line,
                            guint            column)
{
  Line *item;

  g_return_val_if_fail (OPORA_IS_SURVEY_GRID (self), NULL);
  if ((item = line_at (self, line)) == NULL)
    return NULL;
  g_return_val_if_fail (column < item->cells->len, NULL);
  return cell_at (item, column);
}

const char *
opora_survey_grid_get_message (OporaSurveyGrid *self,
                               guint            line)
{
  Line *item;

  g_return_val_if_fail (OPORA_IS_SURVEY_GRID (self), NULL);
  item = line_at (self, line);
  return item ? gtk_label_get_label (item->message) : NULL;
}

gboolean
opora_survey_grid_line_is_saved (OporaSurveyGrid *self,
                                 guint            line)
{
  Line *item;

  g_return_val_if_fail (OPORA_IS_SURVEY_GRID (self), FALSE);
  item = line_at (self, line);
  return item != NULL && item->saved;
}

gint64
opora_survey_grid_get_response_id (OporaSurveyGrid *self,
                                   guint            line)
{
  Line *item;

  g_return_val_if_fail (OPORA_IS_SURVEY_GRID (self), 0);
  item = line_at (self, line);
  return item != NULL && item->saved ? item->response_id : 0;
}
