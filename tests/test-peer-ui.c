/* The «Равный – равному» section and its editors on a real database, in Russian: each tab
 * lists what the store holds, editors refuse what the rules refuse under the field and
 * save the rest, the calls-due queue follows the calendar, and delete with Undo. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "opora-followup-call-editor.h"
#include "opora-group-editor.h"
#include "opora-i18n.h"
#include "opora-peer-chooser.h"
#include "opora-peer-page.h"
#include "opora-peer-register-editor.h"
#include "opora-person.h"
#include "opora-staff.h"
#include "opora-store-groups.h"
#include "opora-store-peer.h"
#include "opora-store-persons.h"
#include "opora-store-records.h"
#include "opora-store-staff.h"
#include "opora-store-surveys.h"
#include "opora-survey.h"
#include "opora-test-util.h"

#define TIMEOUT_US (5 * G_USEC_PER_SEC)

typedef struct
{
  char       *dir;
  OporaStore *store;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gpointer
find_type (GtkWidget *root,
           GType      type)
{
  GtkWidget *found = find (root, is_of_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;
  return ADW_IS_BUTTON_CONTENT (widget)
         && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *found = find (root, is_button_labelled, label);

  g_assert_nonnull (found);
  while (!GTK_IS_BUTTON (found))
    found = gtk_widget_get_parent (found);
  g_signal_emit_by_name (found, "clicked");
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0
         && gtk_widget_get_mapped (widget);
}

static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  GtkWidget *found = find (root, is_button_with_tooltip, tooltip);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
row_titled (GtkWidget  *root,
            const char *title)
{
  GtkWidget *found = find (root, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_inscription_with_text (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* The message shown right under @field (OporaFormErrors puts a row after it), or NULL. */
static const char *
error_under (GtkWidget *field)
{
  GtkWidget *next = gtk_widget_get_next_sibling (field);

  if (next == NULL || !gtk_widget_get_visible (next) || !ADW_IS_PREFERENCES_ROW (next)
      || !GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))))
    return NULL;
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))));
}

static void
assert_error_under (GtkWidget  *field,
                    const char *expected)
{
  const char *message = error_under (field);

  if (message == NULL || (expected != NULL && strstr (message, expected) == NULL))
    g_error ("Under the field: “%s”, expected “%s”", message ? message : "(nothing)",
             expected ? expected : "(any message)");
}

typedef struct
{
  GType      type;
  GtkWidget *found;
} EditorLookup;

static gboolean
editor_is_open (gpointer data)
{
  EditorLookup *lookup = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  lookup->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, lookup->type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        lookup->found = GTK_WIDGET (window);
    }
  return lookup->found != NULL;
}

static gboolean
editor_is_closed (gpointer data)
{
  EditorLookup lookup = { GPOINTER_TO_SIZE (data), NULL };

  return !editor_is_open (&lookup);
}

static GtkWidget *
wait_for_editor (GType type)
{
  EditorLookup lookup = { type, NULL };

  wait_until (editor_is_open, &lookup, g_type_name (type));
  return lookup.found;
}

static void
wait_closed (GType type)
{
  wait_until (editor_is_closed, GSIZE_TO_POINTER (type), "the editor to close");
}

typedef struct
{
  GListModel *list;
  guint       n;
} Count;

static gboolean
has_n (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->list) == count->n;
}

static void
wait_rows (Fixture      *f,
           OporaPeerTab  tab,
           guint         n)
{
  Count count = { opora_peer_page_get_list (OPORA_PEER_PAGE (f->page), tab), n };

  if (!has_n (&count))
    {
      gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

      while (!has_n (&count) && g_get_monotonic_time () < deadline)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
    }
  if (!has_n (&count))
    g_error ("Tab %d shows %u rows, expected %u", tab, g_list_model_get_n_items (count.list), n);
}

static GtkSingleSelection *
selection_of (Fixture    *f,
              const char *tab)
{
  g_autofree char *name = g_strdup_printf ("%s_selection", tab);

  return template_child (f->page, OPORA_TYPE_PEER_PAGE, name);
}

/* Data */

