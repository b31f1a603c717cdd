#include "io/MrcFile.h"

#include "util/CheckedSize.h"
#include "util/Error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

namespace cryo {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeaderBytes = 1024;

// Word n of the header (1-based, as the MRC2014 specification numbers them) sits at
// byte 4*(n-1).
template <typename T>
T headerWord(const unsigned char* raw, int word, bool swap)
{
    std::uint32_t bits;
    std::memcpy(&bits, raw + 4 * (word - 1), 4);
    if (swap)
        bits = __builtin_bswap32(bits);
    return std::bit_cast<T>(bits);
}

template <typename T>
void putWord(unsigned char* raw, int word, T value)
{
    static_assert(sizeof(T) == 4);
    std::memcpy(raw + 4 * (word - 1), &value, 4);
}

std::string dimensionText(const MrcHeader& h)
{
    std::ostringstream s;
    s << h.nx << " x " << h.ny << " x " << h.nz;
    return s.str();
}

MrcHeader parseHeader(const unsigned char* raw, const fs::path& path, std::uint64_t fileSize)
{
    const bool hasMapStamp = std::memcmp(raw + 208, "MAP ", 4) == 0;
    // Machine stamp 0x11 0x11 marks big-endian files; otherwise fall back on whether the
    // mode word only makes sense byte-swapped.
    bool swap = raw[212] == 0x11 && raw[213] == 0x11;
    if (!hasMapStamp || (raw[212] != 0x44 && raw[212] != 0x11)) {
        const auto modeLE = headerWord<std::int32_t>(raw, 4, false);
        const auto modeBE = headerWord<std::int32_t>(raw, 4, true);
        swap = !isSupportedMode(modeLE) && isSupportedMode(modeBE);
    }

    MrcHeader h;
    h.bigEndian = swap;
    h.nx = headerWord<std::int32_t>(raw, 1, swap);
    h.ny = headerWord<std::int32_t>(raw, 2, swap);
    h.nz = headerWord<std::int32_t>(raw, 3, swap);
    const auto mode = headerWord<std::int32_t>(raw, 4, swap);
    h.mx = headerWord<std::int32_t>(raw, 8, swap);
    h.my = headerWord<std::int32_t>(raw, 9, swap);
    h.mz = headerWord<std::int32_t>(raw, 10, swap);
    for (int i = 0; i < 3; ++i)
        h.cell[i] = headerWord<float>(raw, 11 + i, swap);
    const int mapc = headerWord<std::int32_t>(raw, 17, swap);
    const int mapr = headerWord<std::int32_t>(raw, 18, swap);
    const int maps = headerWord<std::int32_t>(raw, 19, swap);
    h.dmin = headerWord<float>(raw, 20, swap);
    h.dmax = headerWord<float>(raw, 21, swap);
    h.dmean = headerWord<float>(raw, 22, swap);
    h.ispg = headerWord<std::int32_t>(raw, 23, swap);
    h.nsymbt = headerWord<std::int32_t>(raw, 24, swap);
    for (int i = 0; i < 3; ++i)
        h.origin[i] = headerWord<float>(raw, 50 + i, swap);
    h.rms = headerWord<float>(raw, 55, swap);

    const bool plausible = isSupportedMode(mode) && h.nx > 0 && h.ny > 0 && h.nz > 0;
    if (!hasMapStamp && !plausible)
        throw FileError(path, "not an MRC file (no \"MAP \" stamp at byte 208 and no valid header words)");
    if (h.nx <= 0 || h.ny <= 0 || h.nz <= 0)
        throw FileError(path, "invalid dimensions " + dimensionText(h) + " in the header (all must be positive)");
    if (!isSupportedMode(mode))
        throw FileError(path, "unknown data mode " + std::to_string(mode) +
                                  " (supported: 0 int8, 1 int16, 2 float32, 6 uint16, 12 float16)");
    h.mode = static_cast<MrcMode>(mode);
    if (h.nsymbt < 0)
        throw FileError(path, "negative extended header size NSYMBT = " + std::to_string(h.nsymbt));
    const bool standardAxes = (mapc == 1 && mapr == 2 && maps == 3) || (mapc == 0 && mapr == 0 && maps == 0);
    if (!standardAxes)
        throw FileError(path, "axis order MAPC/MAPR/MAPS = " + std::to_string(mapc) + "/" + std::to_string(mapr) +
                                  "/" + std::to_string(maps) + " is not supported (only 1/2/3)");

    // Checked: 2^30 × 2^30 × 2^30 float32 values wrap a 64-bit byte count to 0.
    const auto dataBytes = checkedProduct({std::uint64_t(h.nx), std::uint64_t(h.ny), std::uint64_t(h.nz),
                                           bytesPerValue(h.mode)});
    const auto needed = dataBytes ? checkedAdd(h.dataOffset(), *dataBytes) : std::nullopt;
    if (!needed || fileSize < *needed) {
        std::ostringstream s;
        s << "file is truncated or its header is wrong: " << dimensionText(h) << " values of mode "
          << modeName(h.mode) << " need ";
        if (needed)
            s << *needed << " bytes (from byte " << h.dataOffset() << ")";
        else
            s << "more than 2^64 bytes";
        s << ", but the file has only " << fileSize << " bytes";
        throw FileError(path, s.str());
    }
    return h;
}

// Converts `count` raw values of `mode` to float32.
void convertToFloat(const char* raw, MrcMode mode, bool swap, std::size_t count, float* out)
{
    switch (mode) {
    case MrcMode::Int8:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = float(static_cast<std::int8_t>(raw[i]));
        break;
    case MrcMode::Int16:
    case MrcMode::UInt16:
    case MrcMode::Float16:
        for (std::size_t i = 0; i < count; ++i) {
            std::uint16_t v;
            std::memcpy(&v, raw + 2 * i, 2);
            if (swap)
                v = __builtin_bswap16(v);
            if (mode == MrcMode::Int16)
                out[i] = float(static_cast<std::int16_t>(v));
            else if (mode == MrcMode::UInt16)
                out[i] = float(v);
            else
                out[i] = halfToFloat(v);
        }
        break;
    case MrcMode::Float32:
        std::memcpy(out, raw, 4 * count);
        if (swap)
            for (std::size_t i = 0; i < count; ++i)
                out[i] = std::bit_cast<float>(__builtin_bswap32(std::bit_cast<std::uint32_t>(out[i])));
        break;
    }
}

template <typename Int>
Int roundClamp(float v)
{
    const float lo = float(std::numeric_limits<Int>::min()), hi = float(std::numeric_limits<Int>::max());
    return static_cast<Int>(std::clamp(std::nearbyint(v), lo, hi));
}

// Converts float32 to `mode` in `raw`; returns the values as stored (for statistics) in `stored`.
void convertFromFloat(const float* in, MrcMode mode, std::size_t count, char* raw, float* stored)
{
    for (std::size_t i = 0; i < count; ++i) {
        switch (mode) {
        case MrcMode::Int8: {
            const auto v = roundClamp<std::int8_t>(in[i]);
            raw[i] = static_cast<char>(v);
            stored[i] = v;
            break;
        }
        case MrcMode::Int16: {
            const auto v = roundClamp<std::int16_t>(in[i]);
            std::memcpy(raw + 2 * i, &v, 2);
            stored[i] = v;
            break;
        }
        case MrcMode::UInt16: {
            const auto v = roundClamp<std::uint16_t>(in[i]);
            std::memcpy(raw + 2 * i, &v, 2);
            stored[i] = v;
            break;
        }
        case MrcMode::Float16: {
            const auto v = floatToHalf(in[i]);
            std::memcpy(raw + 2 * i, &v, 2);
            stored[i] = halfToFloat(v);
            break;
        }
        case MrcMode::Float32:
            std::memcpy(raw + 4 * i, &in[i], 4);
            stored[i] = in[i];
            break;
        }
    }
}

} // namespace

