// evaluate_poses RUN_DIR TRUTH.h5 — the accuracy of an ab initio run's poses (run.h5
// /particles/rotations, /particles/shifts) against the simulator's truth, up to the ambiguities
// of ab initio reconstruction (pose/PoseAccuracy.h: one global rotation, the mirror, the map's
// origin): median and quantiles of the rotation error (°) and the shift error (px); with a
// truth coordinate (e.g. the hinge angle), the median error per quarter of its range.
#include "io/H5File.h"
#include "pose/PoseAccuracy.h"
#include "run/RunFile.h"
#include "sim/TruthPoses.h"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace {

double quantile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, std::size_t(q * double(v.size())))];
}

// The median rotation error of the particles in each quarter of the coordinate's range: after
// the global alignment, and after aligning the quarter on its own.
void printByQuarter(const std::vector<double>& errors, const std::vector<double>& coordinate,
                    const std::vector<std::array<float, 9>>& found, const std::vector<std::array<float, 2>>& foundShifts,
                    const cryo::TruthPoses& truth)
{
    const auto [lo, hi] = std::minmax_element(coordinate.begin(), coordinate.end());
    if (!(*hi > *lo))
        return;   // one conformation
    std::vector<std::size_t> members[4];
    for (std::size_t i = 0; i < coordinate.size(); ++i)
        members[std::min(3, int(4.0 * (coordinate[i] - *lo) / (*hi - *lo)))].push_back(i);
    std::printf("by quarter of the first truth coordinate:\n");
    const double step = (*hi - *lo) / 4;
    for (int q = 0; q < 4; ++q)
        if (!members[q].empty()) {
            std::vector<double> e;
            std::vector<std::array<float, 9>> f;
            std::vector<std::array<float, 2>> fs;
            std::vector<cryo::Mat3> t;
            std::vector<std::array<double, 2>> ts;
            for (std::size_t i : members[q]) {
                e.push_back(errors[i]);
                f.push_back(found[i]);
                fs.push_back(foundShifts[i]);
                t.push_back(truth.rotations[i]);
                ts.push_back(truth.shifts[i]);
            }
            const cryo::PoseAccuracy own = cryo::comparePoses(f, fs, t, ts);
            std::printf("  %.1f to %.1f: %zu particles, median error %.2f deg (aligned on its own: %.2f deg, %.2f px)\n",
                        *lo + q * step, *lo + (q + 1) * step, e.size(), quantile(e, 0.5),
                        own.medianRotationDeg, own.medianShiftPx);
        }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: evaluate_poses RUN_DIR TRUTH.h5\n");
        return 2;
    }
    try {
        const cryo::H5File run(cryo::runFilePath(argv[1]), cryo::H5File::Mode::ReadOnly);
        const cryo::PoseTable poses = cryo::readPoses(run);
        const cryo::TruthPoses truth = cryo::readTruthPoses(argv[2]);
        if (truth.size() != poses.count) {
            std::fprintf(stderr, "truth and run have different particle counts\n");
            return 1;
        }
        std::vector<std::array<float, 9>> found(poses.count);
        std::vector<std::array<float, 2>> foundShifts(poses.count);
        for (std::size_t i = 0; i < poses.count; ++i) {
            std::copy_n(poses.rotations.begin() + std::ptrdiff_t(9 * i), 9, found[i].begin());
            foundShifts[i] = {poses.shifts[2 * i], poses.shifts[2 * i + 1]};
        }
        const cryo::PoseAccuracy a = cryo::comparePoses(found, foundShifts, truth.rotations, truth.shifts);
        const auto& e = a.rotationDeg;
        const auto within5 = std::count_if(e.begin(), e.end(), [](double x) { return x <= 5.0; });
        std::printf("N %zu%s  rotation error median %.2f deg (quantiles 10/25/75/90%%: %.1f %.1f %.1f %.1f), "
                    "%.1f%% within 5 deg\n",
                    poses.count, a.mirrored ? " (mirrored map)" : "", a.medianRotationDeg, quantile(e, 0.1),
                    quantile(e, 0.25), quantile(e, 0.75), quantile(e, 0.9), 100.0 * double(within5) / double(e.size()));
        std::printf("shift error median %.2f px after the map offset (%.2f, %.2f, %.2f) px\n", a.medianShiftPx,
                    a.mapOffset.x(), a.mapOffset.y(), a.mapOffset.z());
        const std::vector<double> coordinate = cryo::readTruthCoordinate(argv[2], poses.count);
        if (!coordinate.empty())
            printByQuarter(e, coordinate, found, foundShifts, truth);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
