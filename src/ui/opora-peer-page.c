#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "opora-column-sort.h"
#include "opora-followup-call-editor.h"
#include "opora-group-editor.h"
#include "opora-peer-page.h"
#include "opora-peer-register-editor.h"
#include "opora-registry-page.h"
#include "opora-store-groups.h"
#include "opora-store-peer.h"
#include "opora-store-records.h"
#include "opora-text-column.h"

#define N_TABS 4
#define MAX_SORTED 3

/* What each tab holds; the template's widgets are bound into it by name. */
typedef struct
{
  GListModel          *list;
  const char          *sort_key;
  gboolean             descending;

  GtkSearchEntry      *search;
  GtkDropDown         *filter; /* NULL on the register */
  GtkStack            *stack;
  GtkColumnView       *view;
  GtkSingleSelection  *selection;
  AdwStatusPage       *empty;
  GtkColumnViewColumn *sorted[MAX_SORTED];
} Tab;

struct _OporaPeerPage
{
  GtkWidget        parent_instance;

  OporaStore      *store;
  OporaUndoList   *undo;
  char            *today;
  Tab              tabs[N_TABS];

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewStack    *view_stack;
  AdwViewStackPage *calls_page;
  GtkColumnViewColumn *calls_due_column;
  GtkColumnViewColumn *calls_situation_column;
  GtkColumnViewColumn *calls_satisfied_column;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names of the tabs in the template ("register_view"), their sortable columns' keys
 * (as the store knows them), and the sort each starts with. */
static const struct
{
  const char *name;
  const char *sort_keys[MAX_SORTED];
  const char *initial_sort;
  gboolean    initial_descending;
} tab_info[N_TABS] = {
  { "register", { "name", "consent", NULL }, "name", FALSE },
  { "wishes", { "name", "since", NULL }, "name", FALSE },
  { "groups", { "title", "meeting", NULL }, "meeting", TRUE },
  { "calls", { "name", "meeting", "called" }, "meeting", FALSE },
};

/* What each tab's columns show, in the template's order: the items' properties. */
static const char * const column_properties[N_TABS][9] = {
  { "person-name", "phone", "consent-display", "experience", NULL },
  { "person-name", "phone", "source-display", "since-display", "note", NULL },
  { "title-display", "meeting-display", "place", "members-summary", "state-display",
    "facilitator-name", NULL },
  { "person-name", "phone", "group-title", "meeting-display", "due-display", "called-display",
    "situation-display", "satisfied-display", NULL },
};

G_DEFINE_FINAL_TYPE (OporaPeerPage, opora_peer_page, GTK_TYPE_WIDGET)

static OporaPeerTab
visible_tab (OporaPeerPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  for (guint i = 0; i < N_TABS; i++)
    if (g_strcmp0 (name, tab_info[i].name) == 0)
      return (OporaPeerTab) i;
  return OPORA_PEER_TAB_REGISTER;
}

static char *
dup_search (Tab *tab)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (tab->search))));
}

