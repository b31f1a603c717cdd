// ZIP directory reading with every size checked against the file (APPNOTE.TXT 6.3: end of
// central directory, ZIP64 locator and record, central headers, local headers).
#include "formats/ZipArchive.h"

#include "formats/ByteOrder.h"
#include "util/Error.h"

#include <algorithm>

namespace cryo {

namespace {

constexpr std::uint32_t kLocalSignature = 0x04034b50, kCentralSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50, kEnd64Signature = 0x06064b50, kLocator64Signature = 0x07064b50;
constexpr std::uint64_t kEndSize = 22, kLocator64Size = 20, kEnd64Size = 56, kCentralSize = 46, kLocalSize = 30;
constexpr std::uint64_t kMaxComment = 0xFFFF;

template <class T>
T field(std::string_view bytes, std::size_t at)
{
    return byteorder::load<T>(bytes.data() + at, false);   // ZIP is little-endian
}

std::string hex(std::uint64_t v)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(v));
    return text;
}

} // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path) : m_path(path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw FileError(path, "file not found");
    m_fileSize = std::filesystem::file_size(path, ec);
    if (ec)
        throw FileError(path, "cannot read its size");
    m_file.open(path, std::ios::binary);
    if (!m_file)
        throw FileError(path, "cannot open for reading");
    readDirectory();
}

ZipArchive::ZipArchive(std::string bytes, const std::filesystem::path& source)
    : m_path(source), m_memory(std::move(bytes)), m_inMemory(true)
{
    m_fileSize = m_memory.size();
    readDirectory();
}

bool ZipArchive::looksLikeZip(std::string_view head)
{
    return head.size() >= 4 && field<std::uint32_t>(head, 0) == kLocalSignature;
}

std::string ZipArchive::readAt(std::uint64_t offset, std::uint64_t size)
{
    if (offset > m_fileSize || size > m_fileSize - offset)
        throw FileError(m_path, "ZIP structure at byte " + std::to_string(offset) + " (" + std::to_string(size) +
                                    " bytes) runs past the end of the file (" + std::to_string(m_fileSize) + " bytes)");
    if (m_inMemory)
        return m_memory.substr(std::size_t(offset), std::size_t(size));
    std::string bytes(size, '\0');
    m_file.clear();
    m_file.seekg(std::streamoff(offset));
    if (!m_file.read(bytes.data(), std::streamsize(size)))
        throw FileError(m_path, "read error at byte " + std::to_string(offset) + " (did the file change?)");
    return bytes;
}

