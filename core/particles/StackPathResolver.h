#pragma once
// Finds the image stack a particle row points to. RELION writes paths relative to its
// project folder, cryoSPARC relative to its project, and users move things around, so a
// reference is tried (1) as given, (2) relative to the metadata file's folder, (3) by
// its file name in a user-given data folder.
#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

class StackPathResolver {
public:
    StackPathResolver(const std::filesystem::path& metadataFile, const std::filesystem::path& dataDirectory);

    // The places `reference` is looked for, in order.
    std::vector<std::filesystem::path> candidates(const std::string& reference) const;
    // The first candidate that is an existing regular file, or an empty path.
    std::filesystem::path resolve(const std::string& reference) const;
    // "looked in: a, b, c" for messages.
    std::string describeCandidates(const std::string& reference) const;

private:
    std::filesystem::path m_metadataFolder;
    std::filesystem::path m_dataDirectory;
};

} // namespace cryo
