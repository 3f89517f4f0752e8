/* Preferences: "Who I am", the staff member at this desk, recorded as the author of every
 * change made from it. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

AdwPreferencesGroup *opora_author_group_new (OporaStore *store);

G_END_DECLS
