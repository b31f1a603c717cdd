#pragma once
// cryoDRGN's per-particle pickles and index files, converted to our types:
//   pose.pkl   tuple (rotations N×3×3, translations N×2) — or rotations alone
//   ctf.pkl    N×9 table [D, Å/px, dfU Å, dfV Å, dfang °, kV, Cs mm, w, phase shift °]
//   ind.pkl    1-D integer array of 0-based particle indices (a selection); or a .txt list
// Every reader validates shapes, finiteness and ranges and throws FileError naming the file,
// the particle (row) and the problem.
#include "particles/ParticleTypes.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace cryo {

// Rotations are our R (= RELION's A = cryoDRGN's matrix, geometry/PoseConventions.h), used as
// stored; `angles` gets the RELION Euler angles (degrees) of R. Translations in cryoDRGN ≥ 0.3
// are fractions of the box (parse_pose_star divides pixels by D; the trainer multiplies by D
// again), same sign as RELION's origin; so shift Å = t · imageSize · pixelSize. imageSize is the
// box D of the images the poses belong to (not cryoDRGN's lattice D + 1), pixelSize in Å/px.
// A |t| above 0.5 (centre outside the box) is rejected as "looks like pixels" (cryoDRGN < 0.3).
// A pickle with rotations only gives zero shifts. Rotations must be orthonormal with det +1
// (tolerance 1e-3). Throws UsageError for imageSize <= 0 or pixelSize <= 0.
std::vector<ParticlePose> readCryodrgnPoses(const std::filesystem::path& path, int imageSize, double pixelSize);

// One row of ctf.pkl besides the CTF itself.
struct CryodrgnCtfTable {
    std::vector<CtfParams> params;      // angles in degrees, defocus in Å, as in ctf.pkl
    std::vector<int> imageSizes;        // column 0: D (px)
    std::vector<double> pixelSizes;     // column 1: Å/px
};
// Requires an N×9 float array; D and Å/px > 0, defocus >= 0, kV > 0, Cs >= 0, 0 <= w <= 1,
// all finite.
CryodrgnCtfTable readCryodrgnCtf(const std::filesystem::path& path);

struct IndexFileInfo {
    std::size_t entries = 0;       // indices in the file
    std::size_t duplicates = 0;    // entries dropped because they repeat an earlier one
    bool wasSorted = true;         // the file listed them in ascending order
};

// A selection: .pkl (pickled integer ndarray, 1-D or N×1) or text (.txt or anything else:
// one 0-based index per line, blank lines and '#' comments ignored, whitespace/commas also
// separate). Returns the indices SORTED and UNIQUE — a selection is a set; duplicates are
// dropped and counted in *info. Negative indices, non-integers, float arrays, indices
// >= particleCount (when particleCount > 0) and a file without any index are FileErrors
// naming the file and the line or position.
// The same entries in file order, repeats kept: the rows a run trained with cryoDRGN's --ind
// saw, in the order it saw them.
std::vector<std::size_t> readIndexList(const std::filesystem::path& path, std::size_t particleCount = 0);

std::vector<std::size_t> readIndexFile(const std::filesystem::path& path, std::size_t particleCount = 0,
                                       IndexFileInfo* info = nullptr);

} // namespace cryo
