/* One row of an indicator's drill-down (расшифровка показателя): a person, a group, an
 * organisation or a contract behind the indicator's denominator, and whether it is counted
 * in the numerator. Immutable: the store builds it from one row and nothing changes it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a drill-down row is; says which page opens it. */
typedef enum
{
  OPORA_DRILLDOWN_PERSON,
  OPORA_DRILLDOWN_GROUP,        /* a group activity (a peer meeting, a training) */
  OPORA_DRILLDOWN_ORGANISATION, /* a partner organisation */
  OPORA_DRILLDOWN_CONTRACT,     /* a social contract */
} OporaDrilldownKind;

#define OPORA_TYPE_DRILLDOWN_KIND (opora_drilldown_kind_get_type ())
GType opora_drilldown_kind_get_type (void) G_GNUC_CONST;

#define OPORA_TYPE_DRILLDOWN_ITEM (opora_drilldown_item_get_type ())
G_DECLARE_FINAL_TYPE (OporaDrilldownItem, opora_drilldown_item, OPORA, DRILLDOWN_ITEM, GObject)

/* @id: the record's key in its table. @person_id: the person a click opens — the person
 * itself, a contract's applicant, 0 for a group or an organisation. @title: the name as
 * shown ("Иванова Мария Петровна", "№ 12/2023"); @subtitle: a second line, or NULL. */
OporaDrilldownItem *opora_drilldown_item_new           (OporaDrilldownKind  kind,
                                                        gint64              id,
                                                        gint64              person_id,
                                                        const char         *title,
                                                        const char         *subtitle,
                                                        gboolean            counted);

OporaDrilldownKind  opora_drilldown_item_get_kind      (OporaDrilldownItem *self);
gint64              opora_drilldown_item_get_id        (OporaDrilldownItem *self);
gint64              opora_drilldown_item_get_person_id (OporaDrilldownItem *self);
const char         *opora_drilldown_item_get_title     (OporaDrilldownItem *self);
const char         *opora_drilldown_item_get_subtitle  (OporaDrilldownItem *self);
/* TRUE when the record is in the numerator as well as the denominator. */
gboolean            opora_drilldown_item_get_counted   (OporaDrilldownItem *self);

G_END_DECLS
