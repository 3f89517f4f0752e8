#define G_LOG_DOMAIN "opora-core"

#include "opora-contract.h"
#include "opora-date.h"

struct _OporaContract
{
  GObject                 parent_instance;

  gint64                  id;
  char                   *number;
  gint64                  person_id;
  gint64                  family_id;
  char                   *concluded_on;
  char                   *term_start;
  char                   *term_end;
  OporaContractStatus     status;
  char                   *termination_reason;
  gint64                  curator_id;
  double                  income_start;
  double                  income_end;
  double                  subsistence_minimum;
  char                   *hardship_causes;

  char                   *person_name;
  char                   *district;
  char                   *curator_name;

  GListStore             *measures;
  GListStore             *monitoring_acts;
  OporaProgrammeAnalysis *analysis;
  OporaOutcome           *outcome;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_PERSON_ID,
  PROP_FAMILY_ID,
  PROP_CONCLUDED_ON,
  PROP_TERM_START,
  PROP_TERM_END,
  PROP_STATUS,
  PROP_TERMINATION_REASON,
  PROP_CURATOR_ID,
  PROP_INCOME_START,
  PROP_INCOME_END,
  PROP_SUBSISTENCE_MINIMUM,
  PROP_HARDSHIP_CAUSES,
  PROP_PERSON_NAME,
  PROP_DISTRICT,
  PROP_CURATOR_NAME,
  PROP_CONCLUDED_ON_DISPLAY,
  PROP_TERM_START_DISPLAY,
  PROP_TERM_END_DISPLAY,
  PROP_TERM_DISPLAY,
  PROP_STATUS_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaContract, opora_contract, G_TYPE_OBJECT)

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
set_text (OporaContract  *self,
          char          **slot,
          const char     *value,
          guint           prop,
          guint           display_prop)
{
  if (!replace_text (slot, value))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (display_prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[display_prop]);
}