static gboolean
count_cb (const char  *table,
          GVariant    *record,
          gpointer     user_data,
          GError     **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static guint
count_rows (Fixture    *f,
            const char *table)
{
  guint n = 0;

  g_assert_true (opora_store_foreach_record (f->store, table, count_cb, &n, NULL));
  return n;
}


static gint64
add_person (Fixture    *f,
            const char *surname,
            const char *name)
{
  g_autoptr(OporaPerson) person = opora_person_new ();
  g_autoptr(GError) error = NULL;

  opora_person_set_surname (person, surname);
  opora_person_set_name (person, name);
  opora_person_set_sex (person, OPORA_SEX_FEMALE);
  opora_person_set_phone (person, "89123456789");
  g_assert_true (opora_store_save_person (f->store, person, &error));
  return opora_person_get_id (person);
}

static void
add_psychologist (Fixture *f)
{
  g_autoptr(OporaStaff) staff = opora_staff_new ();

  opora_staff_set_full_name (staff, "Токарева Ольга Леонидовна");
  opora_staff_set_position (staff, OPORA_POSITION_PSYCHOLOGIST);
  g_assert_true (opora_store_save_staff (f->store, staff, NULL));
}

static gint64
held_meeting (Fixture    *f,
              const char *date,
              gint64      peer,
              gint64      attendee)
{
  g_autoptr(OporaGroup) group = opora_group_new (OPORA_GROUP_KIND_PEER_MEETING);
  g_autoptr(OporaGroupMember) sharer = opora_group_member_new (peer, OPORA_MEMBER_ROLE_PEER);
  g_autoptr(OporaGroupMember) receiver = opora_group_member_new (attendee,
                                                                 OPORA_MEMBER_ROLE_PARTICIPANT);
  g_autoptr(GError) error = NULL;

  opora_group_set_formed_on (group, date);
  opora_group_set_meeting_on (group, date);
  opora_group_set_held (group, TRUE);
  opora_group_member_set_attendance (sharer, OPORA_ATTENDANCE_PRESENT);
  opora_group_member_set_attendance (receiver, OPORA_ATTENDANCE_PRESENT);
  opora_group_add_member (group, sharer);
  opora_group_add_member (group, receiver);
  g_assert_true (opora_store_save_group (f->store, group, &error));
  g_assert_no_error (error);
  return opora_group_get_id (group);
}

/* Q2 = yes to the seed survey (and Q1 = no), entered as the surveys page does. */
static void
answer_yes (Fixture    *f,
            gint64      person_id,
            const char *date)
{
  g_autoptr(OporaSurveyTemplate) survey = NULL;
  g_autoptr(OporaSurveyResponse) response = opora_survey_response_new ();
  g_autoptr(GError) error = NULL;
  GListModel *questions;

  survey = opora_store_load_survey_template (f->store,
                                             opora_store_get_builtin_survey_id (f->store), &error);
  g_assert_no_error (error);
  questions = opora_survey_template_get_questions (survey);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 2);
  opora_survey_response_set_template_id (response, opora_survey_template_get_id (survey));
  opora_survey_response_set_person_id (response, person_id);
  opora_survey_response_set_responded_on (response, date);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(OporaSurveyQuestion) question = g_list_model_get_item (questions, i);
      opora_survey_response_set_answer (response, question, i == 1 ? "yes" : "no");
    }
  g_assert_true (opora_store_save_survey_response (f->store, response, &error));
  g_assert_no_error (error);
}

