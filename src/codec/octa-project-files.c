/* SPDX-License-Identifier: MIT */
#include "octa-project-files.h"
