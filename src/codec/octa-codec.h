/* SPDX-License-Identifier: MIT */
#pragma once

#include "octa-arrangement-file.h"
#include "octa-bank-file.h"
#include "octa-codec-error.h"
#include "octa-fileio.h"
#include "octa-image.h"
#include "octa-markers-file.h"
#include "octa-project-file.h"
#include "octa-project-files.h"
#include "octa-sample-file.h"
#include "octa-demo.h"
