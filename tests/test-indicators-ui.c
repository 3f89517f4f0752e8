/* The Indicators page on a real database, in Russian: it computes a technology's
 * indicators for the period picked, a click on a chart opens the drill-down with the
 * right counted marks, a target changed in the targets dialog re-draws the chart, a
 * malformed period is refused next to its fields, and the charts export to PDF and PNG
 * and print. The scenario: five contract holders, three of them surveyed. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "opora-chart-widget.h"
#include "opora-drilldown-item.h"
#include "opora-i18n.h"
#include "opora-indicator-catalogue.h"
#include "opora-indicator-drilldown.h"
#include "opora-indicators-page.h"
#include "opora-store-records.h"
#include "opora-store-targets.h"
#include "opora-targets-dialog.h"
#include "opora-test-util.h"

#define TIMEOUT_US (5 * G_USEC_PER_SEC)

/* Surnames of the five contract holders; the first three answered the seed survey. */
static const char *surnames[] = { "Алексеева", "Борисова", "Васильева", "Григорьева",
                                  "Дмитриева" };
/* The fifth concluded her contract in the third quarter, the others in the first. */
static const char *concluded[] = { "2023-02-01", "2023-02-10", "2023-03-01", "2023-03-20",
                                   "2023-08-15" };
#define N_SURVEYED 3

typedef struct
{
  char                *dir;
  OporaStore          *store;
  GtkWindow           *window;
  OporaIndicatorsPage *page;
  gint64               person_ids[G_N_ELEMENTS (surnames)];
} Fixture;

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until @condition holds; FALSE on timeout. */
static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
insert (OporaStore   *store,
        const char   *table,
        GVariantDict *dict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) record = g_variant_ref_sink (g_variant_dict_end (dict));

  g_assert_true (opora_store_insert_record (store, table, record, &error));
  g_assert_no_error (error);
}

static gboolean
find_seed_survey_cb (const char  *table,
                     GVariant    *record,
                     gpointer     user_data,
                     GError     **error)
{
  gint64 *id = user_data;
  const char *code = NULL;

  if (g_variant_lookup (record, "code", "&s", &code) && g_strcmp0 (code, "peer_consent") == 0)
    {
      g_assert_true (g_variant_lookup (record, "id", "x", id));
      return FALSE;
    }
  return TRUE;
}

static void
fill_scenario (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 template_id = 0;

  opora_store_foreach_record (fixture->store, "survey_template", find_seed_survey_cb,
                              &template_id, NULL);
  g_assert_cmpint (template_id, >, 0);

  g_assert_true (opora_store_begin (fixture->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      g_auto(GVariantDict) person = G_VARIANT_DICT_INIT (NULL);
      g_auto(GVariantDict) contract = G_VARIANT_DICT_INIT (NULL);
      g_autofree char *number = g_strdup_printf ("%u/2023", i + 1);
      gint64 id = 100 + i;

      fixture->person_ids[i] = id;
      g_variant_dict_insert (&person, "id", "x", id);
      g_variant_dict_insert (&person, "surname", "s", surnames[i]);
      g_variant_dict_insert (&person, "name", "s", "Мария");
      g_variant_dict_insert (&person, "sex", "s", "female");
      insert (fixture->store, "person", &person);

      g_variant_dict_insert (&contract, "number", "s", number);
      g_variant_dict_insert (&contract, "person_id", "x", id);
      g_variant_dict_insert (&contract, "concluded_on", "s", concluded[i]);
      g_variant_dict_insert (&contract, "term_start", "s", concluded[i]);
      g_variant_dict_insert (&contract, "term_end", "s", "2024-01-31");
      insert (fixture->store, "contract", &contract);

      if (i < N_SURVEYED)
        {
          g_auto(GVariantDict) response = G_VARIANT_DICT_INIT (NULL);

          g_variant_dict_insert (&response, "template_id", "x", template_id);
          g_variant_dict_insert (&response, "person_id", "x", id);
          g_variant_dict_insert (&response, "responded_on", "s", "2023-03-25");
          insert (fixture->store, "survey_response", &response);
        }
    }
  g_assert_true (opora_store_commit (fixture->store, &error));
  g_assert_no_error (error);
}

static gboolean
charts_shown (gpointer data)
{
  Fixture *fixture = data;
  OporaChartWidget *chart = opora_indicators_page_get_chart (fixture->page);

  return gtk_widget_get_mapped (GTK_WIDGET (chart))
         && opora_chart_widget_get_n_results (chart) > 0
         && gtk_widget_get_height (GTK_WIDGET (chart)) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!opora_test_init_gtk ())
    return;
  fixture->store = opora_test_open_store (&fixture->dir);
  fill_scenario (fixture);
  fixture->page = OPORA_INDICATORS_PAGE (opora_indicators_page_new (fixture->store));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 1400);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  opora_period_picker_set_year (opora_indicators_page_get_period_picker (fixture->page), 2023);
  gtk_window_present (fixture->window);
  g_assert_true (wait_for (charts_shown, fixture));
}

