#define G_LOG_DOMAIN "opora-period-picker"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-period-picker.h"

/* The stages as the seeds set them (Этапы реализации): seeds 000 (peer to peer) and 002
 * (social lift) from February 2021, seed 001 (social agent) from April 2021; seeds 003
 * (mediation) and 004 (mentoring) set none. The last entry is the whole implementation. */
static const OporaTechnologyStage peer_stages[] = {
  { "2021-02-01", "2021-02-28", N_("Organisational stage: February 2021") },
  { "2021-03-01", "2023-12-31", N_("Practical stage: March 2021 – December 2023") },
  { "2024-01-01", "2024-01-31", N_("Analytical stage: January 2024") },
  { "2021-02-01", "2024-01-31", N_("All stages: February 2021 – January 2024") },
};

static const OporaTechnologyStage agent_stages[] = {
  { "2021-04-01", "2021-04-30", N_("Organisational stage: April 2021") },
  { "2021-05-01", "2023-12-31", N_("Practical stage: May 2021 – December 2023") },
  { "2024-01-01", "2024-01-31", N_("Analytical stage: January 2024") },
  { "2021-04-01", "2024-01-31", N_("All stages: April 2021 – January 2024") },
};

struct _OporaPeriodPicker
{
  GtkWidget        parent_instance;

  OporaTechnology  technology;
  char            *from;
  char            *to;
  char            *error;
  OporaPeriodKind  kinds[4];  /* the kind at each position of kind_dropdown */
  guint            n_kinds;
  gboolean         updating;  /* controls set from code: no period is applied */

  /* Template widgets */
  GtkDropDown     *kind_dropdown;
  GtkStack        *stack;
  GtkDropDown     *quarter_dropdown;
  GtkSpinButton   *quarter_year_spin;
  GtkSpinButton   *year_spin;
  GtkDropDown     *stage_dropdown;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkLabel        *error_label;
};

enum {
  PROP_0,
  PROP_TECHNOLOGY,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaPeriodPicker, opora_period_picker, GTK_TYPE_WIDGET)

static const char *kind_names[] = { "quarter", "year", "stage", "dates" };

static char *
iso (const GDate *date)
{
  return opora_date_to_iso (date);
}

static void
set_period (OporaPeriodPicker *self,
            char              *from,
            char              *to)
{
  g_autofree char *owned_from = from;
  g_autofree char *owned_to = to;
  gboolean from_changed = g_strcmp0 (from, self->from) != 0;
  gboolean to_changed = g_strcmp0 (to, self->to) != 0;

  if (!from_changed && !to_changed)
    return;
  g_free (self->from);
  self->from = g_steal_pointer (&owned_from);
  g_free (self->to);
  self->to = g_steal_pointer (&owned_to);
  if (from_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
  if (to_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_error (OporaPeriodPicker *self,
            const char        *message,
            gboolean           from_at_fault,
            gboolean           to_at_fault)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (from_at_fault)
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_at_fault)
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  from_at_fault ? message : NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  to_at_fault ? message : NULL, -1);
}

/* One date field read: an ISO date, or NULL with the message for the field. */
static char *
read_date (GtkEntry    *entry,
           const char  *missing,
           char       **message)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  char *result = opora_date_display_to_iso (text, &error);

  if (result == NULL)
    *message = g_strdup (error != NULL ? error->message : missing);
  return result;
}

static gboolean
apply_dates (OporaPeriodPicker *self)
{
  g_autofree char *from_message = NULL;
  g_autofree char *to_message = NULL;
  g_autofree char *from = read_date (self->from_entry, _("Type the first day of the period"),
                                     &from_message);
  g_autofree char *to = read_date (self->to_entry, _("Type the last day of the period"),
                                   &to_message);

  if (from_message != NULL || to_message != NULL)
    {
      g_autofree char *message = NULL;

      if (from_message != NULL && to_message != NULL)
        /* TRANSLATORS: both dates of a period refused: "From: …; to: …" */
        message = g_strdup_printf (_("From: %s; to: %s"), from_message, to_message);
      show_error (self, message ? message : from_message ? from_message : to_message,
                  from_message != NULL, to_message != NULL);
      return FALSE;
    }
  /* ISO dates compare as text. */
  if (g_strcmp0 (from, to) > 0)
    {
      show_error (self, _("The period must not end before it begins"), TRUE, TRUE);
      return FALSE;
    }
  show_error (self, NULL, FALSE, FALSE);
  set_period (self, g_steal_pointer (&from), g_steal_pointer (&to));
  return TRUE;
}

