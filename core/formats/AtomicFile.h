#pragma once
// Whole-file reads and atomic writes for the small text/binary formats (STAR, .npy).
#include <filesystem>
#include <string>
#include <string_view>

namespace cryo {

// Reads a whole file. Throws FileError "file not found" / "cannot open for reading".
std::string readWholeFile(const std::filesystem::path& path);

// Writes `bytes` to "<path>.part" and renames it onto `path`, so a failed write never
// leaves a truncated file under the final name. Throws FileError on failure.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace cryo
