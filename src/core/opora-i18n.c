#define G_LOG_DOMAIN "opora-i18n"

#include <glib/gi18n.h>
#include <locale.h>

#include "opora-i18n.h"

void
opora_i18n_init (void)
{
  const char *localedir = g_getenv ("OPORA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : OPORA_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
