#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-enrollment.h"
#include "opora-error.h"

struct _OporaEnrollment
{
  GObject          parent_instance;

  gint64           id;
  gint64           person_id;
  OporaTechnology  technology;
  char            *from_on;
  char            *until_on;
  gint64           staff_id;
  OporaSatisfied   satisfied;
  char            *staff_name;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_TECHNOLOGY,
  PROP_FROM_ON,
  PROP_UNTIL_ON,
  PROP_STAFF_ID,
  PROP_SATISFIED,
  PROP_STAFF_NAME,
  PROP_TECHNOLOGY_DISPLAY,
  PROP_FROM_ON_DISPLAY,
  PROP_UNTIL_ON_DISPLAY,
  PROP_PERIOD_DISPLAY,
  PROP_SATISFIED_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaEnrollment, opora_enrollment, G_TYPE_OBJECT)

static gboolean
replace_text (char       **slot,
              const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* "01.02.2023 – 31.01.2024", or "from 01.02.2023" while it lasts. */
static char *
format_period (OporaEnrollment *self)
{
  g_autofree char *from = opora_date_iso_to_display (self->from_on);
  g_autofree char *until = opora_date_iso_to_display (self->until_on);

  if (from == NULL)
    return NULL;
  if (until == NULL)
    return g_strdup_printf (_("from %s"), from);
  return g_strdup_printf ("%s – %s", from, until);
}

static void
opora_enrollment_finalize (GObject *object)
{
  OporaEnrollment *self = (OporaEnrollment *)object;

  g_clear_pointer (&self->from_on, g_free);
  g_clear_pointer (&self->until_on, g_free);
  g_clear_pointer (&self->staff_name, g_free);

  G_OBJECT_CLASS (opora_enrollment_parent_class)->finalize (object);
}

static void
opora_enrollment_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OporaEnrollment *self = OPORA_ENROLLMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_TECHNOLOGY:
      g_value_set_enum (value, self->technology);
      break;
    case PROP_FROM_ON:
      g_value_set_string (value, self->from_on);
      break;
    case PROP_UNTIL_ON:
      g_value_set_string (value, self->until_on);
      break;
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;
    case PROP_SATISFIED:
      g_value_set_enum (value, self->satisfied);
      break;
    case PROP_STAFF_NAME:
      g_value_set_string (value, self->staff_name);
      break;
    case PROP_TECHNOLOGY_DISPLAY:
      g_value_set_string (value, opora_technology_display_name (self->technology));
      break;
    case PROP_FROM_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->from_on));
      break;
    case PROP_UNTIL_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->until_on));
      break;
    case PROP_PERIOD_DISPLAY:
      g_value_take_string (value, format_period (self));
      break;
    case PROP_SATISFIED_DISPLAY:
      g_value_set_string (value, opora_satisfied_display_name (self->satisfied));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_enrollment_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OporaEnrollment *self = OPORA_ENROLLMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_enrollment_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      opora_enrollment_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_TECHNOLOGY:
      opora_enrollment_set_technology (self, g_value_get_enum (value));
      break;
    case PROP_FROM_ON:
      opora_enrollment_set_from_on (self, g_value_get_string (value));
      break;
    case PROP_UNTIL_ON:
      opora_enrollment_set_until_on (self, g_value_get_string (value));
      break;
    case PROP_STAFF_ID:
      opora_enrollment_set_staff_id (self, g_value_get_int64 (value));
      break;
    case PROP_SATISFIED:
      opora_enrollment_set_satisfied (self, g_value_get_enum (value));
      break;
    case PROP_STAFF_NAME:
      opora_enrollment_set_staff_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_enrollment_class_init (OporaEnrollmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_enrollment_finalize;
  object_class->get_property = opora_enrollment_get_property;
  object_class->set_property = opora_enrollment_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TECHNOLOGY] =
    g_param_spec_enum ("technology", NULL, NULL, OPORA_TYPE_TECHNOLOGY,
                       OPORA_TECHNOLOGY_NONE, rw);
  properties[PROP_FROM_ON] = g_param_spec_string ("from-on", NULL, NULL, NULL, rw);
  properties[PROP_UNTIL_ON] = g_param_spec_string ("until-on", NULL, NULL, NULL, rw);
  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SATISFIED] =
    g_param_spec_enum ("satisfied", NULL, NULL, OPORA_TYPE_SATISFIED,
                       OPORA_SATISFIED_UNKNOWN, rw);
  properties[PROP_STAFF_NAME] = g_param_spec_string ("staff-name", NULL, NULL, NULL, rw);
  properties[PROP_TECHNOLOGY_DISPLAY] =
    g_param_spec_string ("technology-display", NULL, NULL, NULL, ro);
  properties[PROP_FROM_ON_DISPLAY] =
    g_param_spec_string ("from-on-display", NULL, NULL, NULL, ro);
  properties[PROP_UNTIL_ON_DISPLAY] =
    g_param_spec_string ("until-on-display", NULL, NULL, NULL, ro);
  properties[PROP_PERIOD_DISPLAY] =
    g_param_spec_string ("period-display", NULL, NULL, NULL, ro);
  properties[PROP_SATISFIED_DISPLAY] =
    g_param_spec_string ("satisfied-display", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_enrollment_init (OporaEnrollment *self)
{
}

OporaEnrollment *
opora_enrollment_new (void)
{
  return g_object_new (OPORA_TYPE_ENROLLMENT, NULL);
}

OporaEnrollment *
opora_enrollment_copy (OporaEnrollment *self)
{
  OporaEnrollment *copy;

  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), NULL);

  copy = opora_enrollment_new ();
  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->technology = self->technology;
  copy->from_on = g_strdup (self->from_on);
  copy->until_on = g_strdup (self->until_on);
  copy->staff_id = self->staff_id;
  copy->satisfied = self->satisfied;
  copy->staff_name = g_strdup (self->staff_name);
  return copy;
}

