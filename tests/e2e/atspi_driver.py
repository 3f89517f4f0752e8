"""Drives a running GTK 4 application over the accessibility bus, as a person would:
finds widgets by their accessible role and name, types, clicks, presses keys, reads back,
and saves screenshots. Used by the end-to-end tests; needs the session bus and a display.

What GTK 4.8 exposes, and so what this driver works around:
- The SHOWING state is set on windows only, and VISIBLE on everything that is not hidden,
  including the pages of a GtkStack that are not on screen. is_shown leaves out what was
  never on screen (it has no size), but a page shown before and hidden since keeps its
  size: scope a search to the page it is meant for, and wait for what the page reads.
- Names join the accessible label and the text inside: "Сохранить Сохранить", or with the
  mnemonic "_Добавить первого гражданина Добавить первого гражданина": see name_matches.
- Component.grab_focus fails and list rows (sidebar, popovers) have no action: such
  widgets are clicked with the pointer (XTest, through AT-SPI) at the middle of their
  extents, which GTK gives relative to the window; the window's place on the screen comes
  from X (see _X11).
- Text is set with EditableText.set_text_contents (synthetic typing of Cyrillic under
  Xvfb gives garbage) and read with Text.get_text(0, count) ((0, -1) reads nothing)."""

import ctypes
import ctypes.util
import os
import subprocess
import time
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# The *_iface getters are deprecated in newer libatspi but are what Debian 12's has.
warnings.filterwarnings("ignore", category=DeprecationWarning)

# libatspi gives up on a call after 800 ms once an application has run 15 s: a busy
# application (a query over a million rows, a loaded build machine) is not a broken one.
Atspi.set_timeout(60000, -1)

KEYSYMS = {
    "Return": 0xFF0D,
    "Escape": 0xFF1B,
    "Tab": 0xFF09,
    "Down": 0xFF54,
    "Up": 0xFF52,
    "End": 0xFF57,
    "Home": 0xFF50,
    "Delete": 0xFFFF,
    "BackSpace": 0xFF08,
}


class DriverError(AssertionError):
    pass