static guint
filter_of (Tab *tab)
{
  guint selected = tab->filter ? gtk_drop_down_get_selected (tab->filter) : 0;

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static gpointer
selected_item (OporaPeerPage *self,
               OporaPeerTab   tab)
{
  return gtk_single_selection_get_selected_item (self->tabs[tab].selection);
}

static void
update_actions (OporaPeerPage *self)
{
  OporaPeerTab tab = visible_tab (self);
  gpointer item = selected_item (self, tab);
  gboolean can_new = TRUE;
  gboolean can_delete = item != NULL;

  if (tab == OPORA_PEER_TAB_WISHES && item != NULL)
    can_delete = opora_peer_wish_get_id (item) != 0;
  else if (tab == OPORA_PEER_TAB_CALLS)
    {
      can_new = item != NULL;
      can_delete = item != NULL && opora_followup_call_get_id (item) != 0;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "peer.new", can_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "peer.delete", can_delete);
}

static void
update_badge (OporaPeerPage *self)
{
  guint due = opora_store_count_calls_due (self->store, self->today);

  adw_view_stack_page_set_badge_number (self->calls_page, due);
  adw_view_stack_page_set_needs_attention (self->calls_page, due > 0);
}

/* The empty state of a tab: nothing found for the search and filter, or nothing yet. */
static void
update_view (OporaPeerPage *self,
             OporaPeerTab   tab)
{
  static const struct
  {
    const char *title;
    const char *description;
  } nothing_yet[N_TABS] = {
    { N_("No Peers Yet"),
      N_("Add the persons ready to share their positive experience of leaving a difficult "
         "situation, with the day they consented.") },
    { N_("Nobody Wishes Yet"),
      N_("Those who answered yes to the survey’s second question appear here by themselves; "
         "others can be marked by hand.") },
    { N_("No Groups Yet"),
      N_("Form a group of peers who share and participants who receive, set the date and "
         "time, then record who attended.") },
    { N_("No Calls Due"),
      N_("A call falls due one calendar month after a held meeting, for each participant "
         "who attended.") },
  };
  Tab *t = &self->tabs[tab];
  g_autofree char *search = dup_search (t);
  guint n = t->list ? g_list_model_get_n_items (t->list) : 0;

  if (n > 0)
    gtk_stack_set_visible_child_name (t->stack, "list");
  else
    {
      if (*search != '\0')
        {
          g_autofree char *description = g_strdup_printf (_("Nobody matches “%s”"), search);

          adw_status_page_set_title (t->empty, _("Nothing Found"));
          adw_status_page_set_description (t->empty, description);
        }
      else if (filter_of (t) != 0 && tab != OPORA_PEER_TAB_CALLS)
        {
          adw_status_page_set_title (t->empty, _("Nothing Found"));
          adw_status_page_set_description (t->empty, _("Nothing matches the chosen filter"));
        }
      else if (tab == OPORA_PEER_TAB_CALLS && filter_of (t) != OPORA_CALLS_DUE)
        {
          adw_status_page_set_title (t->empty, filter_of (t) == OPORA_CALLS_RECORDED
                                               ? _("No Calls Recorded")
                                               : _("No Calls Coming Up"));
          adw_status_page_set_description (t->empty, NULL);
        }
      else
        {
          adw_status_page_set_title (t->empty, _(nothing_yet[tab].title));
          adw_status_page_set_description (t->empty, _(nothing_yet[tab].description));
        }
      gtk_stack_set_visible_child_name (t->stack, "empty");
    }
  update_actions (self);
}

#define FIXED_WIDTH_KEY "opora-fixed-width"

/* Shows or hides @column. GTK 4.8 counts a hidden column's fixed width in the width the
 * columns need (gtk_column_view_measure_across), so the expanding columns lost that much
 * and names were cut short: a hidden column keeps no fixed width. */
static void
show_column (GtkColumnViewColumn *column,
             gboolean             shown)
{
  int width = gtk_column_view_column_get_fixed_width (column);
  gpointer kept = g_object_get_data (G_OBJECT (column), FIXED_WIDTH_KEY);

  if (gtk_column_view_column_get_visible (column) == shown)
    return;
  if (!shown && width > 0)
    {
      g_object_set_data (G_OBJECT (column), FIXED_WIDTH_KEY, GINT_TO_POINTER (width));
      gtk_column_view_column_set_fixed_width (column, -1);
    }
  else if (shown && kept != NULL)
    gtk_column_view_column_set_fixed_width (column, GPOINTER_TO_INT (kept));
  gtk_column_view_column_set_visible (column, shown);
}

static void
requery (OporaPeerPage *self,
         OporaPeerTab   tab)
{
  Tab *t = &self->tabs[tab];
  g_autofree char *search = NULL;

  /* Sorting changes while the page is disposed: nothing to query then. */
  if (t->list == NULL)
    return;
  search = dup_search (t);

  switch (tab)
    {
    case OPORA_PEER_TAB_REGISTER:
      {
        OporaPeerQuery query = { search, OPORA_PEER_SORT_NAME, t->descending };

        if (g_strcmp0 (t->sort_key, "consent") == 0)
          query.sort = OPORA_PEER_SORT_CONSENT;
        opora_peer_list_set_query (t->list, &query);
      }
      break;
    case OPORA_PEER_TAB_WISHES:
      {
        OporaWishQuery query = { search, filter_of (t), OPORA_WISH_SORT_NAME, t->descending };

        if (g_strcmp0 (t->sort_key, "since") == 0)
          query.sort = OPORA_WISH_SORT_SINCE;
        opora_peer_wish_list_set_query (t->list, &query);
      }
      break;
    case OPORA_PEER_TAB_GROUPS:
      {
        OporaGroupQuery query = { search, OPORA_GROUP_KIND_PEER_MEETING, filter_of (t),
                                  opora_group_sort_from_key (t->sort_key), t->descending };

        opora_group_list_set_query (t->list, &query);
      }
      break;
    case OPORA_PEER_TAB_CALLS:
      {
        OporaCallQuery query = { search, filter_of (t), self->today,
                                 opora_call_sort_from_key (t->sort_key), t->descending };
        gboolean recorded = query.state == OPORA_CALLS_RECORDED;

        opora_followup_call_list_set_query (t->list, &query);
        show_column (self->calls_due_column, !recorded);
        show_column (t->sorted[2], recorded); /* called */
        show_column (self->calls_situation_column, recorded);
        show_column (self->calls_satisfied_column, recorded);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  update_view (self, tab);
}

static int
tab_of_widget (OporaPeerPage *self,
               gpointer       widget)
{
  for (int i = 0; i < N_TABS; i++)
    {
      Tab *t = &self->tabs[i];

      if (widget == t->search || widget == t->filter || widget == t->view
          || widget == t->list || widget == t->selection)
        return i;
    }
  return -1;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   OporaPeerPage  *self)
{
  int tab = tab_of_widget (self, entry);

  if (tab >= 0)
    requery (self, tab);
}

static void
filter_selected_cb (GtkDropDown   *dropdown,
                    GParamSpec    *pspec,
                    OporaPeerPage *self)
{
  int tab = tab_of_widget (self, dropdown);

  if (tab >= 0)
    requery (self, tab);
}

static void
selection_changed_cb (OporaPeerPage *self)
{
  update_actions (self);
}

static void list_items_changed_cb (GListModel    *list,
                                   guint          position,
                                   guint          removed,
                                   guint          added,
                                   OporaPeerPage *self);

/* A tab's list is read when the tab is first shown: on a million contracts the persons
 * who wish alone are 370,000, and the page opens on the register. */
static void
ensure_list (OporaPeerPage *self,
             OporaPeerTab   tab)
{
  Tab *t = &self->tabs[tab];

  if (t->list != NULL || self->store == NULL)
    return;
  switch (tab)
    {
    case OPORA_PEER_TAB_REGISTER:
      t->list = opora_store_list_peers (self->store, NULL);
      break;
    case OPORA_PEER_TAB_WISHES:
      t->list = opora_store_list_peer_wishes (self->store, NULL);
      break;
    case OPORA_PEER_TAB_GROUPS:
      t->list = opora_store_list_groups (self->store, NULL);
      break;
    case OPORA_PEER_TAB_CALLS:
      t->list = opora_store_list_calls_due (self->store, self->today);
      break;
    default:
      g_assert_not_reached ();
    }
  g_signal_connect_object (t->list, "items-changed", G_CALLBACK (list_items_changed_cb),
                           self, 0);
  opora_registry_page_set_list (t->selection, t->list, t->view);
  requery (self, tab);
}

static void
view_stack_visible_child_cb (OporaPeerPage *self)
{
  ensure_list (self, visible_tab (self));
  update_actions (self);
}

static void
list_items_changed_cb (GListModel    *list,
                       guint          position,
                       guint          removed,
                       guint          added,
                       OporaPeerPage *self)
{
  int tab = tab_of_widget (self, list);

  if (tab >= 0)
    update_view (self, tab);
}

static void
store_changed_cb (OporaStore    *store,
                  const char    *table,
                  OporaPeerPage *self)
{
  if (g_str_equal (table, "followup_call") || g_str_equal (table, "group_member")
      || g_str_equal (table, "group_activity"))
    update_badge (self);
}

static void
column_sort_changed_cb (GtkColumnView *view,
                        const char    *sort_key,
                        gboolean       descending,
                        gpointer       user_data)
{
  OporaPeerPage *self = user_data;
  int tab = tab_of_widget (self, view);

  if (tab < 0)
    return;
  /* Keys are the static strings of tab_info. */
  self->tabs[tab].sort_key = NULL;
  for (guint i = 0; i < MAX_SORTED; i++)
    if (g_strcmp0 (tab_info[tab].sort_keys[i], sort_key) == 0)
      self->tabs[tab].sort_key = tab_info[tab].sort_keys[i];
  self->tabs[tab].descending = sort_key != NULL && descending;
  requery (self, tab);
}

static void
column_view_activate_cb (GtkColumnView *view,
                         guint          position,
                         OporaPeerPage *self)
{
  int tab = tab_of_widget (self, view);

  if (tab >= 0)
    opora_peer_page_open_editor (self, tab, position);
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OporaPeerPage *self = OPORA_PEER_PAGE (widget);
  OporaPeerTab tab = visible_tab (self);

  /* A call is made to someone in the queue: the selected row. */
  if (tab == OPORA_PEER_TAB_CALLS)
    opora_peer_page_open_editor (self, tab,
                                 gtk_single_selection_get_selected (self->tabs[tab].selection));
  else
    opora_peer_page_open_editor (self, tab, GTK_INVALID_LIST_POSITION);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OporaPeerPage *self = OPORA_PEER_PAGE (widget);
  OporaPeerTab tab = visible_tab (self);
  gpointer item = selected_item (self, tab);
  g_autofree char *title = NULL;
  const char *table = NULL;
  gint64 id = 0;

  if (item == NULL)
    return;

  /* The title is made before the delete: the row goes with the list's reload. */
  switch (tab)
    {
    case OPORA_PEER_TAB_REGISTER:
      table = "peer_register";
      id = opora_peer_register_entry_get_id (item);
      title = g_strdup_printf (_("%s removed from the register of peers"),
                               opora_peer_register_entry_get_person_name (item));
      break;
    case OPORA_PEER_TAB_WISHES:
      table = "peer_wish";
      id = opora_peer_wish_get_id (item);
      title = g_strdup_printf (_("The mark by hand removed for %s"),
                               opora_peer_wish_get_person_name (item));
      break;
    case OPORA_PEER_TAB_GROUPS:
      table = "group_activity";
      id = opora_group_get_id (item);
      title = g_strdup_printf (_("Group “%s” deleted"),
                               opora_group_get_title (item) ? opora_group_get_title (item)
                               : opora_group_kind_display_name (opora_group_get_kind (item)));
      break;
    case OPORA_PEER_TAB_CALLS:
      table = "followup_call";
      id = opora_followup_call_get_id (item);
      title = g_strdup_printf (_("The call to %s deleted"),
                               opora_followup_call_get_person_name (item));
      break;
    default:
      g_assert_not_reached ();
    }
  if (id == 0)
    return;

  opora_undo_list_delete_record (self->undo, table, id, title);
}

static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  opora_undo_list_undo_last (OPORA_PEER_PAGE (widget)->undo);
}

static void
fill_filter (GtkDropDown *dropdown,
             const char  *first,
             ...)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (items, s);
  va_end (args);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (items));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
opora_peer_page_constructed (GObject *object)
{
  OporaPeerPage *self = (OporaPeerPage *)object;

  G_OBJECT_CLASS (opora_peer_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  self->undo = opora_undo_list_new (GTK_WIDGET (self), self->toast_overlay, self->store,
                                    "peer.undo-delete");
  for (guint i = 0; i < N_TABS; i++)
    {
      Tab *t = &self->tabs[i];

      for (guint j = 0; j < MAX_SORTED; j++)
        if (t->sorted[j] != NULL)
          opora_column_sort_add (t->sorted[j], tab_info[i].sort_keys[j]);
      opora_column_sort_watch (t->view, column_sort_changed_cb, self);
      for (guint j = 0; j < MAX_SORTED; j++)
        if (g_strcmp0 (tab_info[i].sort_keys[j], tab_info[i].initial_sort) == 0)
          gtk_column_view_sort_by_column (t->view, t->sorted[j],
                                          tab_info[i].initial_descending
                                          ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
  ensure_list (self, visible_tab (self));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  update_badge (self);
}

static void
opora_peer_page_dispose (GObject *object)
{
  OporaPeerPage *self = (OporaPeerPage *)object;

  for (guint i = 0; i < N_TABS; i++)
    g_clear_object (&self->tabs[i].list);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PEER_PAGE);
  g_clear_pointer (&self->undo, opora_undo_list_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (opora_peer_page_parent_class)->dispose (object);
}

static void
opora_peer_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OporaPeerPage *self = OPORA_PEER_PAGE (object);

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
opora_peer_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OporaPeerPage *self = OPORA_PEER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Binds "<tab>_<part>" of the template into self->tabs[tab].<part>. */
static void
bind_tab_child (GtkWidgetClass *widget_class,
                guint           tab,
                const char     *part,
                gsize           offset_in_tab)
{
  g_autofree char *name = g_strdup_printf ("%s_%s", tab_info[tab].name, part);

  gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (name), FALSE,
                                             G_STRUCT_OFFSET (OporaPeerPage, tabs)
                                             + tab * sizeof (Tab) + offset_in_tab);
}

static void
opora_peer_page_class_init (OporaPeerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_peer_page_constructed;
  object_class->dispose = opora_peer_page_dispose;
  object_class->get_property = opora_peer_page_get_property;
  object_class->set_property = opora_peer_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_PEER_REGISTER_ENTRY);
  g_type_ensure (OPORA_TYPE_PEER_WISH);
  g_type_ensure (OPORA_TYPE_GROUP);
  g_type_ensure (OPORA_TYPE_FOLLOWUP_CALL);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/opora/Opora/opora-peer-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaPeerPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerPage, calls_page);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerPage, calls_due_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerPage, calls_situation_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPeerPage, calls_satisfied_column);
  for (guint i = 0; i < N_TABS; i++)
    {
      bind_tab_child (widget_class, i, "search", G_STRUCT_OFFSET (Tab, search));
      if (i != OPORA_PEER_TAB_REGISTER)
        bind_tab_child (widget_class, i, "filter", G_STRUCT_OFFSET (Tab, filter));
      bind_tab_child (widget_class, i, "stack", G_STRUCT_OFFSET (Tab, stack));
      bind_tab_child (widget_class, i, "view", G_STRUCT_OFFSET (Tab, view));
      bind_tab_child (widget_class, i, "selection", G_STRUCT_OFFSET (Tab, selection));
      bind_tab_child (widget_class, i, "empty", G_STRUCT_OFFSET (Tab, empty));
      for (guint j = 0; j < MAX_SORTED && tab_info[i].sort_keys[j] != NULL; j++)
        {
          g_autofree char *part = g_strdup_printf ("%s_column", tab_info[i].sort_keys[j]);

          bind_tab_child (widget_class, i, part,
                          G_STRUCT_OFFSET (Tab, sorted) + j * sizeof (GtkColumnViewColumn *));
        }
    }
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "peer.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "peer.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "peer.undo-delete", NULL, undo_delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "peer.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "peer.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "peer.delete", NULL);
}

