// evaluate_poses RUN_DIR|POSE.pkl TRUTH.h5 [BOX] — the accuracy of an ab initio run's poses (run.h5
// /particles/rotations, /particles/shifts; or cryoDRGN's pose.pkl of abinit_homo, whose shifts
// are fractions of the box: BOX, the image size in pixels) against the simulator's truth, up to the ambiguities
// of ab initio reconstruction (pose/PoseAccuracy.h: one global rotation, the mirror, the map's
// origin): median and quantiles of the rotation error (°) and the shift error (px); with a
// truth coordinate (e.g. the hinge angle), the median error per quarter of its range.
#include "io/H5File.h"
#include "particles/CryodrgnPickles.h"
#include "pose/PoseAccuracy.h"
#include "run/RunFile.h"
#include "sim/TruthPoses.h"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace {

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
                        *lo + q * step, *lo + (q + 1) * step, e.size(), cryo::errorQuantile(e, 0.5),
                        own.medianRotationDeg, own.medianShiftPx);
        }
}

// cryoDRGN's pose.pkl as a run's pose table: shifts t·D in pixels (pixel size 1 Å makes the
// reader's Å pixels).
cryo::PoseTable posesFromPickle(const char* path, int box)
{
    cryo::PoseTable table;
    for (const cryo::ParticlePose& p : cryo::readCryodrgnPoses(path, box, 1.0)) {
        table.rotations.insert(table.rotations.end(), p.rotation.begin(), p.rotation.end());
        table.shifts.insert(table.shifts.end(), {p.shiftX, p.shiftY});
    }
    table.count = table.shifts.size() / 2;
    return table;
}

} // namespace

int main(int argc, char** argv)
{
    const bool pickle = argc == 4;
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: evaluate_poses RUN_DIR|POSE.pkl TRUTH.h5 [BOX (px, for a pose.pkl)]\n");
        return 2;
    }
    try {
        const cryo::PoseTable poses = pickle ? posesFromPickle(argv[1], std::stoi(argv[3]))
                                             : cryo::readPoses(cryo::H5File(cryo::runFilePath(argv[1]),
                                                                            cryo::H5File::Mode::ReadOnly));
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
        std::printf("N %zu%s  rotation error %s\n", poses.count, a.mirrored ? " (mirrored map)" : "",
                    cryo::describeRotationErrors(e).c_str());
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