void ZipArchive::readDirectory()
{
    // The end record sits in the last 22 + 65535 bytes; search backwards for its signature.
    const std::uint64_t tailSize = std::min<std::uint64_t>(m_fileSize, kEndSize + kMaxComment);
    const std::string tail = readAt(m_fileSize - tailSize, tailSize);
    std::size_t end = std::string::npos;
    for (std::size_t i = tail.size() >= kEndSize ? tail.size() - kEndSize + 1 : 0; i-- > 0;)
        if (field<std::uint32_t>(tail, i) == kEndSignature) {
            end = i;
            break;
        }
    if (end == std::string::npos)
        throw FileError(m_path, "not a ZIP archive (no end-of-central-directory record)");
    const std::uint64_t endOffset = m_fileSize - tailSize + end;
    std::uint64_t count = field<std::uint16_t>(tail, end + 10);
    std::uint64_t directorySize = field<std::uint32_t>(tail, end + 12);
    std::uint64_t directoryOffset = field<std::uint32_t>(tail, end + 16);
    if (field<std::uint16_t>(tail, end + 4) != 0 || field<std::uint16_t>(tail, end + 6) != 0)
        throw FileError(m_path, "multi-disk ZIP archives are not supported");

    if (endOffset >= kLocator64Size) {   // ZIP64: the real counts and offsets are in a second record
        const std::string locator = readAt(endOffset - kLocator64Size, kLocator64Size);
        if (field<std::uint32_t>(locator, 0) == kLocator64Signature) {
            const std::string record = readAt(field<std::uint64_t>(locator, 8), kEnd64Size);
            if (field<std::uint32_t>(record, 0) != kEnd64Signature)
                throw FileError(m_path, "ZIP64 locator points at byte " + std::to_string(field<std::uint64_t>(locator, 8)) +
                                            ", which holds no ZIP64 end record");
            count = field<std::uint64_t>(record, 32);
            directorySize = field<std::uint64_t>(record, 40);
            directoryOffset = field<std::uint64_t>(record, 48);
        }
    }
    if (count > directorySize / kCentralSize)
        throw FileError(m_path, "ZIP directory claims " + std::to_string(count) + " entries in " +
                                    std::to_string(directorySize) + " bytes");
    const std::string directory = readAt(directoryOffset, directorySize);

    std::size_t at = 0;
    m_entries.reserve(std::size_t(count));
    for (std::uint64_t i = 0; i < count; ++i) {
        const auto where = [&] { return "ZIP directory entry " + std::to_string(i) + " (byte " + std::to_string(directoryOffset + at) + "): "; };
        if (directory.size() - at < kCentralSize || field<std::uint32_t>(directory, at) != kCentralSignature)
            throw FileError(m_path, where() + "bad central header");
        const auto flags = field<std::uint16_t>(directory, at + 8);
        const auto method = field<std::uint16_t>(directory, at + 10);
        std::uint64_t compressed = field<std::uint32_t>(directory, at + 20);
        std::uint64_t size = field<std::uint32_t>(directory, at + 24);
        const std::size_t nameLength = field<std::uint16_t>(directory, at + 28);
        const std::size_t extraLength = field<std::uint16_t>(directory, at + 30);
        const std::size_t commentLength = field<std::uint16_t>(directory, at + 32);
        std::uint64_t localOffset = field<std::uint32_t>(directory, at + 42);
        if (directory.size() - at - kCentralSize < nameLength + extraLength + commentLength)
            throw FileError(m_path, where() + "name or extra field runs past the directory");
        Entry entry;
        entry.name = directory.substr(at + kCentralSize, nameLength);
        // ZIP64 extended information (header 0x0001): the 64-bit values of the fields set to ~0.
        const std::string_view extra(directory.data() + at + kCentralSize + nameLength, extraLength);
        for (std::size_t e = 0; e + 4 <= extra.size();) {
            const auto id = field<std::uint16_t>(extra, e), length = field<std::uint16_t>(extra, e + 2);
            if (e + 4 + length > extra.size())
                throw FileError(m_path, where() + "extra field runs past its header");
            std::size_t v = e + 4;
            for (std::uint64_t* value : {&size, &compressed, &localOffset})
                if (id == 0x0001 && *value == 0xFFFFFFFFu) {
                    if (v + 8 > e + 4 + length)
                        throw FileError(m_path, where() + "ZIP64 extra field too short");
                    *value = field<std::uint64_t>(extra, v);
                    v += 8;
                }
            e += 4 + length;
        }
        if (flags & 0x1)
            throw FileError(m_path, "entry '" + entry.name + "' is encrypted");
        if (method != 0 || compressed != size)
            throw FileError(m_path, "entry '" + entry.name + "' is compressed (method " + std::to_string(method) +
                                        "); only stored entries, as torch.save writes them, are read");
        const std::string local = readAt(localOffset, kLocalSize);
        if (field<std::uint32_t>(local, 0) != kLocalSignature)
            throw FileError(m_path, "entry '" + entry.name + "': no local header at byte " + std::to_string(localOffset) +
                                        " (signature " + hex(field<std::uint32_t>(local, 0)) + ")");
        entry.dataOffset = localOffset + kLocalSize + field<std::uint16_t>(local, 26) + field<std::uint16_t>(local, 28);
        entry.size = size;
        if (entry.dataOffset > m_fileSize || entry.size > m_fileSize - entry.dataOffset)
            throw FileError(m_path, "entry '" + entry.name + "' (" + std::to_string(entry.size) + " bytes at byte " +
                                        std::to_string(entry.dataOffset) + ") runs past the end of the file");
        m_entries.push_back(std::move(entry));
        at += kCentralSize + nameLength + extraLength + commentLength;
    }
}

const ZipArchive::Entry* ZipArchive::find(std::string_view name) const
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.name == name; });
    return it == m_entries.end() ? nullptr : &*it;
}

std::string ZipArchive::read(const Entry& entry)
{
    return readAt(entry.dataOffset, entry.size);
}

} // namespace cryo
