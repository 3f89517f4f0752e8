/* Preferences: the institution's details and, as groups added by their owners, whatever
 * else a desk sets up once ("who I am", …). */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PREFERENCES_WINDOW (opora_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (OporaPreferencesWindow, opora_preferences_window,
                      OPORA, PREFERENCES_WINDOW, AdwPreferencesWindow)

OporaPreferencesWindow *opora_preferences_window_new       (GtkWindow              *parent,
                                                            OporaStore             *store);
OporaStore             *opora_preferences_window_get_store (OporaPreferencesWindow *self);

/* Appends @group to the General page, below the institution. */
void                    opora_preferences_window_add_group (OporaPreferencesWindow *self,
                                                            AdwPreferencesGroup    *group);

/* Saves the institution's fields as they stand in the window, in one transaction. Nothing
 * is written when nothing changed. Done by the rows' apply buttons and when the window
 * closes, so typed text is never lost. */
gboolean                opora_preferences_window_save      (OporaPreferencesWindow *self,
                                                            GError                **error);

G_END_DECLS