def wait_for(predicate, timeout=15.0, interval=0.05, what="condition"):
    """Polls @predicate until it returns something true, which is returned."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except GLib.GError:
            # A widget went away while it was looked at (a row recycled, a window closed).
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise DriverError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


_held_display = None


def wait_for_display(timeout=15.0):
    """Waits until the X server of $DISPLAY takes connections, and keeps one open for as
    long as the test runs: an application started while the server takes none dies with
    "cannot open display", and Xvfb (without -noreset, which tools/test passes) resets
    itself, refusing connections meanwhile, whenever its last client leaves."""
    global _held_display
    if _held_display:
        return _held_display
    xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]

    def opens():
        global _held_display
        _held_display = xlib.XOpenDisplay(None)
        return _held_display

    return wait_for(opens, timeout, interval=0.1, what=f"the display {os.environ.get('DISPLAY')}")


def find_app(name, process=None, timeout=30.0):
    """The application @name on the bus; with @process (a subprocess.Popen), the one run by
    that process or by a descendant of it (the test starts it through `timeout`), and an
    error as soon as that process has ended."""
    pid = process.pid if process is not None else None

    def matches_pid(app):
        if pid is None:
            return True
        ancestor = app.get_process_id()
        for _level in range(4):
            if ancestor == pid:
                return True
            ancestor = _parent_pid(ancestor)
        return False

    def lookup():
        if process is not None and process.poll() is not None:
            raise DriverError(f"{name} exited with {process.returncode} before it showed")
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name and matches_pid(app):
                return app
        return None

    return wait_for(lookup, timeout, what=f"application {name!r} on the accessibility bus")


def _parent_pid(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def walk(node, depth=0, max_depth=80, prune=None):
    """@node and everything under it, depth first; not under a node for which @prune is
    true."""
    if node is None or depth > max_depth:
        return
    yield node
    if prune is not None and depth > 0 and prune(node):
        return
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth, prune)


# What lives inside a column view: a search for anything else need not read its rows, which
# can be hundreds over a large list (every one a round trip on the bus).
INSIDE_TABLES = ("table row", "table cell", "label", None)


def _is_table(node):
    return role_of(node) == "tree table"


def _strip_mnemonic(text):
    return text.replace("_", "")


def name_matches(actual, wanted):
    """0 when @actual is not @wanted; 2 when it is @wanted exactly (or doubled, as GTK 4.8
    names a widget labelled with the text it shows); 1 when it starts with @wanted and
    goes on with the text inside ("Новый гражданин Создать")."""
    if actual is None:
        return 0
    actual = _strip_mnemonic(actual)
    if actual == wanted or actual == f"{wanted} {wanted}":
        return 2
    if actual.startswith(wanted + " "):
        return 1
    return 0


def role_of(node):
    try:
        return node.get_role_name()
    except Exception:
        return None


def extents(node):
    component = node.get_component_iface()
    if component is None:
        return None
    return component.get_extents(Atspi.CoordType.WINDOW)


def is_shown(node):
    """Whether @node may be on screen: GTK 4.8 gives a widget that was never allocated —
    or one of its ancestors — an empty size. (A stack page hidden after it was shown keeps
    its last size: see the module's comment.)"""
    try:
        while node is not None and role_of(node) not in ("frame", "dialog", "window"):
            box = extents(node)
            if box is not None and (box.width <= 0 or box.height <= 0):
                return False
            node = node.get_parent()
        return True
    except Exception:
        return False


def find_all(root, role=None, name=None, shown=True):
    """Every widget under @root with @role and @name (see name_matches), best matches
    first; with @shown, only those on screen."""
    exact, partial = [], []
    for node in walk(root, prune=None if role in INSIDE_TABLES else _is_table):
        try:
            if role is not None and node.get_role_name() != role:
                continue
            quality = 2 if name is None else name_matches(node.get_name(), name)
        except Exception:
            continue
        if quality == 0 or (shown and not is_shown(node)):
            continue
        (exact if quality == 2 else partial).append(node)
    return exact + partial


def find(root, role=None, name=None, timeout=10.0, shown=True):
    return wait_for(lambda: (find_all(root, role, name, shown) or [None])[0], timeout,
                    what=f"{role or 'widget'} named {name!r}")


def gone(node):
    """Whether @node has left the tree (its window closed, its row removed)."""
    try:
        return node.get_role() == Atspi.Role.INVALID or node.get_index_in_parent() < 0
    except Exception:
        return True


def windows(app):
    found = []
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None and role_of(child) in ("frame", "dialog", "window"):
            found.append(child)
    return found


def wait_for_window(app, name, timeout=10.0):
    """The top-level window named @name (the title a screen reader announces)."""
    return wait_for(lambda: next((w for w in windows(app) if name_matches(w.get_name(), name)),
                                 None),
                    timeout, what=f"the window {name!r}")


def actions(node):
    action = node.get_action_iface()
    if action is None:
        return []
    return [action.get_action_name(i) for i in range(action.get_n_actions())]


def do_action(node, *names):
    """Runs the first of @names that @node offers; False when it offers none."""
    action = node.get_action_iface()
    if action is None:
        return False
    offered = [action.get_action_name(i) for i in range(action.get_n_actions())]
    for name in names:
        if name in offered:
            return action.do_action(offered.index(name))
    return False


def click(node):
    """Clicks a button through its action, anything else with the pointer."""
    if not do_action(node, "click", "press"):
        pointer_click(node)


def activate(node):
    """Activates an entry as Enter in it would."""
    if not do_action(node, "activate"):
        raise DriverError(f"{role_of(node)} {node.get_name()!r} cannot be activated")


class _X11:
    """Where a GTK window lies on the X screen. GTK 4.8 gives extents relative to the
    window whatever coordinate type is asked for, and the window's surface is wider than
    the window by its client-side shadow, which GTK publishes as _GTK_FRAME_EXTENTS."""

    class Attributes(ctypes.Structure):
        _fields_ = [
            ("x", ctypes.c_int), ("y", ctypes.c_int),
            ("width", ctypes.c_int), ("height", ctypes.c_int),
            ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
            ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong),
            ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
            ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
            ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
            ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
            ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
            ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
            ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
            ("screen", ctypes.c_void_p),
        ]

    IS_VIEWABLE = 2

    def __init__(self):
        lib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                   ctypes.POINTER(ctypes.c_ulong),
                                   ctypes.POINTER(ctypes.c_ulong),
                                   ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                                   ctypes.POINTER(ctypes.c_uint)]
        lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                             ctypes.POINTER(self.Attributes)]
        lib.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong,
                                           ctypes.c_long, ctypes.c_long, ctypes.c_int,
                                           ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                           ctypes.POINTER(ctypes.c_int),
                                           ctypes.POINTER(ctypes.c_ulong),
                                           ctypes.POINTER(ctypes.c_ulong),
                                           ctypes.POINTER(ctypes.c_void_p)]
        lib.XTranslateCoordinates.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                              ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                              ctypes.POINTER(ctypes.c_int),
                                              ctypes.POINTER(ctypes.c_int),
                                              ctypes.POINTER(ctypes.c_ulong)]
        lib.XFree.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.display = lib.XOpenDisplay(None)
        if not self.display:
            raise DriverError("cannot open the X display " + os.environ.get("DISPLAY", ""))
        self.root = lib.XDefaultRootWindow(self.display)
        self.frame_atom = lib.XInternAtom(self.display, b"_GTK_FRAME_EXTENTS", False)

    def _frame_extents(self, window):
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        n_items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        self.lib.XGetWindowProperty(self.display, window, self.frame_atom, 0, 4, False, 0,
                                    ctypes.byref(actual_type), ctypes.byref(actual_format),
                                    ctypes.byref(n_items), ctypes.byref(after),
                                    ctypes.byref(data))
        if not data.value:
            return (0, 0, 0, 0)
        try:
            if n_items.value != 4 or actual_format.value != 32:
                return (0, 0, 0, 0)
            return tuple(ctypes.cast(data, ctypes.POINTER(ctypes.c_long))[i] for i in range(4))
        finally:
            self.lib.XFree(data)

    def window_origin(self, width, height):
        """The screen position of the top-left corner of the topmost shown GTK window whose
        content is @width × @height."""
        root_return, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        self.lib.XQueryTree(self.display, self.root, ctypes.byref(root_return),
                            ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count))
        found = None
        try:
            for i in range(count.value):  # bottom to top
                window = children[i]
                attributes = self.Attributes()
                if not self.lib.XGetWindowAttributes(self.display, window,
                                                     ctypes.byref(attributes)):
                    continue
                if attributes.map_state != self.IS_VIEWABLE:
                    continue
                left, right, top, bottom = self._frame_extents(window)
                if (left, right, top, bottom) == (0, 0, 0, 0):
                    # Without a window manager GTK publishes no frame extents; its border
                    # for resizing is then the same on every side.
                    left = right = (attributes.width - width) // 2
                    top = bottom = (attributes.height - height) // 2
                    if left < 0 or top < 0 or left > 64 or top > 64:
                        continue
                if (attributes.width - left - right, attributes.height - top - bottom) \
                        != (width, height):
                    continue
                x, y, child = ctypes.c_int(), ctypes.c_int(), ctypes.c_ulong()
                self.lib.XTranslateCoordinates(self.display, window, self.root, left, top,
                                               ctypes.byref(x), ctypes.byref(y),
                                               ctypes.byref(child))
                found = (x.value, y.value)
        finally:
            if children:
                self.lib.XFree(children)
        return found