static void
set_id (OporaContract *self,
        gint64        *slot,
        gint64         value,
        guint          prop)
{
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_amount (OporaContract *self,
            double        *slot,
            double         value,
            guint          prop)
{
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static char *
format_term (OporaContract *self)
{
  g_autofree char *start = opora_date_iso_to_display (self->term_start);
  g_autofree char *end = opora_date_iso_to_display (self->term_end);

  if (start == NULL && end == NULL)
    return NULL;
  return g_strdup_printf ("%s – %s", start ? start : "…", end ? end : "…");
}

static void
opora_contract_dispose (GObject *object)
{
  OporaContract *self = (OporaContract *)object;

  g_clear_object (&self->measures);
  g_clear_object (&self->monitoring_acts);
  g_clear_object (&self->analysis);
  g_clear_object (&self->outcome);

  G_OBJECT_CLASS (opora_contract_parent_class)->dispose (object);
}

static void
opora_contract_finalize (GObject *object)
{
  OporaContract *self = (OporaContract *)object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->concluded_on, g_free);
  g_clear_pointer (&self->term_start, g_free);
  g_clear_pointer (&self->term_end, g_free);
  g_clear_pointer (&self->termination_reason, g_free);
  g_clear_pointer (&self->hardship_causes, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->curator_name, g_free);

  G_OBJECT_CLASS (opora_contract_parent_class)->finalize (object);
}

static void
opora_contract_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OporaContract *self = OPORA_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_FAMILY_ID:
      g_value_set_int64 (value, self->family_id);
      break;
    case PROP_CONCLUDED_ON:
      g_value_set_string (value, self->concluded_on);
      break;
    case PROP_TERM_START:
      g_value_set_string (value, self->term_start);
      break;
    case PROP_TERM_END:
      g_value_set_string (value, self->term_end);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TERMINATION_REASON:
      g_value_set_string (value, self->termination_reason);
      break;
    case PROP_CURATOR_ID:
      g_value_set_int64 (value, self->curator_id);
      break;
    case PROP_INCOME_START:
      g_value_set_double (value, self->income_start);
      break;
    case PROP_INCOME_END:
      g_value_set_double (value, self->income_end);
      break;
    case PROP_SUBSISTENCE_MINIMUM:
      g_value_set_double (value, self->subsistence_minimum);
      break;
    case PROP_HARDSHIP_CAUSES:
      g_value_set_string (value, self->hardship_causes);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;
    case PROP_CURATOR_NAME:
      g_value_set_string (value, self->curator_name);
      break;
    case PROP_CONCLUDED_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->concluded_on));
      break;
    case PROP_TERM_START_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->term_start));
      break;
    case PROP_TERM_END_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->term_end));
      break;
    case PROP_TERM_DISPLAY:
      g_value_take_string (value, format_term (self));
      break;
    case PROP_STATUS_DISPLAY:
      g_value_set_string (value, opora_contract_status_display_name (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_contract_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OporaContract *self = OPORA_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_contract_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NUMBER:
      opora_contract_set_number (self, g_value_get_string (value));
      break;
    case PROP_PERSON_ID:
      opora_contract_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_FAMILY_ID:
      opora_contract_set_family_id (self, g_value_get_int64 (value));
      break;
    case PROP_CONCLUDED_ON:
      opora_contract_set_concluded_on (self, g_value_get_string (value));
      break;
    case PROP_TERM_START:
      opora_contract_set_term_start (self, g_value_get_string (value));
      break;
    case PROP_TERM_END:
      opora_contract_set_term_end (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      opora_contract_set_status (self, g_value_get_enum (value));
      break;
    case PROP_TERMINATION_REASON:
      opora_contract_set_termination_reason (self, g_value_get_string (value));
      break;
    case PROP_CURATOR_ID:
      opora_contract_set_curator_id (self, g_value_get_int64 (value));
      break;
    case PROP_INCOME_START:
      opora_contract_set_income_start (self, g_value_get_double (value));
      break;
    case PROP_INCOME_END:
      opora_contract_set_income_end (self, g_value_get_double (value));
      break;
    case PROP_SUBSISTENCE_MINIMUM:
      opora_contract_set_subsistence_minimum (self, g_value_get_double (value));
      break;
    case PROP_HARDSHIP_CAUSES:
      opora_contract_set_hardship_causes (self, g_value_get_string (value));
      break;
    case PROP_PERSON_NAME:
      opora_contract_set_person_name (self, g_value_get_string (value));
      break;
    case PROP_DISTRICT:
      opora_contract_set_district (self, g_value_get_string (value));
      break;
    case PROP_CURATOR_NAME:
      opora_contract_set_curator_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_contract_class_init (OporaContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = opora_contract_dispose;
  object_class->finalize = opora_contract_finalize;
  object_class->get_property = opora_contract_get_property;
  object_class->set_property = opora_contract_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, rw);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FAMILY_ID] =
    g_param_spec_int64 ("family-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CONCLUDED_ON] = g_param_spec_string ("concluded-on", NULL, NULL, NULL, rw);
  properties[PROP_TERM_START] = g_param_spec_string ("term-start", NULL, NULL, NULL, rw);
  properties[PROP_TERM_END] = g_param_spec_string ("term-end", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, OPORA_TYPE_CONTRACT_STATUS,
                       OPORA_CONTRACT_STATUS_ACTIVE, rw);
  properties[PROP_TERMINATION_REASON] =
    g_param_spec_string ("termination-reason", NULL, NULL, NULL, rw);
  properties[PROP_CURATOR_ID] =
    g_param_spec_int64 ("curator-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* Any double, so a negative amount reaches the rule that names it. */
  properties[PROP_INCOME_START] =
    g_param_spec_double ("income-start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                         OPORA_AMOUNT_NONE, rw);
  properties[PROP_INCOME_END] =
    g_param_spec_double ("income-end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                         OPORA_AMOUNT_NONE, rw);
  properties[PROP_SUBSISTENCE_MINIMUM] =
    g_param_spec_double ("subsistence-minimum", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                         OPORA_AMOUNT_NONE, rw);
  properties[PROP_HARDSHIP_CAUSES] =
    g_param_spec_string ("hardship-causes", NULL, NULL, NULL, rw);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, NULL, rw);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, rw);
  properties[PROP_CURATOR_NAME] = g_param_spec_string ("curator-name", NULL, NULL, NULL, rw);
  properties[PROP_CONCLUDED_ON_DISPLAY] =
    g_param_spec_string ("concluded-on-display", NULL, NULL, NULL, ro);
  properties[PROP_TERM_START_DISPLAY] =
    g_param_spec_string ("term-start-display", NULL, NULL, NULL, ro);
  properties[PROP_TERM_END_DISPLAY] =
    g_param_spec_string ("term-end-display", NULL, NULL, NULL, ro);
  properties[PROP_TERM_DISPLAY] = g_param_spec_string ("term-display", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_DISPLAY] =
    g_param_spec_string ("status-display", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_contract_init (OporaContract *self)
{
  self->status = OPORA_CONTRACT_STATUS_ACTIVE;
  self->income_start = OPORA_AMOUNT_NONE;
  self->income_end = OPORA_AMOUNT_NONE;
  self->subsistence_minimum = OPORA_AMOUNT_NONE;
  self->measures = g_list_store_new (OPORA_TYPE_MEASURE);
  self->monitoring_acts = g_list_store_new (OPORA_TYPE_MONITORING_ACT);
}

OporaContract *
opora_contract_new (void)
{
  return g_object_new (OPORA_TYPE_CONTRACT, NULL);
}

OporaContract *
opora_contract_copy (OporaContract *self)
{
  OporaContract *copy;
  guint n;

  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);

  copy = opora_contract_new ();
  copy->id = self->id;
  copy->number = g_strdup (self->number);
  copy->person_id = self->person_id;
  copy->family_id = self->family_id;
  copy->concluded_on = g_strdup (self->concluded_on);
  copy->term_start = g_strdup (self->term_start);
  copy->term_end = g_strdup (self->term_end);
  copy->status = self->status;
  copy->termination_reason = g_strdup (self->termination_reason);
  copy->curator_id = self->curator_id;
  copy->income_start = self->income_start;
  copy->income_end = self->income_end;
  copy->subsistence_minimum = self->subsistence_minimum;
  copy->hardship_causes = g_strdup (self->hardship_causes);
  copy->person_name = g_strdup (self->person_name);
  copy->district = g_strdup (self->district);
  copy->curator_name = g_strdup (self->curator_name);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->measures));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaMeasure) measure = g_list_model_get_item (G_LIST_MODEL (self->measures), i);
      g_autoptr(OporaMeasure) measure_copy = opora_measure_copy (measure);

      g_list_store_append (copy->measures, measure_copy);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->monitoring_acts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaMonitoringAct) act =
        g_list_model_get_item (G_LIST_MODEL (self->monitoring_acts), i);
      g_autoptr(OporaMonitoringAct) act_copy = opora_monitoring_act_copy (act);

      g_list_store_append (copy->monitoring_acts, act_copy);
    }
  if (self->analysis != NULL)
    copy->analysis = opora_programme_analysis_copy (self->analysis);
  if (self->outcome != NULL)
    copy->outcome = opora_outcome_copy (self->outcome);
  return copy;
}

