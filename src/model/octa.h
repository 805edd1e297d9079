/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-audio-pattern-track.h"
#include "octa-audio-step.h"
#include "octa-bank.h"
#include "octa-history.h"
#include "octa-midi-pattern-track.h"
#include "octa-midi-step.h"
#include "octa-model-enum-types.h"
#include "octa-model-enums.h"
#include "octa-part.h"
#include "octa-pattern-track.h"
#include "octa-pattern.h"
#include "octa-project.h"
#include "octa-step.h"