/* The chooser inside @editor: search, then choose the first found. */
static void
choose_person (GtkWidget            *editor,
               OporaCandidateSource  source,
               const char           *search)
{
  OporaPeerChooser *chooser = find_type (editor, OPORA_TYPE_PEER_CHOOSER);

  opora_peer_chooser_set_source (chooser, source);
  gtk_editable_set_text (opora_peer_chooser_get_search (chooser), search);
  /* The search entry reports its text after a short pause, as the user types. */
  {
    Count count = { opora_peer_chooser_get_list (chooser), 1 };

    wait_until (has_n, &count, "one person found");
  }
  opora_peer_chooser_choose (chooser, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = opora_test_open_store (&f->dir);
  f->page = opora_peer_page_new (f->store);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 760);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GType editors[] = { OPORA_TYPE_PEER_REGISTER_EDITOR, OPORA_TYPE_GROUP_EDITOR,
                      OPORA_TYPE_FOLLOWUP_CALL_EDITOR };

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      EditorLookup lookup = { editors[i], NULL };

      while (editor_is_open (&lookup))
        gtk_window_destroy (GTK_WINDOW (lookup.found));
    }
  gtk_window_destroy (f->window);
  spin ();
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *editor;
  OporaPeerRegisterEditor *second;
  GtkTextView *experience;

  add_person (f, "Акулова", "Анна");
  add_person (f, "Белова", "Инна");
  g_assert_cmpint (opora_peer_page_get_tab (OPORA_PEER_PAGE (f->page)), ==,
                   OPORA_PEER_TAB_REGISTER);

  gtk_widget_activate_action (f->page, "peer.new", NULL);
  editor = wait_for_editor (OPORA_TYPE_PEER_REGISTER_EDITOR);
  click (editor, _("_Save"));
  assert_error_under (template_child (editor, OPORA_TYPE_PEER_REGISTER_EDITOR, "person_row"),
                      "Выберите человека, готового поделиться опытом");

  choose_person (editor, OPORA_CANDIDATES_EVERYONE, "акул");
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (editor,
                                                                OPORA_TYPE_PEER_REGISTER_EDITOR,
                                                                "person_row")), ==,
                   "Акулова Анна");
  gtk_editable_set_text (template_child (editor, OPORA_TYPE_PEER_REGISTER_EDITOR, "date_row"),
                         "31.02.2024");
  click (editor, _("_Save"));
  assert_error_under (template_child (editor, OPORA_TYPE_PEER_REGISTER_EDITOR, "date_row"),
                      "31.02.2024");
  wait_rows (f, OPORA_PEER_TAB_REGISTER, 0);

  gtk_editable_set_text (template_child (editor, OPORA_TYPE_PEER_REGISTER_EDITOR, "date_row"),
                         "10.02.2024");
  experience = template_child (editor, OPORA_TYPE_PEER_REGISTER_EDITOR, "text_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (experience), "Открыла ИП", -1);
  click (editor, _("_Save"));
  wait_closed (OPORA_TYPE_PEER_REGISTER_EDITOR);
  wait_rows (f, OPORA_PEER_TAB_REGISTER, 1);
  spin ();
  g_assert_nonnull (find (f->page, is_inscription_with_text, "Акулова Анна"));
  g_assert_nonnull (find (f->page, is_inscription_with_text, "10.02.2024"));
  g_assert_nonnull (find (f->page, is_inscription_with_text, "Открыла ИП"));

  /* One entry per person, refused under the person. */
  second = OPORA_PEER_REGISTER_EDITOR (opora_peer_page_open_editor (OPORA_PEER_PAGE (f->page),
                                                                     OPORA_PEER_TAB_REGISTER,
                                                                     GTK_INVALID_LIST_POSITION));
  choose_person (GTK_WIDGET (second), OPORA_CANDIDATES_EVERYONE, "акул");
  g_assert_false (opora_peer_register_editor_save (second));
  assert_error_under (template_child (second, OPORA_TYPE_PEER_REGISTER_EDITOR, "person_row"),
                      "Акулова Анна уже в реестре равных");
  gtk_window_destroy (GTK_WINDOW (second));

  /* Delete, then the toast's Undo. */
  gtk_single_selection_set_selected (selection_of (f, "register"), 0);
  gtk_widget_activate_action (f->page, "peer.delete", NULL);
  wait_rows (f, OPORA_PEER_TAB_REGISTER, 0);
  click (GTK_WIDGET (f->window), _("_Undo"));
  wait_rows (f, OPORA_PEER_TAB_REGISTER, 1);
}

static void
test_wishes (Fixture       *f,
             gconstpointer  data)
{
  gint64 inna = add_person (f, "Белова", "Инна");
  GtkWidget *editor;
  GtkDropDown *filter;

  add_person (f, "Волкова", "Вера");
  answer_yes (f, inna, "2024-03-01");
  opora_peer_page_show_tab (OPORA_PEER_PAGE (f->page), OPORA_PEER_TAB_WISHES);
  wait_rows (f, OPORA_PEER_TAB_WISHES, 1);
  spin ();
  g_assert_nonnull (find (f->page, is_inscription_with_text, "Анкета: вопрос 2"));
  g_assert_nonnull (find (f->page, is_inscription_with_text, "01.03.2024"));

  /* A survey answer is not a hand mark: nothing to remove by hand. */
  gtk_single_selection_set_selected (selection_of (f, "wishes"), 0);
  g_assert_false (gtk_widget_is_sensitive (button_with_tooltip (
                    f->page, _("Remove the Mark by Hand (Delete)"))));

  gtk_widget_activate_action (f->page, "peer.new", NULL);
  editor = wait_for_editor (OPORA_TYPE_PEER_REGISTER_EDITOR);
  choose_person (editor, OPORA_CANDIDATES_EVERYONE, "вол");
  click (editor, _("_Save"));
  wait_closed (OPORA_TYPE_PEER_REGISTER_EDITOR);
  wait_rows (f, OPORA_PEER_TAB_WISHES, 2);

  filter = template_child (f->page, OPORA_TYPE_PEER_PAGE, "wishes_filter");
  gtk_drop_down_set_selected (filter, OPORA_WISH_FILTER_HAND);
  wait_rows (f, OPORA_PEER_TAB_WISHES, 1);
  spin ();
  g_assert_nonnull (find (f->page, is_inscription_with_text, "Волкова Вера"));
  gtk_single_selection_set_selected (selection_of (f, "wishes"), 0);
  gtk_widget_activate_action (f->page, "peer.delete", NULL);
  wait_rows (f, OPORA_PEER_TAB_WISHES, 0);
  click (GTK_WIDGET (f->window), _("_Undo"));
  wait_rows (f, OPORA_PEER_TAB_WISHES, 1);
  gtk_drop_down_set_selected (filter, OPORA_WISH_FILTER_ANY);
  wait_rows (f, OPORA_PEER_TAB_WISHES, 2);
}

