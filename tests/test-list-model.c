/* The store's lazy list under a view's selection: a reload must not make GTK read every
 * row. A GtkSingleSelection (GTK 4.8) whose selected row is among those an items-changed
 * removes looks for it, by pointer, among all the rows added — a million rows read, and
 * kept, when a large list reloads after a search, a sort or a save. */
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "opora-contract.h"
#include "opora-demo.h"
#include "opora-list-model.h"
#include "opora-store-contracts.h"
#include "opora-person.h"
#include "opora-store-persons.h"
#include "opora-store-private.h"
#include "opora-test-util.h"

/* A GListModel in front of another that counts the rows read through it. */
#define COUNTING_TYPE_MODEL (counting_model_get_type ())
G_DECLARE_FINAL_TYPE (CountingModel, counting_model, COUNTING, MODEL, GObject)

struct _CountingModel
{
  GObject     parent_instance;
  GListModel *model;
  guint       reads;
};

static GType
counting_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (COUNTING_MODEL (list)->model);
}

static guint
counting_model_get_n_items (GListModel *list)
{
  return g_list_model_get_n_items (COUNTING_MODEL (list)->model);
}

static gpointer
counting_model_get_item (GListModel *list,
                         guint       position)
{
  CountingModel *self = COUNTING_MODEL (list);

  self->reads++;
  return g_list_model_get_item (self->model, position);
}

static void
counting_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = counting_model_get_item_type;
  iface->get_n_items = counting_model_get_n_items;
  iface->get_item = counting_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CountingModel, counting_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      counting_model_iface_init))

static void
counting_model_finalize (GObject *object)
{
  g_clear_object (&COUNTING_MODEL (object)->model);
  G_OBJECT_CLASS (counting_model_parent_class)->finalize (object);
}

static void
counting_model_class_init (CountingModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = counting_model_finalize;
}

static void
counting_model_init (CountingModel *self)
{
}

static CountingModel *
counting_model_new (GListModel *model)
{
  CountingModel *self = g_object_new (COUNTING_TYPE_MODEL, NULL);

  self->model = g_object_ref (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (g_list_model_items_changed),
                           self, G_CONNECT_SWAPPED);
  return self;
}

typedef struct
{
  char               *dir;
  OporaStore         *store;
  GListModel         *persons;
  CountingModel      *counting;
  GtkSingleSelection *selection;
  guint               n_persons;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = opora_test_open_store (&f->dir);
  g_assert_true (opora_demo_generate (f->store, 200, 1, &error));
  g_assert_no_error (error);

  f->persons = opora_store_list_persons (f->store, NULL);
  f->n_persons = g_list_model_get_n_items (f->persons);
  /* Enough persons that reading them all is told apart from reading a page. */
  g_assert_cmpuint (f->n_persons, >, 300);

  f->counting = counting_model_new (f->persons);
  f->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (f->counting)));
  /* A row is selected, as autoselect does and a user's click would. */
  gtk_single_selection_set_selected (f->selection, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 3);
  f->counting->reads = 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->selection);
  g_clear_object (&f->counting);
  g_clear_object (&f->persons);
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
assert_few_reads (Fixture *f)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==,
                    g_list_model_get_n_items (f->persons));
  /* The selection takes a row again; the view, not the selection, reads what it shows. */
  g_assert_cmpuint (f->counting->reads, <=, 2);
  g_assert_nonnull (gtk_single_selection_get_selected_item (f->selection));
}

/* A sort or a search reloads the list in place. */
static void
test_requery (Fixture       *f,
              gconstpointer  data)
{
  OporaPersonQuery query = { .sort = OPORA_PERSON_SORT_BIRTH_DATE, .descending = TRUE };

  opora_person_list_set_query (f->persons, &query);
  g_assert_cmpuint (g_list_model_get_n_items (f->persons), ==, f->n_persons);
  assert_few_reads (f);
}

/* A save anywhere reloads the list through the store's "changed". */
static void
test_save_elsewhere (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OporaPerson) person = g_list_model_get_item (f->persons, f->n_persons - 1);
  g_autoptr(GError) error = NULL;

  opora_person_set_notes (person, "Переехал");
  g_assert_true (opora_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
  assert_few_reads (f);
}

