#!/usr/bin/python3
"""The end-to-end test of «Равный – равному» (issue 3): walks one peer group from forming
it to the follow-up call to its chart, in the real `opora` window, over the accessibility
bus, as a specialist would.

A small centre is loaded first with `opora-cli import` (four persons with contracts, three
staff; typing persons is test-e2e.py's part). Everything of the peer workflow is then done
in the window: one person goes on the register of peers; two are marked by hand as
wishing to use others' experience, a third answers yes to the survey's second question on
her own page; the psychologist forms the group, holds the meeting with one participant
absent; a follow-up call is refused a day too early — the reason is read next to the
field — and recorded a month after; the calls-due queue follows. Then the Indicators
page, for periods chosen in its period picker, must read the figures that SPEC's
definitions give for what was done, and `opora-cli` must find the same in the database.
A screenshot of every page visited goes to ARTIFACTS_DIR.

Usage: test-e2e-peer.py OPORA OPORA_CLI ARTIFACTS_DIR   (run by `meson test --suite e2e`)"""

import calendar
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
from e2e_harness import (Step, _, check, d, fill, save, shoot,  # noqa: E402
                         show_section, wait_closed, wait_rows)
import e2e_harness as h  # noqa: E402

OPORA, OPORA_CLI, ARTIFACTS = (os.path.abspath(arg) for arg in sys.argv[1:4])


# The centre before the walk: who the persons are, and their contracts.
PEER = "Смирнова Ольга Николаевна"
WISHER_1 = "Кузнецов Иван Петрович"     # marked by hand; attends; is called
WISHER_2 = "Попова Анна Сергеевна"      # marked by hand; absent from the meeting
RESPONDENT = "Васильева Елена Игоревна"  # says yes to Q2 on her page; attends, not called
PERSON_IDS = {PEER: 1, WISHER_1: 2, WISHER_2: 3, RESPONDENT: 4}
FACILITATOR = "Орлов Дмитрий Павлович"
FACILITATOR_ID = 3
CONTRACTS_CONCLUDED = {PEER: "2026-08-03", WISHER_1: "2026-08-03", WISHER_2: "2026-08-04",
                       RESPONDENT: "2026-08-04"}

# What the specialist enters, as typed (DD.MM.YYYY).
CONSENT_ON = "12.08.2026"
EXPERIENCE = "Нашла работу после курсов переподготовки, вырастила двоих детей одна"
MARKED_ON = {WISHER_1: "10.08.2026", WISHER_2: "11.08.2026"}
WISH_NOTE = "Сказал(а) на приёме у специалиста"
SURVEYED_ON = "14.08.2026"
GROUP_TITLE = "Встреча равных, сентябрь"
FORMED_ON = "20.08.2026"
MEETING_ON = "01.09.2026"
START_TIME = "11:00"
DURATION = "90"
PLACE = "Кабинет психолога, ул. Мира, 5"
ABSENT = WISHER_2
EARLY_CALL = "15.09.2026"  # two weeks after the meeting: refused
CALLED_ON = "01.10.2026"   # one calendar month after: accepted
CALL_NOTE = "Устроился на работу, благодарит за встречу"


def iso(display):
    day, month, year = display.split(".")
    return f"{year}-{month}-{day}"


def display(iso_date):
    year, month, day = iso_date.split("-")
    return f"{day}.{month}.{year}"


def month_after(iso_date):
    """SPEC: the same day of the next month, or that month's last day when it is shorter."""
    date = datetime.date.fromisoformat(iso_date)
    year, month = (date.year + 1, 1) if date.month == 12 else (date.year, date.month + 1)
    return datetime.date(year, month,
                         min(date.day, calendar.monthrange(year, month)[1])).isoformat()


