#include "formats/TorchCheckpoint.h"

#include "formats/Unpickler.h"
#include "formats/ZipArchive.h"
#include "util/Error.h"

#include <array>
#include <fstream>

namespace cryo {

namespace {

// torch.save before PyTorch 1.6 started with a pickled magic number (0x1950a86a20f9469cfc6c).
bool isLegacyTorchFile(std::string_view head)
{
    static constexpr std::array<unsigned char, 14> magic = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c,
                                                            0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};
    if (head.size() < magic.size())
        return false;
    for (std::size_t i = 0; i < magic.size(); ++i)
        if (static_cast<unsigned char>(head[i]) != magic[i])
            return false;
    return true;
}

// Refuses what is not a zip checkpoint, by its first bytes.
void checkHead(std::string_view head, const std::filesystem::path& source)
{
    if (ZipArchive::looksLikeZip(head))
        return;
    if (isLegacyTorchFile(head))
        throw FileError(source, "a PyTorch checkpoint in the legacy pre-1.6 format (written by cryoDRGN 0.x with "
                                "PyTorch < 1.6), which is not read. Re-save it once with PyTorch >= 1.6 "
                                "(python3 -c \"import torch; torch.save(torch.load('OLD.pkl'), 'NEW.pkl')\") "
                                "or evaluate it with cryoDRGN 0.x");
    if (!head.empty() && static_cast<unsigned char>(head[0]) == 0x80)
        throw FileError(source, "a plain Python pickle, not a torch.save checkpoint (a ZIP archive with data.pkl)");
    throw FileError(source, "not a torch.save checkpoint (neither a ZIP archive nor a pickle)");
}

PickleValue readArchive(ZipArchive& zip)
{
    const std::filesystem::path& path = zip.path();
    const ZipArchive::Entry* data = nullptr;
    for (const ZipArchive::Entry& e : zip.entries()) {
        const std::size_t slash = e.name.find('/');
        if (slash != std::string::npos && e.name.compare(slash, std::string::npos, "/data.pkl") == 0) {
            data = &e;
            break;
        }
    }
    if (!data)
        throw FileError(path, "ZIP archive without <root>/data.pkl: not a torch.save checkpoint");
    const std::string root = data->name.substr(0, data->name.size() - std::string_view("data.pkl").size());
    if (const ZipArchive::Entry* order = zip.find(root + "byteorder"); order && zip.read(*order) != "little")
        throw FileError(path, "storages saved in big-endian byte order are not read");

    const std::string pickle = zip.read(*data);
    pickle_detail::StorageLoader storages = [&](const std::string& key) -> std::shared_ptr<const std::string> {
        const ZipArchive::Entry* entry = zip.find(root + "data/" + key);
        if (!entry)
            throw FileError(path, "storage '" + key + "' is missing from the archive (" + root + "data/" + key + ")");
        return std::make_shared<const std::string>(zip.read(*entry));
    };
    const std::filesystem::path source = path.string() + " (" + data->name + ")";
    if (pickle.empty())
        throw FileError(source, "empty pickle");
    pickle_detail::Unpickler unpickler(pickle, source, 0, std::move(storages));
    return pickle_detail::toValue(*unpickler.run(), source, pickle.size());
}

} // namespace

PickleValue readTorchCheckpoint(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!std::filesystem::is_regular_file(path) || !in)
        throw FileError(path, "file not found");
    std::string head(16, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    checkHead(head, path);
    ZipArchive zip(path);
    return readArchive(zip);
}

PickleValue parseTorchCheckpoint(std::string bytes, const std::filesystem::path& source)
{
    checkHead(std::string_view(bytes).substr(0, 16), source);
    ZipArchive zip(std::move(bytes), source);
    return readArchive(zip);
}

const PickleValue* dictValue(const PickleValue& dict, std::string_view key)
{
    if (dict.kind != PickleValue::Kind::Dict)
        return nullptr;
    for (std::size_t i = 0; i + 1 < dict.items.size(); i += 2)
        if (dict.items[i].kind == PickleValue::Kind::String && dict.items[i].text == key)
            return &dict.items[i + 1];
    return nullptr;
}

} // namespace cryo