static void
close_other_windows (Fixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != fixture->window)
      gtk_window_destroy (l->data);
  spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store == NULL)
    return;
  close_other_windows (fixture);
  gtk_window_destroy (fixture->window);
  spin ();
  g_clear_object (&fixture->store);
  opora_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static OporaIndicatorResult *
chart_result (Fixture *fixture,
              guint    index)
{
  return opora_chart_widget_get_result (opora_indicators_page_get_chart (fixture->page), index);
}

static void
assert_counts (OporaIndicatorResult *result,
               const char           *id,
               guint                 numerator,
               guint                 denominator)
{
  g_assert_nonnull (result);
  g_assert_cmpstr (opora_indicator_result_get_id (result), ==, id);
  g_assert_cmpuint (opora_indicator_result_get_numerator (result), ==, numerator);
  g_assert_cmpuint (opora_indicator_result_get_denominator (result), ==, denominator);
}

/* The page computes the technology's indicators for the period picked: a year, a
 * quarter, a stage; the trend shows the last eight quarters; other technologies compute
 * too, "no data" where nothing falls in the period. */
static void
test_computes_for_period (Fixture       *fixture,
                          gconstpointer  data)
{
  OporaPeriodPicker *picker;
  OporaChartWidget *chart, *trend;
  guint n_peer;
  const OporaIndicatorDef *peer = NULL;

  if (fixture->store == NULL)
    return;
  picker = opora_indicators_page_get_period_picker (fixture->page);
  chart = opora_indicators_page_get_chart (fixture->page);
  trend = opora_indicators_page_get_trend (fixture->page);
  peer = opora_indicator_catalogue_list (OPORA_TECHNOLOGY_PEER, &n_peer);

  /* The year: every indicator of the technology, in the catalogue's order. */
  g_assert_cmpuint (opora_chart_widget_get_n_results (chart), ==, n_peer);
  for (guint i = 0; i < n_peer; i++)
    g_assert_cmpstr (opora_indicator_result_get_id (chart_result (fixture, i)), ==, peer[i].id);
  assert_counts (chart_result (fixture, 0), "peer.surveyed", N_SURVEYED, 5);
  g_assert_cmpstr (opora_indicator_result_get_from (chart_result (fixture, 0)), ==,
                   "2023-01-01");
  g_assert_cmpstr (opora_indicator_result_get_to (chart_result (fixture, 0)), ==, "2023-12-31");
  g_assert_cmpint (opora_indicator_result_get_status (chart_result (fixture, 1)), ==,
                   OPORA_INDICATOR_STATUS_NO_DATA);

  /* What a screen reader reads of the first chart. */
  {
    g_autofree char *label = opora_indicator_result_format_label (chart_result (fixture, 0));
    g_autofree char *description = opora_chart_widget_describe_item (chart, 0);
    g_autofree char *expected = g_strdup_printf ("%s. %s", label,
                                                 C_("indicator status", "Target not met"));

    g_assert_cmpstr (label, ==, "60 % — 3 из 5, цель ≥ 100 %");
    g_assert_cmpstr (description, ==, expected);
  }

  /* The trend of the cursor's indicator: eight quarters up to the fourth of 2023. */
  g_assert_cmpint (opora_chart_widget_get_cursor (chart), ==, 0);
  g_assert_cmpuint (opora_chart_widget_get_n_results (trend), ==,
                    OPORA_INDICATORS_TREND_QUARTERS);
  g_assert_cmpstr (opora_indicator_result_get_from (opora_chart_widget_get_result (trend, 0)),
                   ==, "2022-01-01");
  g_assert_cmpstr (opora_indicator_result_get_to (opora_chart_widget_get_result (trend, 7)),
                   ==, "2023-12-31");
  assert_counts (opora_chart_widget_get_result (trend, 4), "peer.surveyed", 3, 4);
  assert_counts (opora_chart_widget_get_result (trend, 5), "peer.surveyed", 0, 0);
  assert_counts (opora_chart_widget_get_result (trend, 6), "peer.surveyed", 0, 1);

  /* The arrows move the cursor, and the trend follows it. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next", NULL);
  g_assert_cmpint (opora_chart_widget_get_cursor (chart), ==, 1);
  g_assert_cmpstr (opora_indicator_result_get_id (opora_chart_widget_get_result (trend, 0)),
                   ==, "peer.groups_held");
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.first", NULL);
  g_assert_cmpint (opora_chart_widget_get_cursor (chart), ==, 0);

  /* A quarter: the fifth contract is later. */
  opora_period_picker_set_quarter (picker, 2023, 1);
  g_assert_cmpint (opora_period_picker_get_kind (picker), ==, OPORA_PERIOD_QUARTER);
  assert_counts (chart_result (fixture, 0), "peer.surveyed", 3, 4);
  opora_period_picker_set_quarter (picker, 2023, 2);
  g_assert_cmpint (opora_indicator_result_get_status (chart_result (fixture, 0)), ==,
                   OPORA_INDICATOR_STATUS_NO_DATA);

  /* A stage of the seed: the practical one, March 2021 – December 2023. */
  g_assert_true (opora_period_picker_set_stage (picker, 1));
  g_assert_cmpstr (opora_period_picker_get_from (picker), ==, "2021-03-01");
  g_assert_cmpstr (opora_period_picker_get_to (picker), ==, "2023-12-31");
  assert_counts (chart_result (fixture, 0), "peer.surveyed", 3, 5);

  /* Another technology computes its own indicators; mediation has no stages, so its
   * period falls back to a year, and no data yet. */
  opora_indicators_page_set_technology (fixture->page, OPORA_TECHNOLOGY_LIFT);
  {
    guint n_lift;

    opora_indicator_catalogue_list (OPORA_TECHNOLOGY_LIFT, &n_lift);
    g_assert_cmpuint (opora_chart_widget_get_n_results (chart), ==, n_lift);
    assert_counts (chart_result (fixture, 0), "lift.analysed", 0, 5);
  }
  opora_indicators_page_set_technology (fixture->page, OPORA_TECHNOLOGY_MEDIATION);
  g_assert_cmpint (opora_period_picker_get_kind (picker), ==, OPORA_PERIOD_YEAR);
  g_assert_false (opora_period_picker_set_stage (picker, 0));
  for (guint i = 0; i < opora_chart_widget_get_n_results (chart); i++)
    g_assert_cmpint (opora_indicator_result_get_status (chart_result (fixture, i)), ==,
                     OPORA_INDICATOR_STATUS_NO_DATA);
}