std::size_t bytesPerValue(MrcMode mode)
{
    switch (mode) {
    case MrcMode::Int8: return 1;
    case MrcMode::Int16:
    case MrcMode::UInt16:
    case MrcMode::Float16: return 2;
    case MrcMode::Float32: return 4;
    }
    return 4;
}

std::string modeName(MrcMode mode)
{
    switch (mode) {
    case MrcMode::Int8: return "0 (int8)";
    case MrcMode::Int16: return "1 (int16)";
    case MrcMode::Float32: return "2 (float32)";
    case MrcMode::UInt16: return "6 (uint16)";
    case MrcMode::Float16: return "12 (float16)";
    }
    return "?";
}

bool isSupportedMode(std::int32_t mode)
{
    return mode == 0 || mode == 1 || mode == 2 || mode == 6 || mode == 12;
}

// ---- reading ----

MrcReader::MrcReader(const fs::path& path) : m_path(path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw FileError(path, "file not found");
    if (fs::is_directory(path, ec))
        throw FileError(path, "is a folder, not an MRC file");
    const std::uint64_t size = fs::file_size(path, ec);
    if (ec)
        throw FileError(path, "cannot read the file size: " + ec.message());
    m_stream.open(path, std::ios::binary);
    if (!m_stream)
        throw FileError(path, "cannot open for reading");
    if (size < kHeaderBytes)
        throw FileError(path, "not an MRC file: " + std::to_string(size) +
                                  " bytes, shorter than the 1024-byte MRC header");
    unsigned char raw[kHeaderBytes];
    m_stream.read(reinterpret_cast<char*>(raw), kHeaderBytes);
    if (!m_stream)
        throw FileError(path, "cannot read the 1024-byte header");
    m_header = parseHeader(raw, path, size);
}

