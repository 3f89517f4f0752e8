#define G_LOG_DOMAIN "opora-preferences"

#include <glib/gi18n.h>

#include "opora-preferences-window.h"
#include "opora-store-institution.h"

struct _OporaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  OporaStore           *store;
  OporaInstitution     *institution;   /* as last loaded or saved */

  /* Template widgets */
  AdwPreferencesPage   *general_page;
  AdwPreferencesGroup  *institution_group;
  AdwEntryRow          *full_name_row;
  AdwEntryRow          *short_name_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *city_row;
  AdwEntryRow          *city_locative_row;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaPreferencesWindow, opora_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* Which institution property each row edits. */
static struct
{
  gsize       offset;
  const char *property;
} institution_rows[] = {
  { G_STRUCT_OFFSET (OporaPreferencesWindow, full_name_row),  "full-name" },
  { G_STRUCT_OFFSET (OporaPreferencesWindow, short_name_row), "short-name" },
  { G_STRUCT_OFFSET (OporaPreferencesWindow, address_row),    "address" },
  { G_STRUCT_OFFSET (OporaPreferencesWindow, phone_row),      "phone" },
  { G_STRUCT_OFFSET (OporaPreferencesWindow, city_row),       "city" },
  { G_STRUCT_OFFSET (OporaPreferencesWindow, city_locative_row), "city-locative" },
};

static GtkEditable *
row_at (OporaPreferencesWindow *self,
        guint                   i)
{
  return G_STRUCT_MEMBER (GtkEditable *, self, institution_rows[i].offset);
}

static void
load_institution (OporaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->institution);
  self->institution = opora_store_load_institution (self->store, &error);
  if (self->institution == NULL)
    {
      /* An unreadable row must not become an empty one on the next save. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->institution_group), FALSE);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (institution_rows); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->institution, institution_rows[i].property, &value, NULL);
      gtk_editable_set_text (row_at (self, i), value);
    }
}

static gboolean
has_changes (OporaPreferencesWindow *self)
{
  if (self->institution == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (institution_rows); i++)
    {
      g_autofree char *saved = NULL;

      g_object_get (self->institution, institution_rows[i].property, &saved, NULL);
      if (g_strcmp0 (saved, gtk_editable_get_text (row_at (self, i))) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
save_and_report (OporaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = has_changes (self);

  if (!opora_preferences_window_save (self, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
  else if (changed)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("Institution details saved")));
}

static void
row_apply_cb (OporaPreferencesWindow *self,
              AdwEntryRow            *row)
{
  save_and_report (self);
}

static gboolean
opora_preferences_window_close_request (GtkWindow *window)
{
  OporaPreferencesWindow *self = OPORA_PREFERENCES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  /* Text typed without pressing Enter is kept too: nothing is lost silently. */
  if (!opora_preferences_window_save (self, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return TRUE; /* stay open with what was typed */
    }
  return GTK_WINDOW_CLASS (opora_preferences_window_parent_class)->close_request (window);
}

static void
opora_preferences_window_constructed (GObject *object)
{
  OporaPreferencesWindow *self = (OporaPreferencesWindow *)object;

  G_OBJECT_CLASS (opora_preferences_window_parent_class)->constructed (object);

  g_assert (OPORA_IS_STORE (self->store));
  load_institution (self);
}

static void
opora_preferences_window_dispose (GObject *object)
{
  OporaPreferencesWindow *self = (OporaPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->institution);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_preferences_window_parent_class)->dispose (object);
}

static void
opora_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  OporaPreferencesWindow *self = OPORA_PREFERENCES_WINDOW (object);

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
opora_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  OporaPreferencesWindow *self = OPORA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_preferences_window_class_init (OporaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = opora_preferences_window_constructed;
  object_class->dispose = opora_preferences_window_dispose;
  object_class->get_property = opora_preferences_window_get_property;
  object_class->set_property = opora_preferences_window_set_property;

  window_class->close_request = opora_preferences_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, institution_group);
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, city_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPreferencesWindow, city_locative_row);
  gtk_widget_class_bind_template_callback (widget_class, row_apply_cb);
}

static void
opora_preferences_window_init (OporaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OporaPreferencesWindow *
opora_preferences_window_new (GtkWindow  *parent,
                              OporaStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

OporaStore *
opora_preferences_window_get_store (OporaPreferencesWindow *self)
{
  g_return_val_if_fail (OPORA_IS_PREFERENCES_WINDOW (self), NULL);
  return self->store;
}

void
opora_preferences_window_add_group (OporaPreferencesWindow *self,
                                    AdwPreferencesGroup    *group)
{
  g_return_if_fail (OPORA_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  adw_preferences_page_add (self->general_page, group);
}

gboolean
opora_preferences_window_save (OporaPreferencesWindow *self,
                               GError                **error)
{
  g_autoptr(OporaInstitution) edited = NULL;

  g_return_val_if_fail (OPORA_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!has_changes (self))
    return TRUE;

  edited = opora_institution_new ();
  for (guint i = 0; i < G_N_ELEMENTS (institution_rows); i++)
    g_object_set (edited, institution_rows[i].property,
                  gtk_editable_get_text (row_at (self, i)), NULL);

  if (!opora_store_save_institution (self->store, edited, error))
    return FALSE;

  g_set_object (&self->institution, edited);
  return TRUE;
}