static gboolean
find_drilldown_cb (gpointer data)
{
  OporaIndicatorDrilldown **out = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (OPORA_IS_INDICATOR_DRILLDOWN (l->data) && gtk_widget_get_mapped (l->data))
      {
        *out = l->data;
        return TRUE;
      }
  return FALSE;
}

/* The labels of the drill-down's rows on screen: mark → the name beside it. */
static void
collect_marks (GtkWidget  *widget,
               GHashTable *marks)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      GtkWidget *texts = gtk_widget_get_next_sibling (widget);

      if ((g_str_equal (text, "✓") || g_str_equal (text, "—")) && texts != NULL
          && GTK_IS_LABEL (gtk_widget_get_first_child (texts))
          && gtk_widget_get_child_visible (gtk_widget_get_parent (widget)))
        g_hash_table_insert (marks,
                             g_strdup (gtk_label_get_text (
                               GTK_LABEL (gtk_widget_get_first_child (texts)))),
                             g_strdup (text));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_marks (child, marks);
}

typedef struct
{
  GtkWidget  *root;
  GHashTable *marks;
  guint       expected;
} MarksWait;

static gboolean
marks_shown_cb (gpointer data)
{
  MarksWait *wait = data;

  g_hash_table_remove_all (wait->marks);
  collect_marks (wait->root, wait->marks);
  return g_hash_table_size (wait->marks) == wait->expected;
}

static void
chart_activated_cb (OporaChartWidget *chart,
                    guint             index,
                    guint            *out)
{
  *out = index;
}

/* A click on a chart opens the people behind its denominator, each marked counted (✓) or
 * not (—), in that order: not counted first; a row opens the person's page. */
