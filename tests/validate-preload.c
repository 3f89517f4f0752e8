/* Preloaded into `gtk4-builder-tool validate` so it can check Opora's .ui files.
 *
 * By itself the tool knows only GTK: it cannot find a template's libadwaita parent
 * ("Failed to lookup template parent type AdwApplicationWindow"), and it looks signal
 * handlers up as exported symbols, which ours are not (they are static, bound with
 * gtk_widget_class_bind_template_callback). This module, built with the whole Opora library
 * and libadwaita:
 *
 *  - registers every libadwaita type a template may derive from, before the tool runs;
 *  - makes Opora's own widget types and resources available, so a .ui that uses an Opora
 *    widget inside is built with the real one;
 *  - answers a callback lookup that finds nothing with a function doing nothing, so
 *    templates with <signal> and <closure> build. Type lookups ("…_get_type") are left
 *    alone: an unknown type must still be reported.
 *
 * Usage: LD_PRELOAD=libvalidate-preload.so gtk4-builder-tool validate FILE.ui */
#define _GNU_SOURCE
#include <adwaita.h>
#include <dlfcn.h>
#include <gmodule.h>
#include <string.h>

static gpointer
do_nothing (void)
{
  return NULL;
}

gboolean
g_module_symbol (GModule     *module,
                 const gchar *symbol_name,
                 gpointer    *symbol)
{
  static gboolean (*real_symbol) (GModule *, const gchar *, gpointer *) = NULL;

  if (real_symbol == NULL)
    real_symbol = (gboolean (*) (GModule *, const gchar *, gpointer *)) dlsym (RTLD_NEXT,
                                                                              "g_module_symbol");
  if (real_symbol (module, symbol_name, symbol))
    return TRUE;
  if (symbol_name != NULL && !g_str_has_suffix (symbol_name, "_get_type"))
    {
      *symbol = (gpointer) do_nothing;
      return TRUE;
    }
  return FALSE;
}

__attribute__((constructor)) static void
register_types (void)
{
  /* Every libadwaita 1.2 type a template could name as its parent. */
  g_type_ensure (ADW_TYPE_ABOUT_WINDOW);
  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_AVATAR);
  g_type_ensure (ADW_TYPE_BIN);
  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);
  g_type_ensure (ADW_TYPE_CAROUSEL);
  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_COMBO_ROW);
  g_type_ensure (ADW_TYPE_ENTRY_ROW);
  g_type_ensure (ADW_TYPE_EXPANDER_ROW);
  g_type_ensure (ADW_TYPE_FLAP);
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  g_type_ensure (ADW_TYPE_LEAFLET);
  g_type_ensure (ADW_TYPE_MESSAGE_DIALOG);
  g_type_ensure (ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  g_type_ensure (ADW_TYPE_PREFERENCES_PAGE);
  g_type_ensure (ADW_TYPE_PREFERENCES_ROW);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (ADW_TYPE_SPLIT_BUTTON);
  g_type_ensure (ADW_TYPE_SQUEEZER);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_TAB_BAR);
  g_type_ensure (ADW_TYPE_TAB_VIEW);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);
  g_type_ensure (ADW_TYPE_VIEW_STACK);
  g_type_ensure (ADW_TYPE_VIEW_SWITCHER);
  g_type_ensure (ADW_TYPE_VIEW_SWITCHER_BAR);
  g_type_ensure (ADW_TYPE_VIEW_SWITCHER_TITLE);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (ADW_TYPE_WINDOW_TITLE);
}
