#pragma once
// An ab initio run's poses (run.h5 /particles/rotations, /particles/shifts; RunFile.h
// PoseTable) as the particle metadata's poses, for exporting them to RELION and cryoSPARC.
#include "particles/ParticleTypes.h"
#include "run/RunFile.h"

#include <vector>

namespace cryo {

class ParticleDataset;

// One ParticlePose per particle of `dataset` (the run's particles, input order): the same R,
// Euler angles from it, and the shifts from pixels to Å with each particle's optics-group
// pixel size. Throws UsageError when the counts differ.
std::vector<ParticlePose> particlePoses(const PoseTable& poses, const ParticleDataset& dataset);

// The poses an export of the run's particles should carry: an ab initio run's own (only those
// store /particles/rotations), else none (empty: the particle file's poses are kept).
std::vector<ParticlePose> exportPoses(const H5File& run, const ParticleDataset& dataset);

} // namespace cryo
