// evaluate_maps --truth SIM_DIR [--run RUN_DIR [--epoch N]] [--samples N] [--seed K] [--states]
//               [--write-truth PARTICLE OUT.mrc]
// Scores a trained run against a simulation's ground truth the way CryoBench does (issue #19,
// core/reconstruct/TruthScores.h): for N sampled particles (default 100), the map decoded at
// the particle's z (posterior mean, run.h5 /particles/z_mu) against the true map of the
// particle's conformation; prints the per-image FSC-AUC (mean ± sd, median) and the resolution
// at FSC = 0.5 (mean ± sd). --states (discrete data): the same for the backprojection of each
// true state's particles with their true poses, with its correlation to every state's true map.
// --write-truth writes the true map of one particle's conformation. RUN_DIR may be a cryoDRGN
// output directory (--epoch N, default the newest).
#include "cryodrgn/CryodrgnImport.h"
#include "io/H5File.h"
#include "io/MrcFile.h"
#include "model/VolumeGenerator.h"
#include "particles/ParticleDataset.h"
#include "reconstruct/TruthScores.h"
#include "run/RunFile.h"
#include "sim/SimulationTruth.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Arguments {
    fs::path truthDir, runDir, writeTruthPath;
    std::size_t samples = 100, writeTruthParticle = 0;
    std::uint64_t seed = 1;
    std::optional<int> epoch;
    bool states = false;
};

bool parse(int argc, char** argv, Arguments& a)
{
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        const bool hasValue = i + 1 < argc;
        if (option == "--states")
            a.states = true;
        else if (option == "--truth" && hasValue)
            a.truthDir = argv[++i];
        else if (option == "--run" && hasValue)
            a.runDir = argv[++i];
        else if (option == "--epoch" && hasValue)
            a.epoch = std::stoi(argv[++i]);
        else if (option == "--samples" && hasValue)
            a.samples = std::stoul(argv[++i]);
        else if (option == "--seed" && hasValue)
            a.seed = std::stoull(argv[++i]);
        else if (option == "--write-truth" && i + 2 < argc) {
            a.writeTruthParticle = std::stoul(argv[++i]);
            a.writeTruthPath = argv[++i];
        } else
            return false;
    }
    return !a.truthDir.empty();
}

void scoreRun(const cryo::SimulationTruth& truth, const Arguments& a)
{
    const auto runDir = cryo::resolveRunDirectory(a.runDir, a.epoch);
    const cryo::H5File run(cryo::runFilePath(runDir), cryo::H5File::Mode::ReadOnly);
    const auto generator = cryo::VolumeGenerator::open(runDir);
    cryo::LatentTable z;
    if (generator->zdim() > 0)
        z = cryo::readLatents(run);
    if (generator->zdim() > 0 && z.count != truth.particleCount())
        throw std::runtime_error("the run has " + std::to_string(z.count) + " particles, the truth " +
                                 std::to_string(truth.particleCount()));
    const auto particles = cryo::sampleParticles(truth.particleCount(), a.samples, a.seed);
    const auto decode = [&](std::size_t i) {
        const std::span<const float> zi = generator->zdim() > 0
                                              ? std::span<const float>(z.mu).subspan(i * std::size_t(z.zdim), std::size_t(z.zdim))
                                              : std::span<const float>();
        return generator->generate(zi, cryo::VolumeGenerator::Quality::Full);
    };
    const cryo::TruthScoreSummary s = cryo::scorePerImageMaps(truth, particles, decode);
    std::printf("run %s: per-image FSC vs truth over %zu particles (seed %llu)\n", a.runDir.string().c_str(),
                s.maps.size(), (unsigned long long)a.seed);
    std::printf("  FSC-AUC %.4f ± %.4f (median %.4f)   resolution at FSC=0.5: %.2f ± %.2f Å\n", s.meanAuc, s.sdAuc,
                s.medianAuc, s.meanResolution05, s.sdResolution05);
}

void scoreStates(const cryo::SimulationTruth& truth, const Arguments& a)
{
    const cryo::ParticleDataset dataset = cryo::ParticleDataset::open(a.truthDir / "particles.star");
    cryo::BackprojectionOptions options;
    options.threads = 2;
    const auto scores = cryo::scoreStateBackprojections(truth, dataset, options);
    std::printf("backprojection of each true state (true poses) vs the true maps:\n");
    for (const cryo::StateBackprojectionScore& s : scores) {
        std::printf("  state %d: %5zu particles  FSC-AUC %.4f  FSC=0.5 at %.2f Å  half maps FSC=0.143 at %.2f Å  "
                    "correlation with true states:", s.state, s.particles, s.score.auc,
                    s.score.resolution05.angstrom(), s.halfMapResolution0143.angstrom());
        for (double c : s.correlationWithStates)
            std::printf(" %.3f", c);
        std::printf("  %s\n", s.matchesOwnState() ? "(own state best)" : "(ANOTHER STATE BEST)");
    }
}

} // namespace

int main(int argc, char** argv)
{
    Arguments a;
    bool parsed = false;
    try {
        parsed = parse(argc, argv, a);
    } catch (const std::exception&) {   // a number that is not one (std::stoi/stoul)
    }
    if (!parsed) {
        std::fprintf(stderr, "usage: evaluate_maps --truth SIM_DIR [--run RUN_DIR [--epoch N]] [--samples N] [--seed K] "
                             "[--states] [--write-truth PARTICLE OUT.mrc]\n");
        return 2;
    }
    try {
        const cryo::SimulationTruth truth = cryo::SimulationTruth::open(a.truthDir / "truth.h5");
        if (!a.writeTruthPath.empty()) {
            cryo::writeMrc(a.writeTruthPath, truth.particleMap(a.writeTruthParticle));
            std::printf("true map of particle %zu written to %s\n", a.writeTruthParticle, a.writeTruthPath.c_str());
        }
        if (!a.runDir.empty())
            scoreRun(truth, a);
        if (a.states)
            scoreStates(truth, a);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
