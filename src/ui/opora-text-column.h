/* Cells of a GtkColumnView that show one property of the row's item as text.
 *
 * A GtkBuilderListItemFactory parses its XML again for every cell it makes, and GTK 4.8's
 * column view makes ~200 rows at once; a "tooltip-text" bound to each cell asks the X server
 * where the pointer is for every cell. These cells are made in code and give their tooltip
 * only when it is asked for. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets @column's factory to cells (GtkInscription, start-aligned, ellipsized) that show
 * the item's property @text_property, converted to text if it is not a string, with the
 * property @tooltip_property as their tooltip (NULL for none; often the same property, so
 * an ellipsized text can still be read whole). */
void opora_text_column_set (GtkColumnViewColumn *column,
                            const char          *text_property,
                            const char          *tooltip_property);

G_END_DECLS