static void
count_changes_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

/* Asked for the query it shows (a sort set to the order it has, a filter told its choice
 * again), the list neither counts nor reloads; another query does. */
static void
test_same_query (Fixture       *f,
                 gconstpointer  data)
{
  OporaPersonQuery query = { .sort = OPORA_PERSON_SORT_BIRTH_DATE, .search = "ив" };
  OporaPersonQuery same = query;
  OporaPersonQuery one_letter = { .search = "и" };
  guint n_changes = 0;
  guint n_found;

  /* One letter is no search yet: the whole list, as it is. */
  g_signal_connect (f->persons, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  opora_person_list_set_query (f->persons, &one_letter);
  g_assert_cmpuint (n_changes, ==, 0);
  g_signal_handlers_disconnect_by_func (f->persons, count_changes_cb, &n_changes);

  opora_person_list_set_query (f->persons, &query);
  n_found = g_list_model_get_n_items (f->persons);
  g_signal_connect (f->persons, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  same.search = g_strdup ("ив"); /* equal, not the same pointer */
  opora_person_list_set_query (f->persons, &same);
  g_free ((char *) same.search);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (f->persons), ==, n_found);

  same.search = "иван";
  opora_person_list_set_query (f->persons, &same);
  g_assert_cmpuint (n_changes, >, 0);
  g_signal_handlers_disconnect_by_func (f->persons, count_changes_cb, &n_changes);
}

static gint64
contract_id_at (GListModel *list,
                guint       position)
{
  g_autoptr(OporaContract) contract = g_list_model_get_item (list, position);

  g_assert_nonnull (contract);
  return opora_contract_get_id (contract);
}

static void
wait_until_counted (GListModel *list)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!opora_list_model_is_counted (OPORA_LIST_MODEL (list)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A search too broad to count at once shows its first page, found by walking the order's
 * index; the worker thread's count then adds the rest, in the same order as the list
 * read in one go. A newer search drops the count of the older. */
static void
test_first_rows_then_counted (Fixture       *f,
                              gconstpointer  data)
{
  OporaContractQuery by_name = { .search = "СК" }; /* every number; no digit: names too */
  OporaContractQuery query = { .search = "СК-20" };
  OporaContractQuery narrower = { .search = "СК-2024", .sort = "number" };
  g_autoptr(GListModel) whole = opora_store_list_contracts (f->store, &by_name);
  g_autoptr(GListModel) narrow = opora_store_list_contracts (f->store, &narrower);
  g_autoptr(GListModel) list = opora_store_list_contracts (f->store, NULL);
  guint n_whole;
  guint n_changes = 0;

  /* Read in one go: the brief walk given no time, the small demo counts well within the
   * usual budget. */
  opora_list_model_set_budgets (OPORA_LIST_MODEL (whole), 1, 10 * G_USEC_PER_SEC, 1);
  opora_list_model_reload (OPORA_LIST_MODEL (whole));
  g_assert_true (opora_list_model_is_counted (OPORA_LIST_MODEL (whole)));
  n_whole = g_list_model_get_n_items (whole);
  g_assert_cmpuint (n_whole, >, 64);

  /* A search by names walks first, and finds the first page at once: shown, and counted
   * in the background. */
  opora_contract_list_set_query (list, &by_name);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 64);
  g_assert_false (opora_list_model_is_counted (OPORA_LIST_MODEL (list)));
  wait_until_counted (list);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_whole);
  for (guint i = 0; i < n_whole; i++)
    g_assert_cmpint (contract_id_at (list, i), ==, contract_id_at (whole, i));

  /* A search with digits is counted first; not in time, it is walked. */
  opora_contract_list_set_query (list, NULL);
  opora_list_model_set_budgets (OPORA_LIST_MODEL (list), 10 * G_USEC_PER_SEC, 1,
                                10 * G_USEC_PER_SEC);
  opora_contract_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 64);
  g_assert_false (opora_list_model_is_counted (OPORA_LIST_MODEL (list)));
  for (guint i = 0; i < 64; i++)
    g_assert_cmpint (contract_id_at (list, i), ==, contract_id_at (whole, i));

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  wait_until_counted (list);
  g_assert_cmpuint (n_changes, ==, 1); /* the rest added after the first page */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_whole);
  for (guint i = 0; i < n_whole; i++)
    g_assert_cmpint (contract_id_at (list, i), ==, contract_id_at (whole, i));
  g_signal_handlers_disconnect_by_func (list, count_changes_cb, &n_changes);

  /* Typing on before the count is done: the list ends as the newer search. */
  opora_contract_list_set_query (list, &(OporaContractQuery) { .search = "СК-2" });
  g_assert_false (opora_list_model_is_counted (OPORA_LIST_MODEL (list)));
  opora_contract_list_set_query (list, &narrower);
  wait_until_counted (list);
  wait_until_counted (narrow);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_list_model_get_n_items (narrow));
  for (guint i = 0; i < g_list_model_get_n_items (narrow); i++)
    g_assert_cmpint (contract_id_at (list, i), ==, contract_id_at (narrow, i));
  /* Nothing late arrives. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_list_model_get_n_items (narrow));
}

/* Typing on after a search that matched few rows: no brief walk, which could not find a
 * page of a narrower search anyway; the list is counted at once. */
