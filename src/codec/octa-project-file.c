/* SPDX-License-Identifier: MIT */
#include "octa-project-file.h"