static void
opora_peer_page_init (OporaPeerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_TABS; i++)
    {
      GListModel *columns = gtk_column_view_get_columns (self->tabs[i].view);

      for (guint j = 0; column_properties[i][j] != NULL; j++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, j);

          opora_text_column_set (column, column_properties[i][j], column_properties[i][j]);
        }
      g_assert (column_properties[i][g_list_model_get_n_items (columns)] == NULL);
    }

  fill_filter (self->tabs[OPORA_PEER_TAB_WISHES].filter, _("Everyone Who Wishes"),
               _("Marked by Hand"), _("From the Survey"), NULL);
  fill_filter (self->tabs[OPORA_PEER_TAB_GROUPS].filter, _("Planned and Held"),
               C_("groups", "Planned"), C_("groups", "Held"), NULL);
  fill_filter (self->tabs[OPORA_PEER_TAB_CALLS].filter, _("Due Now"), _("Coming Up"),
               _("Recorded"), NULL);
}

GtkWidget *
opora_peer_page_new (OporaStore *store)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_PEER_PAGE, "store", store, NULL);
}

OporaStore *
opora_peer_page_get_store (OporaPeerPage *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_PAGE (self), NULL);
  return self->store;
}

void
opora_peer_page_show_tab (OporaPeerPage *self,
                          OporaPeerTab   tab)
{
  g_return_if_fail (OPORA_IS_PEER_PAGE (self));
  g_return_if_fail (tab < N_TABS);

  adw_view_stack_set_visible_child_name (self->view_stack, tab_info[tab].name);
}

