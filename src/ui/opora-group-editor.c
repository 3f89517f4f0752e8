#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-contract-form.h"
#include "opora-date.h"
#include "opora-error.h"
#include "opora-group-editor.h"
#include "opora-peer-chooser.h"
#include "opora-staff.h"
#include "opora-store-groups.h"
#include "opora-store-staff.h"

/* The widgets of one member. */
typedef struct
{
  OporaGroupEditor *editor;
  OporaGroupMember *member;
  GtkWidget        *row;
  GtkWidget        *role_dropdown;
  GtkWidget        *attended_check;
} MemberRow;

struct _OporaGroupEditor
{
  AdwWindow            parent_instance;

  OporaStore          *store;
  OporaGroup          *group; /* the copy being edited */
  GPtrArray           *rows;  /* MemberRow, in the group's order */
  OporaFormErrors     *errors;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *scroller;
  GtkLabel            *general_error;
  GtkWidget           *kind_row;
  GtkWidget           *title_row;
  GtkWidget           *formed_row;
  GtkWidget           *facilitator_row;
  AdwPreferencesGroup *meeting_group;
  GtkWidget           *meeting_row;
  GtkWidget           *time_row;
  GtkWidget           *duration_row;
  GtkWidget           *place_row;
  GtkWidget           *held_row;
  GtkSwitch           *held_switch;
  AdwPreferencesGroup *members_group;
  GtkMenuButton       *add_member_button;
  AdwActionRow        *summary_row;
  GtkTextView         *analysis_view;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaGroupEditor, opora_group_editor, ADW_TYPE_WINDOW)

/* The rule-bearing fields, in the order of the form. */
static const char * const checked_fields[] = {
  "kind", "formed-on", "meeting-on", "start-time", "duration", "members", "held", "attendance",
};

static const char *
kind_name (int value)
{
  return opora_group_kind_display_name ((OporaGroupKind) value);
}

static OporaGroupKind
selected_kind (OporaGroupEditor *self)
{
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  return kind <= OPORA_GROUP_KIND_LAST ? (OporaGroupKind) kind : OPORA_GROUP_KIND_NONE;
}

static gboolean
is_psychologist (gpointer item,
                 gpointer user_data)
{
  return opora_staff_get_position (item) == OPORA_POSITION_PSYCHOLOGIST;
}

/* "Not assigned", the active psychologists, and @current_id when it is someone else. */
static GListModel *
facilitator_model (OporaStore *store,
                   gint64      current_id)
{
  g_autoptr(GListStore) first = g_list_store_new (OPORA_TYPE_STAFF);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(OporaStaff) nobody = opora_staff_new ();
  GtkFilterListModel *psychologists;

  /* Staff are a handful of people: filtering them here is cheap. */
  psychologists = gtk_filter_list_model_new (opora_store_list_staff (store, TRUE),
                                             GTK_FILTER (gtk_custom_filter_new (is_psychologist,
                                                                                NULL, NULL)));
  opora_staff_set_full_name (nobody, _("Not assigned"));
  g_list_store_append (first, nobody);
  if (current_id > 0
      && opora_form_staff_position (G_LIST_MODEL (psychologists), current_id)
         == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(OporaStaff) other = opora_store_load_staff (store, current_id, NULL);

      if (other != NULL)
        g_list_store_append (first, other);
    }
  g_list_store_append (parts, first);
  g_list_store_append (parts, psychologists);
  g_object_unref (psychologists);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

static void
setup_facilitator_row (OporaGroupEditor *self)
{
  gint64 current = opora_group_get_facilitator_id (self->group);
  g_autoptr(GListModel) model = facilitator_model (self->store, current);
  g_autoptr(GtkExpression) name = gtk_property_expression_new (OPORA_TYPE_STAFF, NULL,
                                                               "full-name");
  guint position = opora_form_staff_position (model, current);

  adw_combo_row_set_expression (ADW_COMBO_ROW (self->facilitator_row), name);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->facilitator_row), model);
  /* A new group in a centre with one psychologist is theirs to hold. */
  if (position == GTK_INVALID_LIST_POSITION && opora_group_get_id (self->group) == 0
      && g_list_model_get_n_items (model) == 2)
    position = 1;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->facilitator_row),
                              position == GTK_INVALID_LIST_POSITION ? 0 : position);
}

/* Members */

