#define G_LOG_DOMAIN "opora-sections"

#include "opora-contracts-page.h"
#include "opora-families-page.h"
#include "opora-organisations-page.h"
#include "opora-persons-page.h"
#include "opora-sections.h"
#include "opora-staff-page.h"

void
opora_sections_add_all (OporaWindow *window)
{
  OporaStore *store;

  g_return_if_fail (OPORA_IS_WINDOW (window));

  store = opora_window_get_store (window);

  /* The registry sections know their titles and icons (opora_window_add_page). */
  opora_window_add_page (window, "persons", NULL, NULL,
                         opora_persons_page_new (store));
  opora_window_add_page (window, "families", NULL, NULL,
                         opora_families_page_new (store));
  opora_window_add_page (window, "contracts", NULL, NULL,
                         opora_contracts_page_new (store));
  opora_window_add_page (window, "organisations", NULL, NULL,
                         opora_organisations_page_new (store));
  opora_window_add_page (window, "staff", NULL, NULL,
                         opora_staff_page_new (store));
}
