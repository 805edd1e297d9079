/* SPDX-License-Identifier: MIT */
#include "octa-fileio.h"
