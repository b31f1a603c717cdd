#pragma once
// A global 256-colour palette for animated GIFs: median cut over a 15-bit (5 bits per
// channel) colour histogram of sampled frames, and a lookup table from those 15-bit colours
// to the nearest palette entry. No dithering: the shaded isosurfaces on a flat background
// have few colours, and dither noise makes GIFs larger.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace cryo {

class GifPalette {
public:
    // frames: RGB8 images (3 bytes per pixel, any sizes); every `pixelStep`-th pixel is counted.
    static GifPalette build(const std::vector<std::span<const std::uint8_t>>& frames, int pixelStep = 3);

    // 256 entries 0xAARRGGBB (alpha 0xFF), as libavcodec's PAL8 frames want them; unused
    // entries are black.
    const std::array<std::uint32_t, 256>& argb() const { return m_argb; }
    int colorCount() const { return m_colors; }
    // Palette index for an RGB8 pixel.
    std::uint8_t index(std::uint8_t r, std::uint8_t g, std::uint8_t b) const
    {
        return m_lookup[(std::size_t(r >> 3) << 10) | (std::size_t(g >> 3) << 5) | std::size_t(b >> 3)];
    }
    // Maps a whole RGB8 image (width*height*3 bytes) to indices (width*height bytes, rows of
    // `stride` bytes).
    void map(std::span<const std::uint8_t> rgb, int width, int height, std::uint8_t* out, int stride) const;

private:
    void buildLookup();

    std::array<std::uint32_t, 256> m_argb{};
    std::vector<std::uint8_t> m_lookup;   // 32768 entries, 15-bit colour → index
    int m_colors = 0;
};

} // namespace cryo
