#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-outcome.h"

struct _OporaOutcome
{
  GObject         parent_instance;

  gint64          contract_id;
  OporaSituation  situation;
  char           *recorded_on;
  gboolean        programme_completed;
  gboolean        cause_eliminated;
  gboolean        status_raised;
};

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_PROGRAMME_COMPLETED,
  PROP_SITUATION,
  PROP_CAUSE_ELIMINATED,
  PROP_STATUS_RAISED,
  PROP_RECORDED_ON,
  PROP_SITUATION_DISPLAY,
  PROP_RECORDED_ON_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaOutcome, opora_outcome, G_TYPE_OBJECT)

static void
opora_outcome_finalize (GObject *object)
{
  OporaOutcome *self = (OporaOutcome *)object;

  g_clear_pointer (&self->recorded_on, g_free);

  G_OBJECT_CLASS (opora_outcome_parent_class)->finalize (object);
}

static void
opora_outcome_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OporaOutcome *self = OPORA_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;
    case PROP_PROGRAMME_COMPLETED:
      g_value_set_boolean (value, self->programme_completed);
      break;
    case PROP_SITUATION:
      g_value_set_enum (value, self->situation);
      break;
    case PROP_CAUSE_ELIMINATED:
      g_value_set_boolean (value, self->cause_eliminated);
      break;
    case PROP_STATUS_RAISED:
      g_value_set_boolean (value, self->status_raised);
      break;
    case PROP_RECORDED_ON:
      g_value_set_string (value, self->recorded_on);
      break;
    case PROP_SITUATION_DISPLAY:
      g_value_set_string (value, opora_situation_display_name (self->situation));
      break;
    case PROP_RECORDED_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->recorded_on));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_outcome_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OporaOutcome *self = OPORA_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      opora_outcome_set_contract_id (self, g_value_get_int64 (value));
      break;
    case PROP_PROGRAMME_COMPLETED:
      opora_outcome_set_programme_completed (self, g_value_get_boolean (value));
      break;
    case PROP_SITUATION:
      opora_outcome_set_situation (self, g_value_get_enum (value));
      break;
    case PROP_CAUSE_ELIMINATED:
      opora_outcome_set_cause_eliminated (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS_RAISED:
      opora_outcome_set_status_raised (self, g_value_get_boolean (value));
      break;
    case PROP_RECORDED_ON:
      opora_outcome_set_recorded_on (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_outcome_class_init (OporaOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_outcome_finalize;
  object_class->get_property = opora_outcome_get_property;
  object_class->set_property = opora_outcome_set_property;

  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PROGRAMME_COMPLETED] =
    g_param_spec_boolean ("programme-completed", NULL, NULL, FALSE, rw);
  properties[PROP_SITUATION] =
    g_param_spec_enum ("situation", NULL, NULL, OPORA_TYPE_SITUATION,
                       OPORA_SITUATION_NONE, rw);
  properties[PROP_CAUSE_ELIMINATED] =
    g_param_spec_boolean ("cause-eliminated", NULL, NULL, FALSE, rw);
  properties[PROP_STATUS_RAISED] =
    g_param_spec_boolean ("status-raised", NULL, NULL, FALSE, rw);
  properties[PROP_RECORDED_ON] = g_param_spec_string ("recorded-on", NULL, NULL, NULL, rw);
  properties[PROP_SITUATION_DISPLAY] =
    g_param_spec_string ("situation-display", NULL, NULL, NULL, ro);
  properties[PROP_RECORDED_ON_DISPLAY] =
    g_param_spec_string ("recorded-on-display", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_outcome_init (OporaOutcome *self)
{
  self->situation = OPORA_SITUATION_NONE;
}

OporaOutcome *
opora_outcome_new (void)
{
  return g_object_new (OPORA_TYPE_OUTCOME, NULL);
}

OporaOutcome *
opora_outcome_copy (OporaOutcome *self)
{
  OporaOutcome *copy;

  g_return_val_if_fail (OPORA_IS_OUTCOME (self), NULL);

  copy = opora_outcome_new ();
  copy->contract_id = self->contract_id;
  copy->programme_completed = self->programme_completed;
  copy->situation = self->situation;
  copy->cause_eliminated = self->cause_eliminated;
  copy->status_raised = self->status_raised;
  copy->recorded_on = g_strdup (self->recorded_on);
  return copy;
}

gint64
opora_outcome_get_contract_id (OporaOutcome *self)
{
  g_return_val_if_fail (OPORA_IS_OUTCOME (self), 0);
  return self->contract_id;
}

void
opora_outcome_set_contract_id (OporaOutcome *self,
                               gint64        id)
{
  g_return_if_fail (OPORA_IS_OUTCOME (self));
  if (self->contract_id == id)
    return;
  self->contract_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT_ID]);
}

/* The three yes/no answers share one shape. */
static void
set_flag (OporaOutcome *self,
          gboolean     *slot,
          gboolean      value,
          guint         prop)
{
  value = !!value;
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gboolean
opora_outcome_get_programme_completed (OporaOutcome *self)
{
  g_return_val_if_fail (OPORA_IS_OUTCOME (self), FALSE);
  return self->programme_completed;
}

void
opora_outcome_set_programme_completed (OporaOutcome *self,
                                       gboolean      completed)
{
  g_return_if_fail (OPORA_IS_OUTCOME (self));
  set_flag (self, &self->programme_completed, completed, PROP_PROGRAMME_COMPLETED);
}

OporaSituation
opora_outcome_get_situation (OporaOutcome *self)
{
  g_return_val_if_fail (OPORA_IS_OUTCOME (self), OPORA_SITUATION_NONE);
  return self->situation;
}

void
opora_outcome_set_situation (OporaOutcome   *self,
                             OporaSituation  situation)
{
  g_return_if_fail (OPORA_IS_OUTCOME (self));
  if (self->situation == situation)
    return;
  self->situation = situation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION_DISPLAY]);
}

