#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-organisation-editor.h"
#include "opora-store-organisations.h"

/* The widgets of one agreement, edited in place inside an expander row. */
typedef struct
{
  OporaOrganisationEditor *editor;
  OporaAgreement          *agreement;
  AdwExpanderRow          *row;
  GtkWidget               *number_row;
  GtkWidget               *signed_on_row;
  GtkWidget               *valid_until_row;
} AgreementRow;

struct _OporaOrganisationEditor
{
  AdwWindow            parent_instance;

  OporaStore          *store;
  OporaOrganisation   *organisation; /* the copy being edited */
  GPtrArray           *rows;         /* AgreementRow, in the organisation's order */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *scroller;
  GtkLabel            *general_error;
  GtkWidget           *name_row;
  GtkWidget           *name_error_row;
  GtkWidget           *kind_row;
  GtkWidget           *kind_error_row;
  GtkWidget           *contacts_row;
  GtkWidget           *address_row;
  GtkWidget           *hours_row;
  GtkTextView         *profile_view;
  GtkTextView         *conditions_view;
  AdwPreferencesGroup *agreements_group;
  GtkWidget           *no_agreements_row;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ORGANISATION,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaOrganisationEditor, opora_organisation_editor, ADW_TYPE_WINDOW)

static const char * const own_fields[] = { "name", "kind" };

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
  GtkWidget *parent;

  gtk_widget_add_css_class (input, "error");
  if (error_row != NULL)
    {
      gtk_label_set_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))),
                           message);
      gtk_widget_set_visible (error_row, TRUE);
    }
  /* A field inside a folded agreement must be seen to be fixed. */
  for (parent = gtk_widget_get_parent (input); parent; parent = gtk_widget_get_parent (parent))
    if (ADW_IS_EXPANDER_ROW (parent))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);
}

static void
input_changed_cb (GtkWidget *input)
{
  clear_field_error (input);
}

/* @error_row may be NULL when a row is made in code: one is then made and placed by the
 * caller. */
static void
attach_error_row (GtkWidget *input,
                  GtkWidget *error_row)
{
  g_object_set_data (G_OBJECT (input), "opora-error-row", error_row);
  if (GTK_IS_EDITABLE (input))
    g_signal_connect (input, "changed", G_CALLBACK (input_changed_cb), NULL);
  else
    g_signal_connect (input, "notify::selected", G_CALLBACK (input_changed_cb), NULL);
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
clear_errors (OporaOrganisationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  clear_field_error (self->name_row);
  clear_field_error (self->kind_row);
  for (guint i = 0; i < self->rows->len; i++)
    {
      AgreementRow *row = g_ptr_array_index (self->rows, i);

      clear_field_error (row->number_row);
      clear_field_error (row->signed_on_row);
      clear_field_error (row->valid_until_row);
    }
}

/* Text helpers */

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

static const char *
entry_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  return *copy == '\0';
}

/* Agreement rows */

static void
agreement_row_free (gpointer data)
{
  AgreementRow *row = data;

  g_clear_object (&row->agreement);
  g_free (row);
}

/* The expander's title says what was typed, before it is saved; the subtitle whether the
 * agreement is in force today. */
static void
agreement_row_update_title (AgreementRow *row)
{
  const char *number = entry_text (row->number_row);
  const char *signed_text = entry_text (row->signed_on_row);
  const char *until_text = entry_text (row->valid_until_row);
  g_autofree char *title = NULL;
  g_autofree char *signed_on = opora_date_display_to_iso (signed_text, NULL);
  g_autofree char *valid_until = opora_date_display_to_iso (until_text, NULL);
  g_autofree char *today = opora_date_today_iso ();
  const char *state = "";

  if (is_blank (number))
    title = g_strdup (_("New agreement"));
  else if (is_blank (signed_text))
    title = g_strdup_printf (_("No. %s"), number);
  else if (is_blank (until_text))
    title = g_strdup_printf (_("No. %s of %s, open-ended"), number, signed_text);
  else
    title = g_strdup_printf (_("No. %s of %s, until %s"), number, signed_text, until_text);

  if (signed_on != NULL && strcmp (signed_on, today) > 0)
    state = _("Not yet in force");
  else if (valid_until != NULL && signed_on != NULL && strcmp (valid_until, signed_on) < 0)
    state = ""; /* ends before it begins: Save says so */
  else if (signed_on != NULL && valid_until != NULL && strcmp (valid_until, today) < 0)
    state = _("Expired");
  else if (signed_on != NULL && (is_blank (until_text) || valid_until != NULL))
    state = _("In force");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  adw_expander_row_set_subtitle (row->row, state);
}