_x11 = None


def _toplevel(node):
    while node is not None and role_of(node) not in ("frame", "dialog", "window"):
        node = node.get_parent()
    return node


def screen_point(node):
    """The middle of @node on the screen."""
    global _x11
    if _x11 is None:
        _x11 = _X11()
    box = extents(node)
    window_box = extents(_toplevel(node))
    origin = _x11.window_origin(window_box.width, window_box.height)
    if origin is None:
        raise DriverError(f"cannot find the window of {node.get_name()!r} on the screen")
    return origin[0] + box.x + box.width // 2, origin[1] + box.y + box.height // 2


def _point_at(node):
    """Moves the pointer onto the middle of @node, from a pixel beside it: GTK takes a
    press where the pointer has not moved since a popover closed under it (a chosen item
    of a drop-down) for no one's, and the click is lost. A hand always moves first."""
    x, y = screen_point(node)
    Atspi.generate_mouse_event(x + 1, y + 1, "abs")
    Atspi.generate_mouse_event(x, y, "abs")
    return x, y


def pointer_click(node):
    x, y = _point_at(node)
    Atspi.generate_mouse_event(x, y, "b1c")


def press(key):
    """Presses and releases @key (a name from KEYSYMS) where the keyboard focus is."""
    Atspi.generate_keyboard_event(KEYSYMS[key], None, Atspi.KeySynthType.SYM)


