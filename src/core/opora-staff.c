#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-staff.h"

struct _OporaStaff
{
  GObject        parent_instance;

  gint64         id;
  char          *full_name;
  OporaPosition  position;
  char          *district;
  gboolean       active;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_POSITION,
  PROP_DISTRICT,
  PROP_ACTIVE,
  /* Read-only, for lists bound with <lookup>. */
  PROP_POSITION_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaStaff, opora_staff, G_TYPE_OBJECT)

/* Names are typed by people: stray spaces are not part of them, and blank is nothing. */
static gboolean
replace_text (char       **slot,
              const char  *value)
{
  g_autofree char *trimmed = value ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && *trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);
  if (g_strcmp0 (*slot, trimmed) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_steal_pointer (&trimmed);
  return TRUE;
}

static void
opora_staff_finalize (GObject *object)
{
  OporaStaff *self = (OporaStaff *)object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->district, g_free);

  G_OBJECT_CLASS (opora_staff_parent_class)->finalize (object);
}

static void
opora_staff_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OporaStaff *self = OPORA_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;
    case PROP_POSITION:
      g_value_set_enum (value, self->position);
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_POSITION_DISPLAY:
      g_value_set_string (value, opora_position_display_name (self->position));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_staff_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OporaStaff *self = OPORA_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_staff_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_FULL_NAME:
      opora_staff_set_full_name (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      opora_staff_set_position (self, g_value_get_enum (value));
      break;
    case PROP_DISTRICT:
      opora_staff_set_district (self, g_value_get_string (value));
      break;
    case PROP_ACTIVE:
      opora_staff_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_staff_class_init (OporaStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_staff_finalize;
  object_class->get_property = opora_staff_get_property;
  object_class->set_property = opora_staff_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, rw);
  properties[PROP_POSITION] =
    g_param_spec_enum ("position", NULL, NULL, OPORA_TYPE_POSITION, OPORA_POSITION_NONE, rw);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, rw);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, rw);
  properties[PROP_POSITION_DISPLAY] =
    g_param_spec_string ("position-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_staff_init (OporaStaff *self)
{
  self->active = TRUE;
}

OporaStaff *
opora_staff_new (void)
{
  return g_object_new (OPORA_TYPE_STAFF, NULL);
}

OporaStaff *
opora_staff_copy (OporaStaff *self)
{
  OporaStaff *copy;

  g_return_val_if_fail (OPORA_IS_STAFF (self), NULL);

  copy = opora_staff_new ();
  copy->id = self->id;
  copy->full_name = g_strdup (self->full_name);
  copy->position = self->position;
  copy->district = g_strdup (self->district);
  copy->active = self->active;
  return copy;
}

gint64
opora_staff_get_id (OporaStaff *self)
{
  g_return_val_if_fail (OPORA_IS_STAFF (self), 0);
  return self->id;
}

void
opora_staff_set_id (OporaStaff *self,
                    gint64      id)
{
  g_return_if_fail (OPORA_IS_STAFF (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
opora_staff_get_full_name (OporaStaff *self)
{
  g_return_val_if_fail (OPORA_IS_STAFF (self), NULL);
  return self->full_name;
}

void
opora_staff_set_full_name (OporaStaff *self,
                           const char *full_name)
{
  g_return_if_fail (OPORA_IS_STAFF (self));

  if (replace_text (&self->full_name, full_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
}

OporaPosition
opora_staff_get_position (OporaStaff *self)
{
  g_return_val_if_fail (OPORA_IS_STAFF (self), OPORA_POSITION_NONE);
  return self->position;
}

void
opora_staff_set_position (OporaStaff    *self,
                          OporaPosition  position)
{
  g_return_if_fail (OPORA_IS_STAFF (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION_DISPLAY]);
}

const char *
opora_staff_get_district (OporaStaff *self)
{
  g_return_val_if_fail (OPORA_IS_STAFF (self), NULL);
  return self->district;
}

void
opora_staff_set_district (OporaStaff *self,
                          const char *district)
{
  g_return_if_fail (OPORA_IS_STAFF (self));

  if (replace_text (&self->district, district))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

gboolean
opora_staff_get_active (OporaStaff *self)
{
  g_return_val_if_fail (OPORA_IS_STAFF (self), FALSE);
  return self->active;
}

void
opora_staff_set_active (OporaStaff *self,
                        gboolean    active)
{
  g_return_if_fail (OPORA_IS_STAFF (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
opora_staff_validate (OporaStaff  *self,
                      const char **field,
                      GError     **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_STAFF (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->full_name == NULL)
    {
      *field = "full-name";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Enter the staff member’s full name"));
      return FALSE;
    }
  if (opora_position_to_string (self->position) == NULL)
    {
      *field = "position";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the position"));
      return FALSE;
    }
  return TRUE;
}
