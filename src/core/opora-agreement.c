#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-agreement.h"
#include "opora-date.h"
#include "opora-error.h"

struct _OporaAgreement
{
  GObject  parent_instance;

  gint64   id;
  gint64   organisation_id;
  char    *number;
  char    *signed_on;
  char    *valid_until;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ORGANISATION_ID,
  PROP_NUMBER,
  PROP_SIGNED_ON,
  PROP_VALID_UNTIL,
  /* Read-only, for rows bound with <lookup>. */
  PROP_SIGNED_ON_DISPLAY,
  PROP_VALID_UNTIL_DISPLAY,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaAgreement, opora_agreement, G_TYPE_OBJECT)

/* Empty text is no text: an entry left blank stores NULL. */
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

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
opora_agreement_finalize (GObject *object)
{
  OporaAgreement *self = (OporaAgreement *)object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->signed_on, g_free);
  g_clear_pointer (&self->valid_until, g_free);

  G_OBJECT_CLASS (opora_agreement_parent_class)->finalize (object);
}

static void
opora_agreement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OporaAgreement *self = OPORA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_SIGNED_ON:
      g_value_set_string (value, self->signed_on);
      break;
    case PROP_VALID_UNTIL:
      g_value_set_string (value, self->valid_until);
      break;
    case PROP_SIGNED_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->signed_on));
      break;
    case PROP_VALID_UNTIL_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->valid_until));
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, opora_agreement_describe (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_agreement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OporaAgreement *self = OPORA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_agreement_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ORGANISATION_ID:
      opora_agreement_set_organisation_id (self, g_value_get_int64 (value));
      break;
    case PROP_NUMBER:
      opora_agreement_set_number (self, g_value_get_string (value));
      break;
    case PROP_SIGNED_ON:
      opora_agreement_set_signed_on (self, g_value_get_string (value));
      break;
    case PROP_VALID_UNTIL:
      opora_agreement_set_valid_until (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_agreement_class_init (OporaAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_agreement_finalize;
  object_class->get_property = opora_agreement_get_property;
  object_class->set_property = opora_agreement_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, rw);
  properties[PROP_SIGNED_ON] =
    g_param_spec_string ("signed-on", NULL, NULL, NULL, rw);
  properties[PROP_VALID_UNTIL] =
    g_param_spec_string ("valid-until", NULL, NULL, NULL, rw);
  properties[PROP_SIGNED_ON_DISPLAY] =
    g_param_spec_string ("signed-on-display", NULL, NULL, NULL, ro);
  properties[PROP_VALID_UNTIL_DISPLAY] =
    g_param_spec_string ("valid-until-display", NULL, NULL, NULL, ro);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_agreement_init (OporaAgreement *self)
{
}

OporaAgreement *
opora_agreement_new (void)
{
  return g_object_new (OPORA_TYPE_AGREEMENT, NULL);
}

OporaAgreement *
opora_agreement_copy (OporaAgreement *self)
{
  OporaAgreement *copy;

  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), NULL);

  copy = opora_agreement_new ();
  copy->id = self->id;
  copy->organisation_id = self->organisation_id;
  copy->number = g_strdup (self->number);
  copy->signed_on = g_strdup (self->signed_on);
  copy->valid_until = g_strdup (self->valid_until);
  return copy;
}

gint64
opora_agreement_get_id (OporaAgreement *self)
{
  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), 0);
  return self->id;
}

void
opora_agreement_set_id (OporaAgreement *self,
                        gint64          id)
{
  g_return_if_fail (OPORA_IS_AGREEMENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
opora_agreement_get_organisation_id (OporaAgreement *self)
{
  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), 0);
  return self->organisation_id;
}

void
opora_agreement_set_organisation_id (OporaAgreement *self,
                                     gint64          organisation_id)
{
  g_return_if_fail (OPORA_IS_AGREEMENT (self));

  if (self->organisation_id == organisation_id)
    return;
  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

const char *
opora_agreement_get_number (OporaAgreement *self)
{
  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), NULL);
  return self->number;
}

void
opora_agreement_set_number (OporaAgreement *self,
                            const char     *number)
{
  g_return_if_fail (OPORA_IS_AGREEMENT (self));

  if (!replace_text (&self->number, number))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
opora_agreement_get_signed_on (OporaAgreement *self)
{
  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), NULL);
  return self->signed_on;
}

void
opora_agreement_set_signed_on (OporaAgreement *self,
                               const char     *signed_on)
{
  g_return_if_fail (OPORA_IS_AGREEMENT (self));

  if (!replace_text (&self->signed_on, signed_on))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_ON_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
opora_agreement_get_valid_until (OporaAgreement *self)
{
  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), NULL);
  return self->valid_until;
}

void
opora_agreement_set_valid_until (OporaAgreement *self,
                                 const char     *valid_until)
{
  g_return_if_fail (OPORA_IS_AGREEMENT (self));

  if (!replace_text (&self->valid_until, valid_until))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID_UNTIL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID_UNTIL_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gboolean
opora_agreement_is_in_force (OporaAgreement *self,
                             const char     *iso_date)
{
  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);

  /* ISO dates compare as text; the store counts with the same rule in SQL. */
  if (self->signed_on == NULL || strcmp (self->signed_on, iso_date) > 0)
    return FALSE;
  return self->valid_until == NULL || strcmp (self->valid_until, iso_date) >= 0;
}

char *
opora_agreement_describe (OporaAgreement *self)
{
  g_autofree char *signed_on = NULL;
  g_autofree char *valid_until = NULL;
  const char *number;

  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), NULL);

  number = self->number ? self->number : "—";
  signed_on = opora_date_iso_to_display (self->signed_on);
  valid_until = opora_date_iso_to_display (self->valid_until);

  if (signed_on == NULL)
    /* Translators: an agreement whose signing date is not known yet; %s is its number. */
    return g_strdup_printf (_("No. %s"), number);
  if (valid_until == NULL)
    /* Translators: an agreement without an end date: number, date signed. */
    return g_strdup_printf (_("No. %s of %s, open-ended"), number, signed_on);
  /* Translators: an agreement: number, date signed, date it ends. */
  return g_strdup_printf (_("No. %s of %s, until %s"), number, signed_on, valid_until);
}

gboolean
opora_agreement_validate (OporaAgreement  *self,
                          const char     **field,
                          GError         **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_AGREEMENT (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (is_blank (self->number))
    {
      *field = "number";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Agreement number is required"));
      return FALSE;
    }
  if (self->signed_on == NULL)
    {
      *field = "signed-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("The date the agreement was signed is required"));
      return FALSE;
    }
  if (!opora_date_is_valid_iso (self->signed_on))
    {
      *field = "signed-on";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("Signing date “%s” is not a calendar date"), self->signed_on);
      return FALSE;
    }
  if (self->valid_until != NULL && !opora_date_is_valid_iso (self->valid_until))
    {
      *field = "valid-until";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("End date “%s” is not a calendar date"), self->valid_until);
      return FALSE;
    }
  if (self->valid_until != NULL && strcmp (self->valid_until, self->signed_on) < 0)
    {
      g_autofree char *signed_on = opora_date_iso_to_display (self->signed_on);
      g_autofree char *valid_until = opora_date_iso_to_display (self->valid_until);

      *field = "valid-until";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                   _("An agreement cannot end (%s) before it is signed (%s)"),
                   valid_until, signed_on);
      return FALSE;
    }
  return TRUE;
}