static void
test_drilldown_marks (Fixture       *fixture,
                      gconstpointer  data)
{
  OporaChartWidget *chart;
  OporaIndicatorDrilldown *drilldown = NULL;
  g_autoptr(GHashTable) marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  graphene_rect_t area;
  GListModel *model;
  guint activated = G_MAXUINT;
  MarksWait wait;

  if (fixture->store == NULL)
    return;
  chart = opora_indicators_page_get_chart (fixture->page);

  /* Over the heading nothing happens; over the first chart it opens. */
  g_assert_false (opora_chart_widget_activate_at (chart, 20, 4));
  g_assert_true (opora_chart_widget_get_item_area (chart, 0, &area));
  g_assert_true (opora_chart_widget_activate_at (chart, area.origin.x + area.size.width / 2,
                                                 area.origin.y + area.size.height / 2));
  g_assert_true (wait_for (find_drilldown_cb, &drilldown));
  assert_counts (opora_indicator_drilldown_get_result (drilldown), "peer.surveyed", 3, 5);

  model = opora_indicator_drilldown_get_model (drilldown);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(OporaDrilldownItem) item = g_list_model_get_item (model, i);
      gint64 person = opora_drilldown_item_get_person_id (item);
      gboolean surveyed = FALSE;

      for (guint k = 0; k < N_SURVEYED; k++)
        surveyed |= person == fixture->person_ids[k];
      g_assert_cmpint (opora_drilldown_item_get_counted (item), ==, surveyed);
      /* Those not counted come first, to be seen to. */
      g_assert_cmpint (opora_drilldown_item_get_counted (item), ==, i >= 5 - N_SURVEYED);
    }

  /* On screen: a sign beside each name, ✓ for the surveyed. */
  wait = (MarksWait) { GTK_WIDGET (drilldown), marks, 5 };
  g_assert_true (wait_for (marks_shown_cb, &wait));
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s Мария", surnames[i]);

      g_assert_cmpstr (g_hash_table_lookup (marks, name), ==, i < N_SURVEYED ? "✓" : "—");
    }

  /* A row opens the person's page. */
  {
    g_autoptr(OporaDrilldownItem) item = g_list_model_get_item (model, 0);
    GtkWindow *person = opora_indicator_drilldown_open_row (drilldown, 0);

    g_assert_nonnull (person);
    g_assert_cmpstr (gtk_window_get_title (person), ==, opora_drilldown_item_get_title (item));
    gtk_window_destroy (person);
  }
  gtk_window_destroy (GTK_WINDOW (drilldown));
  spin ();

  /* Enter on the chart under the cursor does what a click does. */
  g_signal_connect (chart, "activated", G_CALLBACK (chart_activated_cb), &activated);
  opora_chart_widget_set_cursor (chart, 1);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate", NULL);
  g_assert_cmpuint (activated, ==, 1);
  drilldown = NULL;
  g_assert_true (wait_for (find_drilldown_cb, &drilldown));
  assert_counts (opora_indicator_drilldown_get_result (drilldown), "peer.groups_held", 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (opora_indicator_drilldown_get_model (drilldown)),
                    ==, 0);
  g_signal_handlers_disconnect_by_func (chart, chart_activated_cb, &activated);
  gtk_window_destroy (GTK_WINDOW (drilldown));
  spin ();

  /* A quarter of the trend opens that quarter's drill-down. */
  opora_chart_widget_set_cursor (chart, 0);
  {
    OporaChartWidget *trend = opora_indicators_page_get_trend (fixture->page);
    OporaIndicatorResult *result;

    g_assert_true (opora_chart_widget_get_item_area (trend, 4, &area));
    g_assert_true (opora_chart_widget_activate_at (trend, area.origin.x + area.size.width / 2,
                                                   area.origin.y + area.size.height / 2));
    drilldown = NULL;
    g_assert_true (wait_for (find_drilldown_cb, &drilldown));
    result = opora_indicator_drilldown_get_result (drilldown);
    assert_counts (result, "peer.surveyed", 3, 4);
    g_assert_cmpstr (opora_indicator_result_get_from (result), ==, "2023-01-01");
    g_assert_cmpstr (opora_indicator_result_get_to (result), ==, "2023-03-31");
    g_assert_cmpuint (g_list_model_get_n_items (opora_indicator_drilldown_get_model (drilldown)),
                      ==, 4);
  }
}

static gboolean
surveyed_four_cb (gpointer data)
{
  OporaIndicatorResult *result = chart_result (data, 0);

  return result != NULL && opora_indicator_result_get_numerator (result) == 4;
}