def fixture():
    """The centre as an interchange file (docs/interchange.md)."""
    staff = [
        {"id": 1, "full_name": "Петрова Анна Ивановна", "position": "family_specialist",
         "active": 1},
        {"id": 2, "full_name": "Соколова Марина Викторовна", "position": "psychologist",
         "active": 1},
        {"id": FACILITATOR_ID, "full_name": FACILITATOR, "position": "psychologist",
         "active": 1},
    ]
    births = {PEER: "1979-05-14", WISHER_1: "1986-11-02", WISHER_2: "1991-02-20",
              RESPONDENT: "1983-07-30"}
    persons, contracts = [], []
    for name, key in PERSON_IDS.items():
        surname, first, patronymic = name.split()
        persons.append({"id": key, "surname": surname, "name": first,
                        "patronymic": patronymic, "birth_date": births[name],
                        "sex": "male" if name == WISHER_1 else "female",
                        "phone": f"+7 912 100-00-0{key}"})
        concluded = CONTRACTS_CONCLUDED[name]
        end = datetime.date.fromisoformat(concluded) + datetime.timedelta(days=183)
        contracts.append({"id": key, "number": f"СК-2026/10{key}", "person_id": key,
                          "concluded_on": concluded, "term_start": concluded,
                          "term_end": end.isoformat(), "curator_id": 1})
    return {
        "format": "opora", "version": 1, "schema": 2,
        "institution": {"id": 1,
                        "full_name": "БУ «Югорский комплексный центр социального "
                                     "обслуживания населения»",
                        "short_name": "БУ «Югорский КЦСОН»", "address": "г. Югорск",
                        "phone": "8(34675) 7-24-16", "city": "Югорск",
                        "city_locative": "Югорске"},
        "staff": staff, "person": persons, "contract": contracts,
    }


def show_tab(page, title):
    d.click(d.find(page, "page tab", title))
    # The tab's own search entry is on screen once its page is.
    return title


def row_node(page, table_name, first_cell):
    table = d.find(page, "tree table", table_name)
    return d.wait_for(lambda: next((r for r in d.table_row_nodes(table)
                                    if d.labels_text(r.get_child_at_index(0))[:1]
                                    == [first_cell]), None),
                      5, what=f"the row of {first_cell!r} in {table_name!r}")


def open_row(page, table_name, first_cell):
    """Selects the row with the pointer and opens it with Enter. (A double click would
    map the new window under the second press, and GTK 4.8 complains of the release it
    then gets.) A click that lands while the tab just shown is still being laid out
    selects nothing: the row is found and clicked again."""
    def selected():
        table = d.find(page, "tree table", table_name)
        return any(n.get_state_set().contains(d.Atspi.StateType.SELECTED)
                   for n in d.table_row_nodes(table)
                   if d.labels_text(n.get_child_at_index(0))[:1] == [first_cell])

    for attempt in range(3):
        d.pointer_click(row_node(page, table_name, first_cell).get_child_at_index(0))
        try:
            d.wait_for(selected, 2, what=f"the row of {first_cell!r} selected")
            break
        except d.DriverError:
            if attempt == 2:
                raise
    d.press("Return")


def tick(editor, name):
    """Ticks the check box (or switch) @name of @editor, scrolled to first if need be."""
    box = d.scroll_into_view(d.find(editor, "check box", name))
    d.click(box)
    d.wait_for(lambda: box.get_state_set().contains(d.Atspi.StateType.CHECKED), 5,
               what=f"{name!r} ticked")


def is_chooser(node):
    """The person chooser: a popover of its own type, under the button that opens it."""
    return d.role_of(node) == "filler" and node.get_name() == "OporaPeerChooser"


def choose_person(editor, button_name, name, source=None):
    """Opens the person chooser of @editor (on its @source of candidates, when given),
    finds @name by surname, takes it with Enter."""
    # A popover opens beside its button: on a form taller than the window, scroll to it first.
    button = d.scroll_into_view(d.find(editor, "push button", button_name))
    d.click(button)
    chooser = d.wait_for(lambda: next((n for n in d.walk(button)
                                       if is_chooser(n) and d.is_shown(n)), None),
                         5, what="the person chooser to open")
    if source is not None:
        d.click(d.find(chooser, "push button", source))
    d.set_text(d.find(chooser, "entry", _("Find a person")), name.split()[0].lower())
    found = d.find(chooser, "list", _("Persons"))
    d.wait_for(lambda: [t for t in d.labels_text(found) if t][:1] == [name], 5,
               what=f"{name!r} first in the chooser")
    d.press("Return")  # the chooser takes the first person found
    d.wait_for(lambda: not d.is_shown(chooser), 5, what="the chooser to close")


# The walk

