// evaluate_poses RUN_DIR TRUTH.h5 — the accuracy of an ab initio run's poses (run.h5
// /particles/rotations, /particles/shifts) against the simulator's truth, up to the ambiguities
// of ab initio reconstruction (pose/PoseAccuracy.h: one global rotation, the mirror, the map's
// origin): median and quantiles of the rotation error (°) and the shift error (px).
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
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
