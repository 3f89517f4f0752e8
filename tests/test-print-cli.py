#!/usr/bin/python3
"""opora-cli print-survey as a script runs it: the real binary writes the seed's survey form
to an A4 PDF — blank, for given persons, for the contract holders of a year not yet
surveyed — read back with pdftotext and pdfinfo; bad arguments exit 2 with a message and
write nothing.

Usage: test-print-cli.py PATH/TO/opora-cli
"""
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

INSTITUTION = "БУ «Югорский комплексный центр социального обслуживания населения»"
SEED = [
    "Уважаемый респондент!",
    INSTITUTION + " проводит анкетирование граждан, заключивших социальный контракт, с целью "
    "изучения востребованности в проведении мероприятий по выходу из трудной жизненной "
    "ситуации.",
    "Просим Вас ответить на поставленные вопросы. Подчеркните вариант ответа, "
    "соответствующий Вашему мнению. При необходимости дополните свои ответы.",
    "1. Готовы ли Вы участвовать в психологических занятиях по поиску внутренних ресурсов "
    "для повышения своего материального благосостояния (своей семьи)? Да Нет",
    "2. Готовы ли Вы воспользоваться положительным опытом разрешения подобной трудной "
    "жизненной ситуации других семей, проживающих в городе Югорске? Да Нет",
    "Благодарим за сотрудничество!",
]

# id, surname, name, patronymic, the days their contracts were concluded, surveyed.
PERSONS = [
    (1, "Яковлева", "Анна", "Ивановна", ["2023-01-01"], False),
    (2, "Борисов", "Иван", None, ["2023-06-15", "2023-12-31"], False),
    (3, "Веселова", "Ольга", "Петровна", ["2023-03-01"], True),
    (4, "Антонов", "Павел", "Олегович", ["2022-12-31"], False),
    (5, "Гусева", "Нина", "Юрьевна", ["2024-01-01"], False),
]


def full_name(p):
    return " ".join(part for part in p[1:4] if part)


def run(*args, language=None):
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    if language:
        env["LANGUAGE"] = language
    return subprocess.run([CLI, *args], capture_output=True, timeout=300, env=env)


def pdf_text(path, page=None):
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, path, "-"],
                         capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s+", " ", out)


def pdf_info(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, check=True).stdout.decode()
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


class PrintSurveyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="opora-print-test-")
        cls.db = os.path.join(cls.dir, "centre.db")
        blank = os.path.join(cls.dir, "blank.db")
        assert run("init", "--db", blank).returncode == OK
        data = json.loads(run("export", "--db", blank, "-").stdout)
        data["institution"].update(full_name=INSTITUTION, short_name="БУ «Югорский КЦСОН»",
                                   address="г. Югорск, ул. Толстого, д. 8",
                                   phone="8(34675) 7-24-16", city="Югорск",
                                   city_locative="Югорске")
        contract = 0
        for (pid, surname, name, patronymic, days, surveyed) in PERSONS:
            data["person"].append({"id": pid, "surname": surname, "name": name,
                                   "patronymic": patronymic, "sex": "female"})
            for day in days:
                contract += 1
                data["contract"].append({"id": contract, "number": "СК-%d" % contract,
                                         "person_id": pid, "concluded_on": day,
                                         "term_start": day, "term_end": "2025-12-31"})
            if surveyed:
                data["survey_response"].append({"id": pid, "template_id": 1, "person_id": pid,
                                                "responded_on": "2024-02-01"})
        source = os.path.join(cls.dir, "centre.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        r = run("import", "--db", cls.db, source)
        assert r.returncode == OK, r.stderr.decode()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def print_survey(self, *args, code=OK, language="ru"):
        r = run("print-survey", "--db", self.db, *args, language=language)
        self.assertEqual(r.returncode, code, r.stderr.decode())
        return r

    def assert_seed(self, text):
        position = -1
        for part in SEED:
            found = text.find(part)
            self.assertGreater(found, position, "%r not found in order in %r" % (part, text))
            position = found

    def test_blank(self):
        out = self.path("blank.pdf")
        r = self.print_survey("--output", out)
        self.assertIn("blank.pdf", r.stdout.decode())
        info = pdf_info(out)
        self.assertEqual(int(info["Pages"]), 1)
        self.assertIn("A4", info["Page size"])
        text = pdf_text(out)
        self.assert_seed(text)
        self.assertRegex(text, r"Фамилия, имя, отчество ?_{20,}")
        self.assertRegex(text, r"Дата заполнения ?_{10,}")
        # Written whole, then put in place: no temporary file is left beside it.
        self.assertEqual([f for f in os.listdir(self.dir) if f.startswith(".")], [])

    def test_template_by_code_and_id(self):
        by_code = self.path("code.pdf")
        by_id = self.path("id.pdf")
        self.print_survey("--output", by_code, "--template", "peer_consent")
        self.print_survey("--output", by_id, "--template", "1")
        self.assertEqual(pdf_text(by_code), pdf_text(by_id))

    def test_persons(self):
        out = self.path("persons.pdf")
        chosen = [PERSONS[3], PERSONS[0], PERSONS[2]]
        args = []
        for p in chosen:
            args += ["--person", str(p[0])]
        self.print_survey("--output", out, "--date", "5.2.2024", *args)
        self.assertEqual(int(pdf_info(out)["Pages"]), len(chosen))
        for page, p in enumerate(chosen, start=1):
            text = pdf_text(out, page)
            self.assert_seed(text)
            self.assertIn("Фамилия, имя, отчество " + full_name(p), text)
            self.assertIn("Дата заполнения 05.02.2024", text)
            for other in chosen:
                if other is not p:
                    self.assertNotIn(full_name(other), text)

    def test_unsurveyed_year(self):
        out = self.path("2023.pdf")
        expected = sorted((p for p in PERSONS
                           if not p[5] and any(d.startswith("2023-") for d in p[4])),
                          key=lambda p: (p[1], p[2]))
        r = self.print_survey("--output", out, "--unsurveyed-year", "2023")
        self.assertIn(str(len(expected)), r.stdout.decode())
        self.assertEqual(int(pdf_info(out)["Pages"]), len(expected))
        for page, p in enumerate(expected, start=1):
            text = pdf_text(out, page)
            self.assertIn("Фамилия, имя, отчество " + full_name(p), text)
            self.assertIn("Дата заполнения___", text)

    def test_nothing_to_print(self):
        out = self.path("none.pdf")
        r = self.print_survey("--output", out, "--unsurveyed-year", "2021", code=FAILED,
                              language=None)
        self.assertIn("nothing to print", r.stderr.decode())
        self.assertFalse(os.path.exists(out))

    def test_bad_arguments(self):
        out = self.path("bad.pdf")
        cases = [
            ([], "--output FILE.pdf is required"),
            (["--output", out, "--person", "1", "--unsurveyed-year", "2023"],
             "not both"),
            (["--output", out, "--person", "abc"], "“abc” is not a person’s id"),
            (["--output", out, "--person", "0"], "“0” is not a person’s id"),
            (["--output", out, "--person", "999"], "There is no person with id 999"),
            (["--output", out, "--unsurveyed-year", "1899"], "the year must lie between"),
            (["--output", out, "--unsurveyed-year", "twenty"], "twenty"),
            (["--output", out, "--template", "nothing"], "There is no survey template “nothing”"),
            (["--output", out, "--date", "31.02.2024"], "--date"),
            (["--output", out, "extra"], "unexpected argument “extra”"),
            (["--output", out, "--no-such-option"], "no-such-option"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                r = self.print_survey(*args, code=USAGE, language=None)
                err = r.stderr.decode()
                self.assertIn("opora-cli: print-survey: ", err)
                self.assertIn(message, err)
                self.assertFalse(os.path.exists(out))

    def test_missing_db(self):
        r = run("print-survey", "--output", self.path("x.pdf"))
        self.assertEqual(r.returncode, USAGE)
        self.assertIn("--db PATH is required", r.stderr.decode())
        r = run("print-survey", "--db", self.path("absent.db"), "--output", self.path("x.pdf"))
        self.assertEqual(r.returncode, CANNOT_OPEN)

    def test_unwritable_output(self):
        out = os.path.join(self.dir, "no-such-folder", "forms.pdf")
        r = self.print_survey("--output", out, code=FAILED, language=None)
        self.assertIn("Cannot write the forms file", r.stderr.decode())
        self.assertFalse(os.path.exists(os.path.dirname(out)))


if __name__ == "__main__":
    CLI = os.path.abspath(sys.argv.pop(1))
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            print("1..0 # SKIP %s (poppler-utils) is not installed" % tool)
            sys.exit(77)
    unittest.main(verbosity=2)