/* A change anywhere in the database re-draws the charts: a fourth person surveyed. */
static void
test_follows_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(GVariantDict) response = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GError) error = NULL;
  gint64 template_id = 0;

  if (fixture->store == NULL)
    return;
  opora_store_foreach_record (fixture->store, "survey_template", find_seed_survey_cb,
                              &template_id, NULL);
  g_variant_dict_insert (&response, "template_id", "x", template_id);
  g_variant_dict_insert (&response, "person_id", "x", fixture->person_ids[3]);
  g_variant_dict_insert (&response, "responded_on", "s", "2023-12-01");
  /* One user action, one transaction: its commit tells who follows the database. */
  g_assert_true (opora_store_begin (fixture->store, &error));
  insert (fixture->store, "survey_response", &response);
  g_assert_true (opora_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_true (wait_for (surveyed_four_cb, fixture));
  assert_counts (chart_result (fixture, 0), "peer.surveyed", 4, 5);
  /* The trend too: the response counts in the fourth quarter, not before. */
  assert_counts (opora_chart_widget_get_result (opora_indicators_page_get_trend (fixture->page),
                                                7), "peer.surveyed", 0, 0);
  assert_counts (opora_chart_widget_get_result (opora_indicators_page_get_trend (fixture->page),
                                                4), "peer.surveyed", 3, 4);
}

static gboolean
target_is_cb (gpointer data)
{
  Fixture *fixture = data;
  double *wanted = g_object_get_data (G_OBJECT (fixture->page), "test-target");
  OporaIndicatorResult *result = chart_result (fixture, 0);

  return result != NULL && opora_indicator_result_get_target (result) == *wanted;
}

static void
wait_for_target (Fixture *fixture,
                 double   target)
{
  g_object_set_data (G_OBJECT (fixture->page), "test-target", &target);
  g_assert_true (wait_for (target_is_cb, fixture));
  g_object_set_data (G_OBJECT (fixture->page), "test-target", NULL);
}

static gboolean
is_visible_error_label (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error")
         && gtk_widget_get_visible (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The first widget under @root, @root included, that @match accepts (depth first). */
static GtkWidget *
find (GtkWidget      *root,
      gboolean      (*match) (GtkWidget *, gconstpointer),
      gconstpointer   data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The head of department changes a target: refused values are shown next to their field
 * and save nothing; a good one is saved and the chart re-draws against it; "No target"
 * and the default come back. */
static void
test_target_change (Fixture       *fixture,
                    gconstpointer  data)
{
  OporaTargetsDialog *dialog;
  GtkEditable *entry;
  g_autoptr(GError) error = NULL;
  double target;
  gboolean overridden;
  const char *message;

  if (fixture->store == NULL)
    return;
  g_assert_cmpfloat (opora_indicator_result_get_target (chart_result (fixture, 0)), ==, 1.0);
  g_assert_cmpint (opora_indicator_result_get_status (chart_result (fixture, 0)), ==,
                   OPORA_INDICATOR_STATUS_NOT_MET);

  dialog = OPORA_TARGETS_DIALOG (opora_indicators_page_open_targets (fixture->page));
  entry = opora_targets_dialog_get_entry (dialog, "peer.surveyed");
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "100");
  g_assert_cmpstr (gtk_editable_get_text (opora_targets_dialog_get_entry (dialog,
                                                                           "peer.satisfied")),
                   ==, "95");

  /* Not a number, then more than 100 %: refused next to the field, nothing saved. */
  gtk_editable_set_text (entry, "половина");
  g_assert_false (opora_targets_dialog_save (dialog));
  message = opora_targets_dialog_get_error (dialog, "peer.surveyed");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "половина"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  {
    /* The message stands under the field, in the same row. */
    GtkWidget *label = find (GTK_WIDGET (dialog), is_visible_error_label, message);
    GtkWidget *field_box;

    g_assert_nonnull (label);
    field_box = gtk_widget_get_parent (label);
    g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (entry), field_box));
  }
  gtk_editable_set_text (entry, "150");
  g_assert_false (opora_targets_dialog_save (dialog));
  g_assert_nonnull (opora_targets_dialog_get_error (dialog, "peer.surveyed"));
  g_assert_true (opora_store_get_target (fixture->store, "peer.surveyed", &target, &overridden,
                                         &error));
  g_assert_cmpfloat (target, ==, 1.0);
  g_assert_false (overridden);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* 50 % is met by 3 of 5; the satisfied are left without a target. */
  gtk_editable_set_text (entry, "50");
  gtk_check_button_set_active (opora_targets_dialog_get_no_target (dialog, "peer.satisfied"),
                               TRUE);
  g_assert_true (opora_targets_dialog_save (dialog));
  wait_for_target (fixture, 0.5);
  g_assert_cmpint (opora_indicator_result_get_status (chart_result (fixture, 0)), ==,
                   OPORA_INDICATOR_STATUS_MET);
  g_assert_false (opora_indicator_result_has_target (chart_result (fixture, 5)));
  {
    g_autofree char *description =
      opora_chart_widget_describe_item (opora_indicators_page_get_chart (fixture->page), 0);

    g_assert_cmpstr (description, ==, "60 % — 3 из 5, цель ≥ 50 %. Цель выполнена");
  }
  /* The trend draws the new target too. */
  g_assert_cmpfloat (opora_indicator_result_get_target (
                       opora_chart_widget_get_result (opora_indicators_page_get_trend (
                                                        fixture->page), 7)), ==, 0.5);

  /* Back to the defaults: the override is gone, not stored as the default. */
  dialog = OPORA_TARGETS_DIALOG (opora_indicators_page_open_targets (fixture->page));
  g_assert_cmpstr (gtk_editable_get_text (opora_targets_dialog_get_entry (dialog,
                                                                           "peer.surveyed")),
                   ==, "50");
  g_assert_true (gtk_check_button_get_active (
                   opora_targets_dialog_get_no_target (dialog, "peer.satisfied")));
  opora_targets_dialog_reset_row (dialog, "peer.surveyed");
  opora_targets_dialog_reset_row (dialog, "peer.satisfied");
  g_assert_true (opora_targets_dialog_save (dialog));
  wait_for_target (fixture, 1.0);
  g_assert_true (opora_store_get_target (fixture->store, "peer.satisfied", &target, &overridden,
                                         &error));
  g_assert_cmpfloat (target, ==, 0.95);
  g_assert_false (overridden);
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget);
}

