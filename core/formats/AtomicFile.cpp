#include "formats/AtomicFile.h"

#include "util/Error.h"

#include <fstream>
#include <system_error>

namespace cryo {

std::string readWholeFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw FileError(path, "file not found");
    if (std::filesystem::is_directory(path, ec))
        throw FileError(path, "is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw FileError(path, "cannot open for reading");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    std::string bytes(size > 0 ? std::size_t(size) : 0, '\0');
    if (size > 0 && !in.read(bytes.data(), size))
        throw FileError(path, "read failed after " + std::to_string(in.gcount()) + " bytes");
    return bytes;
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes)
{
    std::filesystem::path temp = path;
    temp += ".part";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw FileError(path, "cannot create " + temp.filename().string() + " for writing");
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temp, ignored);
            throw FileError(path, "write failed (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw FileError(path, "cannot move the finished file into place: " + ec.message());
    }
}

} // namespace cryo
