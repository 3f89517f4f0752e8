/* The rules a social contract and what it owns must keep before the store writes them. */
#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-contract.h"
#include "opora-date.h"
#include "opora-error.h"

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

static gboolean
check_date (const char  *iso,
            const char  *name,
            const char  *message,
            const char **field,
            GError     **error)
{
  if (iso == NULL)
    {
      *field = name;
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED, "%s", message);
      return FALSE;
    }
  if (!opora_date_is_valid_iso (iso))
    {
      *field = name;
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                           _("Not a calendar date: enter it as DD.MM.YYYY"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_amount (double       amount,
              const char  *name,
              const char **field,
              GError     **error)
{
  if (OPORA_AMOUNT_IS_SET (amount) && amount < 0)
    {
      *field = name;
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                           _("An amount cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

gboolean
opora_contract_validate_fields (OporaContract  *self,
                                const char    **field,
                                GError        **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_CONTRACT (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (is_blank (opora_contract_get_number (self)))
    {
      *field = "number";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Enter the number of the contract"));
      return FALSE;
    }
  if (opora_contract_get_person_id (self) <= 0)
    {
      *field = "person-id";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the applicant"));
      return FALSE;
    }
  if (!check_date (opora_contract_get_concluded_on (self), "concluded-on",
                   _("Enter the date the contract was concluded"), field, error) ||
      !check_date (opora_contract_get_term_start (self), "term-start",
                   _("Enter the first day of the term"), field, error) ||
      !check_date (opora_contract_get_term_end (self), "term-end",
                   _("Enter the last day of the term"), field, error))
    return FALSE;
  /* ISO dates compare as text. */
  if (strcmp (opora_contract_get_term_end (self), opora_contract_get_term_start (self)) < 0)
    {
      *field = "term-end";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                           _("The term cannot end before it starts"));
      return FALSE;
    }
  if (opora_contract_get_status (self) == OPORA_CONTRACT_STATUS_TERMINATED &&
      is_blank (opora_contract_get_termination_reason (self)))
    {
      *field = "termination-reason";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("A contract terminated early needs the reason"));
      return FALSE;
    }
  if (!check_amount (opora_contract_get_income_start (self), "income-start", field, error) ||
      !check_amount (opora_contract_get_income_end (self), "income-end", field, error) ||
      !check_amount (opora_contract_get_subsistence_minimum (self), "subsistence-minimum",
                     field, error))
    return FALSE;
  return TRUE;
}

gboolean
opora_contract_validate (OporaContract  *self,
                         GObject       **object,
                         const char    **field,
                         GError        **error)
{
  GListModel *measures = opora_contract_get_measures (self);
  GListModel *acts = opora_contract_get_monitoring_acts (self);
  OporaProgrammeAnalysis *analysis = opora_contract_get_analysis (self);
  OporaOutcome *outcome = opora_contract_get_outcome (self);
  const char *term_end;
  const char *unused_field;
  GObject *unused_object;
  guint months_seen = 0;

  g_return_val_if_fail (OPORA_IS_CONTRACT (self), FALSE);

  if (field == NULL)
    field = &unused_field;
  if (object == NULL)
    object = &unused_object;
  *object = G_OBJECT (self);
  *field = NULL;

  if (!opora_contract_validate_fields (self, field, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(OporaMeasure) measure = g_list_model_get_item (measures, i);

      if (!opora_measure_validate (measure, field, error))
        {
          *object = G_OBJECT (measure);
          return FALSE;
        }
    }

  if (analysis != NULL && !opora_programme_analysis_validate (analysis, field, error))
    {
      *object = G_OBJECT (analysis);
      return FALSE;
    }
  if (outcome != NULL && !opora_outcome_validate (outcome, field, error))
    {
      *object = G_OBJECT (outcome);
      return FALSE;
    }

  /* Valid by now: the contract's own fields passed. */
  term_end = opora_contract_get_term_end (self);
  for (guint i = 0; i < g_list_model_get_n_items (acts); i++)
    {
      g_autoptr(OporaMonitoringAct) act = g_list_model_get_item (acts, i);
      int month;

      *object = G_OBJECT (act);
      if (!opora_monitoring_act_validate (act, field, error))
        return FALSE;
      if (strcmp (opora_monitoring_act_get_act_on (act), term_end) <= 0)
        {
          g_autofree char *end = opora_date_iso_to_display (term_end);

          *field = "act-on";
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                       _("A monitoring act is dated after the contract's end (%s)"), end);
          return FALSE;
        }
      month = opora_monitoring_act_get_month_no (act);
      if (months_seen & (1u << month))
        {
          *field = "month-no";
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE,
                       _("There is already a monitoring act for month %d"), month);
          return FALSE;
        }
      months_seen |= 1u << month;
    }

  *object = G_OBJECT (self);
  return TRUE;
}
