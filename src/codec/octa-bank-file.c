/* SPDX-License-Identifier: MIT */
#include "octa-bank-file.h"
