/* The application: command line, the database each window works on, app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OPORA_TYPE_APPLICATION (opora_application_get_type ())
G_DECLARE_FINAL_TYPE (OporaApplication, opora_application, OPORA, APPLICATION, AdwApplication)

OporaApplication *opora_application_new          (void);

/* A GSettings for ru.opora.Opora, or NULL when the schema is not installed (a build tree
 * run without GSETTINGS_SCHEMA_DIR): settings then simply are not remembered. */
GSettings        *opora_application_new_settings (void);

G_END_DECLS
