#pragma once
// Export of a particle selection (or its complement) for RELION, cryoSPARC and cryoDRGN.
//
//   .star  RELION. From a .star source: ParticleDataset::writeSubset — every original column
//          and block, the optics table, the header comments and the original row order are
//          kept byte for byte (only the particle rows not chosen are left out). From any other
//          source: converted with writeRelionStar (RELION 3.1 optics + particles: image name,
//          optics group, CTF, angles, origins in Å) — columns that the source had beyond
//          what ParticleDataset reads (e.g. cryoSPARC's per-particle scale) are not carried.
//   .cs    cryoSPARC. From a .cs source: the chosen records with the original dtype, bytes
//          unchanged. From a .star/.mrcs source: converted with writeCryosparcCs (uid, blob/*,
//          ctf/*, alignments3D/*); uids are new deterministic ids. Beside it, the .csg result
//          group that cryoSPARC's Import Result Group reads (particles/CryosparcGroup.h).
//   .txt   0-based rows of the particle file, one per line, ascending (np.loadtxt-compatible):
//          the dataset indices, unless the dataset is a subset of its file (a run trained on
//          cryoDRGN --ind), whose rows in the file they then are.
//   .pkl   the same rows as a pickled 1-D int64 NumPy array (cryoDRGN --ind).
// Image references are written as the source spells them (relative references resolve from
// the output's folder only when it is the source's folder, or with a data directory).
// Indices count particles in the input order (= row of the .star / record of the .cs),
// so they line up with run.h5 tables and cryoDRGN's z.pkl.
#include "particles/ParticleTypes.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

class ParticleDataset;

struct SubsetExportRequest {
    std::vector<std::size_t> selection;   // sorted, unique dataset indices
    bool invert = false;                  // export every particle NOT in the selection
    std::filesystem::path star, cs, txt, pkl;   // empty: not written
    // Empty: the source's poses. Else one per dataset particle (our R, shifts in Å; e.g. an ab
    // initio run's) written into the .star and .cs instead: a .star/.cs source keeps its other
    // columns (a .cs without alignments3D fields is written as a new .cs, with a note).
    std::vector<ParticlePose> poses;
};

struct SubsetExportResult {
    std::vector<std::size_t> exported;    // the indices written (after inversion), ascending
    std::vector<std::filesystem::path> written;
    std::vector<std::string> notes;       // what the user should know about how a file was written
};

// Throws UsageError when the selection is unsorted, has duplicates or indices >= size, when
// no output is requested, or when the chosen set is empty; FileError when a file cannot be written.
SubsetExportResult exportSubset(const ParticleDataset& dataset, const SubsetExportRequest& request);

// All of 0 .. count-1 that are not in `selection` (sorted unique).
std::vector<std::size_t> complementOf(const std::vector<std::size_t>& selection, std::size_t count);

} // namespace cryo