gint64
opora_contract_get_id (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), 0);
  return self->id;
}

void
opora_contract_set_id (OporaContract *self,
                       gint64         id)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_id (self, &self->id, id, PROP_ID);
}

const char *
opora_contract_get_number (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->number;
}

void
opora_contract_set_number (OporaContract *self,
                           const char    *number)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_text (self, &self->number, number, PROP_NUMBER, PROP_0);
}

gint64
opora_contract_get_person_id (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), 0);
  return self->person_id;
}

void
opora_contract_set_person_id (OporaContract *self,
                              gint64         id)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_id (self, &self->person_id, id, PROP_PERSON_ID);
}

gint64
opora_contract_get_family_id (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), 0);
  return self->family_id;
}

void
opora_contract_set_family_id (OporaContract *self,
                              gint64         id)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_id (self, &self->family_id, id, PROP_FAMILY_ID);
}

const char *
opora_contract_get_concluded_on (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->concluded_on;
}

void
opora_contract_set_concluded_on (OporaContract *self,
                                 const char    *iso)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_text (self, &self->concluded_on, iso, PROP_CONCLUDED_ON, PROP_CONCLUDED_ON_DISPLAY);
}

const char *
opora_contract_get_term_start (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->term_start;
}

void
opora_contract_set_term_start (OporaContract *self,
                               const char    *iso)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  if (!replace_text (&self->term_start, iso))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_START_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_DISPLAY]);
}

const char *
opora_contract_get_term_end (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->term_end;
}

void
opora_contract_set_term_end (OporaContract *self,
                             const char    *iso)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  if (!replace_text (&self->term_end, iso))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_END]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_END_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_DISPLAY]);
}

OporaContractStatus
opora_contract_get_status (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), OPORA_CONTRACT_STATUS_ACTIVE);
  return self->status;
}

void
opora_contract_set_status (OporaContract       *self,
                           OporaContractStatus  status)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DISPLAY]);
}

const char *
opora_contract_get_termination_reason (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->termination_reason;
}

void
opora_contract_set_termination_reason (OporaContract *self,
                                       const char    *reason)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_text (self, &self->termination_reason, reason, PROP_TERMINATION_REASON, PROP_0);
}