static OporaPeriodKind
current_kind (OporaPeriodPicker *self)
{
  guint position = gtk_drop_down_get_selected (self->kind_dropdown);

  return position < self->n_kinds ? self->kinds[position] : OPORA_PERIOD_YEAR;
}

/* The period the controls of the current kind say; dates wait for Enter or "Show". */
static void
apply (OporaPeriodPicker *self)
{
  GDate from, to;

  if (self->updating)
    return;

  switch (current_kind (self))
    {
    case OPORA_PERIOD_QUARTER:
      opora_date_quarter_bounds (gtk_spin_button_get_value_as_int (self->quarter_year_spin),
                                 gtk_drop_down_get_selected (self->quarter_dropdown) + 1,
                                 &from, &to);
      set_period (self, iso (&from), iso (&to));
      break;
    case OPORA_PERIOD_YEAR:
      {
        int year = gtk_spin_button_get_value_as_int (self->year_spin);

        g_date_clear (&from, 1);
        g_date_clear (&to, 1);
        g_date_set_dmy (&from, 1, G_DATE_JANUARY, year);
        g_date_set_dmy (&to, 31, G_DATE_DECEMBER, year);
        set_period (self, iso (&from), iso (&to));
      }
      break;
    case OPORA_PERIOD_STAGE:
      {
        guint n;
        const OporaTechnologyStage *stages = opora_technology_get_stages (self->technology, &n);
        guint index = gtk_drop_down_get_selected (self->stage_dropdown);

        if (index < n)
          set_period (self, g_strdup (stages[index].from), g_strdup (stages[index].to));
      }
      break;
    case OPORA_PERIOD_DATES:
    default:
      break;
    }
}

static void
control_changed_cb (OporaPeriodPicker *self)
{
  apply (self);
}

static void
dates_activate_cb (OporaPeriodPicker *self)
{
  apply_dates (self);
}

/* A refusal stays until the fields are applied again, but the field being corrected no
 * longer looks wrong. */
static void
dates_changed_cb (OporaPeriodPicker *self,
                  GtkEditable       *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static void
kind_dropdown_selected_cb (OporaPeriodPicker *self)
{
  OporaPeriodKind kind = current_kind (self);

  gtk_stack_set_visible_child_name (self->stack, kind_names[kind]);
  if (self->updating)
    return;

  if (kind == OPORA_PERIOD_DATES)
    {
      /* The dates start from the period shown, ready to be edited. */
      g_autofree char *from = opora_date_iso_to_display (self->from);
      g_autofree char *to = opora_date_iso_to_display (self->to);

      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
      show_error (self, NULL, FALSE, FALSE);
      return;
    }
  apply (self);
}

static void
select_kind (OporaPeriodPicker *self,
             OporaPeriodKind    kind)
{
  for (guint i = 0; i < self->n_kinds; i++)
    if (self->kinds[i] == kind)
      {
        gtk_drop_down_set_selected (self->kind_dropdown, i);
        return;
      }
}

/* The kinds on offer: a stage only where the technology has stages. */
static void
fill_kinds (OporaPeriodPicker *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  OporaPeriodKind previous = current_kind (self);
  guint n_stages;

  opora_technology_get_stages (self->technology, &n_stages);
  self->n_kinds = 0;
  self->kinds[self->n_kinds++] = OPORA_PERIOD_QUARTER;
  gtk_string_list_append (names, C_("period", "Quarter"));
  self->kinds[self->n_kinds++] = OPORA_PERIOD_YEAR;
  gtk_string_list_append (names, C_("period", "Year"));
  if (n_stages > 0)
    {
      self->kinds[self->n_kinds++] = OPORA_PERIOD_STAGE;
      gtk_string_list_append (names, C_("period", "Stage"));
    }
  self->kinds[self->n_kinds++] = OPORA_PERIOD_DATES;
  gtk_string_list_append (names, C_("period", "Dates"));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;
  if (previous == OPORA_PERIOD_STAGE && n_stages == 0)
    previous = OPORA_PERIOD_YEAR;
  self->updating = TRUE;
  select_kind (self, previous);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, kind_names[current_kind (self)]);
}

