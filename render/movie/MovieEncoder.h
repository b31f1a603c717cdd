#pragma once
// Encodes RGB frames into an MP4 (H.264, yuv420p, CRF, faststart) or an animated GIF (one
// global palette), chosen by the file extension. GUI-free; libav* stays in the .cpp.
// The file is written as "<path>.part" and renamed onto `path` by finish(), so a cancelled
// or failed movie leaves nothing under either name.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

namespace cryo {

enum class MovieFormat { Mp4, Gif };

// .mp4 / .gif (case-insensitive); throws UsageError for any other extension.
MovieFormat movieFormatForPath(const std::filesystem::path& path);

struct MovieEncoderOptions {
    int width = 0, height = 0;   // pixels; MP4 needs both even
    double fps = 24.0;           // frames per second (GIF rounds the delay to 1/100 s)
    int crf = 20;                // H.264 constant rate factor (lower = better, bigger)
    // x264 preset: "veryfast" keeps a 60-frame 800×600 movie at ~1 s on 2 cores; the
    // smooth isosurface renders compress well at any preset.
    const char* preset = "veryfast";
};

class MovieEncoder {
public:
    // Opens "<path>.part". Throws UsageError (bad size/fps, unknown extension) or FileError
    // naming `path` (cannot write there, no H.264/GIF encoder in this libavcodec).
    MovieEncoder(const std::filesystem::path& path, const MovieEncoderOptions& options);
    ~MovieEncoder();   // without finish(): removes the .part file
    MovieEncoder(const MovieEncoder&) = delete;
    MovieEncoder& operator=(const MovieEncoder&) = delete;

    // rgb: width*height*3 bytes, rows top to bottom, R G B per pixel. MP4 frames are encoded
    // at once; GIF frames are kept (the global palette needs them all) and encoded by finish().
    void addFrame(std::span<const std::uint8_t> rgb);
    // Flushes the encoder, writes the trailer and renames the .part file onto the path.
    // Throws FileError when there are no frames or writing fails.
    void finish();
    // Stops and removes the .part file (also what the destructor does when not finished).
    void cancel();

    int frameCount() const;
    MovieFormat format() const;
    const std::filesystem::path& path() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace cryo
