#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Create a project from the template, name it and save it.

Usage: new_project.py OUTPUT_FOLDER [NAME]

Writes OUTPUT_FOLDER/NAME (default name: SKETCH), a project exactly like a
new one on the device, with its four parts of bank A renamed, the project
tempo set, and both the working state (.work) and the saved state (.strd)
written, as PROJECT > SAVE does on the device.
"""

import os
import sys

import gi

gi.require_version("Gio", "2.0")
gi.require_version("Octa", "1.0")
from gi.repository import Gio, Octa  # noqa: E402

PART_NAMES = ["INTRO", "VERSE", "CHORUS", "OUTRO"]
TEMPO = 98.5


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    name = argv[2] if len(argv) == 3 else "SKETCH"

    # The template: byte for byte what the device creates.
    project = Octa.Project.new_blank(name)

    bank = project.get_bank(0)
    project.begin_change("Set up the new project")
    for index, part_name in enumerate(PART_NAMES):
        bank.get_part(index).set_name(part_name)
    project.get_settings().props.tempo = TEMPO
    project.end_change()

    # The device knows a project by its folder's name.
    folder = Gio.File.new_for_path(os.path.join(out, name))
    project.save_to_folder(folder, Octa.SaveMode.DEVICE, None)

    print(f"Created {folder.get_path()}")
    for file_name in sorted(os.listdir(folder.get_path())):
        print(f"  {file_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
