/* The GUI entry: opora [--database PATH] */
#define G_LOG_DOMAIN "opora"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "opora-application.h"
#include "opora-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OporaApplication) app = NULL;

#ifdef __GLIBC__
  /* One malloc arena for every thread. Each thread that allocates (GTK's icon loaders, the
   * worker that counts a broad search) otherwise gets an arena of its own that keeps what
   * it freed: a count of a million matches left ~15 MB behind, the peak RSS over 150 MB. */
  mallopt (M_ARENA_MAX, 1);
#endif

  opora_i18n_init ();

  app = opora_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