gint64
opora_enrollment_get_id (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), 0);
  return self->id;
}

void
opora_enrollment_set_id (OporaEnrollment *self,
                         gint64           id)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
opora_enrollment_get_person_id (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), 0);
  return self->person_id;
}

void
opora_enrollment_set_person_id (OporaEnrollment *self,
                                gint64           id)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (self->person_id == id)
    return;
  self->person_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

OporaTechnology
opora_enrollment_get_technology (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), OPORA_TECHNOLOGY_NONE);
  return self->technology;
}

void
opora_enrollment_set_technology (OporaEnrollment *self,
                                 OporaTechnology  technology)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (self->technology == technology)
    return;
  self->technology = technology;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNOLOGY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNOLOGY_DISPLAY]);
}

const char *
opora_enrollment_get_from_on (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), NULL);
  return self->from_on;
}

void
opora_enrollment_set_from_on (OporaEnrollment *self,
                              const char      *iso)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (!replace_text (&self->from_on, iso))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_ON_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_DISPLAY]);
}

const char *
opora_enrollment_get_until_on (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), NULL);
  return self->until_on;
}

void
opora_enrollment_set_until_on (OporaEnrollment *self,
                               const char      *iso)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (!replace_text (&self->until_on, iso))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNTIL_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNTIL_ON_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_DISPLAY]);
}

gint64
opora_enrollment_get_staff_id (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), 0);
  return self->staff_id;
}

void
opora_enrollment_set_staff_id (OporaEnrollment *self,
                               gint64           id)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (self->staff_id == id)
    return;
  self->staff_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

OporaSatisfied
opora_enrollment_get_satisfied (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), OPORA_SATISFIED_UNKNOWN);
  return self->satisfied;
}

void
opora_enrollment_set_satisfied (OporaEnrollment *self,
                                OporaSatisfied   satisfied)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (self->satisfied == satisfied)
    return;
  self->satisfied = satisfied;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED_DISPLAY]);
}

const char *
opora_enrollment_get_staff_name (OporaEnrollment *self)
{
  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), NULL);
  return self->staff_name;
}

void
opora_enrollment_set_staff_name (OporaEnrollment *self,
                                 const char      *name)
{
  g_return_if_fail (OPORA_IS_ENROLLMENT (self));
  if (replace_text (&self->staff_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_NAME]);
}

gboolean
opora_enrollment_validate (OporaEnrollment  *self,
                           const char      **field,
                           GError          **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_ENROLLMENT (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->person_id <= 0)
    {
      *field = "person-id";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the person who takes part"));
      return FALSE;
    }
  if (self->technology == OPORA_TECHNOLOGY_NONE)
    {
      *field = "technology";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the technology"));
      return FALSE;
    }
  if (self->from_on == NULL)
    {
      *field = "from-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Enter the day the person started taking part"));
      return FALSE;
    }
  if (!opora_date_is_valid_iso (self->from_on))
    {
      *field = "from-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("Not a calendar date: enter it as DD.MM.YYYY"));
      return FALSE;
    }
  if (self->until_on != NULL && !opora_date_is_valid_iso (self->until_on))
    {
      *field = "until-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("Not a calendar date: enter it as DD.MM.YYYY"));
      return FALSE;
    }
  if (self->until_on != NULL && strcmp (self->until_on, self->from_on) < 0)
    {
      *field = "until-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                           _("Taking part cannot end before it starts"));
      return FALSE;
    }
  return TRUE;
}