/* Dates typed as ДД.ММ.ГГГГ: a malformed one, or a period that ends before it begins, is
 * refused with the message next to the fields and the charts stay as they were. */
static void
test_period_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  OporaPeriodPicker *picker;
  GtkWidget *label, *from_entry;
  const char *message;

  if (fixture->store == NULL)
    return;
  picker = opora_indicators_page_get_period_picker (fixture->page);

  g_assert_false (opora_period_picker_set_dates (picker, "31.02.2023", "31.12.2023"));
  message = opora_period_picker_get_error (picker);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "31.02.2023"));
  label = find (GTK_WIDGET (picker), is_visible_error_label, message);
  g_assert_nonnull (label);
  /* The message stands right under the fields, in the same box. */
  from_entry = find (gtk_widget_get_parent (label), is_entry, NULL);
  g_assert_nonnull (from_entry);
  g_assert_true (gtk_widget_has_css_class (from_entry, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from_entry)), ==, "31.02.2023");
  g_assert_cmpstr (opora_period_picker_get_from (picker), ==, "2023-01-01");
  assert_counts (chart_result (fixture, 0), "peer.surveyed", 3, 5);

  g_assert_false (opora_period_picker_set_dates (picker, "1.13.2023", "31.12.2023"));
  g_assert_false (opora_period_picker_set_dates (picker, "", "31.12.2023"));
  g_assert_false (opora_period_picker_set_dates (picker, "01.07.2023", "01.01.2023"));
  g_assert_cmpstr (opora_period_picker_get_error (picker), ==,
                   _("The period must not end before it begins"));
  g_assert_nonnull (find (GTK_WIDGET (picker), is_visible_error_label,
                          opora_period_picker_get_error (picker)));
  g_assert_cmpstr (opora_period_picker_get_to (picker), ==, "2023-12-31");

  /* Good dates clear the message and compute: the first half of 2023. */
  g_assert_true (opora_period_picker_set_dates (picker, "01.01.2023", "30.06.2023"));
  g_assert_null (opora_period_picker_get_error (picker));
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_has_css_class (from_entry, "error"));
  g_assert_cmpstr (opora_period_picker_get_from (picker), ==, "2023-01-01");
  g_assert_cmpstr (opora_period_picker_get_to (picker), ==, "2023-06-30");
  assert_counts (chart_result (fixture, 0), "peer.surveyed", 3, 4);
}

