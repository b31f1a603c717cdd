#pragma once
// MRC/MRCS maps and particle stacks (MRC2014). Reading is lazy: opening parses and
// validates the header only; sections (images of a stack, z-slices of a map) are read
// on demand with 64-bit offsets, so a stack never has to fit in memory.
#include "io/Volume.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

namespace cryo {

enum class MrcMode : std::int32_t {
    Int8 = 0,      // signed bytes (MRC2014)
    Int16 = 1,
    Float32 = 2,
    UInt16 = 6,
    Float16 = 12,
};

std::size_t bytesPerValue(MrcMode mode);
std::string modeName(MrcMode mode);
bool isSupportedMode(std::int32_t mode);

struct MrcHeader {
    std::int32_t nx = 0, ny = 0, nz = 0;
    MrcMode mode = MrcMode::Float32;
    std::int32_t mx = 0, my = 0, mz = 0;
    float cell[3] = {0, 0, 0};          // Å
    std::int32_t ispg = 0;              // 0 = image stack, 1 = volume
    std::int32_t nsymbt = 0;            // extended header bytes (skipped)
    float dmin = 0, dmax = 0, dmean = 0, rms = 0;
    float origin[3] = {0, 0, 0};        // Å
    bool bigEndian = false;

    // Å per pixel along x; 0 when the header does not say (cell or mx is 0).
    float pixelSize() const { return (mx > 0 && cell[0] > 0) ? cell[0] / float(mx) : 0.0f; }
    // Sizes of a header MrcReader accepted: it checked that they fit in 64 bits and in the file.
    std::uint64_t sectionBytes() const { return std::uint64_t(nx) * ny * bytesPerValue(mode); }
    std::uint64_t dataOffset() const { return 1024 + std::uint64_t(nsymbt); }
    std::uint64_t dataBytes() const { return sectionBytes() * std::uint64_t(nz); }
    bool isStack() const { return ispg == 0 && nz > 1; }
};

class MrcReader {
public:
    // Throws FileError naming the file and the problem if the header is not a valid MRC
    // header or the file is shorter than the header says.
    explicit MrcReader(const std::filesystem::path& path);

    const MrcHeader& header() const { return m_header; }
    const std::filesystem::path& path() const { return m_path; }

    // Reads `count` consecutive sections starting at `first` as float32 into `out`
    // (count * nx * ny values). Thread-safe.
    void readSections(int first, int count, float* out);
    std::vector<float> readSection(int index);
    // The whole file as a Volume (pixel size and origin from the header).
    Volume readVolume();

private:
    std::filesystem::path m_path;
    MrcHeader m_header;
    std::ifstream m_stream;
    std::mutex m_mutex;
};

// Convenience: open, read everything, close.
Volume readMrc(const std::filesystem::path& path);
MrcHeader readMrcHeader(const std::filesystem::path& path);

struct MrcWriteOptions {
    MrcMode mode = MrcMode::Float32;
    bool stack = false;    // ISPG 0 (image stack) instead of 1 (volume)
};

// Streams sections (images or z-slices) of nx*ny float32 values to a new MRC file.
// Written to "<path>.part" and renamed by finish(), so a failed or cancelled write
// never leaves a half-written file under the final name. Values are converted to the
// mode (rounded and clamped for the integer modes); header statistics are accumulated.
class MrcWriter {
public:
    MrcWriter(const std::filesystem::path& path, int nx, int ny, float pixelSize,
              const MrcWriteOptions& options = {});
    ~MrcWriter();   // removes the temporary file if finish() was not called
    MrcWriter(const MrcWriter&) = delete;
    MrcWriter& operator=(const MrcWriter&) = delete;

    void setOrigin(const std::array<float, 3>& originAngstrom) { m_header.origin[0] = originAngstrom[0];
        m_header.origin[1] = originAngstrom[1]; m_header.origin[2] = originAngstrom[2]; }
    void appendSections(const float* values, int count);
    void finish();

private:
    void writeHeader();

    std::filesystem::path m_path, m_tempPath;
    std::ofstream m_stream;
    MrcHeader m_header;
    std::vector<char> m_buffer;
    double m_sum = 0, m_sumSq = 0;
    bool m_finished = false;
};

// Writes a whole volume (or stack when options.stack) atomically through MrcWriter.
void writeMrc(const std::filesystem::path& path, const Volume& volume, const MrcWriteOptions& options = {});

// Half-precision conversion (IEEE 754 binary16), used by mode 12.
float halfToFloat(std::uint16_t h);
std::uint16_t floatToHalf(float f);

} // namespace cryo
