#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-contract-enums.h"
#include "opora-date.h"
#include "opora-error.h"
#include "opora-monitoring-act.h"

struct _OporaMonitoringAct
{
  GObject  parent_instance;

  gint64   id;
  gint64   contract_id;
  int      month_no;
  char    *act_on;
  double   income_per_capita;
  char    *employment;
  char    *living_conditions;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CONTRACT_ID,
  PROP_MONTH_NO,
  PROP_ACT_ON,
  PROP_INCOME_PER_CAPITA,
  PROP_EMPLOYMENT,
  PROP_LIVING_CONDITIONS,
  PROP_ACT_ON_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaMonitoringAct, opora_monitoring_act, G_TYPE_OBJECT)

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
opora_monitoring_act_finalize (GObject *object)
{
  OporaMonitoringAct *self = (OporaMonitoringAct *)object;

  g_clear_pointer (&self->act_on, g_free);
  g_clear_pointer (&self->employment, g_free);
  g_clear_pointer (&self->living_conditions, g_free);

  G_OBJECT_CLASS (opora_monitoring_act_parent_class)->finalize (object);
}

static void
opora_monitoring_act_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OporaMonitoringAct *self = OPORA_MONITORING_ACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;
    case PROP_MONTH_NO:
      g_value_set_int (value, self->month_no);
      break;
    case PROP_ACT_ON:
      g_value_set_string (value, self->act_on);
      break;
    case PROP_INCOME_PER_CAPITA:
      g_value_set_double (value, self->income_per_capita);
      break;
    case PROP_EMPLOYMENT:
      g_value_set_string (value, self->employment);
      break;
    case PROP_LIVING_CONDITIONS:
      g_value_set_string (value, self->living_conditions);
      break;
    case PROP_ACT_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->act_on));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_monitoring_act_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OporaMonitoringAct *self = OPORA_MONITORING_ACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_monitoring_act_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CONTRACT_ID:
      opora_monitoring_act_set_contract_id (self, g_value_get_int64 (value));
      break;
    case PROP_MONTH_NO:
      opora_monitoring_act_set_month_no (self, g_value_get_int (value));
      break;
    case PROP_ACT_ON:
      opora_monitoring_act_set_act_on (self, g_value_get_string (value));
      break;
    case PROP_INCOME_PER_CAPITA:
      opora_monitoring_act_set_income_per_capita (self, g_value_get_double (value));
      break;
    case PROP_EMPLOYMENT:
      opora_monitoring_act_set_employment (self, g_value_get_string (value));
      break;
    case PROP_LIVING_CONDITIONS:
      opora_monitoring_act_set_living_conditions (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_monitoring_act_class_init (OporaMonitoringActClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_monitoring_act_finalize;
  object_class->get_property = opora_monitoring_act_get_property;
  object_class->set_property = opora_monitoring_act_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* Any int, so a wrong month reaches the rule that names it instead of a warning. */
  properties[PROP_MONTH_NO] =
    g_param_spec_int ("month-no", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_ACT_ON] = g_param_spec_string ("act-on", NULL, NULL, NULL, rw);
  properties[PROP_INCOME_PER_CAPITA] =
    g_param_spec_double ("income-per-capita", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                         OPORA_AMOUNT_NONE, rw);
  properties[PROP_EMPLOYMENT] = g_param_spec_string ("employment", NULL, NULL, NULL, rw);
  properties[PROP_LIVING_CONDITIONS] =
    g_param_spec_string ("living-conditions", NULL, NULL, NULL, rw);
  properties[PROP_ACT_ON_DISPLAY] =
    g_param_spec_string ("act-on-display", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_monitoring_act_init (OporaMonitoringAct *self)
{
  self->income_per_capita = OPORA_AMOUNT_NONE;
}

OporaMonitoringAct *
opora_monitoring_act_new (void)
{
  return g_object_new (OPORA_TYPE_MONITORING_ACT, NULL);
}

OporaMonitoringAct *
opora_monitoring_act_copy (OporaMonitoringAct *self)
{
  OporaMonitoringAct *copy;

  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), NULL);

  copy = opora_monitoring_act_new ();
  copy->id = self->id;
  copy->contract_id = self->contract_id;
  copy->month_no = self->month_no;
  copy->act_on = g_strdup (self->act_on);
  copy->income_per_capita = self->income_per_capita;
  copy->employment = g_strdup (self->employment);
  copy->living_conditions = g_strdup (self->living_conditions);
  return copy;
}

gint64
opora_monitoring_act_get_id (OporaMonitoringAct *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), 0);
  return self->id;
}