void MrcReader::readSections(int first, int count, float* out)
{
    if (first < 0 || count < 0 || std::int64_t(first) + count > m_header.nz)
        throw UsageError(m_path.string() + ": sections " + std::to_string(first) + ".." +
                         std::to_string(first + count - 1) + " requested, the file has " +
                         std::to_string(m_header.nz));
    const std::uint64_t bytes = m_header.sectionBytes() * std::uint64_t(count);
    std::vector<char> raw(bytes);
    {
        std::lock_guard lock(m_mutex);
        m_stream.clear();
        m_stream.seekg(std::streamoff(m_header.dataOffset() + m_header.sectionBytes() * std::uint64_t(first)));
        m_stream.read(raw.data(), std::streamsize(bytes));
        if (!m_stream)
            throw FileError(m_path, "read failed at section " + std::to_string(first) +
                                        " (the file may have changed since it was opened)");
    }
    convertToFloat(raw.data(), m_header.mode, m_header.bigEndian, std::size_t(m_header.nx) * m_header.ny * count, out);
}

std::vector<float> MrcReader::readSection(int index)
{
    std::vector<float> out(std::size_t(m_header.nx) * m_header.ny);
    readSections(index, 1, out.data());
    return out;
}

Volume MrcReader::readVolume()
{
    Volume v(m_header.nx, m_header.ny, m_header.nz, m_header.pixelSize() > 0 ? m_header.pixelSize() : 1.0f);
    v.origin = {m_header.origin[0], m_header.origin[1], m_header.origin[2]};
    readSections(0, m_header.nz, v.data.data());
    return v;
}

Volume readMrc(const fs::path& path) { return MrcReader(path).readVolume(); }
MrcHeader readMrcHeader(const fs::path& path) { return MrcReader(path).header(); }

// ---- writing ----

MrcWriter::MrcWriter(const fs::path& path, int nx, int ny, float pixelSize, const MrcWriteOptions& options)
    : m_path(path), m_tempPath(fs::path(path) += ".part")
{
    if (nx <= 0 || ny <= 0)
        throw UsageError(path.string() + ": cannot write an MRC of " + std::to_string(nx) + " x " + std::to_string(ny));
    m_header.nx = nx;
    m_header.ny = ny;
    m_header.mode = options.mode;
    m_header.ispg = options.stack ? 0 : 1;
    m_header.cell[0] = nx * pixelSize;
    m_header.cell[1] = ny * pixelSize;
    m_header.cell[2] = pixelSize;   // fixed up in finish(): nz * pixelSize for volumes
    m_header.dmin = std::numeric_limits<float>::max();
    m_header.dmax = std::numeric_limits<float>::lowest();
    m_stream.open(m_tempPath, std::ios::binary | std::ios::trunc);
    if (!m_stream)
        throw FileError(path, "cannot create " + m_tempPath.filename().string() + " for writing");
    writeHeader();   // placeholder, rewritten by finish()
}

MrcWriter::~MrcWriter()
{
    if (!m_finished) {
        m_stream.close();
        std::error_code ec;
        fs::remove(m_tempPath, ec);
    }
}

void MrcWriter::writeHeader()
{
    unsigned char raw[kHeaderBytes] = {};
    const MrcHeader& h = m_header;
    const bool stack = h.ispg == 0;
    putWord<std::int32_t>(raw, 1, h.nx);
    putWord<std::int32_t>(raw, 2, h.ny);
    putWord<std::int32_t>(raw, 3, h.nz);
    putWord<std::int32_t>(raw, 4, static_cast<std::int32_t>(h.mode));
    putWord<std::int32_t>(raw, 8, h.nx);
    putWord<std::int32_t>(raw, 9, h.ny);
    putWord<std::int32_t>(raw, 10, stack ? 1 : h.nz);
    for (int i = 0; i < 3; ++i) {
        putWord<float>(raw, 11 + i, h.cell[i]);
        putWord<float>(raw, 14 + i, 90.0f);
        putWord<std::int32_t>(raw, 17 + i, i + 1);
        putWord<float>(raw, 50 + i, h.origin[i]);
    }
    const bool empty = h.nz == 0;
    putWord<float>(raw, 20, empty ? 0.0f : h.dmin);
    putWord<float>(raw, 21, empty ? 0.0f : h.dmax);
    putWord<float>(raw, 22, h.dmean);
    putWord<std::int32_t>(raw, 23, h.ispg);
    putWord<std::int32_t>(raw, 24, 0);
    std::memcpy(raw + 104, "MRCO", 4);                   // EXTTYPE (word 27)
    putWord<std::int32_t>(raw, 28, 20140);               // NVERSION
    std::memcpy(raw + 208, "MAP ", 4);
    raw[212] = 0x44; raw[213] = 0x44;                    // little-endian machine stamp
    putWord<float>(raw, 55, h.rms);
    putWord<std::int32_t>(raw, 56, 1);                   // one label
    std::strncpy(reinterpret_cast<char*>(raw + 224), "Cryoscape", 80);
    m_stream.seekp(0);
    m_stream.write(reinterpret_cast<const char*>(raw), kHeaderBytes);
}