gboolean
opora_outcome_get_cause_eliminated (OporaOutcome *self)
{
  g_return_val_if_fail (OPORA_IS_OUTCOME (self), FALSE);
  return self->cause_eliminated;
}

void
opora_outcome_set_cause_eliminated (OporaOutcome *self,
                                    gboolean      eliminated)
{
  g_return_if_fail (OPORA_IS_OUTCOME (self));
  set_flag (self, &self->cause_eliminated, eliminated, PROP_CAUSE_ELIMINATED);
}

gboolean
opora_outcome_get_status_raised (OporaOutcome *self)
{
  g_return_val_if_fail (OPORA_IS_OUTCOME (self), FALSE);
  return self->status_raised;
}

void
opora_outcome_set_status_raised (OporaOutcome *self,
                                 gboolean      raised)
{
  g_return_if_fail (OPORA_IS_OUTCOME (self));
  set_flag (self, &self->status_raised, raised, PROP_STATUS_RAISED);
}

const char *
opora_outcome_get_recorded_on (OporaOutcome *self)
{
  g_return_val_if_fail (OPORA_IS_OUTCOME (self), NULL);
  return self->recorded_on;
}

void
opora_outcome_set_recorded_on (OporaOutcome *self,
                               const char   *iso)
{
  g_return_if_fail (OPORA_IS_OUTCOME (self));
  if (iso != NULL && *iso == '\0')
    iso = NULL;
  if (g_strcmp0 (self->recorded_on, iso) == 0)
    return;
  g_free (self->recorded_on);
  self->recorded_on = g_strdup (iso);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_ON_DISPLAY]);
}

gboolean
opora_outcome_validate (OporaOutcome  *self,
                        const char   **field,
                        GError       **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_OUTCOME (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->situation == OPORA_SITUATION_NONE)
    {
      *field = "situation";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose how the situation changed"));
      return FALSE;
    }
  if (self->recorded_on == NULL)
    {
      *field = "recorded-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Enter the date the outcome was recorded"));
      return FALSE;
    }
  if (!opora_date_is_valid_iso (self->recorded_on))
    {
      *field = "recorded-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("The date recorded is not a calendar date"));
      return FALSE;
    }
  return TRUE;
}
