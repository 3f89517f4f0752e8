#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-measure.h"

struct _OporaMeasure
{
  GObject             parent_instance;

  gint64              id;
  gint64              contract_id;
  OporaMeasureType    type;
  char               *need;
  char               *planned_on;
  OporaMeasureStatus  status;
  char               *done_on;
  char               *note;
  char               *certificate;
  gboolean            informed_online;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTRACT_ID,
  PROP_TYPE,
  PROP_NEED,
  PROP_PLANNED_ON,
  PROP_STATUS,
  PROP_DONE_ON,
  PROP_NOTE,
  PROP_INFORMED_ONLINE,
  PROP_CERTIFICATE,
  /* Read-only, for lists and rows bound with <lookup>. */
  PROP_TYPE_DISPLAY,
  PROP_STATUS_DISPLAY,
  PROP_PLANNED_ON_DISPLAY,
  PROP_DONE_ON_DISPLAY,
  PROP_HAS_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaMeasure, opora_measure, G_TYPE_OBJECT)

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

static void
opora_measure_finalize (GObject *object)
{
  OporaMeasure *self = (OporaMeasure *)object;

  g_clear_pointer (&self->need, g_free);
  g_clear_pointer (&self->planned_on, g_free);
  g_clear_pointer (&self->done_on, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->certificate, g_free);

  G_OBJECT_CLASS (opora_measure_parent_class)->finalize (object);
}

static void
opora_measure_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OporaMeasure *self = OPORA_MEASURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;
    case PROP_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_NEED:
      g_value_set_string (value, self->need);
      break;
    case PROP_PLANNED_ON:
      g_value_set_string (value, self->planned_on);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_DONE_ON:
      g_value_set_string (value, self->done_on);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_INFORMED_ONLINE:
      g_value_set_boolean (value, self->informed_online);
      break;
    case PROP_CERTIFICATE:
      g_value_set_string (value, self->certificate);
      break;
    case PROP_TYPE_DISPLAY:
      g_value_set_string (value, opora_measure_type_display_name (self->type));
      break;
    case PROP_STATUS_DISPLAY:
      g_value_set_string (value, opora_measure_status_display_name (self->status));
      break;
    case PROP_PLANNED_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->planned_on));
      break;
    case PROP_DONE_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->done_on));
      break;
    case PROP_HAS_CERTIFICATE:
      g_value_set_boolean (value, opora_measure_type_has_certificate (self->type));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_measure_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OporaMeasure *self = OPORA_MEASURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_measure_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CONTRACT_ID:
      opora_measure_set_contract_id (self, g_value_get_int64 (value));
      break;
    case PROP_TYPE:
      opora_measure_set_measure_type (self, g_value_get_enum (value));
      break;
    case PROP_NEED:
      opora_measure_set_need (self, g_value_get_string (value));
      break;
    case PROP_PLANNED_ON:
      opora_measure_set_planned_on (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      opora_measure_set_status (self, g_value_get_enum (value));
      break;
    case PROP_DONE_ON:
      opora_measure_set_done_on (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      opora_measure_set_note (self, g_value_get_string (value));
      break;
    case PROP_INFORMED_ONLINE:
      opora_measure_set_informed_online (self, g_value_get_boolean (value));
      break;
    case PROP_CERTIFICATE:
      opora_measure_set_certificate (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_measure_class_init (OporaMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_measure_finalize;
  object_class->get_property = opora_measure_get_property;
  object_class->set_property = opora_measure_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL, OPORA_TYPE_MEASURE_TYPE,
                       OPORA_MEASURE_TYPE_NONE, rw);
  properties[PROP_NEED] = g_param_spec_string ("need", NULL, NULL, NULL, rw);
  properties[PROP_PLANNED_ON] = g_param_spec_string ("planned-on", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, OPORA_TYPE_MEASURE_STATUS,
                       OPORA_MEASURE_STATUS_PLANNED, rw);
  properties[PROP_DONE_ON] = g_param_spec_string ("done-on", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_INFORMED_ONLINE] =
    g_param_spec_boolean ("informed-online", NULL, NULL, FALSE, rw);
  properties[PROP_CERTIFICATE] = g_param_spec_string ("certificate", NULL, NULL, NULL, rw);
  properties[PROP_TYPE_DISPLAY] = g_param_spec_string ("type-display", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_DISPLAY] =
    g_param_spec_string ("status-display", NULL, NULL, NULL, ro);
  properties[PROP_PLANNED_ON_DISPLAY] =
    g_param_spec_string ("planned-on-display", NULL, NULL, NULL, ro);
  properties[PROP_DONE_ON_DISPLAY] =
    g_param_spec_string ("done-on-display", NULL, NULL, NULL, ro);
  properties[PROP_HAS_CERTIFICATE] =
    g_param_spec_boolean ("has-certificate", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_measure_init (OporaMeasure *self)
{
  self->type = OPORA_MEASURE_TYPE_NONE;
  self->status = OPORA_MEASURE_STATUS_PLANNED;
}

OporaMeasure *
opora_measure_new (void)
{
  return g_object_new (OPORA_TYPE_MEASURE, NULL);
}

/* A deep copy, so an editor can work on a copy and throw it away on Cancel. */
OporaMeasure *
opora_measure_copy (OporaMeasure *self)
{
  OporaMeasure *copy;

  g_return_val_if_fail (OPORA_IS_MEASURE (self), NULL);

  copy = opora_measure_new ();
  copy->id = self->id;
  copy->contract_id = self->contract_id;
  copy->type = self->type;
  copy->need = g_strdup (self->need);
  copy->planned_on = g_strdup (self->planned_on);
  copy->status = self->status;
  copy->done_on = g_strdup (self->done_on);
  copy->note = g_strdup (self->note);
  copy->informed_online = self->informed_online;
  copy->certificate = g_strdup (self->certificate);
  return copy;
}

gint64
opora_measure_get_id (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), 0);
  return self->id;
}

void
opora_measure_set_id (OporaMeasure *self,
                      gint64        id)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
opora_measure_get_contract_id (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), 0);
  return self->contract_id;
}

