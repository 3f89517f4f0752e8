#!/usr/bin/python3
"""opora-cli as a script runs it: the real binary, every command's success, and each
failure's exit code and message, with nothing changed on disk after a failure.

Usage: test-cli.py PATH/TO/opora-cli
"""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

CLI = None

# Exit codes of src/cli/opora-cli.h.
OK, FAILED, USAGE, CANNOT_OPEN, BAD_INPUT = 0, 1, 2, 3, 4


def run(*args, stdin=None):
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, timeout=300,
                          env=env)


def without_time(text):
    return re.sub(r'\n  "exported_at": "[^"]*",', "", text)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="opora-cli-test-")

    def tearDown(self):
        for root, dirs, _ in os.walk(self.dir):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o700)
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def ok(self, *args, stdin=None):
        r = run(*args, stdin=stdin)
        self.assertEqual(r.returncode, OK, r.stderr.decode())
        return r

    def fails(self, code, message, *args, stdin=None):
        r = run(*args, stdin=stdin)
        err = r.stderr.decode()
        self.assertEqual(r.returncode, code, err)
        self.assertIn(message, err)
        return err

    def export(self, db):
        return without_time(self.ok("export", "--db", db, "-").stdout.decode())

    def demo(self, name, size="40", seed="4"):
        db = self.path(name)
        self.ok("demo", "--db", db, "--size", size, "--seed", seed)
        return db

    def test_help(self):
        r = self.ok("--help")
        for command in ("init", "check", "demo", "import", "export"):
            self.assertIn(command, r.stdout.decode())
            h = self.ok(command, "--help").stdout.decode()
            self.assertIn("--db", h)
        self.assertIn("--size", self.ok("demo", "--help").stdout.decode())
        self.fails(USAGE, "opora-cli: unknown command", "frobnicate")
        self.fails(USAGE, "Usage: opora-cli COMMAND")

    def test_db_required(self):
        for command in ("init", "check", "demo", "import", "export"):
            self.fails(USAGE, f"opora-cli: {command}: --db PATH is required", command)

    def test_init_and_check(self):
        db = self.path("new.db")
        self.assertIn("Created", self.ok("init", "--db", db).stdout.decode())
        self.fails(FAILED, "opora-cli: init: ", "init", "--db", db)
        self.assertIn(": ok (schema", self.ok("check", "--db", db).stdout.decode())
        self.fails(CANNOT_OPEN, "does not exist", "check", "--db", self.path("none.db"))
        notes = self.path("notes.txt")
        with open(notes, "w") as f:
            f.write("Список семей\n")
        self.fails(CANNOT_OPEN, "is not an Opora database", "check", "--db", notes)

    def test_demo(self):
        db = self.demo("demo.db", size="40", seed="4")
        self.assertIn(": ok", self.ok("check", "--db", db).stdout.decode())
        data = json.loads(self.ok("export", "--db", db, "-").stdout)
        self.assertEqual(len(data["contract"]), 40)
        self.assertEqual(data["institution"]["city"], "Югорск")

        # The same seed gives the same centre, whenever it is made; another seed another.
        time.sleep(1.1)
        self.assertEqual(self.export(db), self.export(self.demo("same.db", "40", "4")))
        self.assertNotEqual(self.export(db), self.export(self.demo("other.db", "40", "5")))

        # Never on top of existing records, and the database stays as it was.
        before = self.export(db)
        self.fails(FAILED, "opora-cli: demo: The database already holds records",
                   "demo", "--db", db, "--size", "5")
        self.assertEqual(before, self.export(db))

        self.fails(USAGE, "opora-cli: demo: --size must not be negative",
                   "demo", "--db", self.path("x.db"), "--size", "-3")
        self.fails(USAGE, "opora-cli: demo: ", "demo", "--db", self.path("x.db"), "--size", "many")
        self.fails(USAGE, "opora-cli: demo: unexpected argument",
                   "demo", "--db", self.path("x.db"), "extra")
        self.assertFalse(os.path.exists(self.path("x.db")))

    def test_export(self):
        db = self.demo("demo.db")
        out = self.path("out.json")
        self.ok("export", "--db", db, out)
        with open(out, encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(without_time(text), self.export(db))
        self.assertEqual(json.loads(text)["format"], "opora")

        # A folder where the file should go: refused, nothing written.
        folder = self.path("folder")
        os.mkdir(folder)
        self.fails(FAILED, "opora-cli: export: ", "export", "--db", db, folder)
        self.assertEqual(os.listdir(folder), [])
        self.fails(CANNOT_OPEN, "does not exist", "export", "--db", self.path("none.db"), out)
        self.fails(USAGE, "opora-cli: export: the file to write is missing", "export", "--db", db)

    def test_import_round_trip(self):
        db = self.demo("demo.db", size="60", seed="8")
        out = self.path("out.json")
        self.ok("export", "--db", db, out)
        copy = self.path("copy.db")
        self.assertIn("imported", self.ok("import", "--db", copy, out).stdout.decode())
        self.assertEqual(self.export(db), self.export(copy))

        # From standard input, into a database made empty by init.
        empty = self.path("empty.db")
        self.ok("init", "--db", empty)
        with open(out, "rb") as f:
            self.ok("import", "--db", empty, "-", stdin=f.read())
        self.assertEqual(self.export(db), self.export(empty))

        # Never into a database with records; it stays as it was.
        before = self.export(copy)
        self.fails(FAILED, "opora-cli: import: The database already holds records",
                   "import", "--db", copy, out)
        self.assertEqual(before, self.export(copy))

    def test_import_failures(self):
        bad = self.path("bad.json")

        def write(text):
            with open(bad, "w", encoding="utf-8") as f:
                f.write(text)

        # A new database is removed again after a failed import.
        db = self.path("new.db")
        write('{"format": "opora", "version": 1, "schema": 1, "person": ['
              '{"id": 1, "surname": "Иванова", "name": "Мария", "sex": "female",'
              ' "snils": "112-233-445 96"}]}')
        self.fails(BAD_INPUT, "opora-cli: import: $.person[0].snils: SNILS check number is wrong: "
                   "expected 95", "import", "--db", db, bad)
        self.assertFalse(os.path.exists(db))
        self.assertEqual(sorted(os.listdir(self.dir)), ["bad.json"])

        write("Фамилия;Имя\nИванова;Мария\n")
        self.fails(BAD_INPUT, "opora-cli: import: Not valid JSON at line 1, column 1",
                   "import", "--db", db, bad)
        write('{"format": "opora", "version": 7, "schema": 1}')
        self.fails(BAD_INPUT, "$.version: the file is in version 7 of the format",
                   "import", "--db", db, bad)
        write('{"format": "opora", "version": 1, "schema": 1, "x_future_table": []}')
        self.fails(BAD_INPUT, "$.x_future_table: unknown table", "import", "--db", db, bad)
        self.assertFalse(os.path.exists(db))

        # An existing empty database stays, and stays empty.
        empty = self.path("empty.db")
        self.ok("init", "--db", empty)
        blank = self.export(empty)
        write('{"format": "opora", "version": 1, "schema": 1, "person": ['
              '{"id": 1, "surname": "Иванова", "name": "Мария", "sex": "female"},'
              '{"id": 2, "surname": "Петров", "name": "Олег", "sex": "male", "family_id": 3}]}')
        self.fails(BAD_INPUT,
                   "$.person[1].family_id: refers to family 3, which is not in the file",
                   "import", "--db", empty, bad)
        self.assertTrue(os.path.exists(empty))
        self.assertEqual(blank, self.export(empty))

        self.fails(BAD_INPUT, "opora-cli: import: cannot read", "import", "--db", db,
                   self.path("missing.json"))
        self.assertFalse(os.path.exists(db))
        self.fails(USAGE, "opora-cli: import: the file to import is missing", "import", "--db", db)
        self.fails(USAGE, "opora-cli: import: only one file", "import", "--db", db, bad, bad)

    def test_cannot_create(self):
        # A file where the database's folder should be: nothing can be created there.
        blocker = self.path("blocker")
        with open(blocker, "w") as f:
            f.write("x")
        out = self.path("out.json")
        self.ok("export", "--db", self.demo("demo.db", size="5"), out)
        self.fails(CANNOT_OPEN, "Cannot create the folder",
                   "import", "--db", os.path.join(blocker, "a.db"), out)
        self.fails(CANNOT_OPEN, "Cannot create the folder",
                   "demo", "--db", os.path.join(blocker, "a.db"))
        with open(blocker) as f:
            self.assertEqual(f.read(), "x")

    def test_check_damaged(self):
        db = self.demo("demo.db", size="10")
        # Break a reference behind Opora's back, as another program could.
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE person SET family_id = 999999 WHERE id = 1")
        conn.commit()
        conn.close()
        err = self.fails(FAILED, "Foreign key: person row 1 refers to a missing family",
                         "check", "--db", db)
        self.assertTrue(err.startswith(db + ": "), err)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
