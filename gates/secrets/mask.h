// `secgate-secrets mask`: copies a stream (a CI log) with every detected
// secret replaced by "[secgate:<rule>:<16 hex of its fingerprint>]". Whole
// lines are written and flushed as soon as they have been read, so a
// masked log follows the build live; memory is bounded by the longest line
// (lines over 1 MiB are cut and masked in pieces).
#pragma once

#include <cstdio>

#include "gates/core/error.h"
#include "gates/secrets/matcher.h"

namespace secgate::secrets {

/// Masks `in_fd` to its end into `out_fd`. Returns the number of secrets
/// masked; an Error when reading or writing fails.
core::Result<long> MaskStream(const Engine& engine, int in_fd, int out_fd);

}  // namespace secgate::secrets
