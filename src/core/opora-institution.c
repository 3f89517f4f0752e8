#define G_LOG_DOMAIN "opora-institution"

#include "opora-institution.h"

enum {
  PROP_0,
  PROP_FULL_NAME,
  PROP_SHORT_NAME,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_CITY,
  PROP_CITY_LOCATIVE,
  N_PROPS
};

struct _OporaInstitution
{
  GObject  parent_instance;

  /* Indexed by property id: the fields are alike, so one setter serves them all. */
  char    *fields[N_PROPS];
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaInstitution, opora_institution, G_TYPE_OBJECT)

static void
set_field (OporaInstitution *self,
           guint             prop_id,
           const char       *value)
{
  g_assert (prop_id > PROP_0 && prop_id < N_PROPS);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->fields[prop_id], value) == 0)
    return;

  g_free (self->fields[prop_id]);
  self->fields[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
opora_institution_finalize (GObject *object)
{
  OporaInstitution *self = (OporaInstitution *)object;

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->fields[i], g_free);

  G_OBJECT_CLASS (opora_institution_parent_class)->finalize (object);
}

static void
opora_institution_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OporaInstitution *self = OPORA_INSTITUTION (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
opora_institution_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OporaInstitution *self = OPORA_INSTITUTION (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
opora_institution_class_init (OporaInstitutionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_institution_finalize;
  object_class->get_property = opora_institution_get_property;
  object_class->set_property = opora_institution_set_property;

  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, "", flags);
  properties[PROP_SHORT_NAME] = g_param_spec_string ("short-name", NULL, NULL, "", flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, "", flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_CITY] = g_param_spec_string ("city", NULL, NULL, "", flags);
  properties[PROP_CITY_LOCATIVE] = g_param_spec_string ("city-locative", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_institution_init (OporaInstitution *self)
{
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    self->fields[i] = g_strdup ("");
}

OporaInstitution *
opora_institution_new (void)
{
  return g_object_new (OPORA_TYPE_INSTITUTION, NULL);
}

const char *
opora_institution_get_full_name (OporaInstitution *self)
{
  g_return_val_if_fail (OPORA_IS_INSTITUTION (self), NULL);
  return self->fields[PROP_FULL_NAME];
}

void
opora_institution_set_full_name (OporaInstitution *self,
                                 const char       *full_name)
{
  g_return_if_fail (OPORA_IS_INSTITUTION (self));
  set_field (self, PROP_FULL_NAME, full_name);
}

const char *
opora_institution_get_short_name (OporaInstitution *self)
{
  g_return_val_if_fail (OPORA_IS_INSTITUTION (self), NULL);
  return self->fields[PROP_SHORT_NAME];
}

void
opora_institution_set_short_name (OporaInstitution *self,
                                  const char       *short_name)
{
  g_return_if_fail (OPORA_IS_INSTITUTION (self));
  set_field (self, PROP_SHORT_NAME, short_name);
}

const char *
opora_institution_get_address (OporaInstitution *self)
{
  g_return_val_if_fail (OPORA_IS_INSTITUTION (self), NULL);
  return self->fields[PROP_ADDRESS];
}

void
opora_institution_set_address (OporaInstitution *self,
                               const char       *address)
{
  g_return_if_fail (OPORA_IS_INSTITUTION (self));
  set_field (self, PROP_ADDRESS, address);
}

const char *
opora_institution_get_phone (OporaInstitution *self)
{
  g_return_val_if_fail (OPORA_IS_INSTITUTION (self), NULL);
  return self->fields[PROP_PHONE];
}

void
opora_institution_set_phone (OporaInstitution *self,
                             const char       *phone)
{
  g_return_if_fail (OPORA_IS_INSTITUTION (self));
  set_field (self, PROP_PHONE, phone);
}

const char *
opora_institution_get_city (OporaInstitution *self)
{
  g_return_val_if_fail (OPORA_IS_INSTITUTION (self), NULL);
  return self->fields[PROP_CITY];
}

void
opora_institution_set_city (OporaInstitution *self,
                            const char       *city)
{
  g_return_if_fail (OPORA_IS_INSTITUTION (self));
  set_field (self, PROP_CITY, city);
}

const char *
opora_institution_get_city_locative (OporaInstitution *self)
{
  g_return_val_if_fail (OPORA_IS_INSTITUTION (self), NULL);
  return self->fields[PROP_CITY_LOCATIVE];
}

void
opora_institution_set_city_locative (OporaInstitution *self,
                                     const char       *city_locative)
{
  g_return_if_fail (OPORA_IS_INSTITUTION (self));
  set_field (self, PROP_CITY_LOCATIVE, city_locative);
}

const char *
opora_institution_get_display_name (OporaInstitution *self)
{
  g_return_val_if_fail (OPORA_IS_INSTITUTION (self), NULL);

  if (*self->fields[PROP_SHORT_NAME] != '\0')
    return self->fields[PROP_SHORT_NAME];
  return self->fields[PROP_FULL_NAME];
}