def set_text(node, text):
    editable = node.get_editable_text_iface()
    if editable is None:
        raise DriverError(f"{role_of(node)} {node.get_name()!r} is not editable")
    if not editable.set_text_contents(text):
        raise DriverError(f"{role_of(node)} {node.get_name()!r} refused the text")


def type_text(node, text):
    """Adds @text at the end of an entry's text, as typing it would: one insertion, so the
    entry's "changed" fires once. (set_text deletes the old text first, and the entry is
    seen empty in between.)"""
    editable = node.get_editable_text_iface()
    if editable is None:
        raise DriverError(f"{role_of(node)} {node.get_name()!r} is not editable")
    end = node.get_text_iface().get_character_count()
    if not editable.insert_text(end, text, len(text.encode("utf-8"))):
        raise DriverError(f"{role_of(node)} {node.get_name()!r} refused the text")


def get_text(node):
    """The text of an entry; for a label, see label_text."""
    text = node.get_text_iface()
    if text is None:
        return node.get_name()
    return text.get_text(0, text.get_character_count())


def label_text(node):
    """What a label or inscription shows. Read from its name: GTK 4.8 names a label after
    its text, and asking the Text interface of one without text (an empty GtkInscription)
    makes GTK itself complain (g_utf8_strlen: assertion 'p != NULL'). An empty label is
    named after its type."""
    name = node.get_name() or ""
    return "" if name in ("GtkLabel", "GtkInscription") else name


def is_popover(node):
    return role_of(node) == "filler" and node.get_name() == "GtkPopover"


def labels_text(root, popovers=False):
    """The text of every label under @root, in order; without @popovers, not those in a
    popover that opens from a widget under @root (a chooser's list is not its value)."""
    texts = []

    def collect(node):
        if role_of(node) == "label":
            texts.append(label_text(node))
        for i in range(node.get_child_count()):
            child = node.get_child_at_index(i)
            if child is not None and (popovers or not is_popover(child)):
                collect(child)

    collect(root)
    return texts


def table_row_nodes(table, limit=None):
    """The rows of a column view that GTK has made (those on screen and some around them),
    at most @limit; the header row (column titles) is left out."""
    rows = []
    for node in walk(table, prune=lambda n: role_of(n) == "table row"):
        if role_of(node) != "table row" or node.get_child_count() == 0 \
                or role_of(node.get_child_at_index(0)) != "table cell":
            continue
        rows.append(node)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def table_rows(table, limit=None):
    """The text of each cell of the rows table_row_nodes() gives."""
    return [[" ".join(labels_text(cell))
             for cell in (row.get_child_at_index(i) for i in range(row.get_child_count()))
             if role_of(cell) == "table cell"]
            for row in table_row_nodes(table, limit)]


def screenshot(path):
    # What AT-SPI reads is in the widgets already; the screen follows on GTK's next frame.
    # Screenshots are for people to look at, so give it that frame.
    time.sleep(0.1)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(["import", "-window", "root", path], check=True, timeout=30)
    return path


