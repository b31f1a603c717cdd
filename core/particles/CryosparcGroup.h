#pragma once
// cryoSPARC result groups (.csg): the small YAML file that cryoSPARC's "Import Result Group"
// job reads beside a .cs. It names the group (type: particle) and, per result (blob, ctf,
// alignments3D, location, … — the prefixes of the .cs columns), the .cs holding it
// (metafile '>name.cs', relative to the .csg), its row count and its type. Layout verified on
// files cryoSPARC v2.15 and v4.4 wrote (docs/formats.md); cryoDRGN's write_cs writes none.
// When the source .cs has a .csg beside it that names it (a cryoSPARC export), its group
// description, result types and version are carried over; otherwise they are written as
// cryoSPARC names them (result `r` has type particle.r; components_mode_N particle.components).
#include <filesystem>

namespace cryo {

// Writes `csg` describing the .cs file `cs` (already written; its columns give the results).
// sourceCs: the .cs the particles came from, or empty. Throws FileError when `cs` cannot be
// read or `csg` cannot be written.
void writeCryosparcGroup(const std::filesystem::path& csg, const std::filesystem::path& cs,
                         const std::filesystem::path& sourceCs = {});

} // namespace cryo
