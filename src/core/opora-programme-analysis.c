#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-programme-analysis.h"

struct _OporaProgrammeAnalysis
{
  GObject   parent_instance;

  gint64    contract_id;
  char     *analysed_on;
  char     *needs;
  char     *proposals;
  gboolean  done;
  gboolean  low_income;
};

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_DONE,
  PROP_ANALYSED_ON,
  PROP_LOW_INCOME,
  PROP_NEEDS,
  PROP_PROPOSALS,
  PROP_ANALYSED_ON_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaProgrammeAnalysis, opora_programme_analysis, G_TYPE_OBJECT)

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
opora_programme_analysis_finalize (GObject *object)
{
  OporaProgrammeAnalysis *self = (OporaProgrammeAnalysis *)object;

  g_clear_pointer (&self->analysed_on, g_free);
  g_clear_pointer (&self->needs, g_free);
  g_clear_pointer (&self->proposals, g_free);

  G_OBJECT_CLASS (opora_programme_analysis_parent_class)->finalize (object);
}

static void
opora_programme_analysis_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  OporaProgrammeAnalysis *self = OPORA_PROGRAMME_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      g_value_set_int64 (value, self->contract_id);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_ANALYSED_ON:
      g_value_set_string (value, self->analysed_on);
      break;
    case PROP_LOW_INCOME:
      g_value_set_boolean (value, self->low_income);
      break;
    case PROP_NEEDS:
      g_value_set_string (value, self->needs);
      break;
    case PROP_PROPOSALS:
      g_value_set_string (value, self->proposals);
      break;
    case PROP_ANALYSED_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->analysed_on));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_programme_analysis_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  OporaProgrammeAnalysis *self = OPORA_PROGRAMME_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:
      opora_programme_analysis_set_contract_id (self, g_value_get_int64 (value));
      break;
    case PROP_DONE:
      opora_programme_analysis_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_ANALYSED_ON:
      opora_programme_analysis_set_analysed_on (self, g_value_get_string (value));
      break;
    case PROP_LOW_INCOME:
      opora_programme_analysis_set_low_income (self, g_value_get_boolean (value));
      break;
    case PROP_NEEDS:
      opora_programme_analysis_set_needs (self, g_value_get_string (value));
      break;
    case PROP_PROPOSALS:
      opora_programme_analysis_set_proposals (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_programme_analysis_class_init (OporaProgrammeAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_programme_analysis_finalize;
  object_class->get_property = opora_programme_analysis_get_property;
  object_class->set_property = opora_programme_analysis_set_property;

  properties[PROP_CONTRACT_ID] =
    g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, rw);
  properties[PROP_ANALYSED_ON] = g_param_spec_string ("analysed-on", NULL, NULL, NULL, rw);
  properties[PROP_LOW_INCOME] = g_param_spec_boolean ("low-income", NULL, NULL, FALSE, rw);
  properties[PROP_NEEDS] = g_param_spec_string ("needs", NULL, NULL, NULL, rw);
  properties[PROP_PROPOSALS] = g_param_spec_string ("proposals", NULL, NULL, NULL, rw);
  properties[PROP_ANALYSED_ON_DISPLAY] =
    g_param_spec_string ("analysed-on-display", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_programme_analysis_init (OporaProgrammeAnalysis *self)
{
}

OporaProgrammeAnalysis *
opora_programme_analysis_new (void)
{
  return g_object_new (OPORA_TYPE_PROGRAMME_ANALYSIS, NULL);
}

OporaProgrammeAnalysis *
opora_programme_analysis_copy (OporaProgrammeAnalysis *self)
{
  OporaProgrammeAnalysis *copy;

  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), NULL);

  copy = opora_programme_analysis_new ();
  copy->contract_id = self->contract_id;
  copy->done = self->done;
  copy->analysed_on = g_strdup (self->analysed_on);
  copy->low_income = self->low_income;
  copy->needs = g_strdup (self->needs);
  copy->proposals = g_strdup (self->proposals);
  return copy;
}

gint64
opora_programme_analysis_get_contract_id (OporaProgrammeAnalysis *self)
{
  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), 0);
  return self->contract_id;
}

void
opora_programme_analysis_set_contract_id (OporaProgrammeAnalysis *self,
                                          gint64                  id)
{
  g_return_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self));
  if (self->contract_id == id)
    return;
  self->contract_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT_ID]);
}

gboolean
opora_programme_analysis_get_done (OporaProgrammeAnalysis *self)
{
  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), FALSE);
  return self->done;
}

void
opora_programme_analysis_set_done (OporaProgrammeAnalysis *self,
                                   gboolean                done)
{
  g_return_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self));
  done = !!done;
  if (self->done == done)
    return;
  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

const char *
opora_programme_analysis_get_analysed_on (OporaProgrammeAnalysis *self)
{
  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), NULL);
  return self->analysed_on;
}

void
opora_programme_analysis_set_analysed_on (OporaProgrammeAnalysis *self,
                                          const char             *iso)
{
  g_return_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self));
  if (!replace_text (&self->analysed_on, iso))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSED_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSED_ON_DISPLAY]);
}

gboolean
opora_programme_analysis_get_low_income (OporaProgrammeAnalysis *self)
{
  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), FALSE);
  return self->low_income;
}

void
opora_programme_analysis_set_low_income (OporaProgrammeAnalysis *self,
                                         gboolean                low)
{
  g_return_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self));
  low = !!low;
  if (self->low_income == low)
    return;
  self->low_income = low;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOW_INCOME]);
}

const char *
opora_programme_analysis_get_needs (OporaProgrammeAnalysis *self)
{
  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), NULL);
  return self->needs;
}

void
opora_programme_analysis_set_needs (OporaProgrammeAnalysis *self,
                                    const char             *needs)
{
  g_return_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self));
  if (replace_text (&self->needs, needs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS]);
}

const char *
opora_programme_analysis_get_proposals (OporaProgrammeAnalysis *self)
{
  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), NULL);
  return self->proposals;
}

void
opora_programme_analysis_set_proposals (OporaProgrammeAnalysis *self,
                                        const char             *text)
{
  g_return_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self));
  if (replace_text (&self->proposals, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPOSALS]);
}

gboolean
opora_programme_analysis_validate (OporaProgrammeAnalysis  *self,
                                   const char             **field,
                                   GError                 **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_PROGRAMME_ANALYSIS (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->analysed_on != NULL && !opora_date_is_valid_iso (self->analysed_on))
    {
      *field = "analysed-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("The date of the analysis is not a calendar date"));
      return FALSE;
    }
  if (self->done && self->analysed_on == NULL)
    {
      *field = "analysed-on";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("A done analysis needs the date it was done"));
      return FALSE;
    }
  return TRUE;
}