static GtkWidget *
attended_check (GtkWidget  *editor,
                const char *name)
{
  return find_type (row_titled (editor, name), GTK_TYPE_CHECK_BUTTON);
}

static void
test_group_editor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OporaPeerRegisterEntry) entry = opora_peer_register_entry_new ();
  g_autoptr(OporaGroup) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *held_row;
  gint64 vera = add_person (f, "Равная", "Вера");

  add_person (f, "Акулова", "Анна");
  add_psychologist (f);
  opora_peer_register_entry_set_person_id (entry, vera);
  opora_peer_register_entry_set_consent_on (entry, "2024-01-10");
  g_assert_true (opora_store_save_peer (f->store, entry, &error));

  opora_peer_page_show_tab (OPORA_PEER_PAGE (f->page), OPORA_PEER_TAB_GROUPS);
  gtk_widget_activate_action (f->page, "peer.new", NULL);
  editor = wait_for_editor (OPORA_TYPE_GROUP_EDITOR);
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (editor, OPORA_TYPE_GROUP_EDITOR,
                                                                "kind_row")), ==,
                    OPORA_GROUP_KIND_PEER_MEETING);

  /* The peer comes from the register; held with one side only is refused. */
  choose_person (editor, OPORA_CANDIDATES_PEERS, "");
  gtk_editable_set_text (template_child (editor, OPORA_TYPE_GROUP_EDITOR, "formed_row"),
                         "20.01.2024");
  gtk_editable_set_text (template_child (editor, OPORA_TYPE_GROUP_EDITOR, "meeting_row"),
                         "31.01.2024");
  gtk_editable_set_text (template_child (editor, OPORA_TYPE_GROUP_EDITOR, "time_row"), "9.30");
  gtk_editable_set_text (template_child (editor, OPORA_TYPE_GROUP_EDITOR, "place_row"),
                         "Комната психологической разгрузки");
  adw_combo_row_set_selected (template_child (editor, OPORA_TYPE_GROUP_EDITOR,
                                              "facilitator_row"), 1);
  gtk_switch_set_active (template_child (editor, OPORA_TYPE_GROUP_EDITOR, "held_switch"), TRUE);
  click (editor, _("_Save"));
  held_row = template_child (editor, OPORA_TYPE_GROUP_EDITOR, "held_row");
  assert_error_under (held_row, "с участием двух сторон");
  wait_rows (f, OPORA_PEER_TAB_GROUPS, 0);

  choose_person (editor, OPORA_CANDIDATES_EVERYONE, "акул");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (attended_check (editor, "Акулова Анна")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (attended_check (editor, "Равная Вера")), TRUE);
  click (editor, _("_Save"));
  wait_closed (OPORA_TYPE_GROUP_EDITOR);
  wait_rows (f, OPORA_PEER_TAB_GROUPS, 1);
  spin ();
  g_assert_nonnull (find (f->page, is_inscription_with_text, "1 равный, 1 участник"));
  g_assert_nonnull (find (f->page, is_inscription_with_text, "31.01.2024, 09:30"));
  g_assert_nonnull (find (f->page, is_inscription_with_text, "Токарева Ольга Леонидовна"));

  /* Opened again, the attendance is as recorded. */
  g_signal_emit_by_name (template_child (f->page, OPORA_TYPE_PEER_PAGE, "groups_view"),
                         "activate", 0);
  editor = wait_for_editor (OPORA_TYPE_GROUP_EDITOR);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (attended_check (editor,
                                                                              "Акулова Анна"))));
  saved = g_object_ref (opora_group_editor_get_group (OPORA_GROUP_EDITOR (editor)));
  g_assert_cmpint (opora_group_member_get_role (opora_group_find_member (saved, vera)), ==,
                   OPORA_MEMBER_ROLE_PEER);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_training_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) everyone = NULL;
  GtkWidget *editor, *duration, *summary;

  for (int i = 0; i < 13; i++)
    {
      g_autofree char *surname = g_strdup_printf ("Участник%02d", i);
      add_person (f, surname, "Ирина");
    }
  everyone = opora_store_list_group_candidates (f->store, OPORA_CANDIDATES_EVERYONE, NULL);
  editor = opora_group_editor_new (f->store, NULL, OPORA_GROUP_KIND_PSYCH_TRAINING);
  gtk_window_present (GTK_WINDOW (editor));
  duration = template_child (editor, OPORA_TYPE_GROUP_EDITOR, "duration_row");
  summary = template_child (editor, OPORA_TYPE_GROUP_EDITOR, "summary_row");
  for (guint i = 0; i < 13; i++)
    {
      g_autoptr(OporaGroupMember) candidate = g_list_model_get_item (everyone, i);
      opora_group_editor_add_member (OPORA_GROUP_EDITOR (editor), candidate);
    }

  gtk_editable_set_text (GTK_EDITABLE (duration), "59");
  g_assert_false (opora_group_editor_save (OPORA_GROUP_EDITOR (editor)));
  assert_error_under (duration, "от 60 до 90 минут");
  assert_error_under (summary, "не более 12 человек, а в группе 13");
  gtk_editable_set_text (GTK_EDITABLE (duration), "91");
  g_assert_false (opora_group_editor_save (OPORA_GROUP_EDITOR (editor)));
  assert_error_under (duration, "от 60 до 90 минут");
  gtk_editable_set_text (GTK_EDITABLE (duration), "полтора часа");
  g_assert_false (opora_group_editor_save (OPORA_GROUP_EDITOR (editor)));
  assert_error_under (duration, "полтора часа");

  gtk_editable_set_text (GTK_EDITABLE (duration), "90");
  g_signal_emit_by_name (button_with_tooltip (row_titled (editor, "Участник12 Ирина"),
                                              _("Remove from the Group")), "clicked");
  g_assert_true (opora_group_editor_save (OPORA_GROUP_EDITOR (editor)));
  g_assert_cmpuint (count_rows (f, "group_member"), ==, 12);
  /* A training is not a peer meeting: the peer page does not list it. */
  wait_rows (f, OPORA_PEER_TAB_GROUPS, 0);
}