void
opora_monitoring_act_set_id (OporaMonitoringAct *self,
                             gint64              id)
{
  g_return_if_fail (OPORA_IS_MONITORING_ACT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
opora_monitoring_act_get_contract_id (OporaMonitoringAct *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), 0);
  return self->contract_id;
}

void
opora_monitoring_act_set_contract_id (OporaMonitoringAct *self,
                                      gint64              id)
{
  g_return_if_fail (OPORA_IS_MONITORING_ACT (self));
  if (self->contract_id == id)
    return;
  self->contract_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT_ID]);
}

int
opora_monitoring_act_get_month_no (OporaMonitoringAct *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), 0);
  return self->month_no;
}

void
opora_monitoring_act_set_month_no (OporaMonitoringAct *self,
                                   int                 month_no)
{
  g_return_if_fail (OPORA_IS_MONITORING_ACT (self));
  if (self->month_no == month_no)
    return;
  self->month_no = month_no;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH_NO]);
}

const char *
opora_monitoring_act_get_act_on (OporaMonitoringAct *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), NULL);
  return self->act_on;
}

void
opora_monitoring_act_set_act_on (OporaMonitoringAct *self,
                                 const char         *iso)
{
  g_return_if_fail (OPORA_IS_MONITORING_ACT (self));
  if (!replace_text (&self->act_on, iso))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACT_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACT_ON_DISPLAY]);
}

double
opora_monitoring_act_get_income_per_capita (OporaMonitoringAct *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), OPORA_AMOUNT_NONE);
  return self->income_per_capita;
}

void
opora_monitoring_act_set_income_per_capita (OporaMonitoringAct *self,
                                            double              income)
{
  g_return_if_fail (OPORA_IS_MONITORING_ACT (self));
  if (self->income_per_capita == income)
    return;
  self->income_per_capita = income;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCOME_PER_CAPITA]);
}

const char *
opora_monitoring_act_get_employment (OporaMonitoringAct *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), NULL);
  return self->employment;
}

void
opora_monitoring_act_set_employment (OporaMonitoringAct *self,
                                     const char         *text)
{
  g_return_if_fail (OPORA_IS_MONITORING_ACT (self));
  if (replace_text (&self->employment, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYMENT]);
}

const char *
opora_monitoring_act_get_living_conditions (OporaMonitoringAct *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), NULL);
  return self->living_conditions;
}

void
opora_monitoring_act_set_living_conditions (OporaMonitoringAct *self,
                                            const char         *text)
{
  g_return_if_fail (OPORA_IS_MONITORING_ACT (self));
  if (replace_text (&self->living_conditions, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVING_CONDITIONS]);
}

gboolean
opora_monitoring_act_validate (OporaMonitoringAct  *self,
                               const char         **field,
                               GError             **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_MONITORING_ACT (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->month_no < 1 || self->month_no > OPORA_MONITORING_MONTHS)
    {
      *field = "month-no";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                   _("The month of a monitoring act is from 1 to %d"),
                   OPORA_MONITORING_MONTHS);
      return FALSE;
    }
  if (self->act_on == NULL)
    {
      *field = "act-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Enter the date of the monitoring act"));
      return FALSE;
    }
  if (!opora_date_is_valid_iso (self->act_on))
    {
      *field = "act-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("The date of the monitoring act is not a calendar date"));
      return FALSE;
    }
  if (OPORA_AMOUNT_IS_SET (self->income_per_capita) && self->income_per_capita < 0)
    {
      *field = "income-per-capita";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                           _("Income cannot be negative"));
      return FALSE;
    }
  return TRUE;
}


