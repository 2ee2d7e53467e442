#!/usr/bin/python3
"""A small GTK window that drags the files named on its command line (as text/uri-list, what a
file manager gives): the end-to-end test presses on it and releases over the app's window with
xdotool, so the app gets a real drop from X, not an event a script made.

    drag-source.py X Y PATH...   # the window's top-left corner on the screen, then the paths
Prints "ready" once the window is shown; quits when the drag ends."""

import sys
from pathlib import Path

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

x, y = int(sys.argv[1]), int(sys.argv[2])
uris = [Path(p).resolve().as_uri() for p in sys.argv[3:]]

window = Gtk.Window(title="dateline drag source")
window.set_default_size(120, 120)
window.move(x, y)
source = Gtk.EventBox()
source.add(Gtk.Label(label="drag me"))
window.add(source)
source.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
source.drag_source_add_uri_targets()
source.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
source.connect("drag-end", lambda *_: GLib.timeout_add(200, Gtk.main_quit))
window.connect("destroy", Gtk.main_quit)
window.connect("map-event", lambda *_: print("ready", flush=True))
window.show_all()
# Never outlive the test.
GLib.timeout_add_seconds(60, Gtk.main_quit)
Gtk.main()
