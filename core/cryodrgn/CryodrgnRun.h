#pragma once
// A cryoDRGN output directory: what `cryodrgn train_vae` / `train_nn` / `abinit` wrote there.
//   config.yaml (≥ 2.3) or config.pkl (≤ 2.2)
//   weights.N.pkl, z.N.pkl  one pair per checkpointed epoch N (N as in the file names: 0-based
//                           up to cryoDRGN 3.4, 1-based from 3.5; `--epoch N` means that N)
//   weights.pkl, z.pkl      the final epoch, written at the end of training (its number is the
//                           checkpoint's "epoch" entry)
//   analyze.N/              `cryodrgn analyze` results: umap.pkl, kmeansK/labels.pkl, centers...
// z.N.pkl holds two pickles back to back: z_mu, then z_logvar (float32, N × zdim); train_dec
// and the 4.x abinit write z alone (abinit: float64). train_nn runs have weights only. Nothing here is ever written into: our own files go to a
// `cryoscape/` subfolder (cryodrgn/CryodrgnImport.h).
#include "cryodrgn/CryodrgnConfig.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace cryo {

struct CryodrgnEpoch {
    int number = 0;                  // N of weights.N.pkl
    std::filesystem::path weights;   // weights.N.pkl (or weights.pkl for a final epoch not numbered)
    std::filesystem::path latents;   // z.N.pkl / z.pkl; empty for train_nn
};

struct CryodrgnRun {
    std::filesystem::path directory;   // absolute
    CryodrgnConfig config;
    std::vector<CryodrgnEpoch> epochs; // ascending; every epoch with weights (and z, for train_vae)

    // The epoch numbered `number`, or the newest when none is given. Throws UsageError naming
    // the epochs there are when `number` is not one of them.
    const CryodrgnEpoch& epoch(std::optional<int> number = std::nullopt) const;
    // analyze.N/ of that epoch when cryodrgn analyze made one, else empty.
    std::filesystem::path analysisDirectory(const CryodrgnEpoch& epoch) const;
};

// A directory holding a cryoDRGN config and weights (a quick look, no parsing).
bool isCryodrgnRunDirectory(const std::filesystem::path& directory);

// Reads the config and lists the epochs. Throws FileError naming the directory or file when
// it is not a cryoDRGN run, has no complete epoch, or its config cannot be read.
CryodrgnRun openCryodrgnRun(const std::filesystem::path& directory);

} // namespace cryo
