#pragma once
// The particle metadata that goes with a Fourier-cropped copy of a stack (D → D'):
// pixel size × D/D', image size D', shifts in pixels × D'/D (shifts in Å are unchanged),
// image names pointing at the new stack(s). Every other column, comment and the row order
// are kept, so RELION reads the result as its own file.
#include "formats/StarFile.h"

#include <functional>
#include <string>

namespace cryo {

struct DownsampleStarOptions {
    int oldBox = 0;
    int newBox = 0;
    // Maps the stack path of an _rlnImageName ("12@Extract/a.mrcs" → "Extract/a.mrcs") to
    // the path of its downsampled copy. Identity when empty.
    std::function<std::string(const std::string& stackPath)> renameStack;
};

// Throws FileError (naming the file and row) for a file without _rlnImageName or with a
// malformed image name or number; UsageError for bad box sizes.
StarFile downsampledStar(const StarFile& input, const DownsampleStarOptions& options);

} // namespace cryo