static void
test_calls (Fixture       *f,
            gconstpointer  data)
{
  gint64 vera = add_person (f, "Равная", "Вера");
  gint64 anna = add_person (f, "Акулова", "Анна");
  AdwViewStackPage *calls_page;
  GtkWidget *editor, *called_row, *situation_row;

  held_meeting (f, "2024-01-31", vera, anna);
  opora_peer_page_show_tab (OPORA_PEER_PAGE (f->page), OPORA_PEER_TAB_CALLS);
  calls_page = template_child (f->page, OPORA_TYPE_PEER_PAGE, "calls_page");

  /* Due from 29.02.2024, one calendar month after 31.01 in a leap year. */
  opora_peer_page_set_today (OPORA_PEER_PAGE (f->page), "2024-02-28");
  wait_rows (f, OPORA_PEER_TAB_CALLS, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (calls_page), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (button_with_tooltip (
                    f->page, _("Record the Call to the Selected Person (Ctrl+N)"))));
  opora_peer_page_set_today (OPORA_PEER_PAGE (f->page), "2024-02-29");
  wait_rows (f, OPORA_PEER_TAB_CALLS, 1);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (calls_page), ==, 1);
  spin ();
  g_assert_nonnull (find (f->page, is_inscription_with_text, "Акулова Анна"));
  g_assert_nonnull (find (f->page, is_inscription_with_text, "29.02.2024"));

  gtk_single_selection_set_selected (selection_of (f, "calls"), 0);
  gtk_widget_activate_action (f->page, "peer.new", NULL);
  editor = wait_for_editor (OPORA_TYPE_FOLLOWUP_CALL_EDITOR);
  called_row = template_child (editor, OPORA_TYPE_FOLLOWUP_CALL_EDITOR, "called_row");
  situation_row = template_child (editor, OPORA_TYPE_FOLLOWUP_CALL_EDITOR, "situation_row");
  gtk_editable_set_text (GTK_EDITABLE (called_row), "28.02.2024");
  click (editor, _("_Save"));
  g_assert_cmpstr (error_under (called_row), ==,
                   "Звонок не раньше чем через месяц после встречи: не ранее 29.02.2024");
  assert_error_under (situation_row, "Выберите, как изменилась ситуация");
  wait_rows (f, OPORA_PEER_TAB_CALLS, 1);

  gtk_editable_set_text (GTK_EDITABLE (called_row), "29.02.2024");
  adw_combo_row_set_selected (ADW_COMBO_ROW (situation_row), OPORA_SITUATION_BETTER);
  gtk_switch_set_active (template_child (editor, OPORA_TYPE_FOLLOWUP_CALL_EDITOR,
                                         "satisfied_switch"), TRUE);
  click (editor, _("_Save"));
  wait_closed (OPORA_TYPE_FOLLOWUP_CALL_EDITOR);
  wait_rows (f, OPORA_PEER_TAB_CALLS, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (calls_page), ==, 0);

  gtk_drop_down_set_selected (template_child (f->page, OPORA_TYPE_PEER_PAGE, "calls_filter"),
                              OPORA_CALLS_RECORDED);
  wait_rows (f, OPORA_PEER_TAB_CALLS, 1);
  spin ();
  g_assert_nonnull (find (f->page, is_inscription_with_text, "Улучшилась"));
  {
    /* The columns shown take the whole width: the hidden «Due Since» leaves none unused
     * (GTK 4.8 counted a hidden column's fixed width). */
    GtkWidget *view = template_child (f->page, OPORA_TYPE_PEER_PAGE, "calls_view");
    GtkWidget *satisfied = find (f->page, is_inscription_with_text, "Да");
    graphene_rect_t bounds;

    g_assert_nonnull (satisfied);
    g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (satisfied), view,
                                              &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >=,
                       gtk_widget_get_width (view) - 24);
  }
  gtk_single_selection_set_selected (selection_of (f, "calls"), 0);
  gtk_widget_activate_action (f->page, "peer.delete", NULL);
  wait_rows (f, OPORA_PEER_TAB_CALLS, 0);
  click (GTK_WIDGET (f->window), _("_Undo"));
  wait_rows (f, OPORA_PEER_TAB_CALLS, 1);
}