struct _OporaMonitoringDue
{
  GObject  parent_instance;

  gint64   contract_id;
  char    *contract_number;
  gint64   person_id;
  char    *person_name;
  int      month_no;
  char    *due_on;
};

enum {
  DUE_PROP_0,
  DUE_PROP_CONTRACT_ID,
  DUE_PROP_CONTRACT_NUMBER,
  DUE_PROP_PERSON_ID,
  DUE_PROP_PERSON_NAME,
  DUE_PROP_MONTH_NO,
  DUE_PROP_DUE_ON,
  DUE_PROP_DUE_ON_DISPLAY,
  DUE_N_PROPS
};

static GParamSpec *due_properties[DUE_N_PROPS];

G_DEFINE_FINAL_TYPE (OporaMonitoringDue, opora_monitoring_due, G_TYPE_OBJECT)

static void
opora_monitoring_due_finalize (GObject *object)
{
  OporaMonitoringDue *self = (OporaMonitoringDue *)object;

  g_clear_pointer (&self->contract_number, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->due_on, g_free);

  G_OBJECT_CLASS (opora_monitoring_due_parent_class)->finalize (object);
}

static void
opora_monitoring_due_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OporaMonitoringDue *self = OPORA_MONITORING_DUE (object);

  switch (prop_id)
    {
    case DUE_PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;
    case DUE_PROP_CONTRACT_NUMBER:
      g_value_set_string (value, self->contract_number);
      break;
    case DUE_PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case DUE_PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case DUE_PROP_MONTH_NO:
      g_value_set_int (value, self->month_no);
      break;
    case DUE_PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;
    case DUE_PROP_DUE_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->due_on));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_monitoring_due_class_init (OporaMonitoringDueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_monitoring_due_finalize;
  object_class->get_property = opora_monitoring_due_get_property;

  due_properties[DUE_PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  due_properties[DUE_PROP_CONTRACT_NUMBER] =
    g_param_spec_string ("contract-number", NULL, NULL, NULL, ro);
  due_properties[DUE_PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  due_properties[DUE_PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, ro);
  due_properties[DUE_PROP_MONTH_NO] =
    g_param_spec_int ("month-no", NULL, NULL, 1, OPORA_MONITORING_MONTHS, 1, ro);
  due_properties[DUE_PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, ro);
  due_properties[DUE_PROP_DUE_ON_DISPLAY] =
    g_param_spec_string ("due-on-display", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, DUE_N_PROPS, due_properties);
}

static void
opora_monitoring_due_init (OporaMonitoringDue *self)
{
}

OporaMonitoringDue *
opora_monitoring_due_new (gint64      contract_id,
                          const char *number,
                          gint64      person_id,
                          const char *person_name,
                          int         month_no,
                          const char *due_on)
{
  OporaMonitoringDue *self = g_object_new (OPORA_TYPE_MONITORING_DUE, NULL);

  self->contract_id = contract_id;
  self->contract_number = g_strdup (number);
  self->person_id = person_id;
  self->person_name = g_strdup (person_name);
  self->month_no = month_no;
  self->due_on = g_strdup (due_on);
  return self;
}

gint64
opora_monitoring_due_get_contract_id (OporaMonitoringDue *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_DUE (self), 0);
  return self->contract_id;
}

const char *
opora_monitoring_due_get_contract_number (OporaMonitoringDue *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_DUE (self), NULL);
  return self->contract_number;
}

gint64
opora_monitoring_due_get_person_id (OporaMonitoringDue *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_DUE (self), 0);
  return self->person_id;
}

const char *
opora_monitoring_due_get_person_name (OporaMonitoringDue *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_DUE (self), NULL);
  return self->person_name;
}

int
opora_monitoring_due_get_month_no (OporaMonitoringDue *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_DUE (self), 0);
  return self->month_no;
}

const char *
opora_monitoring_due_get_due_on (OporaMonitoringDue *self)
{
  g_return_val_if_fail (OPORA_IS_MONITORING_DUE (self), NULL);
  return self->due_on;
}
