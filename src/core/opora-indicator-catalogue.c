#define G_LOG_DOMAIN "opora-indicator-catalogue"

#include <glib/gi18n.h>

#include "opora-indicator-catalogue.h"

#define SHARE    OPORA_INDICATOR_KIND_SHARE
#define COUNT    OPORA_INDICATOR_KIND_COUNT
#define AT_LEAST OPORA_INDICATOR_AT_LEAST
#define NONE     OPORA_INDICATOR_NO_TARGET
#define PERSONS  OPORA_INDICATOR_UNIT_PERSONS

/* The SPEC's table, in its order, technology by technology (opora_indicator_catalogue_list
 * hands out runs of it). The targets are the seeds' figures: «не менее 60 %» is ≥ 0.60. */
static const OporaIndicatorDef catalogue[] = {
  /* «Равный – равному», seed 000 */
  { "peer.surveyed", OPORA_TECHNOLOGY_PEER, SHARE, AT_LEAST, PERSONS, 1.00,
    NC_("indicator", "Surveyed on consent to exchange experience"),
    NC_("indicator", "Contract holders with a response to the seed survey"),
    NC_("indicator", "Contract holders") },
  { "peer.groups_held", OPORA_TECHNOLOGY_PEER, SHARE, AT_LEAST, OPORA_INDICATOR_UNIT_GROUPS, 1.00,
    NC_("indicator", "Exchange meetings held"),
    NC_("indicator", "Peer groups formed in the period whose meeting was held"),
    NC_("indicator", "Peer groups formed in the period") },
  { "peer.participation", OPORA_TECHNOLOGY_PEER, SHARE, AT_LEAST, PERSONS, 0.60,
    NC_("indicator", "Took part in exchange"),
    NC_("indicator", "Persons who wished to use others' experience and attended a held meeting"),
    NC_("indicator", "Persons who wished") },
  { "peer.followed_up", OPORA_TECHNOLOGY_PEER, SHARE, AT_LEAST, PERSONS, 1.00,
    NC_("indicator", "Followed up by phone"),
    NC_("indicator", "Meeting attendees with a follow-up call recorded"),
    NC_("indicator", "Meeting attendees whose call was due by the end of the period") },
  { "peer.improved", OPORA_TECHNOLOGY_PEER, SHARE, AT_LEAST, PERSONS, 0.60,
    NC_("indicator", "Situation improved"),
    NC_("indicator", "Attendees whose follow-up says “better”"),
    NC_("indicator", "Attendees") },
  { "peer.satisfied", OPORA_TECHNOLOGY_PEER, SHARE, AT_LEAST, PERSONS, 0.95,
    NC_("indicator", "Satisfied"),
    NC_("indicator", "Attendees who said they are satisfied"),
    NC_("indicator", "Attendees") },

  /* «Социальный агент», seed 001 */
  { "agent.registered", OPORA_TECHNOLOGY_AGENT, SHARE, AT_LEAST, PERSONS, NONE,
    NC_("indicator", "Agents registered"),
    NC_("indicator", "Active citizens found in the period and entered in the register"),
    NC_("indicator", "Active citizens found in the period") },
  { "agent.helped", OPORA_TECHNOLOGY_AGENT, SHARE, AT_LEAST, PERSONS, NONE,
    NC_("indicator", "Helped by an agent"),
    NC_("indicator", "Contract holders with at least one help record"),
    NC_("indicator", "Contract holders") },
  { "agent.trained", OPORA_TECHNOLOGY_AGENT, SHARE, AT_LEAST, PERSONS, 0.95,
    NC_("indicator", "Agents trained"),
    NC_("indicator", "Agents in the register at the end of the period who attended "
                     "an agents' training"),
    NC_("indicator", "Agents in the register at the end of the period") },
  { "agent.silver", OPORA_TECHNOLOGY_AGENT, SHARE, AT_LEAST, PERSONS, NONE,
    NC_("indicator", "Completed the “Silver Age Volunteers” course"),
    NC_("indicator", "Applicants in the period who completed"),
    NC_("indicator", "Applicants in the period") },
  { "agent.agreements", OPORA_TECHNOLOGY_AGENT, SHARE, AT_LEAST,
    OPORA_INDICATOR_UNIT_ORGANISATIONS, NONE,
    NC_("indicator", "Organisations with an agreement"),
    NC_("indicator", "Partner organisations helping in the period with an agreement in force"),
    NC_("indicator", "Partner organisations helping in the period") },
  { "agent.assigned", OPORA_TECHNOLOGY_AGENT, SHARE, AT_LEAST, PERSONS, NONE,
    NC_("indicator", "Assigned an agent"),
    NC_("indicator", "Contract holders needing an agent who have one"),
    NC_("indicator", "Contract holders needing an agent") },
  { "agent.programmes", OPORA_TECHNOLOGY_AGENT, SHARE, AT_LEAST, OPORA_INDICATOR_UNIT_CONTRACTS,
    NONE,
    NC_("indicator", "Adaptation programmes fully completed"),
    NC_("indicator", "Ended contracts with the programme fully completed"),
    NC_("indicator", "Ended contracts") },

  /* «Социальный лифт», seed 002 */
  { "lift.analysed", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 1.00,
    NC_("indicator", "Adaptation programmes analysed"),
    NC_("indicator", "Contract holders whose programme was analysed"),
    NC_("indicator", "Contract holders") },
  /* «Заключены соглашения с 4 учреждениями и организациями»: a count, not a share. */
  { "lift.agreements", OPORA_TECHNOLOGY_LIFT, COUNT, AT_LEAST,
    OPORA_INDICATOR_UNIT_ORGANISATIONS, 4,
    NC_("indicator", "Agreements with organisations"),
    NC_("indicator", "Partner organisations with an agreement in force at the end of the period"),
    NULL },
  { "lift.employed", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 0.50,
    NC_("indicator", "Employed"),
    NC_("indicator", "Participants whose employment measure is done"),
    NC_("indicator", "Participants with an employment measure") },
  { "lift.retrained", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 0.80,
    NC_("indicator", "Trained or retrained"),
    NC_("indicator", "Participants whose training measure is done"),
    NC_("indicator", "Participants with a training measure") },
  { "lift.finlit_course", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 0.60,
    NC_("indicator", "Financial literacy course completed"),
    NC_("indicator", "Participants whose financial literacy measure is done"),
    NC_("indicator", "Participants with a financial literacy measure") },
  { "lift.finlit_informed", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 1.00,
    NC_("indicator", "Informed of online financial literacy resources"),
    NC_("indicator", "Participants with a financial literacy measure who were informed"),
    NC_("indicator", "Participants with a financial literacy measure") },
  { "lift.surveyed", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 1.00,
    NC_("indicator", "Surveyed among those needing a higher status"),
    NC_("indicator", "Participants with low income identified who have a survey response"),
    NC_("indicator", "Participants with low income identified") },
  { "lift.trained", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 0.60,
    NC_("indicator", "Took part in psychological trainings"),
    NC_("indicator", "Participants who answered Q1 = yes and attended a held psychological "
                     "training"),
    NC_("indicator", "Participants who answered Q1 = yes") },
  { "lift.recorded", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 1.00,
    NC_("indicator", "Outcome recorded in the contract registry"),
    NC_("indicator", "Participants whose ended contract has its outcome entered"),
    NC_("indicator", "Participants with an ended contract") },
  { "lift.programmes", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, OPORA_INDICATOR_UNIT_CONTRACTS,
    0.83,
    NC_("indicator", "Adaptation programmes fully completed"),
    NC_("indicator", "Ended contracts of participants fully completed"),
    NC_("indicator", "Ended contracts of participants") },
  { "lift.status", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 0.80,
    NC_("indicator", "Social status raised"),
    NC_("indicator", "Participants with an ended contract whose status rose"),
    NC_("indicator", "Participants with an ended contract") },
  { "lift.satisfied", OPORA_TECHNOLOGY_LIFT, SHARE, AT_LEAST, PERSONS, 0.75,
    NC_("indicator", "Satisfied"),
    NC_("indicator", "Participants who said they are satisfied"),
    NC_("indicator", "Participants") },

  /* Social mediation, seed 003 */
  { "mediation.helped", OPORA_TECHNOLOGY_MEDIATION, SHARE, AT_LEAST, OPORA_INDICATOR_UNIT_CASES,
    NONE,
    NC_("indicator", "Help received"),
    NC_("indicator", "Closed mediation cases with help received"),
    NC_("indicator", "Closed mediation cases") },
  { "mediation.independent", OPORA_TECHNOLOGY_MEDIATION, SHARE, AT_LEAST,
    OPORA_INDICATOR_UNIT_CASES, NONE,
    NC_("indicator", "Acted independently"),
    NC_("indicator", "Closed cases whose last stage the citizen did alone"),
    NC_("indicator", "Closed mediation cases") },

  /* Mentoring by NGO volunteers, seed 004 */
  { "mentoring.covered", OPORA_TECHNOLOGY_MENTORING, SHARE, AT_LEAST,
    OPORA_INDICATOR_UNIT_FAMILIES, NONE,
    NC_("indicator", "Families with a mentor"),
    NC_("indicator", "Families with a mentorship active at the end of the period"),
    NC_("indicator", "Families with minor children taking part in mentoring at the end "
                     "of the period") },
  { "mentoring.completed", OPORA_TECHNOLOGY_MENTORING, SHARE, AT_LEAST,
    OPORA_INDICATOR_UNIT_MENTORSHIPS, NONE,
    NC_("indicator", "Mentorships completed without replacement"),
    NC_("indicator", "Mentorships ended in the period that ran their term with one mentor"),
    NC_("indicator", "Mentorships ended in the period") },
};

