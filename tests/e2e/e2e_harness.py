"""What every end-to-end test does around its walk through the window: refuses to run
without a display and an accessibility bus, reads labels through the build's translation,
names its steps, takes screenshots, starts `opora` with a private home and checks, once
the window has closed, that it exited cleanly and complained of nothing.

    import e2e_harness as h
    d = h.d                                  # the AT-SPI driver
    h.start(artifacts_dir, "e2e-")           # screenshots and logs, named e2e-…
    result = h.run(opora, database, scratch, walk, timeout=90)   # walk(app, frame)"""

import gettext
import os
import subprocess
import sys
import time

SKIP = 77  # meson's "skipped"

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

# Without the catalogue both the application and the test read the English source.
translation = gettext.translation("opora", localedir=os.environ.get("OPORA_LOCALEDIR"),
                                  languages=["ru"], fallback=True)


def _(text, context=None):
    """What the application shows for @text: its translation, without the mnemonic."""
    shown = translation.pgettext(context, text) if context else translation.gettext(text)
    return shown.replace("_", "")


class Step:
    """Names what the test is doing, so a failure says where it happened."""
    current = "starting"
    started = time.monotonic()

    def __init__(self, what):
        Step.current = what
        print(f"# {time.monotonic() - Step.started:5.1f} s  {what}", flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(f"{message} (while: {Step.current})")


artifacts = None
prefix = None
shots = []


def start(artifacts_dir, name_prefix):
    """Where screenshots and logs go, named @name_prefix…; the last run's are removed."""
    global artifacts, prefix
    artifacts, prefix = artifacts_dir, name_prefix
    os.makedirs(artifacts, exist_ok=True)
    for old in os.listdir(artifacts):
        if old.startswith(prefix) and old.endswith((".png", ".txt")):
            os.unlink(os.path.join(artifacts, old))


def shoot(name):
    path = d.screenshot(os.path.join(artifacts, f"{prefix}{len(shots) + 1:02d}-{name}.png"))
    shots.append(path)
    print(f"# screenshot: {path}", flush=True)


# Finding things in the window

def window_title(frame):
    """The title shown in the content's header bar (the section's name)."""
    for node in d.walk(frame):
        if d.role_of(node) == "filler" and node.get_name() == "AdwWindowTitle" \
                and d.is_shown(node):
            texts = [t for t in d.labels_text(node) if t]
            if texts:
                return texts[0]
    return None


def show_section(frame, title):
    """Clicks the section in the sidebar, as a person would, and waits for its page."""
    sidebar = d.find(frame, "list", _("Sections"))
    d.pointer_click(d.find(sidebar, "list item", title))
    d.wait_for(lambda: d.name_matches(window_title(frame), title), 5,
               what=f"the {title!r} section to show")
    return d.find(frame, "panel", title)


def rows_of(page, table_name):
    return d.table_rows(d.find(page, "tree table", table_name))


def wait_rows(page, table_name, predicate, what, timeout=10):
    """The rows of the table once @predicate holds for them."""
    seen = []

    def ready():
        seen[:] = [rows_of(page, table_name)]
        return predicate(seen[0])
    d.wait_for(ready, timeout, what=what)
    return seen[0]


def fill(editor, label, text, role="text"):
    entry = d.find(editor, role, label)
    d.set_text(entry, text)
    d.wait_for(lambda: d.get_text(entry) == text, 5, what=f"{label!r} to read {text!r}")
    return entry


def save(editor):
    d.click(d.find(editor, "push button", _("Save")))


def wait_closed(editor, what):
    d.wait_for(lambda: d.gone(editor), 10, what=f"the {what} editor to close")


# Running opora

def app_environment(scratch):
    env = dict(os.environ)
    # In-process UI tests switch accessibility off; these live by it.
    for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
        env.pop(name, None)
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(scratch, name.lower())
        os.makedirs(env[name], exist_ok=True)
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env.setdefault("GSK_RENDERER", "cairo")
    return env


def leave_failure_artefacts(app):
    """A screenshot and the accessible tree of every window, as the test left them."""
    try:
        shoot("failure")
    except Exception:
        pass
    try:
        with open(os.path.join(artifacts, f"{prefix}failure-tree.txt"), "w") as f:
            for window in d.windows(app):
                f.write(d.describe(window) + "\n\n")
    except Exception:
        pass


def run(opora, database, scratch, walk, timeout):
    """Starts @opora on @database (killed after @timeout seconds), waits for its main
    window, calls walk(app, frame), closes the window; then checks that opora exited with
    0 and logged no warning or critical. Returns what @walk returned."""
    log_path = os.path.join(artifacts, f"{prefix}opora.log")
    log = open(log_path, "w")
    d.wait_for_display()
    process = subprocess.Popen(["timeout", "-k", "5", str(timeout), opora,
                                "--database", database],
                               env=app_environment(scratch), stdout=log,
                               stderr=subprocess.STDOUT)
    app = None
    ok = False
    try:
        Step("launch: opora appears on the accessibility bus")
        app = d.find_app("opora", process, timeout=30)
        frame = d.wait_for(lambda: next((w for w in d.windows(app)
                                         if d.name_matches(w.get_name(), _("Opora"))), None),
                           15, what="the main window")
        result = walk(app, frame)

        Step("quit: the window closes, the application ends")
        try:
            d.do_action(frame, "window.close")
        except d.GLib.GError:
            pass  # it may quit before it answers
        process.wait(timeout=15)
        ok = True
    except Exception:
        print(f"# failed while: {Step.current}", file=sys.stderr)
        if process.poll() is not None:
            print(f"# opora had exited with {process.returncode}", file=sys.stderr)
        if app is not None:
            leave_failure_artefacts(app)
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
            check(process.returncode == 0, f"opora exited with {process.returncode}")
            complaints = [line for line in output.splitlines()
                          if "-CRITICAL **" in line or "-WARNING **" in line]
            check(not complaints, "opora complained:\n" + "\n".join(complaints))
    return result


def passed():
    print(f"# passed in {time.monotonic() - Step.started:.1f} s; screenshots:")
    for path in shots:
        print(f"#   {path}")
