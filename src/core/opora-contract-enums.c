#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-contract-enums.h"

/* The nick of each value is the text stored in the database; NONE values have no nick of
 * their own ("none") and are never stored. Display names carry a context: short words
 * such as "Other" or "Done" translate differently for other things in Russian. */

G_DEFINE_ENUM_TYPE (OporaContractStatus, opora_contract_status,
                    G_DEFINE_ENUM_VALUE (OPORA_CONTRACT_STATUS_ACTIVE, "active"),
                    G_DEFINE_ENUM_VALUE (OPORA_CONTRACT_STATUS_COMPLETED, "completed"),
                    G_DEFINE_ENUM_VALUE (OPORA_CONTRACT_STATUS_TERMINATED, "terminated"))

G_DEFINE_ENUM_TYPE (OporaMeasureType, opora_measure_type,
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_EMPLOYMENT, "employment"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_TRAINING, "training"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_ENTREPRENEURSHIP, "entrepreneurship"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_SUBSIDIARY_FARM, "subsidiary_farm"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_FINANCIAL_LITERACY,
                                         "financial_literacy"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_ALIMONY, "alimony"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_KINDERGARTEN, "kindergarten"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_TYPE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (OporaMeasureStatus, opora_measure_status,
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_STATUS_PLANNED, "planned"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_STATUS_IN_PROGRESS, "in_progress"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_STATUS_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEASURE_STATUS_NOT_DONE, "not_done"))

G_DEFINE_ENUM_TYPE (OporaSituation, opora_situation,
                    G_DEFINE_ENUM_VALUE (OPORA_SITUATION_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_SITUATION_BETTER, "better"),
                    G_DEFINE_ENUM_VALUE (OPORA_SITUATION_UNCHANGED, "unchanged"),
                    G_DEFINE_ENUM_VALUE (OPORA_SITUATION_WORSE, "worse"))

G_DEFINE_ENUM_TYPE (OporaTechnology, opora_technology,
                    G_DEFINE_ENUM_VALUE (OPORA_TECHNOLOGY_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_TECHNOLOGY_PEER, "peer"),
                    G_DEFINE_ENUM_VALUE (OPORA_TECHNOLOGY_AGENT, "agent"),
                    G_DEFINE_ENUM_VALUE (OPORA_TECHNOLOGY_LIFT, "lift"),
                    G_DEFINE_ENUM_VALUE (OPORA_TECHNOLOGY_MEDIATION, "mediation"),
                    G_DEFINE_ENUM_VALUE (OPORA_TECHNOLOGY_MENTORING, "mentoring"))

G_DEFINE_ENUM_TYPE (OporaSatisfied, opora_satisfied,
                    G_DEFINE_ENUM_VALUE (OPORA_SATISFIED_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OPORA_SATISFIED_YES, "yes"),
                    G_DEFINE_ENUM_VALUE (OPORA_SATISFIED_NO, "no"))

typedef struct
{
  const char *context;
  const char *msgid;
} Name;

static const Name contract_status_names[] = {
  { "contract status", NC_("contract status", "Active") },
  { "contract status", NC_("contract status", "Completed") },
  { "contract status", NC_("contract status", "Terminated early") },
};

static const Name measure_type_names[] = {
  { "measure type", NC_("measure type", "Not chosen") },
  { "measure type", NC_("measure type", "Employment") },
  { "measure type", NC_("measure type", "Vocational training or retraining") },
  { "measure type", NC_("measure type", "Entrepreneurship or self-employment") },
  { "measure type", NC_("measure type", "Personal subsidiary farm") },
  { "measure type", NC_("measure type", "Financial literacy") },
  { "measure type", NC_("measure type", "Alimony") },
  { "measure type", NC_("measure type", "Kindergarten place") },
  { "measure type", NC_("measure type", "Other") },
};

static const Name measure_status_names[] = {
  { "measure status", NC_("measure status", "Planned") },
  { "measure status", NC_("measure status", "In progress") },
  { "measure status", NC_("measure status", "Done") },
  { "measure status", NC_("measure status", "Not done") },
};

static const Name situation_names[] = {
  { "situation", NC_("situation", "Not chosen") },
  { "situation", NC_("situation", "Better") },
  { "situation", NC_("situation", "Unchanged") },
  { "situation", NC_("situation", "Worse") },
};

static const Name technology_names[] = {
  { "technology", NC_("technology", "Not chosen") },
  { "technology", NC_("technology", "Peer to peer") },
  { "technology", NC_("technology", "Social agent") },
  { "technology", NC_("technology", "Social lift") },
  { "technology", NC_("technology", "Social mediation") },
  { "technology", NC_("technology", "Mentoring by NGO volunteers") },
};

static const Name satisfied_names[] = {
  { "satisfied", NC_("satisfied", "Unknown") },
  { "satisfied", NC_("satisfied", "Yes") },
  { "satisfied", NC_("satisfied", "No") },
};

static const char *
name_of (const Name *names,
         guint       n_names,
         int         value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, names[value].context, names[value].msgid);
}

/* NONE values ("none") are not stored, so they read and write as nothing. */
static const char *
nick_of (GType type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  if (v == NULL || g_str_equal (v->value_nick, "none"))
    return NULL;
  return v->value_nick; /* static: the class data lives as long as the type */
}

static gboolean
value_of (GType       type,
          const char *text,
          int        *out)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (text == NULL || g_str_equal (text, "none"))
    return FALSE;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, text);
  if (v == NULL)
    return FALSE;
  *out = v->value;
  return TRUE;
}

#define DEFINE_CONVERSIONS(Type, prefix, TYPE_MACRO, names)                     \
  const char *                                                                  \
  prefix##_to_string (Type value)                                               \
  {                                                                             \
    return nick_of (TYPE_MACRO, (int) value);                                   \
  }                                                                             \
  gboolean                                                                      \
  prefix##_from_string (const char *text,                                       \
                        Type       *out)                                        \
  {                                                                             \
    int value;                                                                  \
                                                                                \
    g_return_val_if_fail (out != NULL, FALSE);                                  \
    if (!value_of (TYPE_MACRO, text, &value))                                   \
      return FALSE;                                                             \
    *out = (Type) value;                                                        \
    return TRUE;                                                                \
  }                                                                             \
  const char *                                                                  \
  prefix##_display_name (Type value)                                            \
  {                                                                             \
    return name_of (names, G_N_ELEMENTS (names), (int) value);                  \
  }

DEFINE_CONVERSIONS (OporaContractStatus, opora_contract_status, OPORA_TYPE_CONTRACT_STATUS,
                    contract_status_names)
DEFINE_CONVERSIONS (OporaMeasureType, opora_measure_type, OPORA_TYPE_MEASURE_TYPE,
                    measure_type_names)
DEFINE_CONVERSIONS (OporaMeasureStatus, opora_measure_status, OPORA_TYPE_MEASURE_STATUS,
                    measure_status_names)
DEFINE_CONVERSIONS (OporaSituation, opora_situation, OPORA_TYPE_SITUATION, situation_names)
DEFINE_CONVERSIONS (OporaTechnology, opora_technology, OPORA_TYPE_TECHNOLOGY, technology_names)

const char *
opora_satisfied_display_name (OporaSatisfied satisfied)
{
  return name_of (satisfied_names, G_N_ELEMENTS (satisfied_names), (int) satisfied);
}