/* The text of a PDF as pdftotext reads it, every run of white space made one space. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static void
assert_report_text (Fixture    *fixture,
                    const char *path)
{
  OporaChartWidget *chart = opora_indicators_page_get_chart (fixture->page);
  g_autofree char *text = pdf_text (path);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Эффективность технологии «Равный – равному»"));
  g_assert_nonnull (strstr (text, "01.01.2023 – 31.12.2023"));
  for (guint i = 0; i < opora_chart_widget_get_n_results (chart); i++)
    {
      OporaIndicatorResult *result = chart_result (fixture, i);
      g_autofree char *label = opora_indicator_result_format_label (result);
      const OporaIndicatorDef *def =
        opora_indicator_catalogue_get (opora_indicator_result_get_id (result));

      g_assert_nonnull (strstr (text, label));
      g_assert_nonnull (strstr (text, opora_indicator_def_get_title (def)));
    }
  g_assert_nonnull (strstr (text, "60 % — 3 из 5, цель ≥ 100 %"));
}

/* The charts go to a PDF whose text holds their labels, to a PNG, and to print (here
 * into a PDF without the dialog) on A4. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (fixture->store == NULL)
    return;
  pdf = g_build_filename (fixture->dir, "показатели.pdf", NULL);
  png = g_build_filename (fixture->dir, "показатели.png", NULL);
  printed = g_build_filename (fixture->dir, "печать.pdf", NULL);

  g_assert_true (opora_indicators_page_export_pdf (fixture->page, pdf, &error));
  g_assert_no_error (error);
  path = g_find_program_in_path ("pdftotext");
  if (path != NULL)
    assert_report_text (fixture, pdf);

  g_assert_true (opora_indicators_page_export_png (fixture->page, png, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (png, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
    g_assert_cmpint (gdk_texture_get_height (texture), >, 500);
  }

  g_assert_cmpint (opora_indicators_page_print (fixture->page,
                                                GTK_PRINT_OPERATION_ACTION_EXPORT, printed,
                                                &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));
  if (path != NULL)
    assert_report_text (fixture, printed);

  /* A folder that is not there is refused with a message. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "нет", "x.pdf", NULL);

    g_assert_false (opora_indicators_page_export_pdf (fixture->page, bad, &error));
    g_assert_nonnull (error);
  }
}

typedef struct
{
  gint64 started;
  gint64 total;
  guint  frames;
} FrameTimes;

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameTimes    *times)
{
  times->started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameTimes    *times)
{
  if (times->started == 0)
    return;
  times->total += g_get_monotonic_time () - times->started;
  times->frames++;
  times->started = 0;
}

typedef struct
{
  guint      wanted;
  FrameTimes times;
} FrameWait;

static gboolean
frame_done_cb (gpointer data)
{
  FrameWait *wait = data;

  return wait->times.frames >= wait->wanted;
}

/* What one chart's snapshot and its drawing take, on average, in milliseconds. */
static double
chart_draw_ms (OporaChartWidget *chart)
{
  const int n = 20;
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gint64 start = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      cairo_t *cr;

      GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      cr = cairo_create (surface);
      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - start) / 1000.0 / n;
}

/* One frame of the page — layout, snapshot and drawing with the renderer in use, from the
 * frame clock's before-paint to its after-paint — within 16 ms; the figure is printed. */
static void
test_frame_time (Fixture       *fixture,
                 gconstpointer  data)
{
  const guint n_frames = 20;
  FrameWait wait = { 0, { 0, 0, 0 } };
  GdkFrameClock *clock;
  gulong before, after;
  double frame_ms, charts_ms;

  if (fixture->store == NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  g_assert_nonnull (clock);
  spin ();
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &wait.times);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait.times);

  for (guint i = 1; i <= n_frames; i++)
    {
      /* Every chart re-draws, as after a change of data, theme or cursor. */
      opora_chart_widget_set_cursor (opora_indicators_page_get_chart (fixture->page), i % 2);
      gtk_widget_queue_draw (GTK_WIDGET (opora_indicators_page_get_chart (fixture->page)));
      gtk_widget_queue_draw (GTK_WIDGET (opora_indicators_page_get_trend (fixture->page)));
      wait.wanted = i;
      g_assert_true (wait_for (frame_done_cb, &wait));
    }
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  frame_ms = wait.times.total / 1000.0 / wait.times.frames;
  charts_ms = chart_draw_ms (opora_indicators_page_get_chart (fixture->page))
              + chart_draw_ms (opora_indicators_page_get_trend (fixture->page));
  g_test_message ("Indicators page %d×%d, %s renderer: %.2f ms a frame (%u frames), "
                  "of which the two charts' drawing %.2f ms",
                  gtk_widget_get_width (GTK_WIDGET (fixture->page)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->page)),
                  g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
                  frame_ms, wait.times.frames, charts_ms);
  /* The whole frame depends on the machine's load (it is printed, and measured again in
   * the benchmark); the charts' own share alone must fit in it. */
  g_assert_cmpfloat (charts_ms, <, 16.0);
}

