#include "particles/StackPathResolver.h"

#include <system_error>

namespace cryo {
namespace fs = std::filesystem;

namespace {

bool isRegularFile(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool sameFile(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

std::string absoluteText(const fs::path& path)
{
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    return (ec ? path : absolute.lexically_normal()).string();
}

// "job012": the folder RELION makes for one job, two levels below the project root.
bool isRelionJobFolder(const fs::path& folder)
{
    const std::string name = folder.filename().string();
    if (name.size() < 4 || name.compare(0, 3, "job") != 0)
        return false;
    for (std::size_t i = 3; i < name.size(); ++i)
        if (name[i] < '0' || name[i] > '9')
            return false;
    return true;
}

// The nearest folder at or above `folder` holding default_pipeline.star (RELION's project
// file); failing that, PROJECT for a metadata file in PROJECT/Type/jobNNN/; else "".
fs::path findProjectRoot(const fs::path& folder)
{
    std::error_code ec;
    const fs::path start = fs::absolute(folder, ec).lexically_normal();
    if (ec)
        return {};
    for (fs::path at = start; !at.empty(); at = at.parent_path()) {
        if (isRegularFile(at / "default_pipeline.star"))
            return at;
        if (at == at.root_path())
            break;
    }
    if (isRelionJobFolder(start) && start.has_parent_path())
        return start.parent_path().parent_path();
    return {};
}

} // namespace

std::string describeStackOrigin(StackOrigin origin)
{
    switch (origin) {
    case StackOrigin::NotFound: return "not found";
    case StackOrigin::OpenedFile: return "the file opened";
    case StackOrigin::DataDirectory: return "in the data folder given";
    case StackOrigin::Absolute: return "absolute path in the metadata";
    case StackOrigin::BesideMetadata: return "beside the metadata file";
    case StackOrigin::ProjectRoot: return "in the RELION project root";
    case StackOrigin::CurrentFolder: return "in the current folder";
    }
    return "?";
}

StackPathResolver::StackPathResolver(const fs::path& metadataFile, const fs::path& dataDirectory)
    : m_metadataFolder(metadataFile.parent_path()), m_dataDirectory(dataDirectory),
      m_projectRoot(findProjectRoot(m_metadataFolder.empty() ? fs::path(".") : m_metadataFolder))
{
}

std::vector<StackPathResolver::Candidate> StackPathResolver::candidates(const std::string& reference) const
{
    const fs::path given(reference);
    std::vector<Candidate> out;
    if (!m_dataDirectory.empty()) {
        if (given.is_relative())
            out.push_back({m_dataDirectory / given, StackOrigin::DataDirectory});
        out.push_back({m_dataDirectory / given.filename(), StackOrigin::DataDirectory});
    }
    if (given.is_absolute()) {
        out.push_back({given, StackOrigin::Absolute});
        return out;
    }
    out.push_back({(m_metadataFolder.empty() ? fs::path(".") : m_metadataFolder) / given, StackOrigin::BesideMetadata});
    if (!m_projectRoot.empty())
        out.push_back({m_projectRoot / given, StackOrigin::ProjectRoot});
    std::error_code ec;
    const fs::path here = fs::current_path(ec);
    if (!ec)
        out.push_back({here / given, StackOrigin::CurrentFolder});
    return out;
}

ResolvedStack StackPathResolver::resolve(const std::string& reference) const
{
    ResolvedStack found;
    for (const Candidate& candidate : candidates(reference)) {
        if (!isRegularFile(candidate.path))
            continue;
        if (candidate.origin == StackOrigin::DataDirectory || candidate.origin == StackOrigin::Absolute)
            return {candidate.path, candidate.origin, {}};   // the user's (or the file's) explicit choice
        if (found.path.empty()) {
            found = {candidate.path, candidate.origin, {}};
        } else if (!sameFile(found.path, candidate.path)) {
            found.ambiguity = "could be " + absoluteText(found.path) + " (" + describeStackOrigin(found.origin) +
                              ") or " + absoluteText(candidate.path) + " (" + describeStackOrigin(candidate.origin) +
                              "), two different files";
            found.path.clear();
            found.origin = StackOrigin::NotFound;
            return found;
        }
    }
    return found;
}

std::string StackPathResolver::describeCandidates(const std::string& reference) const
{
    std::string text = "looked for ";
    const auto list = candidates(reference);
    for (std::size_t i = 0; i < list.size(); ++i)
        text += (i ? ", " : "") + list[i].path.string();
    return text;
}

} // namespace cryo