OporaPeerTab
opora_peer_page_get_tab (OporaPeerPage *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_PAGE (self), OPORA_PEER_TAB_REGISTER);
  return visible_tab (self);
}

GListModel *
opora_peer_page_get_list (OporaPeerPage *self,
                          OporaPeerTab   tab)
{
  g_return_val_if_fail (OPORA_IS_PEER_PAGE (self), NULL);
  g_return_val_if_fail (tab < N_TABS, NULL);
  ensure_list (self, tab);
  return self->tabs[tab].list;
}

void
opora_peer_page_set_today (OporaPeerPage *self,
                           const char    *today_iso)
{
  g_return_if_fail (OPORA_IS_PEER_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today_iso);
  requery (self, OPORA_PEER_TAB_CALLS);
  update_badge (self);
}

/* Reads the item afresh: a list row may be older than the database. */
static GtkWidget *
editor_for (OporaPeerPage  *self,
            OporaPeerTab    tab,
            gpointer        item,
            GError        **error)
{
  switch (tab)
    {
    case OPORA_PEER_TAB_REGISTER:
      {
        g_autoptr(OporaPeerRegisterEntry) entry = NULL;

        if (item != NULL
            && !(entry = opora_store_load_peer (self->store,
                                                opora_peer_register_entry_get_id (item), error)))
          return NULL;
        return opora_peer_register_editor_new (self->store, entry);
      }
    case OPORA_PEER_TAB_WISHES:
      {
        GtkWidget *editor;

        if (item == NULL || opora_peer_wish_get_id (item) != 0)
          return opora_peer_register_editor_new_wish (self->store, item);
        /* Known from the survey only: a mark by hand for the same person. */
        editor = opora_peer_register_editor_new_wish (self->store, NULL);
        opora_peer_register_editor_set_person (OPORA_PEER_REGISTER_EDITOR (editor),
                                               opora_peer_wish_get_person_id (item),
                                               opora_peer_wish_get_person_name (item));
        return editor;
      }
    case OPORA_PEER_TAB_GROUPS:
      {
        g_autoptr(OporaGroup) group = NULL;

        if (item != NULL
            && !(group = opora_store_load_group (self->store, opora_group_get_id (item), error)))
          return NULL;
        return opora_group_editor_new (self->store, group, OPORA_GROUP_KIND_PEER_MEETING);
      }
    case OPORA_PEER_TAB_CALLS:
      {
        g_autoptr(OporaFollowupCall) call = NULL;

        if (item == NULL)
          return NULL;
        call = opora_store_get_followup_call (self->store,
                                              opora_followup_call_get_group_id (item),
                                              opora_followup_call_get_person_id (item), error);
        return call ? opora_followup_call_editor_new (self->store, call) : NULL;
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkWindow *
opora_peer_page_open_editor (OporaPeerPage *self,
                             OporaPeerTab   tab,
                             guint          position)
{
  g_autoptr(GObject) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  g_return_val_if_fail (OPORA_IS_PEER_PAGE (self), NULL);
  g_return_val_if_fail (tab < N_TABS, NULL);

  if (position != GTK_INVALID_LIST_POSITION)
    {
      item = g_list_model_get_item (self->tabs[tab].list, position);
      if (item == NULL)
        return NULL;
    }
  editor = editor_for (self, tab, item, &error);
  if (editor == NULL)
    {
      if (error != NULL)
        opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
      return NULL;
    }
  opora_registry_page_present_editor (GTK_WIDGET (self), GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}