static void
test_narrow_search_counted_at_once (Fixture       *f,
                                    gconstpointer  data)
{
  OporaContractQuery by_name = { .search = "СК" };
  OporaContractQuery sorted = { .search = "СК", .sort = "number" };
  g_autoptr(GListModel) list = opora_store_list_contracts (f->store, NULL);

  opora_contract_list_set_query (list, &by_name);
  g_assert_false (opora_list_model_is_counted (OPORA_LIST_MODEL (list)));
  wait_until_counted (list);
  /* 200 contracts: a narrow search, of a million. */
  g_assert_cmpuint (g_list_model_get_n_items (list), <, 20000);

  opora_contract_list_set_query (list, &sorted);
  g_assert_true (opora_list_model_is_counted (OPORA_LIST_MODEL (list)));
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 64);

  /* The whole list between two searches: the next search is walked briefly again. */
  opora_contract_list_set_query (list, NULL);
  opora_contract_list_set_query (list, &by_name);
  g_assert_false (opora_list_model_is_counted (OPORA_LIST_MODEL (list)));
  wait_until_counted (list);
}

/* The count disagrees with the first rows shown (here another program added a contract
 * in between; the walk and the index could, too, tell a row apart): the count's rows
 * replace them. */
static void
test_first_rows_replaced (Fixture       *f,
                          gconstpointer  data)
{
  OporaContractQuery query = { .search = "СК" };
  g_autoptr(GListModel) list = opora_store_list_contracts (f->store, NULL);
  g_autofree char *path = g_build_filename (f->dir, "opora.db", NULL);
  sqlite3 *other = NULL;
  OporaTestChange change = { 0 };
  guint shown;

  /* The count waits for the reader connection the test holds till the contract is in. */
  g_assert_nonnull (opora_store_reader_acquire (f->store));
  opora_list_model_set_budgets (OPORA_LIST_MODEL (list), 10 * G_USEC_PER_SEC, 1, 1);
  opora_contract_list_set_query (list, &query);
  g_assert_false (opora_list_model_is_counted (OPORA_LIST_MODEL (list)));
  shown = g_list_model_get_n_items (list);
  g_assert_cmpuint (shown, ==, 64);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "INSERT INTO contract (number, person_id, concluded_on,"
                                 " term_start, term_end) SELECT 'СК-2099-1', person_id,"
                                 " '2099-01-01', '2099-01-01', '2099-12-31' FROM contract"
                                 " LIMIT 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  opora_store_reader_release (f->store);

  g_signal_connect (list, "items-changed", G_CALLBACK (opora_test_record_change_cb), &change);
  wait_until_counted (list);
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, shown);
  g_assert_cmpuint (change.added, ==, g_list_model_get_n_items (list));
  {
    g_autoptr(OporaContract) first = g_list_model_get_item (list, 0);

    g_assert_cmpstr (opora_contract_get_number (first), ==, "СК-2099-1");
  }
  g_signal_handlers_disconnect_by_func (list, opora_test_record_change_cb, &change);
}

