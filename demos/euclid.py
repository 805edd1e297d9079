#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Euclidean drums: kick, snare and hats on tracks 1-3 of pattern A01.

Usage: euclid.py OUTPUT_FOLDER

OUTPUT_FOLDER is used as an Octatrack set: the project is written to
OUTPUT_FOLDER/EUCLID and three generated drum samples to OUTPUT_FOLDER/AUDIO,
the set's audio pool, where Flex slots 1-3 refer to them as "../AUDIO/…".
Part 1 of bank A makes tracks 1-3 Flex machines playing those slots.
"""

import math
import os
import random
import struct
import sys
import wave

import gi

gi.require_version("Gio", "2.0")
gi.require_version("Octa", "1.0")
from gi.repository import Gio, Octa  # noqa: E402

RATE = 44100
STEPS = 16
TEMPO = 124.0

# track, sample, pulses, rotation (steps later)
VOICES = [
    (1, "kick", 4, 0),
    (2, "snare", 2, 4),
    (3, "hat", 7, 2),
]

# Accents on the hats: AMP VOL locked on every other hat trig.
HAT_ACCENT = 127
HAT_SOFT = 72


def write_wav(path, samples):
    """Writes 16-bit mono PCM; samples are floats in -1…1."""
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000))
                      for s in samples)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def kick():
    n = int(RATE * 0.35)
    phase = 0.0
    out = []
    for i in range(n):
        t = i / RATE
        freq = 45 + 75 * math.exp(-t * 30)
        phase += 2 * math.pi * freq / RATE
        out.append(math.sin(phase) * math.exp(-t * 9))
    return out


def snare():
    rng = random.Random(2)
    n = int(RATE * 0.25)
    return [(0.6 * rng.uniform(-1, 1) + 0.4 * math.sin(2 * math.pi * 185 * i / RATE))
            * math.exp(-i / RATE * 18) for i in range(n)]


def hat():
    rng = random.Random(3)
    n = int(RATE * 0.08)
    out = []
    previous = 0.0
    for i in range(n):
        noise = rng.uniform(-1, 1)
        # A first difference keeps the hiss and drops the body.
        out.append((noise - previous) * 0.5 * math.exp(-i / RATE * 60))
        previous = noise
    return out


SOUNDS = {"kick": kick, "snare": snare, "hat": hat}


def steps_of(mask):
    return [step + 1 for step in range(STEPS) if mask & (1 << step)]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    audio = os.path.join(out, "AUDIO")
    os.makedirs(audio, exist_ok=True)

    # Samples are copied into the set's pool relative to the project
    # folder, so the project needs a folder first.
    project = Octa.Project.new_blank("EUCLID")
    project.save_to_folder(Gio.File.new_for_path(os.path.join(out, "EUCLID")),
                           Octa.SaveMode.WORKING, None)

    slots = {}
    for _, name, _, _ in VOICES:
        path = os.path.join(audio, f"euclid-{name}.wav")
        write_wav(path, SOUNDS[name]())
        # Slot 0: the first free Flex slot. The file is already in the pool,
        # so nothing is copied.
        slots[name] = project.add_sample(Octa.SlotKind.FLEX, 0, Gio.File.new_for_path(path),
                                         Octa.SamplePoolMode.SET_POOL)

    bank = project.get_bank(0)
    part = bank.get_part(0)
    pattern = bank.get_pattern(0)

    # Everything below is one undo step.
    project.begin_change("Euclidean drums")
    project.get_settings().props.tempo = TEMPO
    pattern.props.length = STEPS
    pattern.props.part = 1
    for track, name, pulses, rotation in VOICES:
        machine = part.get_audio_track(track - 1)
        machine.props.machine = Octa.MachineKind.FLEX
        machine.props.flex_slot = slots[name]

        mask = Octa.euclidean_mask(pulses, STEPS, rotation)
        pattern.get_audio_track(track - 1).set_trig_mask(Octa.TrigType.TRIGGER, mask)

    hats = pattern.get_audio_track(2)
    hat_steps = steps_of(hats.get_trig_mask(Octa.TrigType.TRIGGER))
    for i, step in enumerate(hat_steps):
        hats.get_step(step - 1).props.lock_amp_vol = HAT_ACCENT if i % 2 == 0 else HAT_SOFT
    project.end_change()

    project.save(Octa.SaveMode.WORKING, Octa.SaveFlags.NONE, None)

    print(f"Wrote {project.get_location().get_path()}")
    for track, name, pulses, rotation in VOICES:
        mask = pattern.get_audio_track(track - 1).get_trig_mask(Octa.TrigType.TRIGGER)
        row = "".join("x" if mask & (1 << s) else "." for s in range(STEPS))
        print(f"  T{track} {name:5} E({pulses},{STEPS})+{rotation}  {row}  Flex {slots[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
