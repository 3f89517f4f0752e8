#!/usr/bin/python3
"""opora-cli report as a script runs it: the real binary on a hand-made centre (loaded with
opora-cli import), its JSON and CSV values, the shape docs/report-format.md promises, and
each refusal's exit code and message, with the database never written.

Usage: test-report-cli.py PATH/TO/opora-cli
"""
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = None

# Exit codes of src/cli/opora-cli.h.
OK, FAILED, USAGE, CANNOT_OPEN = 0, 1, 2, 3

KEYS = ["id", "title", "numerator", "denominator", "share", "target", "met"]


def run(*args, language=None):
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    if language:
        env["LANGUAGE"] = language
    return subprocess.run([CLI, *args], capture_output=True, timeout=120, env=env)


def person(pid, surname, name):
    return {"id": pid, "surname": surname, "name": name, "sex": "female"}


def contract(cid, pid, concluded, term_end):
    return {"id": cid, "number": f"{cid}/2023", "person_id": pid, "concluded_on": concluded,
            "term_start": concluded, "term_end": term_end}


class ReportTest(unittest.TestCase):
    """A centre over 2023 whose figures are worked out by hand below."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="opora-report-test-")
        blank = os.path.join(cls.dir, "blank.db")
        cls.must(run("init", "--db", blank))
        data = json.loads(cls.must(run("export", "--db", blank, "-")).stdout)
        survey = next(t["id"] for t in data["survey_template"] if t["code"] == "peer_consent")
        q1, q2 = (next(q["id"] for q in data["survey_question"]
                       if q["template_id"] == survey and q["code"] == code)
                  for code in ("q1", "q2"))

        data["staff"] = [{"id": 1, "full_name": "Психолог", "position": "psychologist"}]
        data["person"] = [person(1, "Аксёнова", "Анна"), person(2, "Быкова", "Вера"),
                          person(3, "Власова", "Галина"), person(4, "Горбунова", "Дарья"),
                          person(5, "Дьячкова", "Елена"), person(6, "Ермакова", "Жанна")]
        # Contract holders of 2023: 1 and 2 (3's contract is of 2022).
        data["contract"] = [contract(1, 1, "2023-01-01", "2023-12-31"),
                            contract(2, 2, "2023-12-31", "2024-06-30"),
                            contract(3, 3, "2022-06-01", "2023-05-31")]
        data["measure"] = [{"id": 1, "contract_id": 3, "type": "employment",
                            "status": "done", "done_on": "2023-04-01"}]
        # Lift participants 2, 3, 6; 3 and 6 satisfied when they left: 2 of 3.
        data["enrollment"] = [
            {"id": 1, "person_id": 3, "technology": "lift", "from_on": "2023-01-01",
             "until_on": "2023-06-01", "satisfied": 1},
            {"id": 2, "person_id": 6, "technology": "lift", "from_on": "2023-02-01",
             "until_on": "2023-12-31", "satisfied": 1},
            {"id": 3, "person_id": 2, "technology": "lift", "from_on": "2023-12-31",
             "satisfied": 0}]
        data["organisation"] = [{"id": 1, "name": "Центр занятости", "kind": "employment_centre"}]
        data["agreement"] = [{"id": 1, "organisation_id": 1, "number": "7",
                              "signed_on": "2022-01-01", "valid_until": "2023-12-31"}]
        # 1 surveyed (Q2 = yes) and 2 marked by hand: two persons wished.
        data["survey_response"] = [{"id": 1, "template_id": survey, "person_id": 1,
                                    "responded_on": "2023-02-01"}]
        data["survey_answer"] = [{"response_id": 1, "question_id": q1, "value": "no"},
                                 {"response_id": 1, "question_id": q2, "value": "yes"}]
        data["peer_wish"] = [{"id": 1, "person_id": 2, "marked_on": "2023-03-01"}]
        # Two groups formed in 2023, one held; 1 and 4 attended it, 5 shared as a peer.
        data["group_activity"] = [
            {"id": 1, "kind": "peer_meeting", "formed_on": "2023-03-05",
             "meeting_on": "2023-03-10", "start_time": "10:00", "duration_min": 60,
             "facilitator_id": 1, "held": 1},
            {"id": 2, "kind": "peer_meeting", "formed_on": "2023-11-01", "held": 0}]
        data["group_member"] = [
            {"group_id": 1, "person_id": 1, "role": "participant", "attended": 1},
            {"group_id": 1, "person_id": 4, "role": "participant", "attended": 1},
            {"group_id": 1, "person_id": 5, "role": "peer", "attended": 1}]
        data["followup_call"] = [{"id": 1, "group_id": 1, "person_id": 1,
                                  "called_on": "2023-04-10", "situation": "better",
                                  "satisfied": 1}]
        data["indicator_target"] = [{"indicator_id": "peer.satisfied", "target": 0.5},
                                    {"indicator_id": "peer.improved", "target": None}]
        source = os.path.join(cls.dir, "centre.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        cls.db = os.path.join(cls.dir, "centre.db")
        cls.must(run("import", "--db", cls.db, source))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    @staticmethod
    def must(result):
        if result.returncode != OK:
            raise AssertionError(result.stderr.decode())
        return result

    def report(self, *args, language=None):
        r = run("report", "--db", self.db, *args, language=language)
        self.assertEqual(r.returncode, OK, r.stderr.decode())
        return r.stdout.decode()

    def json_report(self, *args, language=None):
        rows = json.loads(self.report("--format", "json", *args, language=language))
        self.assertIsInstance(rows, list)
        for row in rows:
            self.assertEqual(list(row), KEYS)
        return {row["id"]: row for row in rows}, [row["id"] for row in rows]

    def fails(self, code, message, *args):
        r = run("report", *args)
        err = r.stderr.decode()
        self.assertEqual(r.returncode, code, err)
        self.assertIn(message, err)
        self.assertEqual(r.stdout, b"")

    def assertRow(self, row, numerator, denominator, share, target, met):
        self.assertEqual((row["numerator"], row["denominator"], row["share"], row["target"],
                          row["met"]), (numerator, denominator, share, target, met), row["id"])

    def test_json_values(self):
        rows, order = self.json_report("--from", "2023-01-01", "--to", "2023-12-31")
        self.assertEqual(len(order), 29)
        self.assertEqual(order[:6], ["peer.surveyed", "peer.groups_held", "peer.participation",
                                     "peer.followed_up", "peer.improved", "peer.satisfied"])
        self.assertEqual(order[-1], "mentoring.completed")
        self.assertRow(rows["peer.surveyed"], 1, 2, 0.5, 1, False)
        self.assertRow(rows["peer.groups_held"], 1, 2, 0.5, 1, False)
        self.assertRow(rows["peer.participation"], 1, 2, 0.5, 0.6, False)
        self.assertRow(rows["peer.followed_up"], 1, 2, 0.5, 1, False)
        self.assertRow(rows["peer.improved"], 1, 2, 0.5, None, None)    # no target
        self.assertRow(rows["peer.satisfied"], 1, 2, 0.5, 0.5, True)    # target 50 %
        self.assertRow(rows["lift.employed"], 1, 1, 1, 0.5, True)
        self.assertRow(rows["lift.satisfied"], 2, 3, 2 / 3, 0.75, False)
        self.assertRow(rows["lift.agreements"], 1, None, None, 4, False)  # a count
        self.assertRow(rows["agent.programmes"], 0, 2, 0, None, None)
        self.assertRow(rows["agent.registered"], 0, 0, None, None, None)  # no data
        self.assertRow(rows["agent.trained"], 0, 0, None, 0.95, None)
        self.assertRow(rows["mentoring.covered"], 0, 0, None, None, None)
        self.assertEqual(rows["peer.satisfied"]["title"], "Satisfied")

    def test_period_edges(self):
        # The call of 10 April is due on 10 April, not on the 9th.
        rows, _ = self.json_report("--from", "2023-03-01", "--to", "2023-04-09")
        self.assertRow(rows["peer.followed_up"], 0, 0, None, 1, None)
        rows, _ = self.json_report("--from", "2023-03-01", "--to", "2023-04-10")
        self.assertRow(rows["peer.followed_up"], 1, 2, 0.5, 1, False)
        # On 1 January 2024 the agreement has run out.
        rows, _ = self.json_report("--from", "2024-01-01", "--to", "2024-01-01")
        self.assertRow(rows["lift.agreements"], 0, None, None, 4, False)

    def test_dates_and_technology(self):
        iso = self.report("--from", "2023-01-01", "--to", "2023-12-31")
        self.assertEqual(iso, self.report("--from", "01.01.2023", "--to", "31.12.2023"))
        self.assertEqual(iso, self.report("--from", "1.1.2023", "--to", "2023-12-31",
                                          "--format", "json"))
        rows, order = self.json_report("--from", "2023-01-01", "--to", "2023-12-31",
                                       "--technology", "lift")
        self.assertEqual(len(order), 12)
        self.assertTrue(all(i.startswith("lift.") for i in order), order)
        self.assertRow(rows["lift.satisfied"], 2, 3, 2 / 3, 0.75, False)

    def test_csv(self):
        text = self.report("--from", "2023-01-01", "--to", "2023-12-31", "--format", "csv",
                           "--technology", "peer")
        rows = list(csv.reader(io.StringIO(text)))
        self.assertEqual(rows[0], KEYS)
        self.assertEqual([r[0] for r in rows[1:]],
                         ["peer.surveyed", "peer.groups_held", "peer.participation",
                          "peer.followed_up", "peer.improved", "peer.satisfied"])
        by_id = {r[0]: r for r in rows[1:]}
        self.assertEqual(by_id["peer.surveyed"][2:], ["1", "2", "0.5", "1", "false"])
        self.assertEqual(by_id["peer.improved"][2:], ["1", "2", "0.5", "", ""])
        self.assertEqual(by_id["peer.satisfied"][2:], ["1", "2", "0.5", "0.5", "true"])

        rows = list(csv.reader(io.StringIO(self.report(
            "--from", "2023-01-01", "--to", "2023-12-31", "--format", "csv"))))
        by_id = {r[0]: r for r in rows[1:]}
        self.assertEqual(len(rows), 30)
        self.assertEqual(by_id["lift.agreements"][2:], ["1", "", "", "4", "false"])
        self.assertEqual(by_id["agent.registered"][2:], ["0", "0", "", "", ""])
        self.assertEqual(float(by_id["lift.satisfied"][4]), 2 / 3)
        # A title with a comma or quotes is quoted: every row has seven fields.
        self.assertTrue(all(len(r) == 7 for r in rows))

    def test_interface_language(self):
        english, _ = self.json_report("--from", "2023-01-01", "--to", "2023-12-31")
        russian, _ = self.json_report("--from", "2023-01-01", "--to", "2023-12-31",
                                      language="ru")
        for key, row in russian.items():
            self.assertRegex(row["title"], "[А-Яа-яЁё]", key)
            self.assertNotEqual(row["title"], english[key]["title"])
            self.assertEqual({k: v for k, v in row.items() if k != "title"},
                             {k: v for k, v in english[key].items() if k != "title"})

    def test_refusals(self):
        db = self.db
        with open(db, "rb") as f:
            before = hashlib.sha256(f.read()).hexdigest()
        period = ["--from", "2023-01-01", "--to", "2023-12-31"]
        self.fails(USAGE, "--from: “2023-02-30” is not a calendar date",
                   "--db", db, "--from", "2023-02-30", "--to", "2023-12-31")
        self.fails(USAGE, "--to: ", "--db", db, "--from", "2023-01-01", "--to", "32.12.2023")
        self.fails(USAGE, "a date is written DD.MM.YYYY or YYYY-MM-DD",
                   "--db", db, "--from", "2023/01/01", "--to", "2023-12-31")
        self.fails(USAGE, "the period must not end before it begins",
                   "--db", db, "--from", "31.12.2023", "--to", "01.01.2023")
        self.fails(USAGE, "--from DATE is required", "--db", db, "--to", "2023-12-31")
        self.fails(USAGE, "--to DATE is required", "--db", db, "--from", "2023-12-31")
        self.fails(USAGE, "unknown technology “social”: choose peer, agent, lift",
                   "--db", db, *period, "--technology", "social")
        self.fails(USAGE, "unknown format “xlsx”: choose json or csv",
                   "--db", db, *period, "--format", "xlsx")
        self.fails(USAGE, "opora-cli: report: --db PATH is required", *period)
        self.fails(USAGE, "unexpected argument “extra”", "--db", db, *period, "extra")
        self.fails(CANNOT_OPEN, "does not exist",
                   "--db", os.path.join(self.dir, "none.db"), *period)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "none.db")))
        # Read only: the file is as it was, and the command is listed.
        with open(db, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), before)
        self.assertIn("report", run("--help").stdout.decode())
        help_text = run("report", "--help").stdout.decode()
        for option in ("--from", "--to", "--technology", "--format", "--db"):
            self.assertIn(option, help_text)

    def test_empty_period(self):
        rows, _ = self.json_report("--from", "2019-01-01", "--to", "2019-12-31")
        for key, row in rows.items():
            self.assertEqual(row["numerator"], 0, key)
            if key != "lift.agreements":
                self.assertIsNone(row["share"], key)
                self.assertIsNone(row["met"], key)
                self.assertEqual(row["denominator"], 0, key)
        text = self.report("--from", "2019-01-01", "--to", "2019-12-31", "--format", "csv")
        self.assertTrue(re.search(r"^peer\.surveyed,[^,]*,0,0,,1,$", text, re.M), text)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
