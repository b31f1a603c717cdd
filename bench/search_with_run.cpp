// search_with_run [--kept K] RUN_DIR|--map MAP.mrc PARTICLES TRUTH.h5 FIRST:END [FIRST:END …] —
// searches the poses of the given particle ranges with a run's decoder, or against a fixed map
// (the default grids, as ab initio training searches; --kept: refine K rotations, not 8), and prints each range's median rotation error against
// the truth, after one global alignment fitted to all searched particles together
// (pose/PoseAccuracy.h). A run with a latent space searches each particle with its own z from
// run.h5 (one decoder pass per particle: slow, but without the k-means volumes of training).
//
// Diagnosis of ab initio training (issue #7):
//  - the particles a run was trained on against fresh particles of the same complex (a longer
//    simulation with the same seed starts with the same particles): if the trained ones come out
//    closer to the truth, the model has learnt their noise at their assigned poses;
//  - --map consensus.mrc: the best a consensus (one-map) search can do on heterogeneous data;
//    --map truth_map_NN.mrc --coordinate LO:HI (the particles whose first truth coordinate, e.g.
//    the hinge angle, lies in [LO, HI]): the best a model of that conformation can do.
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "particles/ParticleDataset.h"
#include "pose/PoseAccuracy.h"
#include "pose/PoseSearch.h"
#include "run/RunFile.h"
#include "sim/TruthPoses.h"
#include "util/BlasEnvironment.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

using namespace cryo;

namespace {

struct Range {
    std::size_t first = 0, end = 0;
    std::size_t count = 0;   // particles searched in it (those within the coordinate window)
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
    // Leading options: --map MAP.mrc, --coordinate LO:HI, --kept K (rotations refined per image).
    std::string mapPath;
    PoseSearchOptions options;
    std::optional<std::pair<double, double>> window;
    int a = 1;
    for (; a + 1 < argc && argv[a][0] == '-' && argv[a][1] == '-'; a += 2) {
        const std::string option = argv[a], value = argv[a + 1];
        if (option == "--coordinate") {
            const auto colon = value.find(':');
            window.emplace(std::stod(value.substr(0, colon)), std::stod(value.substr(colon + 1)));
        } else if (option == "--map") {
            mapPath = value;
        } else if (option == "--kept") {
            options.kept = std::stoi(value);
        } else {
            std::fprintf(stderr, "unknown option %s\n", option.c_str());
            return 2;
        }
    }
    // Then [RUN_DIR] PARTICLES TRUTH.h5 RANGE…: the run only without --map.
    const std::vector<std::string> args(argv + a, argv + argc);
    const bool withMap = !mapPath.empty();
    const std::size_t at = withMap ? 0 : 1;   // args[at]: the particles
    if (args.size() < at + 3) {
        std::fprintf(stderr, "usage: search_with_run [--coordinate LO:HI] [--kept K] RUN_DIR|--map MAP.mrc PARTICLES TRUTH.h5 "
                             "FIRST:END [FIRST:END ...]\n");
        return 2;
    }
    try {
        const ParticleDataset dataset = ParticleDataset::open(args[at]);
        TrainingImagesOptions imageOptions;
        imageOptions.centreByShift = false;
        TrainingImages images(dataset, imageOptions);
        auto search = withMap ? PoseSearch::fromMap(readMrc(mapPath), images.norm().std, options, 0)
                              : PoseSearch::fromRun(args[0], options, 0);
        const auto zdim = std::size_t(search->zdim());
        LatentTable latents;
        if (zdim > 0)
            latents = readLatents(H5File(runFilePath(args[0]), H5File::Mode::ReadOnly));
        const TruthPoses truth = readTruthPoses(args[at + 1]);
        if (truth.size() != dataset.size())
            throw std::runtime_error(args[at + 1] + " describes " + std::to_string(truth.size()) + " particles, not " +
                                     std::to_string(dataset.size()));
        std::vector<double> coordinate;
        if (window) {
            coordinate = readTruthCoordinate(args[at + 1], dataset.size());
            if (coordinate.empty())
                throw std::runtime_error("the truth has no continuous coordinates to select by");
        }
        const auto selected = [&](std::size_t i) {
            return !window || (coordinate[i] >= window->first && coordinate[i] <= window->second);
        };

        std::vector<Range> ranges;
        std::vector<std::size_t> indices;
        for (std::size_t r = at + 2; r < args.size(); ++r) {
            ranges.push_back(parseRange(args[r]));
            if (ranges.back().end > dataset.size() || ranges.back().first >= ranges.back().end)
                throw std::runtime_error("range " + args[r] + " is empty or outside the dataset");
            const std::size_t before = indices.size();
            for (std::size_t i = ranges.back().first; i < ranges.back().end; ++i)
                if (selected(i))
                    indices.push_back(i);
            ranges.back().count = indices.size() - before;
        }
        std::vector<std::array<float, 9>> found;
        std::vector<std::array<float, 2>> foundShifts;
        std::vector<Mat3> trueRotations;
        std::vector<std::array<double, 2>> trueShifts;
        TrainingBatch batch;
        // One volume per particle with a latent: small batches keep the volume cache useful.
        const std::size_t batchSize = zdim > 0 ? 4 : 16;
        for (std::size_t b = 0; b < indices.size(); b += batchSize) {
            const std::span<const std::size_t> chunk(indices.data() + b, std::min(batchSize, indices.size() - b));
            images.fill(chunk, batch);
            std::vector<float> z;
            for (std::size_t i : chunk)
                if (zdim > 0)
                    z.insert(z.end(), latents.mu.begin() + std::ptrdiff_t(i * zdim),
                             latents.mu.begin() + std::ptrdiff_t((i + 1) * zdim));
            for (const PoseEstimate& pose : search->search(batch, z)) {
                found.push_back(pose.rotation);
                foundShifts.push_back({pose.shiftX, pose.shiftY});
            }
            for (std::size_t i : chunk) {
                trueRotations.push_back(truth.rotations[i]);
                trueShifts.push_back(truth.shifts[i]);
            }
            std::fprintf(stderr, "\r%zu/%zu searched", b + chunk.size(), indices.size());
        }
        std::fprintf(stderr, "\n");
        const PoseAccuracy accuracy = comparePoses(found, foundShifts, trueRotations, trueShifts);
        std::printf("all %zu particles: median rotation error %.2f deg%s\n", indices.size(), accuracy.medianRotationDeg,
                    accuracy.mirrored ? " (mirrored map)" : "");
        std::printf("all %zu particles: rotation error %s\n", indices.size(),
                    describeRotationErrors(accuracy.rotationDeg).c_str());
        std::size_t offset = 0;
        for (const Range& r : ranges) {
            const std::size_t n = r.count;
            const std::vector<double> errors(accuracy.rotationDeg.begin() + std::ptrdiff_t(offset),
                                             accuracy.rotationDeg.begin() + std::ptrdiff_t(offset + n));
            std::printf("particles %zu:%zu (%zu searched): median rotation error %.2f deg\n", r.first, r.end, n,
                        median(errors));
            offset += n;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
