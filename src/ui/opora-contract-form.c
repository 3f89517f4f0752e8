#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "opora-contract-enums.h"
#include "opora-contract-form.h"
#include "opora-date.h"
#include "opora-error.h"
#include "opora-staff.h"
#include "opora-store-staff.h"

typedef struct
{
  GtkWidget *row;       /* the field's row */
  GtkWidget *error_row; /* the hidden row after it */
  GtkWidget *label;
  gpointer   object;
} FieldPlace;

struct _OporaFormErrors
{
  GHashTable *places; /* "object/field" → FieldPlace */
};

static void
field_place_free (gpointer data)
{
  FieldPlace *place = data;

  g_clear_object (&place->row);
  g_clear_object (&place->error_row);
  g_free (place);
}

static char *
place_key (gpointer    object,
           const char *field)
{
  return g_strdup_printf ("%p/%s", object, field);
}

OporaFormErrors *
opora_form_errors_new (void)
{
  OporaFormErrors *self = g_new0 (OporaFormErrors, 1);

  self->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, field_place_free);
  return self;
}

void
opora_form_errors_free (OporaFormErrors *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->places);
  g_free (self);
}

void
opora_form_errors_attach (OporaFormErrors *self,
                          gpointer         object,
                          const char      *field,
                          GtkWidget       *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  FieldPlace *place;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  place = g_new0 (FieldPlace, 1);
  place->row = g_object_ref (row);
  place->object = object;
  place->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (place->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (place->label), 0);
  gtk_widget_set_margin_start (place->label, 12);
  gtk_widget_set_margin_end (place->label, 12);
  gtk_widget_set_margin_top (place->label, 6);
  gtk_widget_set_margin_bottom (place->label, 6);
  gtk_widget_add_css_class (place->label, "error");
  /* A preferences row, so the groups and expanders take it as one of theirs. */
  place->error_row = g_object_ref (g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                                 "activatable", FALSE,
                                                 "selectable", FALSE,
                                                 "focusable", FALSE,
                                                 "visible", FALSE,
                                                 "child", place->label,
                                                 NULL));
  gtk_list_box_insert (GTK_LIST_BOX (list), place->error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  g_hash_table_replace (self->places, place_key (object, field), place);
}

void
opora_form_errors_detach (OporaFormErrors *self,
                          gpointer         object)
{
  GHashTableIter iter;
  FieldPlace *place;

  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &place))
    if (place->object == object)
      g_hash_table_iter_remove (&iter);
}

static void
reveal (GtkWidget *row)
{
  for (GtkWidget *w = gtk_widget_get_parent (row); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
}

gboolean
opora_form_errors_show (OporaFormErrors *self,
                        gpointer         object,
                        const char      *field,
                        const char      *message)
{
  g_autofree char *key = NULL;
  FieldPlace *place;

  if (field == NULL)
    return FALSE;
  key = place_key (object, field);
  place = g_hash_table_lookup (self->places, key);
  if (place == NULL)
    return FALSE;

  gtk_label_set_label (GTK_LABEL (place->label), message);
  gtk_widget_set_visible (place->error_row, TRUE);
  gtk_widget_add_css_class (place->row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (place->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  reveal (place->row);
  gtk_widget_grab_focus (place->row);
  return TRUE;
}

const char *
opora_form_errors_get (OporaFormErrors *self,
                       gpointer         object,
                       const char      *field)
{
  g_autofree char *key = place_key (object, field);
  FieldPlace *place = g_hash_table_lookup (self->places, key);

  if (place == NULL || !gtk_widget_get_visible (place->error_row))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (place->label));
}

void
opora_form_errors_clear (OporaFormErrors *self)
{
  GHashTableIter iter;
  FieldPlace *place;

  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &place))
    {
      gtk_widget_set_visible (place->error_row, FALSE);
      gtk_widget_remove_css_class (place->row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (place->row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

gboolean
opora_form_read_date (GtkEditable  *editable,
                      char        **iso,
                      GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  *iso = opora_date_display_to_iso (text, error);
  return *iso != NULL;
}

void
opora_form_set_date (GtkEditable *editable,
                     const char  *iso)
{
  g_autofree char *display = opora_date_iso_to_display (iso);

  gtk_editable_set_text (editable, display ? display : "");
}

gboolean
opora_form_read_amount (GtkEditable  *editable,
                        double       *amount,
                        GError      **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *typed = gtk_editable_get_text (editable);
  char *end = NULL;
  double value;

  /* Spaces group thousands ("12 500,50"); a comma is the Russian decimal point. */
  for (const char *p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;
      g_string_append_unichar (text, c == ',' ? '.' : c);
    }
  if (text->len == 0)
    {
      *amount = OPORA_AMOUNT_NONE;
      return TRUE;
    }
  value = g_ascii_strtod (text->str, &end);
  if (end == text->str || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                   _("“%s” is not an amount: enter roubles, such as 12500,50"), typed);
      return FALSE;
    }
  *amount = value;
  return TRUE;
}

char *
opora_form_format_amount (double amount)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  if (!OPORA_AMOUNT_IS_SET (amount))
    return g_strdup ("");
  if (amount == (double) (gint64) amount)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) amount);
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", amount);
  text = g_strdup (buffer);
  g_strdelimit (text, ".", ',');
  return text;
}

void
opora_form_set_amount (GtkEditable *editable,
                       double       amount)
{
  g_autofree char *text = opora_form_format_amount (amount);

  gtk_editable_set_text (editable, text);
}

GListModel *
opora_form_staff_model (OporaStore *store,
                        gint64      current_id)
{
  g_autoptr(GListStore) first = g_list_store_new (OPORA_TYPE_STAFF);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) active = opora_store_list_staff (store, TRUE);
  g_autoptr(OporaStaff) nobody = opora_staff_new ();

  opora_staff_set_full_name (nobody, _("Not assigned"));
  g_list_store_append (first, nobody);
  if (current_id > 0 &&
      opora_form_staff_position (active, current_id) == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(OporaStaff) former = opora_store_load_staff (store, current_id, NULL);

      if (former != NULL)
        g_list_store_append (first, former);
    }
  g_list_store_append (parts, first);
  g_list_store_append (parts, active);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

guint
opora_form_staff_position (GListModel *model,
                           gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaStaff) staff = g_list_model_get_item (model, i);

      if (opora_staff_get_id (staff) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

gint64
opora_form_staff_id (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return OPORA_IS_STAFF (item) ? opora_staff_get_id (item) : 0;
}

void
opora_form_setup_staff_row (AdwComboRow *row,
                            OporaStore  *store,
                            gint64       current_id)
{
  g_autoptr(GListModel) model = opora_form_staff_model (store, current_id);
  g_autoptr(GtkExpression) name = gtk_property_expression_new (OPORA_TYPE_STAFF, NULL,
                                                               "full-name");
  guint position = opora_form_staff_position (model, current_id);

  adw_combo_row_set_expression (row, name);
  adw_combo_row_set_model (row, model);
  adw_combo_row_set_selected (row, position == GTK_INVALID_LIST_POSITION ? 0 : position);
}

GListModel *
opora_form_enum_names (int           first,
                       int           last,
                       const char *(*name) (int value))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int v = first; v <= last; v++)
    gtk_string_list_append (list, name (v));
  return G_LIST_MODEL (list);
}