gint64
opora_contract_get_curator_id (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), 0);
  return self->curator_id;
}

void
opora_contract_set_curator_id (OporaContract *self,
                               gint64         id)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_id (self, &self->curator_id, id, PROP_CURATOR_ID);
}

double
opora_contract_get_income_start (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), OPORA_AMOUNT_NONE);
  return self->income_start;
}

void
opora_contract_set_income_start (OporaContract *self,
                                 double         amount)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_amount (self, &self->income_start, amount, PROP_INCOME_START);
}

double
opora_contract_get_income_end (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), OPORA_AMOUNT_NONE);
  return self->income_end;
}

void
opora_contract_set_income_end (OporaContract *self,
                               double         amount)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_amount (self, &self->income_end, amount, PROP_INCOME_END);
}

double
opora_contract_get_subsistence_minimum (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), OPORA_AMOUNT_NONE);
  return self->subsistence_minimum;
}

void
opora_contract_set_subsistence_minimum (OporaContract *self,
                                        double         amount)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_amount (self, &self->subsistence_minimum, amount, PROP_SUBSISTENCE_MINIMUM);
}

const char *
opora_contract_get_hardship_causes (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->hardship_causes;
}

void
opora_contract_set_hardship_causes (OporaContract *self,
                                    const char    *causes)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_text (self, &self->hardship_causes, causes, PROP_HARDSHIP_CAUSES, PROP_0);
}

const char *
opora_contract_get_person_name (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->person_name;
}

void
opora_contract_set_person_name (OporaContract *self,
                                const char    *name)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_text (self, &self->person_name, name, PROP_PERSON_NAME, PROP_0);
}

const char *
opora_contract_get_district (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->district;
}

void
opora_contract_set_district (OporaContract *self,
                             const char    *district)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_text (self, &self->district, district, PROP_DISTRICT, PROP_0);
}

const char *
opora_contract_get_curator_name (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->curator_name;
}

void
opora_contract_set_curator_name (OporaContract *self,
                                 const char    *name)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  set_text (self, &self->curator_name, name, PROP_CURATOR_NAME, PROP_0);
}

GListModel *
opora_contract_get_measures (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return G_LIST_MODEL (self->measures);
}

void
opora_contract_add_measure (OporaContract *self,
                            OporaMeasure  *measure)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  g_return_if_fail (OPORA_IS_MEASURE (measure));
  g_list_store_append (self->measures, measure);
}

void
opora_contract_remove_measure (OporaContract *self,
                               OporaMeasure  *measure)
{
  guint position;

  g_return_if_fail (OPORA_IS_CONTRACT (self));
  g_return_if_fail (OPORA_IS_MEASURE (measure));
  if (g_list_store_find (self->measures, measure, &position))
    g_list_store_remove (self->measures, position);
}

OporaProgrammeAnalysis *
opora_contract_get_analysis (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->analysis;
}

void
opora_contract_set_analysis (OporaContract          *self,
                             OporaProgrammeAnalysis *analysis)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  g_return_if_fail (analysis == NULL || OPORA_IS_PROGRAMME_ANALYSIS (analysis));
  g_set_object (&self->analysis, analysis);
}

OporaOutcome *
opora_contract_get_outcome (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return self->outcome;
}

void
opora_contract_set_outcome (OporaContract *self,
                            OporaOutcome  *outcome)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  g_return_if_fail (outcome == NULL || OPORA_IS_OUTCOME (outcome));
  g_set_object (&self->outcome, outcome);
}

GListModel *
opora_contract_get_monitoring_acts (OporaContract *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT (self), NULL);
  return G_LIST_MODEL (self->monitoring_acts);
}

void
opora_contract_add_monitoring_act (OporaContract      *self,
                                   OporaMonitoringAct *act)
{
  g_return_if_fail (OPORA_IS_CONTRACT (self));
  g_return_if_fail (OPORA_IS_MONITORING_ACT (act));
  g_list_store_append (self->monitoring_acts, act);
}

void
opora_contract_remove_monitoring_act (OporaContract      *self,
                                      OporaMonitoringAct *act)
{
  guint position;

  g_return_if_fail (OPORA_IS_CONTRACT (self));
  g_return_if_fail (OPORA_IS_MONITORING_ACT (act));
  if (g_list_store_find (self->monitoring_acts, act, &position))
    g_list_store_remove (self->monitoring_acts, position);
}