def register_peer(app, frame):
    Step("register: the peer page, empty")
    page = show_section(frame, _("Peer to peer", "technology"))
    d.find(page, "panel", _("No Peers Yet"))
    shoot("register-empty")

    Step("register: a new peer — the person, the day of consent, the experience")
    d.click(d.find(page, "push button", _("New peer")))
    editor = d.wait_for_window(app, _("New Peer"))
    choose_person(editor, _("Choose the person"), PEER)
    person_row = d.find(editor, "list item", _("Person", "peer"))
    check(PEER in d.labels_text(person_row), f"the person row reads {d.labels_text(person_row)}")
    fill(editor, _("Date", "peer"), CONSENT_ON)
    fill(editor, _("Experience"), EXPERIENCE)
    shoot("register-editor")
    save(editor)
    wait_closed(editor, "peer")

    rows = wait_rows(page, _("Register of peers"), lambda rows: rows, "the register's row")
    check(rows == [[PEER, "+7 912 100-00-01", CONSENT_ON, EXPERIENCE]],
          f"the register reads {rows}")
    shoot("register")
    return page


def mark_wishes(app, page):
    Step("wishes: two persons marked by hand as wishing to use others' experience")
    show_tab(page, _("Those Who Wish"))
    d.find(page, "panel", _("Nobody Wishes Yet"))
    for name, marked_on in MARKED_ON.items():
        d.click(d.find(page, "push button", _("Mark by hand")))
        editor = d.wait_for_window(app, _("Mark as Wishing"))
        choose_person(editor, _("Choose the person"), name)
        fill(editor, _("Date", "peer"), marked_on)
        fill(editor, _("Note", "peer"), WISH_NOTE)
        if name == WISHER_1:
            shoot("wish-editor")
        save(editor)
        wait_closed(editor, "wish")
    by_hand = _("Marked by hand", "wish source")
    rows = wait_rows(page, _("Those who wish to use others’ experience"),
                     lambda rows: len(rows) == 2, "two who wish")
    check(rows == [[name, f"+7 912 100-00-0{PERSON_IDS[name]}", by_hand, marked_on, WISH_NOTE]
                   for name, marked_on in MARKED_ON.items()], f"those who wish: {rows}")
    shoot("wishes-by-hand")


def survey_on_person_page(app, frame):
    Step("survey: the respondent's own page, from the persons list")
    page = show_section(frame, _("Persons"))
    open_row(page, _("Persons"), RESPONDENT)
    person = d.wait_for_window(app, RESPONDENT)
    shoot("person-page")

    Step("survey: the seed survey filled in — Q1 no, Q2 yes")
    d.click(d.find(person, "push button", _("Fill in a survey")))
    editor = d.wait_for_window(app, _("New Survey Response"))
    respondent = d.find(editor, "list item", RESPONDENT)
    check(respondent is not None, "the survey names its respondent")
    fill(editor, _("Date filled in"), SURVEYED_ON)
    questions = [n for n in d.walk(editor)
                 if d.role_of(n) == "list item" and (n.get_name() or "").startswith(("1. ", "2. "))]
    check(len(questions) == 2, f"the seed survey shows {len(questions)} questions")
    for question, answer in zip(questions, (_("No", "answer"), _("Yes", "answer"))):
        button = d.find(question, "push button", answer)
        d.click(button)
        d.wait_for(lambda: button.get_state_set().contains(d.Atspi.StateType.PRESSED), 5,
                   what=f"{answer!r} pressed")
    shoot("survey-editor")
    save(editor)
    wait_closed(editor, "survey response")

    surveys = d.find(person, "list", _("Surveys of the person"))
    line = f"{SURVEYED_ON} · 1 — {_('No', 'answer')}; 2 — {_('Yes', 'answer')}"
    d.wait_for(lambda: line in d.labels_text(surveys), 5,
               what=f"the person's surveys to list {line!r}")
    d.do_action(person, "window.close")
    d.wait_for(lambda: d.gone(person), 5, what="the person's page to close")


