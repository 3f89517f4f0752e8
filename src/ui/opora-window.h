/* The main window: a sidebar of sections and the chosen section beside it.
 *
 * Sections are pages written elsewhere (OporaPersonsPage, …): each is added with one call
 * to opora_window_add_page(), and only added sections appear in the sidebar. A page finds
 * its window with gtk_widget_get_root() and shows toasts with opora_window_add_toast(). */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_WINDOW (opora_window_get_type ())
G_DECLARE_FINAL_TYPE (OporaWindow, opora_window, OPORA, WINDOW, AdwApplicationWindow)

OporaWindow *opora_window_new               (GtkApplication *application,
                                             OporaStore     *store);
OporaStore  *opora_window_get_store         (OporaWindow    *self);

/* Adds @page as the section @name ("persons"), after the sections added before it.
 * @title and @icon_name may be NULL for the five registry sections ("persons",
 * "families", "contracts", "organisations", "staff"): the window knows their titles and
 * icons. Adding a second page with the same @name is a programming error. */
void         opora_window_add_page          (OporaWindow    *self,
                                             const char     *name,
                                             const char     *title,
                                             const char     *icon_name,
                                             GtkWidget      *page);
/* Builds a page for the window's store. */
typedef GtkWidget *(*OporaPageFactory) (OporaStore *store);

/* Like opora_window_add_page(), but the page is made by @factory when it is first shown
 * on screen or asked for with opora_window_get_page(). */
void         opora_window_add_lazy_page     (OporaWindow      *self,
                                             const char       *name,
                                             const char       *title,
                                             const char       *icon_name,
                                             OporaPageFactory  factory);

/* Adds the window action @window_action ("new-person"): it shows the section @section
 * ("persons"), building its page if need be, and activates @page_action ("persons.new") on
 * it. The welcome and the window's menus reach pages not built yet through these. */
void         opora_window_add_section_action (OporaWindow   *self,
                                              const char    *window_action,
                                              const char    *section,
                                              const char    *page_action);

/* The page added as @name (built now if it was added lazily), or NULL. */
GtkWidget   *opora_window_get_page          (OporaWindow    *self,
                                             const char     *name);
/* Shows the section @name, as a click on its sidebar row would; FALSE if there is none.
 * The window then stays on it: sections added later no longer take its place. */
gboolean     opora_window_show_page         (OporaWindow    *self,
                                             const char     *name);
/* The name of the section shown, or NULL while the welcome of an empty registry shows. */
const char  *opora_window_get_visible_page  (OporaWindow    *self);

/* Shows @toast over the content; takes ownership of @toast (as adw_toast_overlay_add_toast
 * does), so `opora_window_add_toast (window, adw_toast_new (…))` is fine. */
void         opora_window_add_toast         (OporaWindow    *self,
                                             AdwToast       *toast);

G_END_DECLS
