/* SPDX-License-Identifier: MIT */
#include "octa-arrangement-file.h"