const OporaIndicatorDef *
opora_indicator_catalogue_get (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (g_str_equal (catalogue[i].id, id))
      return &catalogue[i];
  return NULL;
}

const OporaIndicatorDef *
opora_indicator_catalogue_list (OporaTechnology  technology,
                                guint           *n_defs)
{
  const OporaIndicatorDef *first = NULL;
  guint n = 0;

  g_return_val_if_fail (n_defs != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (catalogue[i].technology == technology)
      {
        if (first == NULL)
          first = &catalogue[i];
        g_assert (&catalogue[i] == first + n); /* each technology's run is unbroken */
        n++;
      }
  *n_defs = n;
  return first;
}

const OporaIndicatorDef *
opora_indicator_catalogue_all (guint *n_defs)
{
  g_return_val_if_fail (n_defs != NULL, NULL);

  *n_defs = G_N_ELEMENTS (catalogue);
  return catalogue;
}

const char *
opora_indicator_def_get_title (const OporaIndicatorDef *def)
{
  g_return_val_if_fail (def != NULL, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "indicator", def->title);
}

const char *
opora_indicator_def_get_numerator (const OporaIndicatorDef *def)
{
  g_return_val_if_fail (def != NULL, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "indicator", def->numerator);
}

const char *
opora_indicator_def_get_denominator (const OporaIndicatorDef *def)
{
  g_return_val_if_fail (def != NULL, NULL);
  if (def->denominator == NULL)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, "indicator", def->denominator);
}

OporaIndicatorResult *
opora_indicator_def_new_result (const OporaIndicatorDef *def,
                                const char              *from,
                                const char              *to,
                                guint                    numerator,
                                guint                    denominator)
{
  g_return_val_if_fail (def != NULL, NULL);

  return opora_indicator_result_new (def->id, def->kind, def->direction, from, to,
                                     numerator, denominator, def->default_target);
}
