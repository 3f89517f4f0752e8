/* The sections of the main window, in the order of the sidebar. */
#pragma once

#include "opora-window.h"

G_BEGIN_DECLS

/* Adds every section that is built to @window, each showing @window's store. */
void opora_sections_add_all (OporaWindow *window);

G_END_DECLS
