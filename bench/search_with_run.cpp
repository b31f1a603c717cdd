// search_with_run RUN_DIR PARTICLES TRUTH.h5 FIRST:END [FIRST:END …] — searches the poses of
// the given particle ranges with a homogeneous run's decoder (the default grids, as ab initio
// training searches) and prints each range's median rotation and shift error against the truth,
// after one global alignment fitted to all searched particles together (pose/PoseAccuracy.h).
//
// Diagnosis of ab initio training (issue #7): search the particles the run was trained on and
// fresh particles of the same complex (a longer simulation with the same seed starts with the
// same particles). If the trained ones come out closer to the truth, the model has learnt their
// noise at their assigned poses and holds them there.
#include "io/H5File.h"
#include "particles/ParticleDataset.h"
#include "pose/PoseAccuracy.h"
#include "pose/PoseSearch.h"
#include "util/BlasEnvironment.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <numeric>
#include <string>

using namespace cryo;

namespace {

struct Range {
    std::size_t first = 0, end = 0;
};

Range parseRange(const std::string& text)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos)
        throw std::runtime_error("a range is FIRST:END, not '" + text + "'");
    return {std::stoul(text.substr(0, colon)), std::stoul(text.substr(colon + 1))};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    reexecWithFastBlasIfNeeded(argv);
    if (argc < 5) {
        std::fprintf(stderr, "usage: search_with_run RUN_DIR PARTICLES TRUTH.h5 FIRST:END [FIRST:END ...]\n");
        return 2;
    }
    try {
        const ParticleDataset dataset = ParticleDataset::open(argv[2]);
        TrainingImagesOptions imageOptions;
        imageOptions.centreByShift = false;
        TrainingImages images(dataset, imageOptions);
        auto search = PoseSearch::fromRun(argv[1], PoseSearchOptions{}, 0);
        if (search->zdim() > 0)
            throw std::runtime_error("the run has a latent space: only homogeneous runs are searched here");
        const H5File truth(argv[3], H5File::Mode::ReadOnly);
        const auto rotations = truth.read<double>("/particles/rotations");
        const auto shifts = truth.read<double>("/particles/shifts_px");

        std::vector<Range> ranges;
        std::vector<std::size_t> indices;
        for (int a = 4; a < argc; ++a) {
            ranges.push_back(parseRange(argv[a]));
            if (ranges.back().end > dataset.size() || ranges.back().first >= ranges.back().end)
                throw std::runtime_error(std::string("range ") + argv[a] + " is empty or outside the dataset");
            for (std::size_t i = ranges.back().first; i < ranges.back().end; ++i)
                indices.push_back(i);
        }
        std::vector<std::array<float, 9>> found;
        std::vector<std::array<float, 2>> foundShifts;
        std::vector<Mat3> trueRotations;
        std::vector<std::array<double, 2>> trueShifts;
        TrainingBatch batch;
        const std::size_t batchSize = 16;
        for (std::size_t b = 0; b < indices.size(); b += batchSize) {
            const std::span<const std::size_t> chunk(indices.data() + b, std::min(batchSize, indices.size() - b));
            images.fill(chunk, batch);
            for (const PoseEstimate& pose : search->search(batch)) {
                found.push_back(pose.rotation);
                foundShifts.push_back({pose.shiftX, pose.shiftY});
            }
            for (std::size_t i : chunk) {
                trueRotations.push_back(Mat3(Eigen::Map<const Eigen::Matrix<double, 3, 3, Eigen::RowMajor>>(&rotations[9 * i])));
                trueShifts.push_back({shifts[2 * i], shifts[2 * i + 1]});
            }
            std::fprintf(stderr, "\r%zu/%zu searched", b + chunk.size(), indices.size());
        }
        std::fprintf(stderr, "\n");
        const PoseAccuracy accuracy = comparePoses(found, foundShifts, trueRotations, trueShifts);
        std::printf("all %zu particles: median rotation error %.2f deg%s\n", indices.size(), accuracy.medianRotationDeg,
                    accuracy.mirrored ? " (mirrored map)" : "");
        std::size_t offset = 0;
        for (const Range& r : ranges) {
            const std::size_t n = r.end - r.first;
            const std::vector<double> errors(accuracy.rotationDeg.begin() + std::ptrdiff_t(offset),
                                             accuracy.rotationDeg.begin() + std::ptrdiff_t(offset + n));
            std::printf("particles %zu:%zu: median rotation error %.2f deg\n", r.first, r.end, median(errors));
            offset += n;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
