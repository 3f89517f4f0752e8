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

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
from e2e_harness import (Step, _, d, fill, rows_of, save, shoot,  # noqa: E402
                         show_section, wait_closed, wait_rows)
import e2e_harness as h  # noqa: E402

OPORA, OPORA_CLI, ARTIFACTS = (os.path.abspath(arg) for arg in sys.argv[1:4])

# The person and the contract, as typed.
SURNAME, NAME, PATRONYMIC = "Иванов", "Пётр", "Сергеевич"
BIRTH_DATE, BIRTH_DATE_ISO = "15.03.1985", "1985-03-15"
SNILS_DIGITS = "112233445"
CONTRACT_NUMBER = "СК-117/2024"
CONCLUDED, TERM_START, TERM_END = "01.02.2024", "05.02.2024", "31.01.2025"
ISO = {"01.02.2024": "2024-02-01", "05.02.2024": "2024-02-05", "31.01.2025": "2025-01-31"}


def snils_check(digits):
    """The SNILS check number, by the Pension Fund's published rule."""
    total = sum(int(digit) * (9 - i) for i, digit in enumerate(digits))
    while total > 101:
        total %= 101
    return 0 if total in (100, 101) else total


def format_snils(digits, check):
    return f"{digits[0:3]}-{digits[3:6]}-{digits[6:9]} {check:02d}"


def section_page(frame, title):
    """The page of the section @title: the stack page named after it, shown."""
    return d.find(frame, "panel", title)


def field(editor, label):
    return d.find(editor, "text", label)


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
    d.choose_in_combo(d.find(editor, "combo box", _("Sex", "person")), _("Male", "sex"))

    Step("person: a wrong SNILS is refused, with the reason next to the field")
    check = snils_check(SNILS_DIGITS)
    wrong = format_snils(SNILS_DIGITS, (check + 1) % 100)
    fill(editor, _("SNILS", "person"), wrong)
    save(editor)
    snils = field(editor, _("SNILS", "person"))
    refusal = d.wait_for(lambda: d.error_next_to(snils), 5, what="the SNILS refusal")
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


def walk(app, frame):
    full_name = create_person(app, frame)
    create_contract(app, frame, full_name)
    search(frame)


def main():
    scratch = tempfile.mkdtemp(prefix="opora-e2e-")
    database = os.path.join(scratch, "opora.db")
    h.start(ARTIFACTS, "e2e-")
    h.run(OPORA, database, scratch, walk, timeout=90)
    check_export(database, scratch)
    shutil.rmtree(scratch)
    h.passed()


if __name__ == "__main__":
    main()
