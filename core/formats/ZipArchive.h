#pragma once
// A read-only ZIP archive of stored (uncompressed) entries, as PyTorch's torch.save writes
// them (weights.pkl: <root>/data.pkl, <root>/data/<key>, <root>/version). Only the central
// directory is trusted for sizes (torch sets the data-descriptor flag and leaves the local
// sizes 0); ZIP64 records are read. Every size and offset is checked against the file's
// length before anything is allocated, so a hostile archive costs at most its own size.
// Compressed entries are refused: torch never writes them, and we carry no inflater.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace cryo {

class ZipArchive {
public:
    struct Entry {
        std::string name;
        std::uint64_t dataOffset = 0;   // where the entry's bytes start in the file
        std::uint64_t size = 0;         // bytes (stored: compressed = uncompressed)
    };

    // Reads the directory. Throws FileError naming the file and the problem (not a ZIP,
    // truncated, a compressed or encrypted entry, an entry outside the file).
    explicit ZipArchive(const std::filesystem::path& path);
    // The same for an archive held in memory; `source` names it in errors.
    ZipArchive(std::string bytes, const std::filesystem::path& source);

    const std::filesystem::path& path() const { return m_path; }
    const std::vector<Entry>& entries() const { return m_entries; }
    // The entry with this exact name, or nullptr.
    const Entry* find(std::string_view name) const;
    // The entry's bytes. Throws FileError when the file changed under us.
    std::string read(const Entry& entry);

    // True when the bytes start with a ZIP local-file signature ("PK\3\4").
    static bool looksLikeZip(std::string_view head);

private:
    std::string readAt(std::uint64_t offset, std::uint64_t size);
    void readDirectory();

    std::filesystem::path m_path;
    std::ifstream m_file;
    std::string m_memory;    // the archive, when it was given in memory
    bool m_inMemory = false;
    std::uint64_t m_fileSize = 0;
    std::vector<Entry> m_entries;
};

} // namespace cryo
