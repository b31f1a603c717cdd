#include "particles/StackPathResolver.h"

#include <system_error>

namespace cryo {

StackPathResolver::StackPathResolver(const std::filesystem::path& metadataFile,
                                     const std::filesystem::path& dataDirectory)
    : m_metadataFolder(metadataFile.parent_path()), m_dataDirectory(dataDirectory)
{
}

std::vector<std::filesystem::path> StackPathResolver::candidates(const std::string& reference) const
{
    const std::filesystem::path given(reference);
    std::vector<std::filesystem::path> out{given};
    if (given.is_relative() && !m_metadataFolder.empty())
        out.push_back(m_metadataFolder / given);
    if (!m_dataDirectory.empty())
        out.push_back(m_dataDirectory / given.filename());
    return out;
}

std::filesystem::path StackPathResolver::resolve(const std::string& reference) const
{
    for (const auto& candidate : candidates(reference)) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec))
            return candidate;
    }
    return {};
}

std::string StackPathResolver::describeCandidates(const std::string& reference) const
{
    std::string text = "looked for ";
    const auto list = candidates(reference);
    for (std::size_t i = 0; i < list.size(); ++i)
        text += (i ? ", " : "") + list[i].string();
    return text;
}

} // namespace cryo