static void
test_group_delete_undo (Fixture       *f,
                        gconstpointer  data)
{
  gint64 vera = add_person (f, "Равная", "Вера");
  gint64 anna = add_person (f, "Акулова", "Анна");
  gint64 group = held_meeting (f, "2024-01-31", vera, anna);
  g_autoptr(OporaFollowupCall) call = opora_followup_call_new (group, anna);

  opora_followup_call_set_called_on (call, "2024-03-01");
  opora_followup_call_set_situation (call, OPORA_SITUATION_UNCHANGED);
  g_assert_true (opora_store_save_followup_call (f->store, call, NULL));

  opora_peer_page_show_tab (OPORA_PEER_PAGE (f->page), OPORA_PEER_TAB_GROUPS);
  wait_rows (f, OPORA_PEER_TAB_GROUPS, 1);
  gtk_single_selection_set_selected (selection_of (f, "groups"), 0);
  gtk_widget_activate_action (f->page, "peer.delete", NULL);
  wait_rows (f, OPORA_PEER_TAB_GROUPS, 0);
  g_assert_cmpuint (count_rows (f, "group_member"), ==, 0);
  g_assert_cmpuint (count_rows (f, "followup_call"), ==, 0);

  click (GTK_WIDGET (f->window), _("_Undo"));
  wait_rows (f, OPORA_PEER_TAB_GROUPS, 1);
  g_assert_cmpuint (count_rows (f, "group_member"), ==, 2);
  g_assert_cmpuint (count_rows (f, "followup_call"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Russian, from the build tree's translations (OPORA_LOCALEDIR), as a user sees it. */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  opora_i18n_init ();

  g_test_init (&argc, &argv, NULL);
  if (opora_test_init_gtk ())
    adw_init ();

#define ADD(path, func) \
  g_test_add ("/peer-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  if (gtk_is_initialized ())
    {
      ADD ("register", test_register);
      ADD ("wishes", test_wishes);
      ADD ("group-editor", test_group_editor);
      ADD ("training-rules", test_training_rules);
      ADD ("calls", test_calls);
      ADD ("group-delete-undo", test_group_delete_undo);
    }
#undef ADD

  return g_test_run ();
}