def wishes_with_survey(frame):
    Step("wishes: the survey's yes joins those marked by hand")
    page = show_section(frame, _("Peer to peer", "technology"))
    rows = wait_rows(page, _("Those who wish to use others’ experience"),
                     lambda rows: len(rows) == 3, "three who wish")
    from_survey = [r for r in rows if r[0] == RESPONDENT]
    check(from_survey and from_survey[0][2] == _("Survey: question 2", "wish source")
          and from_survey[0][3] == SURVEYED_ON, f"the respondent's row: {from_survey}")
    shoot("wishes")
    return page


def calls_badge(page):
    """The number on the tab of the calls due, or None when it shows none."""
    tab = d.find(page, "page tab", _("Calls Due"))
    badges = [n for n in d.walk(tab) if d.role_of(n) == "filler"
              and n.get_name() == "AdwIndicatorBin" and d.is_shown(n)]
    texts = [t for t in d.labels_text(badges[0]) if t] if badges else []
    return texts[0] if texts and texts[0] != "0" else None


def member_rows(editor):
    members = d.find(editor, "list", _("Members"))
    return {node.get_name(): node for node in d.walk(members)
            if d.role_of(node) == "list item" and node.get_name() in PERSON_IDS}


def form_group(app, page):
    Step("group: formed — date, time, place, facilitator")
    show_tab(page, _("Groups"))
    d.find(page, "panel", _("No Groups Yet"))
    d.click(d.find(page, "push button", _("New group")))
    editor = d.wait_for_window(app, _("New Group"))
    kind = d.find(editor, "combo box", _("What the group is for"))
    check(d.combo_value(kind) == _("Peer exchange meeting", "group kind"),
          f"a group formed on the peer page is a {d.combo_value(kind)!r}")
    fill(editor, _("Title", "group"), GROUP_TITLE)
    fill(editor, _("Formed on"), FORMED_ON)
    d.choose_in_combo(d.find(editor, "combo box", _("Facilitator")), FACILITATOR)
    fill(editor, _("Meeting date"), MEETING_ON)
    fill(editor, _("Start time"), START_TIME)
    fill(editor, _("Duration in minutes"), DURATION)
    fill(editor, _("Place", "group"), PLACE)

    Step("group: the peer who shares, then those who wish as participants")
    choose_person(editor, _("Add member"), PEER)  # the chooser opens on the peers
    for name in (WISHER_1, WISHER_2, RESPONDENT):
        choose_person(editor, _("Add member"), name, source=_("Those Who Wish"))
    rows = d.wait_for(lambda: (lambda r: r if len(r) == 4 else None)(member_rows(editor)), 5,
                      what="four members")
    for name in rows:
        role = d.find(editor, "combo box", _("Role of %s") % name)
        wanted = _("Peer" if name == PEER else "Participant", "member role")
        check(d.combo_value(role) == wanted, f"{name} takes part as {d.combo_value(role)!r}")
    d.scroll_into_view(rows[RESPONDENT])  # the last member, for the screenshot
    shoot("group-editor")
    save(editor)
    wait_closed(editor, "group")

    rows = wait_rows(page, _("Peer meeting groups"), lambda rows: rows, "the group's row")
    check(len(rows) == 1 and rows[0][0] == GROUP_TITLE and MEETING_ON in rows[0][1]
          and rows[0][4] == _("Planned", "group state"), f"the groups read {rows}")
    shoot("groups-planned")

    Step("calls: nothing is due before the meeting is held")
    show_tab(page, _("Calls Due"))
    d.find(page, "panel", _("No Calls Due"))
    check(not d.find_all(page, "tree table", _("Follow-up calls")), "a call list shows")
    check(calls_badge(page) is None, f"the calls tab counts {calls_badge(page)} due")
    shoot("calls-none-due")


def hold_meeting(app, page):
    Step("meeting: held, one participant absent")
    show_tab(page, _("Groups"))
    open_row(page, _("Peer meeting groups"), GROUP_TITLE)
    editor = d.wait_for_window(app, _("Edit Group"))
    tick(editor, _("Meeting held"))
    for name in PERSON_IDS:
        if name != ABSENT:
            tick(editor, _("%s attended") % name)
    absent = d.scroll_into_view(d.find(editor, "check box", _("%s attended") % ABSENT))
    check(not absent.get_state_set().contains(d.Atspi.StateType.CHECKED),
          f"{ABSENT} is marked present")
    shoot("meeting-held")
    save(editor)
    wait_closed(editor, "group")
    wait_rows(page, _("Peer meeting groups"),
              lambda rows: rows and rows[0][4] == _("Held", "group state"), "the group held")
    shoot("groups-held")


