#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-contract-form.h"
#include "opora-date.h"
#include "opora-error.h"
#include "opora-peer-chooser.h"
#include "opora-peer-register-editor.h"
#include "opora-store-peer.h"

struct _OporaPeerRegisterEditor
{
  AdwWindow               parent_instance;

  OporaStore             *store;
  OporaPeerRegisterEntry *entry; /* the copy edited, or NULL when a wish is */
  OporaPeerWish          *wish;
  OporaFormErrors        *errors;
  const char             *date_field;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkWidget              *scroller;
  GtkLabel               *general_error;
  AdwPreferencesGroup    *main_group;
  AdwActionRow           *person_row;
  GtkMenuButton          *person_button;
  GtkWidget              *date_row;
  AdwPreferencesGroup    *text_group;
  GtkWidget              *text_row;
  GtkTextView            *text_view;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaPeerRegisterEditor, opora_peer_register_editor, ADW_TYPE_WINDOW)

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static const char *
person_name (OporaPeerRegisterEditor *self)
{
  return self->entry ? opora_peer_register_entry_get_person_name (self->entry)
                     : opora_peer_wish_get_person_name (self->wish);
}

static void
chooser_chosen_cb (OporaPeerRegisterEditor *self,
                   OporaGroupMember        *candidate)
{
  opora_peer_register_editor_set_person (self, opora_group_member_get_person_id (candidate),
                                         opora_group_member_get_person_name (candidate));
}

static void
setup (OporaPeerRegisterEditor *self)
{
  gboolean is_new;
  const char *title;
  GtkWidget *chooser;

  if (self->entry != NULL)
    {
      is_new = opora_peer_register_entry_get_id (self->entry) == 0;
      title = is_new ? _("New Peer") : _("Edit Peer");
      self->date_field = "consent-on";
      adw_preferences_group_set_title (self->main_group, _("Peer Ready to Share"));
      adw_preferences_group_set_description (self->main_group,
                                             _("A person ready to share their positive "
                                               "experience of leaving a difficult situation."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                     _("Consent Given On (DD.MM.YYYY)"));
      adw_preferences_group_set_title (self->text_group, _("Experience"));
      adw_preferences_group_set_description (self->text_group,
                                             _("What the experience is about: how the "
                                               "person or family overcame the situation."));
      opora_form_set_date (GTK_EDITABLE (self->date_row),
                           opora_peer_register_entry_get_consent_on (self->entry));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                opora_peer_register_entry_get_experience (self->entry) ?: "",
                                -1);
    }
  else
    {
      is_new = opora_peer_wish_get_id (self->wish) == 0;
      title = is_new ? _("Mark as Wishing") : _("Edit Mark");
      self->date_field = "marked-on";
      adw_preferences_group_set_title (self->main_group,
                                       _("Wishes to Use Others’ Experience"));
      adw_preferences_group_set_description (self->main_group,
                                             _("A mark by hand, for a person who said so "
                                               "without the survey."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                     _("Marked On (DD.MM.YYYY)"));
      adw_preferences_group_set_title (self->text_group, C_("peer", "Note"));
      opora_form_set_date (GTK_EDITABLE (self->date_row),
                           opora_peer_wish_get_marked_on (self->wish));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                opora_peer_wish_get_note (self->wish) ?: "", -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_group_get_title (self->text_group), -1);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (person_name (self) != NULL)
    adw_action_row_set_subtitle (self->person_row, person_name (self));

  chooser = opora_peer_chooser_new (self->store, FALSE, OPORA_CANDIDATES_EVERYONE);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (chooser_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->person_button, chooser);

  self->errors = opora_form_errors_new ();
  opora_form_errors_attach (self->errors, NULL, "person", GTK_WIDGET (self->person_row));
  opora_form_errors_attach (self->errors, NULL, self->date_field, self->date_row);
}

static void
save_button_clicked_cb (OporaPeerRegisterEditor *self)
{
  opora_peer_register_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_peer_register_editor_save (OPORA_PEER_REGISTER_EDITOR (widget));
}

static void
opora_peer_register_editor_dispose (GObject *object)
{
  OporaPeerRegisterEditor *self = (OporaPeerRegisterEditor *)object;

  g_clear_pointer (&self->errors, opora_form_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PEER_REGISTER_EDITOR);
  g_clear_object (&self->entry);
  g_clear_object (&self->wish);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_peer_register_editor_parent_class)->dispose (object);
}

