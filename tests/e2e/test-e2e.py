#!/usr/bin/python3
"""The end-to-end test: starts the real `opora` on a fresh database under the display and
accessibility bus it is given (xvfb-run … dbus-run-session), and drives it as a person
would — reads the welcome, creates a person (is refused a wrong SNILS first, reads why next
to the field, corrects it), creates a social contract for them choosing the applicant in
its chooser, finds both by search — then checks with the real `opora-cli export` that the
database holds what was typed. A screenshot of every page visited goes to ARTIFACTS_DIR.

Usage: test-e2e.py OPORA OPORA_CLI ARTIFACTS_DIR   (run by `meson test --suite e2e`)

Labels are looked up through the build's own translation (LANGUAGE=ru, OPORA_LOCALEDIR), so
the test finds what a Russian-speaking user — or their screen reader — reads."""

import gettext
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77  # meson's "skipped"

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ left in the source tree


def refuse_to_run(why):
    """Without a display or bus there is nothing to drive: skipped on a developer's
    machine, an error where the display was promised (OPORA_REQUIRE_DISPLAY, as in CI)."""
    if os.environ.get("OPORA_REQUIRE_DISPLAY"):
        print(f"Bail out! {why}, and OPORA_REQUIRE_DISPLAY is set", file=sys.stderr)
        sys.exit(1)
    print(f"skipped: {why}")
    sys.exit(SKIP)


if not os.environ.get("DISPLAY"):
    refuse_to_run("no X display (run under xvfb-run)")
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    refuse_to_run("no session bus (run under dbus-run-session)")
try:
    import atspi_driver as d  # noqa: E402
except (ImportError, ValueError) as error:
    refuse_to_run(f"no AT-SPI bindings for Python ({error})")

OPORA, OPORA_CLI, ARTIFACTS = (os.path.abspath(arg) for arg in sys.argv[1:4])
LOCALEDIR = os.environ.get("OPORA_LOCALEDIR")

# The person and the contract, as typed.
SURNAME, NAME, PATRONYMIC = "Иванов", "Пётр", "Сергеевич"
BIRTH_DATE, BIRTH_DATE_ISO = "15.03.1985", "1985-03-15"
SNILS_DIGITS = "112233445"
CONTRACT_NUMBER = "СК-117/2024"
CONCLUDED, TERM_START, TERM_END = "01.02.2024", "05.02.2024", "31.01.2025"
ISO = {"01.02.2024": "2024-02-01", "05.02.2024": "2024-02-05", "31.01.2025": "2025-01-31"}

# Without the catalogue both the application and the test read the English source.
translation = gettext.translation("opora", localedir=LOCALEDIR, languages=["ru"],
                                  fallback=True)


def _(text, context=None):
    """What the application shows for @text: its translation, without the mnemonic."""
    shown = translation.pgettext(context, text) if context else translation.gettext(text)
    return shown.replace("_", "")


def snils_check(digits):
    """The SNILS check number, by the Pension Fund's published rule."""
    total = sum(int(digit) * (9 - i) for i, digit in enumerate(digits))
    while total > 101:
        total %= 101
    return 0 if total in (100, 101) else total


def format_snils(digits, check):
    return f"{digits[0:3]}-{digits[3:6]}-{digits[6:9]} {check:02d}"


class Step:
    """Names what the test is doing, so a failure says where it happened."""
    current = "starting"
    started = time.monotonic()

    def __init__(self, what):
        Step.current = what
        print(f"# {time.monotonic() - Step.started:5.1f} s  {what}", flush=True)


shots = []


def shoot(name):
    path = d.screenshot(os.path.join(ARTIFACTS, f"e2e-{len(shots) + 1:02d}-{name}.png"))
    shots.append(path)
    print(f"# screenshot: {path}", flush=True)


def section_page(frame, title):
    """The page of the section @title: the stack page named after it, shown."""
    return d.find(frame, "panel", title)