static void
update_no_agreements (OporaOrganisationEditor *self)
{
  gtk_widget_set_visible (self->no_agreements_row, self->rows->len == 0);
}

static void
remove_agreement_clicked_cb (GtkButton    *button,
                             AgreementRow *row)
{
  OporaOrganisationEditor *self = row->editor;

  opora_organisation_remove_agreement (self->organisation, row->agreement);
  adw_preferences_group_remove (self->agreements_group, GTK_WIDGET (row->row));
  g_ptr_array_remove (self->rows, row);
  update_no_agreements (self);
}

static GtkWidget *
add_entry (AgreementRow *row,
           const char   *title,
           const char   *accessible_label,
           const char   *text)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *error_row = error_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  adw_expander_row_add_row (row->row, entry);
  adw_expander_row_add_row (row->row, error_row);
  attach_error_row (entry, error_row);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (agreement_row_update_title), row);
  return entry;
}

static AgreementRow *
agreement_row_new (OporaOrganisationEditor *self,
                   OporaAgreement          *agreement,
                   gboolean                 expanded)
{
  AgreementRow *row = g_new0 (AgreementRow, 1);
  const char *signed_iso = opora_agreement_get_signed_on (agreement);
  const char *until_iso = opora_agreement_get_valid_until (agreement);
  g_autofree char *signed_on = opora_date_iso_to_display (signed_iso);
  g_autofree char *valid_until = opora_date_iso_to_display (until_iso);
  GtkWidget *remove_button;

  row->editor = self;
  row->agreement = g_object_ref (agreement);
  row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* Agreement numbers are typed by people: "&" or "<" is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);

  row->number_row = add_entry (row, C_("agreement", "Number"), _("Agreement number"),
                               opora_agreement_get_number (agreement));
  row->signed_on_row = add_entry (row, _("Signed On (DD.MM.YYYY)"), _("Signed on"), signed_on);
  row->valid_until_row = add_entry (row, _("Valid Until (DD.MM.YYYY, empty if open-ended)"),
                                    _("Valid until"), valid_until);

  remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove_button, _("Remove Agreement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove agreement"), -1);
  gtk_widget_add_css_class (remove_button, "flat");
  g_signal_connect (remove_button, "clicked", G_CALLBACK (remove_agreement_clicked_cb), row);
  adw_expander_row_add_action (row->row, remove_button);

  agreement_row_update_title (row);
  adw_expander_row_set_expanded (row->row, expanded);
  adw_preferences_group_add (self->agreements_group, GTK_WIDGET (row->row));
  g_ptr_array_add (self->rows, row);
  update_no_agreements (self);
  return row;
}

static AgreementRow *
find_row (OporaOrganisationEditor *self,
          OporaAgreement          *agreement)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AgreementRow *row = g_ptr_array_index (self->rows, i);

      if (row->agreement == agreement)
        return row;
    }
  return NULL;
}

/* Reading and saving */

static void
load_fields (OporaOrganisationEditor *self)
{
  OporaOrganisation *organisation = self->organisation;
  GListModel *agreements = opora_organisation_get_agreements (organisation);
  gboolean is_new = opora_organisation_get_id (organisation) == 0;

  adw_window_title_set_title (self->window_title,
                              is_new ? _("New Organisation") : _("Edit Organisation"));
  adw_window_title_set_subtitle (self->window_title,
                                 is_new ? NULL : opora_organisation_get_name (organisation));
  gtk_window_set_title (GTK_WINDOW (self),
                        is_new ? _("New Organisation") : _("Edit Organisation"));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         opora_organisation_get_name (organisation) ?: "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row),
                              opora_organisation_get_kind (organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->contacts_row),
                         opora_organisation_get_contacts (organisation) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         opora_organisation_get_address (organisation) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->hours_row),
                         opora_organisation_get_hours (organisation) ?: "");
  set_view_text (self->profile_view, opora_organisation_get_profile (organisation));
  set_view_text (self->conditions_view, opora_organisation_get_conditions (organisation));

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(OporaAgreement) agreement = g_list_model_get_item (agreements, i);
      agreement_row_new (self, agreement, FALSE);
    }
  update_no_agreements (self);
}