static void
update_summary (OporaGroupEditor *self)
{
  OporaGroupKind kind = selected_kind (self);
  guint max = opora_group_kind_max_members (kind);
  guint min_minutes = 0, max_minutes = 0;
  g_autofree char *summary = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *length = NULL;

  if (self->rows->len == 0)
    summary = g_strdup (_("No members yet"));
  else
    summary = opora_group_dup_members_summary (self->group);
  if (kind == OPORA_GROUP_KIND_PEER_MEETING)
    rule = g_strdup (_("Both sides take part: at least one peer who shares and one "
                       "participant who receives"));
  else if (max > 0)
    rule = g_strdup_printf (_("No more than %u people"), max);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);
  adw_action_row_set_subtitle (self->summary_row, rule ? rule : "");

  opora_group_kind_duration_limits (kind, &min_minutes, &max_minutes);
  if (max_minutes > 0)
    length = g_strdup_printf (_("A training lasts from %u to %u minutes."), min_minutes,
                              max_minutes);
  adw_preferences_group_set_description (self->meeting_group, length);
}

static void
member_row_free (gpointer data)
{
  MemberRow *row = data;

  g_clear_object (&row->member);
  g_free (row);
}

static void
update_member_row (MemberRow *row)
{
  OporaGroupEditor *self = row->editor;
  gboolean held = gtk_switch_get_active (self->held_switch);

  gtk_widget_set_visible (row->role_dropdown,
                          selected_kind (self) == OPORA_GROUP_KIND_PEER_MEETING);
  gtk_widget_set_visible (row->attended_check, held);
}

static void
role_selected_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  MemberRow   *row)
{
  guint role = gtk_drop_down_get_selected (dropdown);

  opora_group_member_set_role (row->member, role <= OPORA_MEMBER_ROLE_LAST
                                            ? (OporaMemberRole) role
                                            : OPORA_MEMBER_ROLE_PARTICIPANT);
  update_summary (row->editor);
}

static void
remove_member_clicked_cb (GtkButton *button,
                          MemberRow *row)
{
  OporaGroupEditor *self = row->editor;

  opora_group_remove_member (self->group, row->member);
  adw_preferences_group_remove (self->members_group, row->row);
  g_ptr_array_remove (self->rows, row);
  update_summary (self);
}

static MemberRow *
member_row_new (OporaGroupEditor *self,
                OporaGroupMember *member)
{
  static const char *roles[OPORA_MEMBER_ROLE_LAST + 2] = { NULL };
  MemberRow *row = g_new0 (MemberRow, 1);
  const char *name = opora_group_member_get_person_name (member);
  const char *subtitle = opora_group_member_get_phone (member);
  g_autofree char *role_label = g_strdup_printf (_("Role of %s"), name ? name : "");
  g_autofree char *attended_label = g_strdup_printf (_("%s attended"), name ? name : "");
  GtkWidget *remove_button;

  for (int role = 0; role <= OPORA_MEMBER_ROLE_LAST; role++)
    roles[role] = opora_member_role_display_name (role);

  row->editor = self;
  row->member = g_object_ref (member);
  row->row = adw_action_row_new ();
  /* Names are typed by people: "&" or "<" is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), name ? name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle ? subtitle : "");

  row->role_dropdown = gtk_drop_down_new_from_strings (roles);
  gtk_widget_set_valign (row->role_dropdown, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->role_dropdown, "flat");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->role_dropdown),
                              opora_group_member_get_role (member));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->role_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, role_label, -1);
  g_signal_connect (row->role_dropdown, "notify::selected", G_CALLBACK (role_selected_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->role_dropdown);

  row->attended_check = gtk_check_button_new_with_label (_("Attended"));
  gtk_widget_set_valign (row->attended_check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->attended_check),
                               opora_group_member_get_attendance (member)
                               == OPORA_ATTENDANCE_PRESENT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->attended_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, attended_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->attended_check);

  remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove_button, _("Remove from the Group"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove from the group"), -1);
  gtk_widget_add_css_class (remove_button, "flat");
  g_signal_connect (remove_button, "clicked", G_CALLBACK (remove_member_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), remove_button);

  adw_preferences_group_add (self->members_group, row->row);
  g_ptr_array_add (self->rows, row);
  update_member_row (row);
  return row;
}

static void
chooser_chosen_cb (OporaGroupEditor *self,
                   OporaGroupMember *candidate)
{
  opora_group_editor_add_member (self, candidate);
}

/* Kind and held */

static void
kind_row_selected_cb (OporaGroupEditor *self)
{
  OporaGroupKind kind = selected_kind (self);

  if (self->group == NULL)
    return;
  opora_group_set_kind (self->group, kind);
  /* Only a peer meeting has peers: in a training everyone is a participant. */
  if (kind != OPORA_GROUP_KIND_PEER_MEETING)
    for (guint i = 0; i < self->rows->len; i++)
      {
        MemberRow *row = g_ptr_array_index (self->rows, i);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (row->role_dropdown),
                                    OPORA_MEMBER_ROLE_PARTICIPANT);
      }
  for (guint i = 0; i < self->rows->len; i++)
    update_member_row (g_ptr_array_index (self->rows, i));
  update_summary (self);
}