def show_section(frame, title):
    """Clicks the section in the sidebar, as a person would, and waits for its page."""
    sidebar = d.find(frame, "list", _("Sections"))
    d.pointer_click(d.find(sidebar, "list item", title))
    d.wait_for(lambda: d.name_matches(window_title(frame), title), 5,
               what=f"the {title!r} section to show")
    return section_page(frame, title)


def window_title(frame):
    """The title shown in the content's header bar (the section's name)."""
    for node in d.walk(frame):
        if d.role_of(node) == "filler" and node.get_name() == "AdwWindowTitle" \
                and d.is_shown(node):
            texts = [t for t in d.labels_text(node) if t]
            if texts:
                return texts[0]
    return None


def rows_of(page, table_name):
    table = d.find(page, "tree table", table_name)
    return d.table_rows(table)


def wait_rows(page, table_name, predicate, what):
    return d.wait_for(lambda: predicate(rows_of(page, table_name)), 10, what=what)


def field(editor, label):
    return d.find(editor, "text", label)


def fill(editor, label, text):
    entry = field(editor, label)
    d.set_text(entry, text)
    d.wait_for(lambda: d.get_text(entry) == text, 5, what=f"{label!r} to read {text!r}")


def error_next_to(entry):
    """The refusal shown right under @entry: the label of the row that follows it."""
    parent = entry.get_parent()
    index = entry.get_index_in_parent()
    if index + 1 >= parent.get_child_count():
        return None
    texts = [t for t in d.labels_text(parent.get_child_at_index(index + 1)) if t]
    return texts[0] if texts else None


def choose_in_combo(combo, item):
    """Opens the combo row's list with the pointer and picks @item with the keyboard, as
    its popover's rows have neither an action nor a usable position on GTK 4.8."""
    d.pointer_click(combo)
    popover = d.wait_for(lambda: next((n for n in d.walk(combo) if d.is_popover(n)), None),
                         5, what="the combo's list to open")
    listed = d.wait_for(lambda: [t for t in d.labels_text(popover) if t], 5,
                        what="the combo's items")
    current = combo_value(combo)
    steps = listed.index(item) - listed.index(current)
    for _step in range(abs(steps)):
        d.press("Down" if steps > 0 else "Up")
    d.press("Return")
    d.wait_for(lambda: combo_value(combo) == item, 5, what=f"the combo to show {item!r}")


def combo_value(combo):
    """What a combo row shows as chosen: the label of its (one-row) list of the selection."""
    for node in d.walk(combo):
        if d.role_of(node) == "list item":
            texts = [t for t in d.labels_text(node) if t]
            return texts[0] if texts else None
    return None


def save(editor):
    d.click(d.find(editor, "push button", _("Save")))


def wait_closed(editor, what):
    d.wait_for(lambda: d.gone(editor), 10, what=f"the {what} editor to close")


def create_person(app, frame):
    Step("welcome: the empty registry greets the user")
    greeting = d.find(frame, "panel", _("No Records Yet"))
    welcome = d.find(greeting, "push button", _("_Create the First Person"))
    shoot("welcome")

    Step("person: «Create the first person» opens the editor")
    d.click(welcome)
    editor = d.wait_for_window(app, _("Person", "person"))
    fill(editor, _("Surname", "person"), SURNAME)
    fill(editor, _("Name", "person"), NAME)
    fill(editor, _("Patronymic", "person"), PATRONYMIC)
    fill(editor, _("Birth date", "person"), BIRTH_DATE)
    choose_in_combo(d.find(editor, "combo box", _("Sex", "person")), _("Male", "sex"))

    Step("person: a wrong SNILS is refused, with the reason next to the field")
    check = snils_check(SNILS_DIGITS)
    wrong = format_snils(SNILS_DIGITS, (check + 1) % 100)
    fill(editor, _("SNILS", "person"), wrong)
    save(editor)
    snils = field(editor, _("SNILS", "person"))
    refusal = d.wait_for(lambda: error_next_to(snils), 5, what="the SNILS refusal")
    expected = _("SNILS check number is wrong: expected %02d") % check
    assert refusal == expected, f"the SNILS refusal reads {refusal!r}, not {expected!r}"
    assert not d.gone(editor), "the editor closed although the SNILS was refused"
    for label, typed in ((_("Surname", "person"), SURNAME), (_("Name", "person"), NAME),
                         (_("SNILS", "person"), wrong)):
        kept = d.get_text(field(editor, label))
        assert kept == typed, f"{label!r} reads {kept!r} after the refusal, not {typed!r}"
    shoot("person-refused")

    Step("person: the corrected SNILS is saved")
    fill(editor, _("SNILS", "person"), format_snils(SNILS_DIGITS, check))
    save(editor)
    wait_closed(editor, "person")

    page = section_page(frame, _("Persons"))
    full_name = f"{SURNAME} {NAME} {PATRONYMIC}"
    wait_rows(page, _("Persons"), lambda rows: any(full_name in r[0] for r in rows),
              f"{full_name!r} in the persons list")
    shoot("persons")
    return full_name