/* A date typed in @entry into @out (ISO or NULL); FALSE with the message under the field. */
static gboolean
read_date (GtkWidget  *entry,
           char      **out)
{
  g_autoptr(GError) error = NULL;
  char *iso = opora_date_display_to_iso (entry_text (entry), &error);

  if (error != NULL)
    {
      show_field_error (entry, error->message);
      return FALSE;
    }
  *out = iso;
  return TRUE;
}

/* Copies what was typed into the organisation; FALSE when a date cannot be read. */
static gboolean
apply_fields (OporaOrganisationEditor *self)
{
  OporaOrganisation *organisation = self->organisation;
  g_autofree char *profile = get_view_text (self->profile_view);
  g_autofree char *conditions = get_view_text (self->conditions_view);
  g_autofree char *name = g_strstrip (g_strdup (entry_text (self->name_row)));
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  gboolean ok = TRUE;

  opora_organisation_set_name (organisation, name);
  opora_organisation_set_kind (organisation, kind <= OPORA_ORGANISATION_KIND_LAST
                                             ? kind : OPORA_ORGANISATION_KIND_NONE);
  opora_organisation_set_contacts (organisation, entry_text (self->contacts_row));
  opora_organisation_set_address (organisation, entry_text (self->address_row));
  opora_organisation_set_hours (organisation, entry_text (self->hours_row));
  opora_organisation_set_profile (organisation, profile);
  opora_organisation_set_conditions (organisation, conditions);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AgreementRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *number = g_strstrip (g_strdup (entry_text (row->number_row)));
      g_autofree char *signed_on = NULL;
      g_autofree char *valid_until = NULL;

      opora_agreement_set_number (row->agreement, number);
      if (read_date (row->signed_on_row, &signed_on))
        opora_agreement_set_signed_on (row->agreement, signed_on);
      else
        ok = FALSE;
      if (read_date (row->valid_until_row, &valid_until))
        opora_agreement_set_valid_until (row->agreement, valid_until);
      else
        ok = FALSE;
    }
  return ok;
}

static GtkWidget *
input_for (OporaOrganisationEditor *self,
           OporaAgreement          *agreement,
           const char              *field)
{
  AgreementRow *row;

  if (agreement == NULL)
    return g_strcmp0 (field, "kind") == 0 ? self->kind_row : self->name_row;

  row = find_row (self, agreement);
  g_return_val_if_fail (row != NULL, NULL);
  if (g_strcmp0 (field, "signed-on") == 0)
    return row->signed_on_row;
  if (g_strcmp0 (field, "valid-until") == 0)
    return row->valid_until_row;
  return row->number_row;
}

static void
focus_first_error (OporaOrganisationEditor *self)
{
  GtkWidget *inputs[] = { self->name_row, self->kind_row };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (gtk_widget_has_css_class (inputs[i], "error"))
      {
        gtk_widget_grab_focus (inputs[i]);
        return;
      }
  for (guint i = 0; i < self->rows->len; i++)
    {
      AgreementRow *row = g_ptr_array_index (self->rows, i);
      GtkWidget *fields[] = { row->number_row, row->signed_on_row, row->valid_until_row };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        if (gtk_widget_has_css_class (fields[j], "error"))
          {
            gtk_widget_grab_focus (fields[j]);
            return;
          }
    }
}

static void
save_button_clicked_cb (OporaOrganisationEditor *self)
{
  opora_organisation_editor_save (self);
}

static void
add_agreement_button_clicked_cb (OporaOrganisationEditor *self)
{
  g_autoptr(OporaAgreement) agreement = opora_agreement_new ();
  AgreementRow *row;

  opora_organisation_add_agreement (self->organisation, agreement);
  row = agreement_row_new (self, agreement, TRUE);
  gtk_widget_grab_focus (row->number_row);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_organisation_editor_save (OPORA_ORGANISATION_EDITOR (widget));
}

