/* The GUI entry: opora [--database PATH] */
#define G_LOG_DOMAIN "opora"

#include <glib/gi18n.h>
#include <locale.h>

#include "opora-application.h"
#include "opora-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OporaApplication) app = NULL;

  opora_i18n_init ();

  app = opora_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
