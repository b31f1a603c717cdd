#pragma once
// Finds the image stack a particle row points to. RELION writes paths relative to its
// project folder, cryoSPARC relative to its project, cryoDRGN and we write them beside the
// metadata file, and users move things around. One rule, so a dataset can never silently
// read another folder's stack of the same name:
//
//   1. A data folder given by the user (--datadir, the dialog's image folder) is asked
//      first: DATADIR/reference, then DATADIR/<file name of reference>. A stack found there
//      is used — the user said where the stacks are.
//   2. An absolute reference is used as written.
//   3. A relative reference is looked up in every place it could mean: beside the metadata
//      file, in the RELION project root above it (the nearest folder holding
//      default_pipeline.star, or the folder above a jobNNN folder's parent), and in the
//      current folder. Exactly one existing file (reached by any of these routes) is used;
//      two different files are refused, naming both (a data folder chooses); none is
//      "not found".
#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

// Where a stack was found, for the dataset summary.
// OpenedFile: the stack is the file the user opened (a bare .mrcs), nothing was resolved.
enum class StackOrigin { NotFound, OpenedFile, DataDirectory, Absolute, BesideMetadata, ProjectRoot, CurrentFolder };

// "beside the metadata file", "in the RELION project root", ... for messages and summaries.
std::string describeStackOrigin(StackOrigin origin);

struct ResolvedStack {
    std::filesystem::path path;   // empty when not found or ambiguous
    StackOrigin origin = StackOrigin::NotFound;
    // Non-empty when refused: "could be /a/x.mrcs (beside the metadata file) or /b/x.mrcs
    // (in the current folder), two different files".
    std::string ambiguity;
};

class StackPathResolver {
public:
    StackPathResolver(const std::filesystem::path& metadataFile, const std::filesystem::path& dataDirectory);

    // Applies the rule above.
    ResolvedStack resolve(const std::string& reference) const;
    // "looked in: a, b, c" for messages about a stack that was not found.
    std::string describeCandidates(const std::string& reference) const;
    // The RELION project root found above the metadata file ("" when there is none).
    const std::filesystem::path& projectRoot() const { return m_projectRoot; }

private:
    struct Candidate {
        std::filesystem::path path;
        StackOrigin origin;
    };
    std::vector<Candidate> candidates(const std::string& reference) const;

    std::filesystem::path m_metadataFolder;
    std::filesystem::path m_dataDirectory;
    std::filesystem::path m_projectRoot;
};

} // namespace cryo
