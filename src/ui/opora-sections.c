#define G_LOG_DOMAIN "opora-sections"

#include <glib/gi18n.h>

#include "opora-contract-enums.h"
#include "opora-contracts-page.h"
#include "opora-families-page.h"
#include "opora-indicators-page.h"
#include "opora-organisations-page.h"
#include "opora-peer-page.h"
#include "opora-persons-page.h"
#include "opora-sections.h"
#include "opora-staff-page.h"
#include "opora-surveys-page.h"

void
opora_sections_add_all (OporaWindow *window)
{
  g_return_if_fail (OPORA_IS_WINDOW (window));

  /* The registry sections know their titles and icons (opora_window_add_page). Each is
   * built when first shown, so the first frame waits for one page only. */
  opora_window_add_lazy_page (window, "persons", NULL, NULL, opora_persons_page_new);
  opora_window_add_lazy_page (window, "families", NULL, NULL, opora_families_page_new);
  opora_window_add_lazy_page (window, "contracts", NULL, NULL, opora_contracts_page_new);
  /* The technologies' workflows, the surveys they share, and how they meet their targets. */
  opora_window_add_lazy_page (window, "peer",
                              opora_technology_display_name (OPORA_TECHNOLOGY_PEER),
                              "system-users-symbolic", opora_peer_page_new);
  opora_window_add_lazy_page (window, "surveys", C_("survey", "Surveys"),
                              "document-edit-symbolic", opora_surveys_page_new);
  opora_window_add_lazy_page (window, "indicators", C_("chart heading", "Indicators"),
                              "opora-chart-symbolic", opora_indicators_page_new);
  opora_window_add_lazy_page (window, "organisations", NULL, NULL, opora_organisations_page_new);
  opora_window_add_lazy_page (window, "staff", NULL, NULL, opora_staff_page_new);

  /* "New …" from the welcome and the window's menus, whether or not the page is built. */
  opora_window_add_section_action (window, "new-person", "persons", "persons.new");
  opora_window_add_section_action (window, "new-family", "families", "families.new");
  opora_window_add_section_action (window, "new-contract", "contracts", "contracts.new");
  opora_window_add_section_action (window, "new-survey", "surveys", "surveys.new");
  opora_window_add_section_action (window, "new-organisation", "organisations",
                                   "organisations.new");
  opora_window_add_section_action (window, "new-staff", "staff", "staff.new");
}
