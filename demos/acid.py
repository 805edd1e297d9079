#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""An acid line: 16 steps with pitch locks, slides, accents, trig conditions
and micro-timing, on a Flex track and mirrored as notes on a MIDI track.

Usage: acid.py OUTPUT_FOLDER

OUTPUT_FOLDER is used as an Octatrack set: the project is written to
OUTPUT_FOLDER/ACID, two generated bass samples to OUTPUT_FOLDER/AUDIO (Flex
slots 5 and 6), and the whole project with its samples to
OUTPUT_FOLDER/ACID.zip.

Pattern A01, audio track 1 (a Flex machine playing slot 5):
  - PTCH is locked on every trig (the first SRC parameter, lock-src1:
    64 is the sample's own pitch, one unit a semitone);
  - slide trigs glide into the next note;
  - accents lock AMP VOL;
  - step 9 locks the other sample (slot 6);
  - a few trigs only play on FILL, on the first of two loops (1:2) or
    when not filling (!FILL);
  - a few trigs are pushed late or pulled early (micro-timing, in 1/384
    of a step).
MIDI track 1 plays the same line as notes (NOTE locks) on channel 1.
"""

import math
import os
import struct
import sys
import wave

import gi

gi.require_version("Gio", "2.0")
gi.require_version("Octa", "1.0")
from gi.repository import Gio, Octa  # noqa: E402

RATE = 44100
TEMPO = 132.0
ROOT_NOTE = 36          # C2 on the MIDI track
SAW_SLOT = 5
SQUARE_SLOT = 6

# Trig conditions by the names the device shows: "FILL", "!FILL", "1:2", "25%"…
CONDITIONS = {Octa.trig_condition_to_string(c): c
              for c in Octa.TrigCondition.__enum_values__.values()}

# One entry per step: None for a rest, else
# (semitones, slide, accent, condition, micro-timing, sample slot lock)
LINE = [
    (0, False, True, None, 0, None),            # 1
    (0, False, False, None, 0, None),           # 2
    (12, True, False, None, 0, None),           # 3
    None,                                       # 4
    (0, False, True, None, 0, None),            # 5
    (3, True, False, None, 6, None),            # 6: late
    (5, False, False, "1:2", 0, None),          # 7: every other loop
    None,                                       # 8
    (0, False, True, None, 0, SQUARE_SLOT),     # 9: the square sample
    (10, True, False, None, -4, None),          # 10: early
    (12, False, False, None, 0, None),          # 11
    None,                                       # 12
    (7, False, True, "!FILL", 0, None),         # 13
    (15, True, False, "FILL", 0, None),         # 14: fill only
    (12, False, False, "FILL", 3, None),        # 15: fill only, late
    (0, False, False, None, -8, None),          # 16: early
]


def write_wav(path, samples):
    """Writes 16-bit mono PCM; samples are floats in -1…1."""
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000))
                      for s in samples)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def bass(shape, freq=65.41, seconds=0.4):
    """A decaying C2 saw or square."""
    out = []
    for i in range(int(RATE * seconds)):
        phase = (i * freq / RATE) % 1.0
        value = 2 * phase - 1 if shape == "saw" else (1.0 if phase < 0.5 else -1.0)
        out.append(0.7 * value * math.exp(-i / RATE * 5))
    return out


def add_bass_samples(project, audio):
    for slot, shape in ((SAW_SLOT, "saw"), (SQUARE_SLOT, "square")):
        path = os.path.join(audio, f"acid-{shape}.wav")
        write_wav(path, bass(shape))
        project.add_sample(Octa.SlotKind.FLEX, slot, Gio.File.new_for_path(path),
                           Octa.SamplePoolMode.SET_POOL)


def write_line(project):
    bank = project.get_bank(0)
    pattern = bank.get_pattern(0)
    flex = pattern.get_audio_track(0)
    midi = pattern.get_midi_track(0)
    part = bank.get_part(0)

    project.begin_change("Acid line")
    project.get_settings().props.tempo = TEMPO
    pattern.props.length = len(LINE)

    machine = part.get_audio_track(0)
    machine.props.machine = Octa.MachineKind.FLEX
    machine.props.flex_slot = SAW_SLOT
    part.get_midi_track(0).props.channel = 1

    for index, entry in enumerate(LINE):
        if entry is None:
            continue
        semitones, slide, accent, condition, micro, sample = entry

        step = flex.get_step(index)
        step.props.trig = True
        step.props.lock_src1 = 64 + semitones
        step.props.slide = slide
        if accent:
            step.props.lock_amp_vol = 127
        if sample is not None:
            step.props.sample_lock = sample

        note = midi.get_step(index)
        note.props.trig = True
        note.props.lock_note = ROOT_NOTE + semitones

        for s in (step, note):
            if condition is not None:
                s.props.condition = CONDITIONS[condition]
            s.props.micro_timing = micro
    project.end_change()


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    audio = os.path.join(out, "AUDIO")
    os.makedirs(audio, exist_ok=True)

    project = Octa.Project.new_blank("ACID")
    project.save_to_folder(Gio.File.new_for_path(os.path.join(out, "ACID")),
                           Octa.SaveMode.WORKING, None)
    add_bass_samples(project, audio)
    write_line(project)

    # Saved to its folder, then packed with its samples.
    project.save(Octa.SaveMode.WORKING, Octa.SaveFlags.NONE, None)
    zip_file = Gio.File.new_for_path(os.path.join(out, "ACID.zip"))
    project.export_zip(zip_file, None)

    flex = project.get_bank(0).get_pattern(0).get_audio_track(0)
    print(f"Wrote {project.get_location().get_path()} and {zip_file.get_path()}")
    for step in range(len(LINE)):
        s = flex.get_step(step)
        if not s.props.trig:
            continue
        extras = []
        if s.props.slide:
            extras.append("slide")
        if s.props.lock_amp_vol >= 0:
            extras.append("accent")
        if s.props.condition != Octa.TrigCondition.NONE:
            extras.append(Octa.trig_condition_to_string(s.props.condition))
        if s.props.micro_timing:
            extras.append(s.dup_micro_timing_label())
        if s.props.sample_lock:
            extras.append(f"Flex {s.props.sample_lock}")
        print(f"  {step + 1:2}  PTCH {s.props.lock_src1 - 64:+3}  {' '.join(extras)}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