void
opora_measure_set_contract_id (OporaMeasure *self,
                               gint64        contract_id)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (self->contract_id == contract_id)
    return;
  self->contract_id = contract_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT_ID]);
}

OporaMeasureType
opora_measure_get_measure_type (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), OPORA_MEASURE_TYPE_NONE);
  return self->type;
}

void
opora_measure_set_measure_type (OporaMeasure     *self,
                                OporaMeasureType  type)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (self->type == type)
    return;
  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CERTIFICATE]);
}

const char *
opora_measure_get_need (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), NULL);
  return self->need;
}

void
opora_measure_set_need (OporaMeasure *self,
                        const char   *need)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (replace_text (&self->need, need))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEED]);
}

const char *
opora_measure_get_planned_on (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), NULL);
  return self->planned_on;
}

void
opora_measure_set_planned_on (OporaMeasure *self,
                              const char   *planned_on)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (!replace_text (&self->planned_on, planned_on))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_ON_DISPLAY]);
}

OporaMeasureStatus
opora_measure_get_status (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), OPORA_MEASURE_STATUS_PLANNED);
  return self->status;
}

void
opora_measure_set_status (OporaMeasure       *self,
                          OporaMeasureStatus  status)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DISPLAY]);
}

const char *
opora_measure_get_done_on (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), NULL);
  return self->done_on;
}

void
opora_measure_set_done_on (OporaMeasure *self,
                           const char   *done_on)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (!replace_text (&self->done_on, done_on))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_ON_DISPLAY]);
}

const char *
opora_measure_get_note (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), NULL);
  return self->note;
}

void
opora_measure_set_note (OporaMeasure *self,
                        const char   *note)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (replace_text (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gboolean
opora_measure_get_informed_online (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), FALSE);
  return self->informed_online;
}

void
opora_measure_set_informed_online (OporaMeasure *self,
                                   gboolean      informed)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  informed = !!informed;
  if (self->informed_online == informed)
    return;
  self->informed_online = informed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFORMED_ONLINE]);
}

const char *
opora_measure_get_certificate (OporaMeasure *self)
{
  g_return_val_if_fail (OPORA_IS_MEASURE (self), NULL);
  return self->certificate;
}

void
opora_measure_set_certificate (OporaMeasure *self,
                               const char   *certificate)
{
  g_return_if_fail (OPORA_IS_MEASURE (self));
  if (replace_text (&self->certificate, certificate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATE]);
}

gboolean
opora_measure_type_has_certificate (OporaMeasureType type)
{
  return type == OPORA_MEASURE_TYPE_FINANCIAL_LITERACY;
}

gboolean
opora_measure_validate (OporaMeasure  *self,
                        const char   **field,
                        GError       **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_MEASURE (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->type == OPORA_MEASURE_TYPE_NONE)
    {
      *field = "type";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the type of the measure"));
      return FALSE;
    }
  if (self->planned_on != NULL && !opora_date_is_valid_iso (self->planned_on))
    {
      *field = "planned-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("The planned date is not a calendar date"));
      return FALSE;
    }
  if (self->done_on != NULL && !opora_date_is_valid_iso (self->done_on))
    {
      *field = "done-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("The date done is not a calendar date"));
      return FALSE;
    }
  if (self->status == OPORA_MEASURE_STATUS_DONE && self->done_on == NULL)
    {
      *field = "done-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("A done measure needs the date it was done"));
      return FALSE;
    }
  return TRUE;
}
