#pragma once
// Finding the files a cryoDRGN run was trained on, on this machine. config.yaml names them as
// they were where cryoDRGN ran (absolute paths on a cluster, usually); each is looked up, in
// this order, until one exists:
//   1. for the particle file: the one the user named (options), else the one remembered in
//      <our folder>/particles.txt from an earlier choice;
//   2. the path as written;
//   3. the written path relative to the run directory, then to its parent;
//   4. its file name in the run directory, its parent, and (poses, CTF, index) beside the
//      particle file found.
// The pixel size comes from the user, else ctf.pkl (column 1, scaled when its image size is
// not the model's box), else the particle file, else 1 Å/px — each assumption becomes a note.
#include "cryodrgn/CryodrgnImport.h"

namespace cryo {

struct CryodrgnFiles {
    std::filesystem::path particles;     // "" when not found
    std::filesystem::path dataDirectory, poses, ctf, indices;
};

// Writes <folder>/particles.txt when options name the particles (remembered for later opens).
CryodrgnFiles locateCryodrgnFiles(const CryodrgnRun& run, const std::filesystem::path& folder,
                                  const CryodrgnImportOptions& options, std::vector<std::string>& notes);
// Å/px of the model's box (reads ctf.pkl, or opens the particle file's metadata).
double cryodrgnPixelSize(const CryodrgnRun& run, const CryodrgnFiles& files, const CryodrgnImportOptions& options,
                         std::vector<std::string>& notes);

} // namespace cryo