def create_contract(app, frame, full_name):
    Step("contract: the section, then «New»")
    page = show_section(frame, _("Social contracts"))
    shoot("contracts-empty")
    d.click(d.find(page, "push button", _("New contract")))
    editor = d.wait_for_window(app, _("New Social Contract"))
    fill(editor, _("Contract number"), CONTRACT_NUMBER)

    Step("contract: the applicant, found in the chooser")
    d.click(d.find(editor, "push button", _("Choose the applicant")))
    search = d.find(editor, "entry", _("Find the applicant"))
    d.set_text(search, SURNAME.lower())
    chooser = d.find(editor, "list", _("Persons"))
    d.wait_for(lambda: any(full_name in t for t in d.labels_text(chooser)), 5,
               what=f"{full_name!r} in the applicant chooser")
    shoot("contract-applicant-chooser")
    d.press("Return")  # the chooser takes the first person found
    applicant = d.find(editor, "list item", _("Applicant"))
    d.wait_for(lambda: any(full_name in t for t in d.labels_text(applicant)), 5,
               what=f"the applicant row to name {full_name!r}")

    Step("contract: the dates, then save")
    fill(editor, _("Date concluded"), CONCLUDED)
    fill(editor, _("First day of the term"), TERM_START)
    fill(editor, _("Last day of the term"), TERM_END)
    shoot("contract-editor")
    save(editor)
    wait_closed(editor, "contract")

    wait_rows(page, _("Social contracts"),
              lambda rows: any(CONTRACT_NUMBER in r[0] and any(full_name in c for c in r)
                               for r in rows),
              f"contract {CONTRACT_NUMBER!r} of {full_name!r} in the list")
    shoot("contracts")


def search_and_see(page, table, entry_name, miss, none_found, hit, expect):
    """Types a search that finds nothing and reads @none_found, then @hit and sees a row
    starting with @expect: the list follows the search, it does not merely keep the row."""
    entry = d.find(page, "entry", entry_name)
    d.set_text(entry, miss)
    d.wait_for(lambda: none_found in d.labels_text(page), 10,
               what=f"«{none_found}» for {miss!r}")
    d.wait_for(lambda: not rows_of(page, table), 5, what=f"the list to empty for {miss!r}")
    d.set_text(entry, hit)
    wait_rows(page, table, lambda rows: any(r[0].startswith(expect) for r in rows),
              f"{expect!r} found by {hit!r}")


def search(frame):
    Step("search: «иванов» in lower case finds Иванов")
    page = show_section(frame, _("Persons"))
    miss = "петров"
    search_and_see(page, _("Persons"), _("Search persons", "person"), miss,
                   _("No persons match “%s”") % miss, SURNAME.lower(), SURNAME)
    shoot("persons-search")

    Step("search: the contract number finds the contract")
    page = show_section(frame, _("Social contracts"))
    miss = "СК-999"
    search_and_see(page, _("Social contracts"), _("Search contracts"), miss,
                   _("No contracts match “%s”") % miss, CONTRACT_NUMBER, CONTRACT_NUMBER)
    shoot("contracts-search")


