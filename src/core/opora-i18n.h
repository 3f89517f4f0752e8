/* Gettext set-up shared by the window, the CLI and the tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the "opora" text domain: to $OPORA_LOCALEDIR when set (a development build,
 * where the .mo files are under build/po/), else to the installed locale folder. */
void opora_i18n_init (void);

G_END_DECLS
