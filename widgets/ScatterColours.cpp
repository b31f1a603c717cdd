#include "ScatterColours.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace scattercolours {

QRgb viridis(double t)
{
    // matplotlib's viridis sampled at 10 equally spaced points, linearly interpolated.
    static constexpr std::array<QRgb, 10> stops{0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
                                                0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};
    if (!(t > 0))
        t = 0;
    const double s = std::min(t, 1.0) * (stops.size() - 1);
    const std::size_t i = std::min<std::size_t>(std::size_t(s), stops.size() - 2);
    const double f = s - double(i);
    auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    const QRgb a = stops[i], b = stops[i + 1];
    return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

QRgb category(int label)
{
    static constexpr std::array<QRgb, 20> palette{
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2,
        0x7f7f7f, 0xbcbd22, 0x17becf, 0x6baed6, 0xfdae6b, 0x74c476, 0xfc9272,
        0xbcbddc, 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5};
    if (label < 0)
        return 0xb0b0b0;
    return palette[std::size_t(label) % palette.size()];
}

QColor selectionHighlight()
{
    // Deep magenta: outside the categorical palette and viridis.
    return QColor(214, 0, 120);
}

QColor namedSelection(int index)
{
    static constexpr std::array<QRgb, 8> palette{0x1f77b4, 0xff7f0e, 0x2ca02c, 0x9467bd,
                                                 0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22};
    return QColor(palette[std::size_t(std::max(index, 0)) % palette.size()]);
}

QRgb missingValue()
{
    return 0xc8c8c8;
}

} // namespace scattercolours