def follow_up(app, page):
    Step("calls: due for those who attended to receive — not the peer, not the absent")
    show_tab(page, _("Calls Due"))
    calls = _("Follow-up calls")
    due = month_after(iso(MEETING_ON))
    rows = wait_rows(page, calls, lambda rows: len(rows) == 2, "two calls due")
    check(sorted(r[0] for r in rows) == sorted(ATTENDEES),
          f"the calls due are to {[r[0] for r in rows]}, not {ATTENDEES}")
    check(all(display(due) in r for r in rows), f"the calls are due from {display(due)}: {rows}")
    check(calls_badge(page) == str(len(ATTENDEES)), f"the calls tab counts {calls_badge(page)}")
    shoot("calls-due")

    Step("call: too early — refused, with the rule next to the field")
    d.pointer_click(row_node(page, calls, CALLED).get_child_at_index(0))  # selects the row
    d.click(d.find(page, "push button", _("Record call")))
    editor = d.wait_for_window(app, _("Record a Follow-up Call"))
    check(CALLED in d.labels_text(editor), f"the call editor is not about {CALLED}")
    called_on = fill(editor, _("Called on"), EARLY_CALL)
    d.choose_in_combo(d.find(editor, "combo box", _("Situation")), _("Better", "situation"))
    tick(editor, _("Satisfied with the meeting"))
    fill(editor, _("Note", "peer"), CALL_NOTE)
    save(editor)
    expected = _("Call no earlier than a month after the meeting: not before %s") % display(due)
    try:
        d.wait_for(lambda: d.error_next_to(called_on) == expected, 5,
                   what=f"the refusal {expected!r} under the day of the call")
    except d.DriverError as error:
        raise AssertionError(f"{error}; it reads {d.error_next_to(called_on)!r}") from None
    check(not d.gone(editor), "the editor closed although the call was refused")
    check(d.get_text(called_on) == EARLY_CALL, "the refused date was not kept for correcting")
    shoot("call-refused")

    Step("call: a calendar month after the meeting — recorded")
    fill(editor, _("Called on"), CALLED_ON)
    save(editor)
    wait_closed(editor, "call")

    Step("calls: the queue keeps only who is still to be called; the call is recorded")
    rows = wait_rows(page, calls, lambda rows: len(rows) == 1, "one call still due")
    check(rows[0][0] == RESPONDENT, f"still due: {rows}")
    d.wait_for(lambda: calls_badge(page) == "1", 5, what="the calls tab to count one due")
    shoot("calls-due-after")
    d.choose_in_combo(d.find(page, "combo box", _("Which calls to show")), _("Recorded"))
    rows = wait_rows(page, calls, lambda rows: rows and rows[0][0] == CALLED, "the recorded call")
    check(len(rows) == 1 and CALLED_ON in rows[0] and _("Better", "situation") in rows[0]
          and _("Yes", "satisfied") in rows[0], f"the recorded calls read {rows}")
    shoot("calls-recorded")


ATTENDEES = [name for name in (WISHER_1, WISHER_2, RESPONDENT) if name != ABSENT]
CALLED = WISHER_1


# What the charts must say

def expected_indicators(start, end):
    """SPEC's definitions (as src/store/opora-store-indicators-peer.c reads them) applied
    to what the walk did: {id: (numerator, denominator)} for the period [start, end]."""
    within = lambda day: start <= day <= end  # noqa: E731
    holders = {p for p, day in CONTRACTS_CONCLUDED.items() if within(day)}
    surveyed_by_end = {RESPONDENT} if iso(SURVEYED_ON) <= end else set()
    meeting, formed = iso(MEETING_ON), iso(FORMED_ON)
    groups = 1 if within(formed) else 0
    held = 1 if groups and meeting <= end else 0
    wished = {p for p, day in MARKED_ON.items() if within(iso(day))}
    if within(iso(SURVEYED_ON)):
        wished.add(RESPONDENT)
    attended_by_end = set(ATTENDEES) if meeting <= end else set()
    attendees = set(ATTENDEES) if within(meeting) else set()
    due = attendees if month_after(meeting) <= end else set()
    called = {CALLED} if iso(CALLED_ON) <= end else set()
    return {
        "peer.surveyed": (len(holders & surveyed_by_end), len(holders)),
        "peer.groups_held": (held, groups),
        "peer.participation": (len(wished & attended_by_end), len(wished)),
        "peer.followed_up": (len(due & called), len(due)),
        "peer.improved": (len(attendees & called), len(attendees)),   # the call says better
        "peer.satisfied": (len(attendees & called), len(attendees)),  # and satisfied
    }