static void
held_switch_active_cb (OporaGroupEditor *self)
{
  if (self->rows == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    update_member_row (g_ptr_array_index (self->rows, i));
}

/* Loading and saving */

static void
load_fields (OporaGroupEditor *self)
{
  OporaGroup *group = self->group;
  GListModel *members = opora_group_get_members (group);
  gboolean is_new = opora_group_get_id (group) == 0;
  g_autoptr(GListModel) kinds = opora_form_enum_names (OPORA_GROUP_KIND_NONE,
                                                      OPORA_GROUP_KIND_LAST, kind_name);
  g_autofree char *duration = NULL;
  GtkWidget *chooser;
  OporaGroupKind kind;
  const char *title = is_new ? _("New Group") : _("Edit Group");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (!is_new)
    adw_window_title_set_subtitle (self->window_title,
                                   opora_group_get_title (group)
                                   ? opora_group_get_title (group)
                                   : opora_group_kind_display_name (opora_group_get_kind (group)));

  /* Setting the model selects its first row, which would make the group's kind NONE. */
  kind = opora_group_get_kind (group);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), kinds);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), kind);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), opora_group_get_title (group) ?: "");
  opora_form_set_date (GTK_EDITABLE (self->formed_row), opora_group_get_formed_on (group));
  setup_facilitator_row (self);
  opora_form_set_date (GTK_EDITABLE (self->meeting_row), opora_group_get_meeting_on (group));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), opora_group_get_start_time (group) ?: "");
  if (opora_group_get_duration (group) > 0)
    duration = g_strdup_printf ("%u", opora_group_get_duration (group));
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration ? duration : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), opora_group_get_place (group) ?: "");
  gtk_switch_set_active (self->held_switch, opora_group_get_held (group));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->analysis_view),
                            opora_group_get_analysis (group) ?: "", -1);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (members, i);
      member_row_new (self, member);
    }

  chooser = opora_peer_chooser_new (self->store, TRUE, OPORA_CANDIDATES_PEERS);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (chooser_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->add_member_button, chooser);

  self->errors = opora_form_errors_new ();
  opora_form_errors_attach (self->errors, NULL, "kind", self->kind_row);
  opora_form_errors_attach (self->errors, NULL, "formed-on", self->formed_row);
  opora_form_errors_attach (self->errors, NULL, "meeting-on", self->meeting_row);
  opora_form_errors_attach (self->errors, NULL, "start-time", self->time_row);
  opora_form_errors_attach (self->errors, NULL, "duration", self->duration_row);
  opora_form_errors_attach (self->errors, NULL, "held", self->held_row);
  /* Both under the members' summary; each new place goes right under the row, so the
   * size rule, attached last, reads first. */
  opora_form_errors_attach (self->errors, NULL, "attendance", GTK_WIDGET (self->summary_row));
  opora_form_errors_attach (self->errors, NULL, "members", GTK_WIDGET (self->summary_row));
  update_summary (self);
}

/* "90" → 90; empty → 0. */
static gboolean
read_duration (GtkEditable  *editable,
               guint        *minutes,
               GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  guint64 value = 0;

  *minutes = 0;
  if (*text == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 24 * 60, &value, NULL))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                   _("“%s” is not a duration: enter whole minutes, such as 90"), text);
      return FALSE;
    }
  *minutes = (guint) value;
  return TRUE;
}

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Copies what was typed into the group; a field that cannot be read shows why and is
 * left out of the rules (@unread gets its name). */
static void
apply_fields (OporaGroupEditor *self,
              GHashTable       *unread)
{
  OporaGroup *group = self->group;
  gboolean held = gtk_switch_get_active (self->held_switch);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (
                                                   GTK_EDITABLE (self->title_row))));
  g_autofree char *place = g_strstrip (g_strdup (gtk_editable_get_text (
                                                   GTK_EDITABLE (self->place_row))));
  g_autofree char *analysis = get_text (self->analysis_view);
  g_autofree char *formed_on = NULL;
  g_autofree char *meeting_on = NULL;
  g_autofree char *start_time = NULL;
  g_autoptr(GError) error = NULL;
  guint duration = 0;
  gpointer staff = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self->facilitator_row));

  opora_group_set_kind (group, selected_kind (self));
  opora_group_set_title (group, title);
  opora_group_set_place (group, place);
  opora_group_set_analysis (group, analysis);
  opora_group_set_held (group, held);
  opora_group_set_facilitator_id (group, OPORA_IS_STAFF (staff) ? opora_staff_get_id (staff) : 0);