static void
opora_peer_register_editor_class_init (OporaPeerRegisterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_peer_register_editor_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-peer-register-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, main_group);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, person_button);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, text_group);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, text_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerRegisterEditor, text_view);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_peer_register_editor_init (OporaPeerRegisterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
opora_peer_register_editor_new (OporaStore             *store,
                                OporaPeerRegisterEntry *entry)
{
  OporaPeerRegisterEditor *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (entry == NULL || OPORA_IS_PEER_REGISTER_ENTRY (entry), NULL);

  self = g_object_new (OPORA_TYPE_PEER_REGISTER_EDITOR, NULL);
  self->store = g_object_ref (store);
  if (entry != NULL)
    self->entry = opora_peer_register_entry_copy (entry);
  else
    {
      g_autofree char *today = opora_date_today_iso ();

      self->entry = opora_peer_register_entry_new ();
      opora_peer_register_entry_set_consent_on (self->entry, today);
    }
  setup (self);
  return GTK_WIDGET (self);
}

GtkWidget *
opora_peer_register_editor_new_wish (OporaStore    *store,
                                     OporaPeerWish *wish)
{
  OporaPeerRegisterEditor *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (wish == NULL || OPORA_IS_PEER_WISH (wish), NULL);

  self = g_object_new (OPORA_TYPE_PEER_REGISTER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->wish = opora_peer_wish_new ();
  if (wish != NULL)
    {
      opora_peer_wish_set_id (self->wish, opora_peer_wish_get_id (wish));
      opora_peer_wish_set_person_id (self->wish, opora_peer_wish_get_person_id (wish));
      opora_peer_wish_set_person_name (self->wish, opora_peer_wish_get_person_name (wish));
      opora_peer_wish_set_marked_on (self->wish, opora_peer_wish_get_marked_on (wish));
      opora_peer_wish_set_note (self->wish, opora_peer_wish_get_note (wish));
    }
  if (opora_peer_wish_get_marked_on (self->wish) == NULL)
    {
      g_autofree char *today = opora_date_today_iso ();
      opora_peer_wish_set_marked_on (self->wish, today);
    }
  setup (self);
  return GTK_WIDGET (self);
}

void
opora_peer_register_editor_set_person (OporaPeerRegisterEditor *self,
                                       gint64                   id,
                                       const char              *name)
{
  g_return_if_fail (OPORA_IS_PEER_REGISTER_EDITOR (self));

  if (self->entry != NULL)
    {
      opora_peer_register_entry_set_person_id (self->entry, id);
      opora_peer_register_entry_set_person_name (self->entry, name);
    }
  else
    {
      opora_peer_wish_set_person_id (self->wish, id);
      opora_peer_wish_set_person_name (self->wish, name);
    }
  adw_action_row_set_subtitle (self->person_row, name ? name : _("Not chosen"));
  opora_form_errors_clear (self->errors);
}

gboolean
opora_peer_register_editor_save (OporaPeerRegisterEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  const char *field = NULL;
  gboolean saved;

  g_return_val_if_fail (OPORA_IS_PEER_REGISTER_EDITOR (self), FALSE);

  opora_form_errors_clear (self->errors);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);

  if (!opora_form_read_date (GTK_EDITABLE (self->date_row), &date, &error))
    {
      opora_form_errors_show (self->errors, NULL, self->date_field, error->message);
      return FALSE;
    }
  text = get_text (self->text_view);
  if (self->entry != NULL)
    {
      opora_peer_register_entry_set_consent_on (self->entry, date);
      opora_peer_register_entry_set_experience (self->entry, text);
      if (!opora_peer_register_entry_validate (self->entry, &field, &error))
        {
          opora_form_errors_show (self->errors, NULL, field, error->message);
          return FALSE;
        }
      saved = opora_store_save_peer (self->store, self->entry, &error);
    }
  else
    {
      opora_peer_wish_set_marked_on (self->wish, date);
      opora_peer_wish_set_note (self->wish, text);
      if (!opora_peer_wish_validate (self->wish, &field, &error))
        {
          opora_form_errors_show (self->errors, NULL, field, error->message);
          return FALSE;
        }
      saved = opora_store_save_peer_wish (self->store, self->wish, &error);
    }

  if (!saved)
    {
      /* "Already in the register" is about the person chosen. */
      if (!g_error_matches (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE)
          || !opora_form_errors_show (self->errors, NULL, "person", error->message))
        {
          gtk_label_set_label (self->general_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0,
                 self->entry ? G_OBJECT (self->entry) : G_OBJECT (self->wish));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
