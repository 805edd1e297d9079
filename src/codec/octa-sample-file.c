/* SPDX-License-Identifier: MIT */
#include "octa-sample-file.h"