static void
fill_stages (OporaPeriodPicker *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint previous = gtk_drop_down_get_selected (self->stage_dropdown);
  guint n;
  const OporaTechnologyStage *stages = opora_technology_get_stages (self->technology, &n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (names, opora_technology_stage_get_name (&stages[i]));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (names));
  /* The practical stage, where the work is, unless another was chosen. */
  if (previous == GTK_INVALID_LIST_POSITION || previous >= n)
    previous = MIN (1, n);
  if (n > 0)
    gtk_drop_down_set_selected (self->stage_dropdown, previous);
  self->updating = FALSE;
}

static void
opora_period_picker_dispose (GObject *object)
{
  OporaPeriodPicker *self = (OporaPeriodPicker *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PERIOD_PICKER);
  /* The template's box is not bound to a field: dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (opora_period_picker_parent_class)->dispose (object);
}

static void
opora_period_picker_finalize (GObject *object)
{
  OporaPeriodPicker *self = (OporaPeriodPicker *)object;

  g_free (self->from);
  g_free (self->to);
  g_free (self->error);

  G_OBJECT_CLASS (opora_period_picker_parent_class)->finalize (object);
}

static void
opora_period_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OporaPeriodPicker *self = OPORA_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_TECHNOLOGY:
      g_value_set_enum (value, self->technology);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_period_picker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OporaPeriodPicker *self = OPORA_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_TECHNOLOGY:
      opora_period_picker_set_technology (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_period_picker_class_init (OporaPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_period_picker_dispose;
  object_class->finalize = opora_period_picker_finalize;
  object_class->get_property = opora_period_picker_get_property;
  object_class->set_property = opora_period_picker_set_property;

  properties[PROP_TECHNOLOGY] =
    g_param_spec_enum ("technology", NULL, NULL, OPORA_TYPE_TECHNOLOGY, OPORA_TECHNOLOGY_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-period-picker.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, quarter_year_spin);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, year_spin);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, from_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, to_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaPeriodPicker, error_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, control_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
}

static void
opora_period_picker_init (OporaPeriodPicker *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_value (self->quarter_year_spin, year);
  gtk_spin_button_set_value (self->year_spin, year);
  gtk_drop_down_set_selected (self->quarter_dropdown,
                              (g_date_time_get_month (now) - 1) / 3);
  self->updating = FALSE;

  fill_kinds (self);
  self->updating = TRUE;
  select_kind (self, OPORA_PERIOD_YEAR);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "year");
  apply (self);
}

GtkWidget *
opora_period_picker_new (void)
{
  return g_object_new (OPORA_TYPE_PERIOD_PICKER, NULL);
}

void
opora_period_picker_set_technology (OporaPeriodPicker *self,
                                    OporaTechnology    technology)
{
  g_return_if_fail (OPORA_IS_PERIOD_PICKER (self));

  if (technology == self->technology)
    return;
  self->technology = technology;
  fill_stages (self);
  fill_kinds (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNOLOGY]);
  apply (self);
}

OporaTechnology
opora_period_picker_get_technology (OporaPeriodPicker *self)
{
  g_return_val_if_fail (OPORA_IS_PERIOD_PICKER (self), OPORA_TECHNOLOGY_NONE);
  return self->technology;
}

const char *
opora_period_picker_get_from (OporaPeriodPicker *self)
{
  g_return_val_if_fail (OPORA_IS_PERIOD_PICKER (self), NULL);
  return self->from;
}

const char *
opora_period_picker_get_to (OporaPeriodPicker *self)
{
  g_return_val_if_fail (OPORA_IS_PERIOD_PICKER (self), NULL);
  return self->to;
}

OporaPeriodKind
opora_period_picker_get_kind (OporaPeriodPicker *self)
{
  g_return_val_if_fail (OPORA_IS_PERIOD_PICKER (self), OPORA_PERIOD_YEAR);
  return current_kind (self);
}

void
opora_period_picker_set_quarter (OporaPeriodPicker *self,
                                 int                year,
                                 int                quarter)
{
  g_return_if_fail (OPORA_IS_PERIOD_PICKER (self));
  g_return_if_fail (quarter >= 1 && quarter <= 4);

  self->updating = TRUE;
  gtk_spin_button_set_value (self->quarter_year_spin, year);
  gtk_drop_down_set_selected (self->quarter_dropdown, quarter - 1);
  select_kind (self, OPORA_PERIOD_QUARTER);
  self->updating = FALSE;
  apply (self);
}

void
opora_period_picker_set_year (OporaPeriodPicker *self,
                              int                year)
{
  g_return_if_fail (OPORA_IS_PERIOD_PICKER (self));

  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_spin, year);
  select_kind (self, OPORA_PERIOD_YEAR);
  self->updating = FALSE;
  apply (self);
}

gboolean
opora_period_picker_set_stage (OporaPeriodPicker *self,
                               guint              index)
{
  guint n;

  g_return_val_if_fail (OPORA_IS_PERIOD_PICKER (self), FALSE);

  opora_technology_get_stages (self->technology, &n);
  if (index >= n)
    return FALSE;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->stage_dropdown, index);
  select_kind (self, OPORA_PERIOD_STAGE);
  self->updating = FALSE;
  apply (self);
  return TRUE;
}

gboolean
opora_period_picker_set_dates (OporaPeriodPicker *self,
                               const char        *from,
                               const char        *to)
{
  g_return_val_if_fail (OPORA_IS_PERIOD_PICKER (self), FALSE);

  self->updating = TRUE;
  select_kind (self, OPORA_PERIOD_DATES);
  self->updating = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
  return apply_dates (self);
}

const char *
opora_period_picker_get_error (OporaPeriodPicker *self)
{
  g_return_val_if_fail (OPORA_IS_PERIOD_PICKER (self), NULL);
  return self->error;
}

const OporaTechnologyStage *
opora_technology_get_stages (OporaTechnology  technology,
                             guint           *n_stages)
{
  g_return_val_if_fail (n_stages != NULL, NULL);

  switch (technology)
    {
    case OPORA_TECHNOLOGY_PEER:
    case OPORA_TECHNOLOGY_LIFT:
      *n_stages = G_N_ELEMENTS (peer_stages);
      return peer_stages;
    case OPORA_TECHNOLOGY_AGENT:
      *n_stages = G_N_ELEMENTS (agent_stages);
      return agent_stages;
    case OPORA_TECHNOLOGY_NONE:
    case OPORA_TECHNOLOGY_MEDIATION:
    case OPORA_TECHNOLOGY_MENTORING:
    default:
      *n_stages = 0;
      return NULL;
    }
}

const char *
opora_technology_stage_get_name (const OporaTechnologyStage *stage)
{
  g_return_val_if_fail (stage != NULL, NULL);
  return _(stage->name);
}

void
opora_period_last_quarters (const char  *to,
                            guint        n,
                            char       **froms,
                            char       **tos)
{
  GDate end;
  int year, quarter;

  g_return_if_fail (froms != NULL && tos != NULL);

  if (!opora_date_parse (to, &end, NULL))
    g_return_if_reached ();
  year = g_date_get_year (&end);
  quarter = (g_date_get_month (&end) - 1) / 3 + 1;
  for (guint i = n; i-- > 0;)
    {
      GDate first, last;

      opora_date_quarter_bounds (year, quarter, &first, &last);
      froms[i] = opora_date_to_iso (&first);
      tos[i] = opora_date_to_iso (&last);
      if (--quarter == 0)
        {
          quarter = 4;
          year--;
        }
    }
}