void MrcWriter::appendSections(const float* values, int count)
{
    const std::size_t n = std::size_t(m_header.nx) * m_header.ny * std::size_t(count);
    m_buffer.resize(n * bytesPerValue(m_header.mode));
    std::vector<float> stored(n);
    convertFromFloat(values, m_header.mode, n, m_buffer.data(), stored.data());
    for (float v : stored) {
        m_header.dmin = std::min(m_header.dmin, v);
        m_header.dmax = std::max(m_header.dmax, v);
        m_sum += v;
        m_sumSq += double(v) * v;
    }
    m_stream.write(m_buffer.data(), std::streamsize(m_buffer.size()));
    if (!m_stream)
        throw FileError(m_path, "write failed (disk full?)");
    m_header.nz += count;
}

void MrcWriter::finish()
{
    const double n = double(m_header.nx) * m_header.ny * m_header.nz;
    if (n > 0) {
        const double mean = m_sum / n;
        m_header.dmean = float(mean);
        m_header.rms = float(std::sqrt(std::max(0.0, m_sumSq / n - mean * mean)));
    }
    if (m_header.ispg != 0)
        m_header.cell[2] = m_header.cell[0] / float(m_header.nx) * float(m_header.nz);
    writeHeader();
    m_stream.close();
    if (!m_stream)
        throw FileError(m_path, "write failed while closing (disk full?)");
    std::error_code ec;
    fs::rename(m_tempPath, m_path, ec);
    if (ec)
        throw FileError(m_path, "cannot move the finished file into place: " + ec.message());
    m_finished = true;
}

void writeMrc(const fs::path& path, const Volume& volume, const MrcWriteOptions& options)
{
    MrcWriter writer(path, volume.nx, volume.ny, volume.voxelSize, options);
    writer.setOrigin(volume.origin);
    writer.appendSections(volume.data.data(), volume.nz);
    writer.finish();
}

// ---- binary16 ----

float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = std::uint32_t(h & 0x8000) << 16;
    std::uint32_t exponent = (h >> 10) & 0x1f;
    std::uint32_t mantissa = h & 0x3ff;
    std::uint32_t bits;
    if (exponent == 0) {
        if (mantissa == 0) {
            bits = sign;
        } else {   // subnormal: renormalise
            exponent = 127 - 15 + 1;
            while (!(mantissa & 0x400)) {
                mantissa <<= 1;
                --exponent;
            }
            bits = sign | (exponent << 23) | ((mantissa & 0x3ff) << 13);
        }
    } else if (exponent == 31) {
        bits = sign | 0x7f800000u | (mantissa << 13);   // inf / nan
    } else {
        bits = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
    }
    return std::bit_cast<float>(bits);
}

std::uint16_t floatToHalf(float f)
{
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(f);
    const std::uint16_t sign = std::uint16_t((bits >> 16) & 0x8000);
    const int exponent = int((bits >> 23) & 0xff) - 127 + 15;
    std::uint32_t mantissa = bits & 0x7fffff;
    if (((bits >> 23) & 0xff) == 0xff)   // inf / nan
        return std::uint16_t(sign | 0x7c00 | (mantissa ? 0x200 : 0));
    if (exponent >= 31)
        return std::uint16_t(sign | 0x7c00);   // overflow -> inf
    if (exponent <= 0) {
        if (exponent < -10)
            return sign;   // underflow -> signed zero
        mantissa |= 0x800000;
        const int shift = 14 - exponent;
        std::uint32_t half = mantissa >> shift;
        const std::uint32_t rest = mantissa & ((1u << shift) - 1), halfway = 1u << (shift - 1);
        if (rest > halfway || (rest == halfway && (half & 1)))
            ++half;
        return std::uint16_t(sign | half);
    }
    std::uint32_t half = (std::uint32_t(exponent) << 10) | (mantissa >> 13);
    const std::uint32_t rest = mantissa & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1)))
        ++half;   // round to nearest even; may carry into the exponent, which is right
    return std::uint16_t(sign | half);
}

} // namespace cryo
