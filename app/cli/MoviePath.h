#pragma once
// Latent paths for movies: a text file of z rows or of particle indices, resampled to a
// given number of frames evenly spaced along the path's length.
#include "run/RunFile.h"

#include <filesystem>
#include <vector>

namespace cli {

enum class PathKind { Auto, ZRows, Particles };

// Reads `file`: one point per line, '#' comments and blank lines ignored. ZRows: zdim
// numbers per line; Particles: one particle index per line (its z_mu from `latents`).
// Auto: one integer per line (and zdim > 1) means particles, otherwise z rows. Returns the
// points row-major (points × zdim). Throws FileError naming the file and line.
std::vector<float> readLatentPath(const std::filesystem::path& file, const cryo::LatentTable& latents, PathKind kind);

// `frames` points on the polyline through `points` (count × dim), evenly spaced by
// Euclidean length, first and last points included. A path of one point (or of zero
// length) repeats it. Throws UsageError for frames < 1 or no points.
std::vector<float> resamplePath(const std::vector<float>& points, int dim, int frames);

} // namespace cli
