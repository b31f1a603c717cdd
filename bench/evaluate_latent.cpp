// evaluate_latent RUN_DIR TRUTH.h5 [--epoch N] — |Spearman ρ| between PC1 of the run's z and
// the true reaction coordinate(s) of a simulated dataset (the quality target of training).
// RUN_DIR may be a cryoDRGN output directory (z.N.pkl of epoch N, default the newest), so that
// both programs are scored by the same code (bench/compare_cryodrgn.sh).
#include "analysis/LatentValidation.h"
#include "cryodrgn/CryodrgnImport.h"
#include "io/H5File.h"
#include "run/RunFile.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>

int main(int argc, char** argv)
{
    std::optional<int> epoch;
    char* end = nullptr;
    if (argc == 5 && std::string(argv[3]) == "--epoch")
        epoch = int(std::strtol(argv[4], &end, 10));
    if ((argc == 5 && (!epoch || end == argv[4] || *end != '\0')) || (argc != 3 && argc != 5)) {
        std::fprintf(stderr, "usage: evaluate_latent RUN_DIR TRUTH.h5 [--epoch N]\n");
        return 2;
    }
    try {
        const auto runDir = cryo::resolveRunDirectory(argv[1], epoch);
        const cryo::H5File run(cryo::runFilePath(runDir), cryo::H5File::Mode::ReadOnly);
        const cryo::LatentTable z = cryo::readLatents(run);
        const auto history = cryo::readHistory(run);
        const cryo::H5File truth(argv[2], cryo::H5File::Mode::ReadOnly);
        std::vector<std::size_t> shape;
        const auto coordinates = truth.read<double>("/particles/coordinates", &shape);
        if (shape.size() != 2 || shape[0] != z.count) {
            std::fprintf(stderr, "truth and run have different particle counts\n");
            return 1;
        }
        const std::size_t k = shape[1];
        for (std::size_t c = 0; c < k; ++c) {
            std::vector<double> column(z.count);
            for (std::size_t i = 0; i < z.count; ++i)
                column[i] = coordinates[i * k + c];
            std::printf("epochs %zu  N %zu  zdim %d  |Spearman rho| PC1 vs truth coordinate %zu: %.4f\n",
                        history.size(), z.count, z.zdim, c, cryo::latentTruthSpearman(z.mu, z.zdim, column));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