static void
read_row_at (GListModel *list,
             guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, position);

  g_assert_nonnull (item);
}

static void
save_phone (Fixture    *f,
            GListModel *list,
            guint       position,
            const char *phone)
{
  g_autoptr(OporaPerson) person = g_list_model_get_item (list, position);
  g_autoptr(GError) error = NULL;

  opora_person_set_phone (person, phone);
  g_assert_true (opora_store_save_person (f->store, person, &error));
  g_assert_no_error (error);
}

/* A save that moves no row is told as that one row changed: a view keeps its place and
 * its selection. A save that moves rows reloads the list. Both with all keys kept (a search
 * result) and read page by page (a million, here made short). */
static void
test_save_in_place (Fixture       *f,
                    gconstpointer  data)
{
  for (guint paged = 0; paged < 2; paged++)
    {
      g_autoptr(GListModel) list = opora_store_list_persons (f->store, NULL);
      guint n = g_list_model_get_n_items (list);
      guint last = n - 1;
      OporaTestChange change = { 0 };

      if (paged)
        {
          opora_list_model_set_max_kept_keys (OPORA_LIST_MODEL (list), 10);
          opora_list_model_reload (OPORA_LIST_MODEL (list));
        }
      /* Rows read from both ends, as a view scrolled to the end reads them. */
      read_row_at (list, 0);
      read_row_at (list, last);

      g_signal_connect (list, "items-changed", G_CALLBACK (opora_test_record_change_cb), &change);
      save_phone (f, list, last, paged ? "+7 900 000-00-02" : "+7 900 000-00-01");
      g_assert_cmpuint (change.n_changes, ==, 1);
      g_assert_cmpuint (change.position, ==, last);
      g_assert_cmpuint (change.removed, ==, 1);
      g_assert_cmpuint (change.added, ==, 1);
      {
        g_autoptr(OporaPerson) again = g_list_model_get_item (list, last);
        /* Kept as digits. */
        g_assert_cmpstr (opora_person_get_phone (again), ==,
                         paged ? "+79000000002" : "+79000000001");
      }

      /* A new surname moves the person to another place: the list is read again. */
      change.n_changes = 0;
      {
        g_autoptr(OporaPerson) person = g_list_model_get_item (list, last);
        g_autoptr(GError) error = NULL;

        opora_person_set_surname (person, "Аааааа");
        g_assert_true (opora_store_save_person (f->store, person, &error));
        g_assert_no_error (error);
      }
      g_assert_cmpuint (change.n_changes, ==, 2); /* all gone, then all new */
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
      {
        g_autoptr(OporaPerson) first = g_list_model_get_item (list, 0);
        g_assert_cmpstr (opora_person_get_surname (first), ==, "Аааааа");
      }
      g_signal_handlers_disconnect_by_func (list, opora_test_record_change_cb, &change);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/list-model/requery-under-selection", Fixture, NULL,
              fixture_set_up, test_requery, fixture_tear_down);
  g_test_add ("/list-model/save-under-selection", Fixture, NULL,
              fixture_set_up, test_save_elsewhere, fixture_tear_down);
  g_test_add ("/list-model/same-query-keeps-rows", Fixture, NULL,
              fixture_set_up, test_same_query, fixture_tear_down);
  g_test_add ("/list-model/save-in-place", Fixture, NULL,
              fixture_set_up, test_save_in_place, fixture_tear_down);
  g_test_add ("/list-model/first-rows-then-counted", Fixture, NULL,
              fixture_set_up, test_first_rows_then_counted, fixture_tear_down);
  g_test_add ("/list-model/narrow-search-counted-at-once", Fixture, NULL,
              fixture_set_up, test_narrow_search_counted_at_once, fixture_tear_down);
  g_test_add ("/list-model/first-rows-replaced", Fixture, NULL,
              fixture_set_up, test_first_rows_replaced, fixture_tear_down);

  return g_test_run ();
}