def check_export(database, scratch):
    Step("export: the database holds what was typed")
    path = os.path.join(scratch, "export.json")
    subprocess.run([OPORA_CLI, "export", "--db", database, path], check=True, timeout=60)
    with open(path, encoding="utf-8") as f:
        exported = json.load(f)
    text = json.dumps(exported, ensure_ascii=False)
    persons = find_records(exported, "surname", SURNAME)
    assert len(persons) == 1, f"the export holds {len(persons)} persons named {SURNAME}: {text}"
    person = persons[0]
    for key, value in (("name", NAME), ("patronymic", PATRONYMIC),
                       ("birth_date", BIRTH_DATE_ISO), ("sex", "male"),
                       ("snils", SNILS_DIGITS + "%02d" % snils_check(SNILS_DIGITS))):
        assert person.get(key) == value, f"the person's {key} is {person.get(key)!r}: {person}"
    contracts = find_records(exported, "number", CONTRACT_NUMBER)
    assert len(contracts) == 1, f"the export holds {len(contracts)} contracts: {text}"
    contract = contracts[0]
    for key, value in (("concluded_on", ISO[CONCLUDED]), ("term_start", ISO[TERM_START]),
                       ("term_end", ISO[TERM_END])):
        assert contract.get(key) == value, f"the contract's {key} is {contract.get(key)!r}"
    person_key = next(v for k, v in contract.items() if k in ("person_id", "person"))
    assert person_key == person.get("id"), f"the contract's applicant is {person_key!r}"


def find_records(node, key, value):
    """Every object anywhere in @node with @key equal to @value."""
    found = []
    if isinstance(node, dict):
        if node.get(key) == value:
            found.append(node)
        for child in node.values():
            found += find_records(child, key, value)
    elif isinstance(node, list):
        for child in node:
            found += find_records(child, key, value)
    return found


def app_environment(scratch):
    env = dict(os.environ)
    # In-process UI tests switch accessibility off; this one lives by it.
    for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
        env.pop(name, None)
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(scratch, name.lower())
        os.makedirs(env[name], exist_ok=True)
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env.setdefault("GSK_RENDERER", "cairo")
    return env


def main():
    scratch = tempfile.mkdtemp(prefix="opora-e2e-")
    database = os.path.join(scratch, "opora.db")
    log_path = os.path.join(ARTIFACTS, "e2e-opora.log")
    os.makedirs(ARTIFACTS, exist_ok=True)
    for old in os.listdir(ARTIFACTS):
        if old.startswith("e2e-") and old.endswith(".png"):
            os.unlink(os.path.join(ARTIFACTS, old))

    log = open(log_path, "w")
    d.wait_for_display()
    process = subprocess.Popen(["timeout", "-k", "5", "90", OPORA, "--database", database],
                               env=app_environment(scratch), stdout=log,
                               stderr=subprocess.STDOUT)
    ok = False
    try:
        Step("launch: opora appears on the accessibility bus")
        app = d.find_app("opora", process, timeout=30)
        frame = d.wait_for(lambda: next((w for w in d.windows(app)
                                         if d.name_matches(w.get_name(), _("Opora"))), None),
                           15, what="the main window")
        full_name = create_person(app, frame)
        create_contract(app, frame, full_name)
        search(frame)

        Step("quit: the window closes, the application ends")
        d.do_action(frame, "window.close")
        process.wait(timeout=15)
        ok = True
    except Exception:
        print(f"# failed while: {Step.current}", file=sys.stderr)
        try:
            shoot("failure")
        except Exception:
            pass
        raise
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
        log.close()
        with open(log_path) as f:
            output = f.read()
        if output.strip():
            print(f"# opora said ({log_path}):\n{output}", file=sys.stderr)
        if ok:
            assert process.returncode == 0, f"opora exited with {process.returncode}"
            complaints = [line for line in output.splitlines()
                          if "-CRITICAL **" in line or "-WARNING **" in line]
            assert not complaints, "opora complained:\n" + "\n".join(complaints)

    check_export(database, scratch)
    shutil.rmtree(scratch)
    print(f"# passed in {time.monotonic() - Step.started:.1f} s; screenshots:")
    for path in shots:
        print(f"#   {path}")


if __name__ == "__main__":
    main()
