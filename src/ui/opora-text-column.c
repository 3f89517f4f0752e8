#define G_LOG_DOMAIN "opora-ui"

#include "opora-row-recycler.h"
#include "opora-text-column.h"

typedef struct
{
  char *text_property;
  char *tooltip_property;
} TextColumn;

static void
text_column_free (gpointer data)
{
  TextColumn *column = data;

  g_free (column->text_property);
  g_free (column->tooltip_property);
  g_free (column);
}

/* The property @name of @item as text; NULL when it is NULL or the item has no such
 * property (a wrong name is a programming error, said once per call). */
static char *
dup_property_text (GObject    *item,
                   const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  if (pspec == NULL)
    {
      g_critical ("%s has no property “%s” to show in a column", G_OBJECT_TYPE_NAME (item), name);
      return NULL;
    }
  g_value_init (&value, pspec->value_type);
  g_object_get_property (item, name, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (&value, &text))
    return NULL;
  return g_value_dup_string (&text);
}

#define TOOLTIP_KEY "opora-tooltip"

/* The tooltip is asked for when the pointer rests on the cell: gtk_widget_set_tooltip_text()
 * asks the X server where the pointer is each time it is called, a round trip per cell
 * bound — a third of the contracts page's first frame. */
static gboolean
query_tooltip_cb (GtkWidget  *inscription,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (inscription), TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          TextColumn               *column)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  /* A column that expands asks for a few characters at least. */
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 8);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (column->tooltip_property != NULL)
    {
      gtk_widget_set_has_tooltip (inscription, TRUE);
      g_signal_connect (inscription, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         TextColumn               *column)
{
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  /* A registry page's rows are OporaRows (see opora-row-recycler.h). */
  GObject *item = opora_row_record_of (gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (item != NULL)
    {
      text = dup_property_text (item, column->text_property);
      if (column->tooltip_property != NULL)
        tooltip = g_strcmp0 (column->tooltip_property, column->text_property) == 0
                  ? g_strdup (text) : dup_property_text (item, column->tooltip_property);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  g_object_set_data_full (G_OBJECT (inscription), TOOLTIP_KEY, g_steal_pointer (&tooltip), g_free);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           TextColumn               *column)
{
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), NULL);
  g_object_set_data (G_OBJECT (inscription), TOOLTIP_KEY, NULL);
}

void
opora_text_column_set (GtkColumnViewColumn *column,
                       const char          *text_property,
                       const char          *tooltip_property)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  TextColumn *data;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (text_property != NULL);

  data = g_new0 (TextColumn, 1);
  data->text_property = g_strdup (text_property);
  data->tooltip_property = g_strdup (tooltip_property);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);
  /* The factory keeps what its cells show as long as it lives. */
  g_object_set_data_full (G_OBJECT (factory), "opora-text-column", data, text_column_free);
  gtk_column_view_column_set_factory (column, factory);
}
