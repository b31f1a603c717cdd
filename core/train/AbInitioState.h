#pragma once
// What an ab initio run records in run.h5 beyond RunConfig, so that it can be reopened (the
// training dialog shows its settings) and resumed with the same schedule (docs/run-directory.md):
//   /config attributes ab_initio = 1, ab_initio_search_every, ab_initio_reset_after_epoch (as
//     configured, −1 = automatic), ab_initio_reset_epoch (resolved, 0 = never),
//     ab_initio_base_resolution, ab_initio_refinements, ab_initio_kept, ab_initio_shift_extent,
//     ab_initio_shift_points, ab_initio_l_min, ab_initio_l_max, ab_initio_search_batch;
//   /particles/rotations attribute searched_epoch: the epoch whose pose search found the poses
//     stored beside it (/particles/rotations, /particles/shifts; RunFile.h PoseTable);
//   /history/poses_searched (int32), /history/pose_error_deg, /history/shift_error_px (float64),
//     one row per /history/epoch: whether the epoch searched, and the median errors of the
//     poses against truth.h5 after it (−1 without a truth); /history/pose_change_deg,
//     /history/pose_change_px (float64, absent in runs before 2026-12): how far that epoch's
//     search moved the poses (−1: no search, or the first).
// A run without the ab_initio attribute was trained on the poses of its particle file.
// Torch-free: the GUI and the CLI read it too.
#include "io/H5File.h"
#include "train/TrainingJob.h"

#include <optional>
#include <string>
#include <vector>

namespace cryo {

struct AbInitioRecord {
    AbInitioOptions options;   // as configured (resetAfterEpoch −1: automatic)
    int resetEpoch = 0;        // the epoch after which the model was (or will be) reset; 0: never
};

// The reset epoch of thesis §5.3.3 that `options` gives for a run of `epochs` epochs:
// resetAfterEpoch when ≥ 0, else (automatic) half of the epochs when there are ≥ 10, else 0.
int resolvedResetEpoch(const AbInitioOptions& options, int epochs);

void writeAbInitioRecord(H5File& file, const AbInitioRecord& record);
// std::nullopt for a run trained on given poses. Throws FileError when the attributes are
// incomplete or out of range.
std::optional<AbInitioRecord> readAbInitioRecord(const H5File& file);

// One row of the ab initio columns of /history (EpochSummary's pose fields).
struct PoseErrorRecord {
    int epoch = 0;
    bool searched = false;
    double rotationDeg = -1, shiftPx = -1;
    double changeDeg = -1, changePx = -1;   // EpochSummary::poseChangeDeg / poseChangePx
    double halfMapResolutionA = -1;         // EpochSummary::halfMapResolutionA
};

// A search pass that moved the poses by a median of at most this (°, after the best global
// alignment: EpochSummary::poseChangeDeg) leaves them settled, i.e. the search has converged:
// within twice the finest step of its rotation grid (resolution baseResolution + refinements)
// the changes are the grid's and the noise's, not the model's.
double settledBelowDeg(const AbInitioOptions& options);

// Written beside writeHistory's columns (same rows). read: empty when the run has none;
// throws FileError when the columns differ in length from /history/epoch.
void writePoseErrorHistory(H5File& file, const std::vector<PoseErrorRecord>& history);
std::vector<PoseErrorRecord> readPoseErrorHistory(const H5File& file);

// The searched_epoch attribute (call after writePoses); 0 when the run has none.
void writeSearchedEpoch(H5File& file, int epoch);
int readSearchedEpoch(const H5File& file);

// "search every: 2 in the run, 5 given; …" for the settings in which `given` differs from
// `stored`; empty when they agree.
std::string abInitioDifferences(const AbInitioOptions& stored, const AbInitioOptions& given);

// Throws UsageError when resuming the run in `runDir` (its stored record, nullopt for a run
// on given poses) with `options` contradicts how it was trained: ab initio or not, or other
// ab initio settings. The message says what to change.
void checkAbInitioResume(const std::filesystem::path& runDir, const std::optional<AbInitioRecord>& stored,
                         const TrainingOptions& options);

} // namespace cryo