def combo_value(combo):
    """What a combo shows as chosen: the label of the one row it shows the selection in —
    a list item in a combo row (AdwComboRow), a bare list item widget in a drop-down
    (GtkDropDown). Not the rows of its open list, which is a popover under it."""
    for node in walk(combo, prune=is_popover):
        if is_popover(node):
            continue
        if role_of(node) == "list item" \
                or (role_of(node) == "filler" and node.get_name() == "GtkListItemWidget"):
            texts = [t for t in labels_text(node) if t]
            return texts[0] if texts else None
    return None


def choose_in_combo(combo, item):
    """Opens the combo's list with the pointer and picks @item with the keyboard, as its
    popover's rows have neither an action nor a usable position on GTK 4.8. The keys
    start from Home: the row a list opens on differs (the chosen one in a combo row, the
    first in a drop-down), and Enter chooses nothing before a key has moved the focus."""
    def open_list():
        return next((n for n in walk(combo) if is_popover(n) and is_shown(n)), None)

    # Under load GTK may take a click for the end of the one before (a popover just closed
    # under the pointer) and open nothing: a person clicks again.
    popover = None
    for attempt in range(3):
        pointer_click(combo)
        try:
            popover = wait_for(open_list, 3 if attempt < 2 else 5,
                               what="the combo's list to open")
            break
        except DriverError:
            if attempt == 2:
                raise
            time.sleep(0.3)

    def listed():
        rows = ([t for t in labels_text(n) if t] for n in walk(popover)
                if role_of(n) == "list item")
        return [texts[0] for texts in rows if texts]

    items = wait_for(listed, 5, what="the combo's items")
    if item not in items:
        press("Escape")
        raise DriverError(f"{item!r} is not among the combo's items {items}")
    press("Home")
    for _step in range(items.index(item)):
        press("Down")
    press("Return")
    wait_for(lambda: combo_value(combo) == item, 5, what=f"the combo to show {item!r}")
    # A click while the list is still up would only close it.
    wait_for(lambda: open_list() is None, 5, what="the combo's list to close")


def error_next_to(entry):
    """The refusal a form shows right under @entry: the text of the row that follows it
    in its list, or None when the next row is another field."""
    parent = entry.get_parent()
    index = entry.get_index_in_parent()
    if parent is None or index + 1 >= parent.get_child_count():
        return None
    texts = [t for t in labels_text(parent.get_child_at_index(index + 1)) if t]
    return texts[0] if texts else None


def describe(root, max_depth=60):
    """The accessible tree under @root as indented text — role, name, description — to
    leave beside a failure's screenshot: what the test could see when it gave up."""
    lines = []

    def visit(node, depth):
        try:
            role, name = node.get_role_name(), node.get_name()
            description = node.get_description()
        except Exception:
            return
        line = "  " * depth + f"[{role}] {name!r}"
        if description:
            line += f" — {description!r}"
        if not is_shown(node):
            line += " (not shown)"
        lines.append(line)
        if depth < max_depth:
            for i in range(node.get_child_count()):
                child = node.get_child_at_index(i)
                if child is not None:
                    visit(child, depth + 1)

    visit(root, 0)
    return "\n".join(lines)


def scroll_into_view(node, timeout=5.0):
    """Turns the mouse wheel over @node's window until @node is inside it, as a person
    scrolls a form taller than the screen: GTK 4.8 cannot scroll a widget into view over
    AT-SPI, and the pointer can only click what is on screen."""
    window = _toplevel(node)
    deadline = time.monotonic() + timeout
    while True:
        box, frame = extents(node), extents(window)
        if box.y >= 0 and box.y + box.height <= frame.height:
            return node
        if time.monotonic() > deadline:
            raise DriverError(f"{role_of(node)} {node.get_name()!r} would not scroll into view")
        x, y = screen_point(window)
        Atspi.generate_mouse_event(x, y, "abs")
        Atspi.generate_mouse_event(x, y, "b5c" if box.y + box.height > frame.height else "b4c")
        time.sleep(0.05)
