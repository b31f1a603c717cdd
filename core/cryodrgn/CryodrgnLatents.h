#pragma once
// A cryoDRGN epoch's per-particle tables, as our run.h5 holds them: z (z.N.pkl: z_mu, then
// z_logvar), its PCA, and what `cryodrgn analyze` left in analyze.N/ — umap.pkl (N × 2) and
// kmeansK/ (labels.pkl, centers.txt, centers_ind.txt; K = 20 by default, the smallest K when
// there are several). Analyses that do not match z (another particle count) are skipped with a note.
#include "cryodrgn/CryodrgnRun.h"
#include "run/RunAnalyses.h"
#include "run/RunFile.h"

#include <optional>
#include <string>
#include <vector>

namespace cryo {

struct CryodrgnLatents {
    LatentTable table;                    // count 0 for train_nn runs
    PcaTable pca;
    std::optional<UmapTable> umap;
    std::optional<KMeansTable> kmeans;
};

// Throws FileError naming the z file when it is not an N × zdim float array (zdim of the config).
CryodrgnLatents readCryodrgnLatents(const CryodrgnRun& run, const CryodrgnEpoch& epoch, std::vector<std::string>& notes);

} // namespace cryo
