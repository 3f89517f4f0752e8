#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-peer-chooser.h"

/* Each row: the name, and under it why the person is offered (or their phone). */
static const char row_ui[] =
  "<?xml version='1.0' encoding='UTF-8'?>"
  "<interface>"
  "  <template class='GtkListItem'>"
  "    <property name='child'>"
  "      <object class='GtkBox'>"
  "        <property name='orientation'>vertical</property>"
  "        <property name='margin-top'>3</property>"
  "        <property name='margin-bottom'>3</property>"
  "        <child>"
  "          <object class='GtkInscription'>"
  "            <property name='xalign'>0</property>"
  "            <property name='text-overflow'>ellipsize-end</property>"
  "            <binding name='text'>"
  "              <lookup name='person-name' type='OporaGroupMember'>"
  "                <lookup name='item'>GtkListItem</lookup>"
  "              </lookup>"
  "            </binding>"
  "          </object>"
  "        </child>"
  "        <child>"
  "          <object class='GtkInscription'>"
  "            <property name='xalign'>0</property>"
  "            <property name='text-overflow'>ellipsize-end</property>"
  "            <style><class name='dim-label'/><class name='caption'/></style>"
  "            <binding name='text'>"
  "              <lookup name='detail' type='OporaGroupMember'>"
  "                <lookup name='item'>GtkListItem</lookup>"
  "              </lookup>"
  "            </binding>"
  "          </object>"
  "        </child>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

struct _OporaPeerChooser
{
  GtkPopover            parent_instance;

  OporaStore           *store;
  OporaCandidateSource  source;
  GListModel           *lists[OPORA_CANDIDATES_EVERYONE + 1];

  GtkWidget            *source_buttons[OPORA_CANDIDATES_EVERYONE + 1];
  GtkWidget            *search;
  GtkListView          *list_view;
  GtkSingleSelection   *selection;
  GtkStack             *stack;
};

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaPeerChooser, opora_peer_chooser, GTK_TYPE_POPOVER)

static GListModel *
current_list (OporaPeerChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));

  if (self->lists[self->source] == NULL)
    self->lists[self->source] = opora_store_list_group_candidates (self->store, self->source,
                                                                   text);
  return self->lists[self->source];
}

static void
update_view (OporaPeerChooser *self)
{
  GListModel *list = current_list (self);

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (list) > 0
                                                 ? "list" : "empty");
}

static void
show_source (OporaPeerChooser *self)
{
  GListModel *list = current_list (self);

  opora_group_candidates_set_search (list, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  gtk_single_selection_set_model (self->selection, list);
  update_view (self);
}

static void
search_changed_cb (OporaPeerChooser *self)
{
  opora_group_candidates_set_search (current_list (self),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search)));
  update_view (self);
}

static void
search_activate_cb (OporaPeerChooser *self)
{
  if (g_list_model_get_n_items (current_list (self)) > 0)
    opora_peer_chooser_choose (self, 0);
}

static void
list_activate_cb (OporaPeerChooser *self,
                  guint             position)
{
  opora_peer_chooser_choose (self, position);
}

static void
source_toggled_cb (GtkToggleButton  *button,
                   OporaPeerChooser *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->source_buttons); i++)
    if (self->source_buttons[i] == GTK_WIDGET (button))
      opora_peer_chooser_set_source (self, (OporaCandidateSource) i);
}

static void
popover_show_cb (OporaPeerChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  show_source (self);
  gtk_widget_grab_focus (self->search);
}

static void
opora_peer_chooser_dispose (GObject *object)
{
  OporaPeerChooser *self = (OporaPeerChooser *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    g_clear_object (&self->lists[i]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_peer_chooser_parent_class)->dispose (object);
}

static void
opora_peer_chooser_class_init (OporaPeerChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = opora_peer_chooser_dispose;

  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, OPORA_TYPE_GROUP_MEMBER);
  g_type_ensure (OPORA_TYPE_GROUP_MEMBER);
}

static void
opora_peer_chooser_init (OporaPeerChooser *self)
{
}

static GtkWidget *
build_status (const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
build (OporaPeerChooser *self,
       gboolean          with_sources)
{
  static const char *source_labels[] = {
    N_("Peers"), N_("Those Who Wish"), N_("Everyone"),
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (row_ui, sizeof row_ui - 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);

  if (with_sources)
    {
      GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (linked, "linked");
      gtk_widget_set_halign (linked, GTK_ALIGN_CENTER);
      for (guint i = 0; i < G_N_ELEMENTS (source_labels); i++)
        {
          self->source_buttons[i] = gtk_toggle_button_new_with_label (_(source_labels[i]));
          if (i > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->source_buttons[i]),
                                         GTK_TOGGLE_BUTTON (self->source_buttons[0]));
          gtk_box_append (GTK_BOX (linked), self->source_buttons[i]);
        }
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->source_buttons[self->source]),
                                    TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (source_labels); i++)
        g_signal_connect (self->source_buttons[i], "toggled", G_CALLBACK (source_toggled_cb),
                          self);
      gtk_box_append (GTK_BOX (box), linked);
    }

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Surname, name or phone"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a person"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb),
                            self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), self->search);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Persons"), -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 400);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, build_status (_("Nobody found")), "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  gtk_widget_set_size_request (box, 400, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "show", G_CALLBACK (popover_show_cb), NULL);
}

GtkWidget *
opora_peer_chooser_new (OporaStore           *store,
                        gboolean              with_sources,
                        OporaCandidateSource  source)
{
  OporaPeerChooser *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (source <= OPORA_CANDIDATES_EVERYONE, NULL);

  self = g_object_new (OPORA_TYPE_PEER_CHOOSER, NULL);
  self->store = g_object_ref (store);
  self->source = source;
  build (self, with_sources);
  show_source (self);
  return GTK_WIDGET (self);
}

OporaCandidateSource
opora_peer_chooser_get_source (OporaPeerChooser *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_CHOOSER (self), OPORA_CANDIDATES_EVERYONE);
  return self->source;
}

void
opora_peer_chooser_set_source (OporaPeerChooser     *self,
                               OporaCandidateSource  source)
{
  g_return_if_fail (OPORA_IS_PEER_CHOOSER (self));
  g_return_if_fail (source <= OPORA_CANDIDATES_EVERYONE);

  if (self->source == source)
    return;
  self->source = source;
  if (self->source_buttons[source] != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->source_buttons[source]), TRUE);
  show_source (self);
}

GtkEditable *
opora_peer_chooser_get_search (OporaPeerChooser *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_CHOOSER (self), NULL);
  return GTK_EDITABLE (self->search);
}

GListModel *
opora_peer_chooser_get_list (OporaPeerChooser *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_CHOOSER (self), NULL);
  return current_list (self);
}

void
opora_peer_chooser_choose (OporaPeerChooser *self,
                           guint             position)
{
  g_autoptr(OporaGroupMember) candidate = NULL;

  g_return_if_fail (OPORA_IS_PEER_CHOOSER (self));

  candidate = g_list_model_get_item (current_list (self), position);
  if (candidate == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, candidate);
}