TITLES = {
    "peer.surveyed": "Surveyed on consent to exchange experience",
    "peer.groups_held": "Exchange meetings held",
    "peer.participation": "Took part in exchange",
    "peer.followed_up": "Followed up by phone",
    "peer.improved": "Situation improved",
    "peer.satisfied": "Satisfied",
}
TARGETS = {"peer.surveyed": 100, "peer.groups_held": 100, "peer.participation": 60,
           "peer.followed_up": 100, "peer.improved": 60, "peer.satisfied": 95}


def chart_text(numerator, denominator, target):
    """What a bullet chart says of a share (opora_indicator_result_format_label and the
    chart's description), for shares whose rounding cannot cross their target."""
    target_text = f"≥ {target} %"
    if denominator == 0:
        value, status = _("no data", "indicator value"), None
    else:
        percent = (200 * numerator + denominator) // (2 * denominator)
        value = f"{percent} %"
        met = numerator * 100 >= target * denominator
        status = _("Target met" if met else "Target not met", "indicator status")
    label = _("%s — %u of %u, target %s", "indicator label").replace("%u", "%s") \
        % (value, numerator, denominator, target_text)
    return label if status is None else _("%s. %s", "chart description") % (label, status)


def choose_period(page, kind, set_controls):
    picker = d.find(page, "combo box", _("Kind of period"))
    if d.combo_value(picker) != kind:
        d.choose_in_combo(picker, kind)
    set_controls()


def check_charts(page, start, end, shot):
    expected = expected_indicators(start, end)
    label = _("Indicators of “%s”, %s") % (_("Peer to peer", "technology"),
                                             f"{display(start)} – {display(end)}")

    def charts():
        group = next((n for n in d.find_all(page, "panel", label)), None)
        if group is None:
            return None
        read = {n.get_name(): n.get_description() for n in d.walk(group)
                if d.role_of(n) == "push button"}
        return read if len(read) == len(TITLES) else None

    read = d.wait_for(charts, 10, what=f"the charts of {start} – {end}")
    for key, (numerator, denominator) in expected.items():
        title = _(TITLES[key], "indicator")
        wanted = chart_text(numerator, denominator, TARGETS[key])
        check(read.get(title) == wanted,
              f"{key} ({title}) reads {read.get(title)!r}, not {wanted!r}, for {start} – {end}")
    shoot(shot)
    return expected


def indicators(frame):
    Step("indicators: the year opens first")
    page = show_section(frame, _("Indicators", "chart heading"))
    shoot("indicators-year")

    Step("indicators: the third quarter — the meeting, but no call due yet by its end")
    def third_quarter():
        d.choose_in_combo(d.find(page, "combo box", _("Quarter", "indicators")),
                          _("3rd quarter"))
        year = d.find(page, "spin button", _("Year of the quarter"))
        year.get_value_iface().set_current_value(2026)
    choose_period(page, _("Quarter", "period"), third_quarter)
    quarter = ("2026-07-01", "2026-09-30")
    shown = {quarter: check_charts(page, *quarter, "indicators-quarter")}
    check(shown[quarter]["peer.followed_up"][1] == 0, "the quarter has calls due")

    Step("indicators: dates from the contracts to a month after the call")
    start, end = "01.08.2026", "31.10.2026"

    def dates():
        fill(page, _("Period from", "indicators"), start, role="text")
        fill(page, _("Period to", "indicators"), end, role="text")
        d.click(d.find(page, "push button", _("_Show", "indicators")))
    choose_period(page, _("Dates", "period"), dates)
    dated = (iso(start), iso(end))
    shown[dated] = check_charts(page, *dated, "indicators-dates")
    return shown