static gboolean
page_shows_data (gpointer data)
{
  OporaChartWidget *chart = opora_indicators_page_get_chart (data);

  return opora_chart_widget_get_n_results (chart) > 0;
}

/* Left to itself, the page opens on the current year, or on the latest year before it
 * that has data: a registry kept up to last year shows last year's charts. */
static void
test_opens_on_latest_year (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(GVariantDict) person = G_VARIANT_DICT_INIT (NULL);
  g_auto(GVariantDict) contract = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int last_year = g_date_time_get_year (now) - 1;
  g_autofree char *concluded_on = g_strdup_printf ("%04d-06-01", last_year);
  g_autofree char *term_end = g_strdup_printf ("%04d-12-31", last_year);
  g_autofree char *first_day = g_strdup_printf ("%04d-01-01", last_year);
  g_autoptr(GError) error = NULL;
  OporaIndicatorsPage *page;
  GtkWindow *window;

  if (fixture->store == NULL)
    return;
  g_assert_true (opora_store_begin (fixture->store, &error));
  g_variant_dict_insert (&person, "id", "x", (gint64) 900);
  g_variant_dict_insert (&person, "surname", "s", "Егорова");
  g_variant_dict_insert (&person, "name", "s", "Анна");
  g_variant_dict_insert (&person, "sex", "s", "female");
  insert (fixture->store, "person", &person);
  g_variant_dict_insert (&contract, "number", "s", "900/last");
  g_variant_dict_insert (&contract, "person_id", "x", (gint64) 900);
  g_variant_dict_insert (&contract, "concluded_on", "s", concluded_on);
  g_variant_dict_insert (&contract, "term_start", "s", concluded_on);
  g_variant_dict_insert (&contract, "term_end", "s", term_end);
  insert (fixture->store, "contract", &contract);
  g_assert_true (opora_store_commit (fixture->store, &error));

  page = OPORA_INDICATORS_PAGE (opora_indicators_page_new (fixture->store));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (wait_for (page_shows_data, page));

  g_assert_cmpint (opora_period_picker_get_kind (opora_indicators_page_get_period_picker (page)),
                   ==, OPORA_PERIOD_YEAR);
  g_assert_cmpstr (opora_period_picker_get_from (opora_indicators_page_get_period_picker (page)),
                   ==, first_day);
  assert_counts (opora_chart_widget_get_result (opora_indicators_page_get_chart (page), 0),
                 "peer.surveyed", 0, 1);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Russian, from the build tree's translations (OPORA_LOCALEDIR), as a user sees it. */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  opora_i18n_init ();

  g_test_init (&argc, &argv, NULL);
  if (opora_test_init_gtk ())
    adw_init ();

  g_test_add ("/indicators-ui/computes-for-period", Fixture, NULL, fixture_set_up,
              test_computes_for_period, fixture_tear_down);
  g_test_add ("/indicators-ui/drilldown-marks", Fixture, NULL, fixture_set_up,
              test_drilldown_marks, fixture_tear_down);
  g_test_add ("/indicators-ui/opens-on-latest-year", Fixture, NULL, fixture_set_up,
              test_opens_on_latest_year, fixture_tear_down);
  g_test_add ("/indicators-ui/follows-database", Fixture, NULL, fixture_set_up,
              test_follows_database, fixture_tear_down);
  g_test_add ("/indicators-ui/target-change", Fixture, NULL, fixture_set_up,
              test_target_change, fixture_tear_down);
  g_test_add ("/indicators-ui/period-refused", Fixture, NULL, fixture_set_up,
              test_period_refused, fixture_tear_down);
  g_test_add ("/indicators-ui/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/indicators-ui/frame-time", Fixture, NULL, fixture_set_up, test_frame_time,
              fixture_tear_down);
  return g_test_run ();
}
