/* SPDX-License-Identifier: MIT */
#include "octa-markers-file.h"