# Afterwards, from the database

def cli(*args):
    return subprocess.run([OPORA_CLI, *args], check=True, timeout=60, capture_output=True,
                          text=True).stdout


def check_database(database, scratch, periods):
    Step("export: the database holds what was done in the window")
    path = os.path.join(scratch, "export.json")
    cli("export", "--db", database, path)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    ids = PERSON_IDS

    register = [(r["person_id"], r["consent_on"], r["experience"]) for r in data["peer_register"]]
    check(register == [(ids[PEER], iso(CONSENT_ON), EXPERIENCE)], f"peer_register: {register}")
    wishes = sorted((r["person_id"], r["marked_on"], r["note"]) for r in data["peer_wish"])
    check(wishes == sorted((ids[n], iso(day), WISH_NOTE) for n, day in MARKED_ON.items()),
          f"peer_wish: {wishes}")

    responses = data["survey_response"]
    check(len(responses) == 1 and responses[0]["person_id"] == ids[RESPONDENT]
          and responses[0]["responded_on"] == iso(SURVEYED_ON), f"survey_response: {responses}")
    codes = {q["id"]: q["code"] for q in data["survey_question"]}
    answers = {codes[a["question_id"]]: a["value"] for a in data["survey_answer"]
               if a["response_id"] == responses[0]["id"]}
    check(answers == {"q1": "no", "q2": "yes"}, f"survey_answer: {answers}")

    groups = data["group_activity"]
    check(len(groups) == 1, f"group_activity: {groups}")
    group = groups[0]
    for key, value in (("kind", "peer_meeting"), ("title", GROUP_TITLE),
                       ("formed_on", iso(FORMED_ON)), ("meeting_on", iso(MEETING_ON)),
                       ("start_time", START_TIME), ("duration_min", int(DURATION)),
                       ("place", PLACE), ("facilitator_id", FACILITATOR_ID), ("held", 1)):
        check(group.get(key) == value, f"the group's {key} is {group.get(key)!r}, not {value!r}")
    members = sorted((m["person_id"], m["role"], m["attended"]) for m in data["group_member"]
                     if m["group_id"] == group["id"])
    wanted = sorted((ids[n], "peer" if n == PEER else "participant", 0 if n == ABSENT else 1)
                    for n in PERSON_IDS)
    check(members == wanted, f"group_member: {members}, not {wanted}")

    calls = data["followup_call"]
    check(len(calls) == 1, f"followup_call: {calls}")
    for key, value in (("group_id", group["id"]), ("person_id", ids[CALLED]),
                       ("called_on", iso(CALLED_ON)), ("situation", "better"),
                       ("satisfied", 1), ("note", CALL_NOTE)):
        check(calls[0].get(key) == value, f"the call's {key} is {calls[0].get(key)!r}")

    Step("report: opora-cli computes what the charts showed")
    for (start, end), shown in periods.items():
        report = json.loads(cli("report", "--db", database, "--from", start, "--to", end,
                                "--technology", "peer", "--format", "json"))
        figures = {r["id"]: (r["numerator"], r["denominator"]) for r in report}
        check(figures == shown, f"the report for {start} – {end} gives {figures}, "
                                f"the charts showed {shown}")


# Running it

def walk(app, frame):
    page = register_peer(app, frame)
    mark_wishes(app, page)
    survey_on_person_page(app, frame)
    page = wishes_with_survey(frame)
    form_group(app, page)
    hold_meeting(app, page)
    follow_up(app, page)
    return indicators(frame)


def main():
    scratch = tempfile.mkdtemp(prefix="opora-e2e-peer-")
    database = os.path.join(scratch, "opora.db")
    h.start(ARTIFACTS, "e2e-peer-")

    Step("import: a small centre with opora-cli")
    centre = os.path.join(scratch, "centre.json")
    with open(centre, "w", encoding="utf-8") as f:
        json.dump(fixture(), f, ensure_ascii=False)
    cli("import", "--db", database, centre)

    charts = h.run(OPORA, database, scratch, walk, timeout=150)
    check_database(database, scratch, charts)
    shutil.rmtree(scratch)
    h.passed()


if __name__ == "__main__":
    main()