static void
opora_organisation_editor_constructed (GObject *object)
{
  OporaOrganisationEditor *self = (OporaOrganisationEditor *)object;

  G_OBJECT_CLASS (opora_organisation_editor_parent_class)->constructed (object);

  if (self->organisation == NULL)
    self->organisation = opora_organisation_new ();
  load_fields (self);
}

static void
opora_organisation_editor_dispose (GObject *object)
{
  OporaOrganisationEditor *self = (OporaOrganisationEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_ORGANISATION_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->organisation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_organisation_editor_parent_class)->dispose (object);
}

static void
opora_organisation_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  OporaOrganisationEditor *self = OPORA_ORGANISATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_organisation_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  OporaOrganisationEditor *self = OPORA_ORGANISATION_EDITOR (object);
  OporaOrganisation *organisation;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      /* A copy: Cancel must leave the caller's object (a list row) untouched. */
      organisation = g_value_get_object (value);
      self->organisation = organisation ? opora_organisation_copy (organisation) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_organisation_editor_class_init (OporaOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_organisation_editor_constructed;
  object_class->dispose = opora_organisation_editor_dispose;
  object_class->get_property = opora_organisation_editor_get_property;
  object_class->set_property = opora_organisation_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, OPORA_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OPORA_TYPE_ORGANISATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, kind_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, contacts_row);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, hours_row);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, profile_view);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, conditions_view);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, agreements_group);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationEditor, no_agreements_row);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_agreement_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_organisation_editor_init (OporaOrganisationEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (agreement_row_free);

  /* Position N is kind N; position 0 («Не выбран») is refused on save. */
  for (int kind = OPORA_ORGANISATION_KIND_NONE; kind <= OPORA_ORGANISATION_KIND_LAST; kind++)
    gtk_string_list_append (kinds, opora_organisation_kind_display_name (kind));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));

  attach_error_row (self->name_row, self->name_error_row);
  attach_error_row (self->kind_row, self->kind_error_row);
}

GtkWidget *
opora_organisation_editor_new (OporaStore        *store,
                               OporaOrganisation *organisation)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (organisation == NULL || OPORA_IS_ORGANISATION (organisation), NULL);

  return g_object_new (OPORA_TYPE_ORGANISATION_EDITOR,
                       "store", store,
                       "organisation", organisation,
                       NULL);
}

OporaOrganisation *
opora_organisation_editor_get_organisation (OporaOrganisationEditor *self)
{
  g_return_val_if_fail (OPORA_IS_ORGANISATION_EDITOR (self), NULL);
  return self->organisation;
}

gboolean
opora_organisation_editor_save (OporaOrganisationEditor *self)
{
  g_autoptr(GError) error = NULL;
  OporaAgreement *agreement = NULL;
  const char *field = NULL;
  gboolean valid;

  g_return_val_if_fail (OPORA_IS_ORGANISATION_EDITOR (self), FALSE);

  clear_errors (self);
  valid = apply_fields (self);

  /* One Save tells as much as it can: each of the organisation's fields, then every
   * agreement whose dates could be read, each on its own. */
  for (guint i = 0; i < G_N_ELEMENTS (own_fields); i++)
    {
      g_autoptr(GError) field_error = NULL;

      if (!opora_organisation_validate_field (self->organisation, own_fields[i], &field_error))
        {
          show_field_error (input_for (self, NULL, own_fields[i]), field_error->message);
          valid = FALSE;
        }
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      AgreementRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GError) row_error = NULL;

      if (gtk_widget_has_css_class (row->signed_on_row, "error")
          || gtk_widget_has_css_class (row->valid_until_row, "error"))
        continue;
      if (!opora_agreement_validate (row->agreement, &field, &row_error))
        {
          show_field_error (input_for (self, row->agreement, field), row_error->message);
          valid = FALSE;
        }
    }
  /* The whole set of rules once more, should one be added that no field shows. */
  if (valid && !opora_organisation_validate (self->organisation, &agreement, &field, &error))
    {
      show_field_error (input_for (self, agreement, field), error->message);
      valid = FALSE;
    }
  if (!valid)
    {
      focus_first_error (self);
      return FALSE;
    }

  if (!opora_store_save_organisation (self->store, self->organisation, &error))
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);

      gtk_label_set_label (self->general_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->organisation);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