#define READ(field, call, setter, value)                                               \
  if (call)                                                                            \
    setter (group, value);                                                             \
  else                                                                                 \
    {                                                                                  \
      opora_form_errors_show (self->errors, NULL, field, error->message);              \
      g_hash_table_add (unread, (gpointer) field);                                     \
      g_clear_error (&error);                                                          \
    }
  READ ("formed-on", opora_form_read_date (GTK_EDITABLE (self->formed_row), &formed_on, &error),
        opora_group_set_formed_on, formed_on)
  READ ("meeting-on", opora_form_read_date (GTK_EDITABLE (self->meeting_row), &meeting_on,
                                            &error),
        opora_group_set_meeting_on, meeting_on)
  READ ("start-time",
        opora_group_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)),
                                &start_time, &error),
        opora_group_set_start_time, start_time)
  READ ("duration", read_duration (GTK_EDITABLE (self->duration_row), &duration, &error),
        opora_group_set_duration, duration)
#undef READ

  for (guint i = 0; i < self->rows->len; i++)
    {
      MemberRow *row = g_ptr_array_index (self->rows, i);
      gboolean came = gtk_check_button_get_active (GTK_CHECK_BUTTON (row->attended_check));

      /* Attendance is known once the meeting is held, not before. */
      opora_group_member_set_attendance (row->member, !held ? OPORA_ATTENDANCE_UNKNOWN
                                                      : came ? OPORA_ATTENDANCE_PRESENT
                                                             : OPORA_ATTENDANCE_ABSENT);
    }
}

static void
save_button_clicked_cb (OporaGroupEditor *self)
{
  opora_group_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_group_editor_save (OPORA_GROUP_EDITOR (widget));
}

static void
opora_group_editor_dispose (GObject *object)
{
  OporaGroupEditor *self = (OporaGroupEditor *)object;

  g_clear_pointer (&self->errors, opora_form_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_GROUP_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->group);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_group_editor_parent_class)->dispose (object);
}

static void
opora_group_editor_class_init (OporaGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_group_editor_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, OPORA_TYPE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, formed_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, meeting_group);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, held_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, held_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, members_group);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, OporaGroupEditor, analysis_view);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, held_switch_active_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_group_editor_init (OporaGroupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (member_row_free);
}

GtkWidget *
opora_group_editor_new (OporaStore     *store,
                        OporaGroup     *group,
                        OporaGroupKind  kind)
{
  OporaGroupEditor *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (group == NULL || OPORA_IS_GROUP (group), NULL);

  self = g_object_new (OPORA_TYPE_GROUP_EDITOR, NULL);
  self->store = g_object_ref (store);
  /* A copy: Cancel must leave the caller's object (a list row) untouched. */
  self->group = group ? opora_group_copy (group) : opora_group_new (kind);
  load_fields (self);
  return GTK_WIDGET (self);
}

OporaGroup *
opora_group_editor_get_group (OporaGroupEditor *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP_EDITOR (self), NULL);
  return self->group;
}

void
opora_group_editor_add_member (OporaGroupEditor *self,
                               OporaGroupMember *candidate)
{
  g_autoptr(OporaGroupMember) member = NULL;

  g_return_if_fail (OPORA_IS_GROUP_EDITOR (self));
  g_return_if_fail (OPORA_IS_GROUP_MEMBER (candidate));

  if (opora_group_find_member (self->group, opora_group_member_get_person_id (candidate)))
    return;
  member = opora_group_member_copy (candidate);
  opora_group_member_set_attendance (member, OPORA_ATTENDANCE_UNKNOWN);
  if (selected_kind (self) != OPORA_GROUP_KIND_PEER_MEETING)
    opora_group_member_set_role (member, OPORA_MEMBER_ROLE_PARTICIPANT);
  opora_group_add_member (self->group, member);
  member_row_new (self, member);
  opora_form_errors_clear (self->errors);
  update_summary (self);
}

gboolean
opora_group_editor_save (OporaGroupEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) unread = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean valid = TRUE;

  g_return_val_if_fail (OPORA_IS_GROUP_EDITOR (self), FALSE);

  opora_form_errors_clear (self->errors);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  apply_fields (self, unread);
  valid = g_hash_table_size (unread) == 0;

  /* One Save tells every refused field at once; from the last, so the focus ends on the
   * first. */
  for (int i = G_N_ELEMENTS (checked_fields) - 1; i >= 0; i--)
    {
      g_autoptr(GError) field_error = NULL;

      if (g_hash_table_contains (unread, checked_fields[i]))
        continue;
      if (!opora_group_validate_field (self->group, checked_fields[i], NULL, &field_error))
        {
          opora_form_errors_show (self->errors, NULL, checked_fields[i], field_error->message);
          valid = FALSE;
        }
    }
  if (!valid)
    return FALSE;

  if (!opora_store_save_group (self->store, self->group, &error))
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);

      /* Moving the meeting would make a recorded call too early: that is the date's. */
      if (!g_error_matches (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER)
          || !opora_form_errors_show (self->errors, NULL, "meeting-on", error->message))
        {
          gtk_label_set_label (self->general_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->group);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
