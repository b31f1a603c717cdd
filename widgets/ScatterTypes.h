#pragma once
// Data handed to the latent scatter widgets. Columns are shared, immutable arrays so that
// linked panels and the axis / colour choosers switch between them without copying.
#include "analysis/PointGrid.h"

#include <QString>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

using ScatterColumn = std::shared_ptr<const std::vector<float>>;
using ScatterLabels = std::shared_ptr<const std::vector<std::int32_t>>;

// The smallest and largest label ({0, -1} for none). A plain loop, which the compiler
// vectorises (std::minmax_element it does not): ~0.3 ms per 10^6 labels on the GUI thread.
inline std::pair<std::int32_t, std::int32_t> labelRange(const std::vector<std::int32_t>& labels)
{
    if (labels.empty())
        return {0, -1};
    std::int32_t low = labels[0], high = labels[0];
    for (std::int32_t label : labels)
        low = std::min(low, label), high = std::max(high, label);
    return {low, high};
}

// How points are coloured.
struct ScatterColouring {
    enum class Kind {
        None,        // one colour, opacity from the local point density
        Density,     // colour map over log(points per pixel)
        Categories,  // int32 labels -> categorical palette (label < 0 = grey "unassigned")
        Values       // float values -> viridis, with a colour bar
    };
    Kind kind = Kind::None;
    QString title;            // legend / colour bar title, e.g. "defocus (Å)", "k-means"
    ScatterLabels labels;     // Categories: one label per point
    ScatterColumn values;     // Values: one value per point (NaN drawn grey)
    double low = 0, high = -1;  // Values: colour map range; low > high = 1st..99th percentile
};

// Points in the order the rasteriser visits them (spatialOrder in ScatterRaster.h), with
// both columns permuted by it, and optionally the grid that finds the point under the cursor.
// Sorting a million points takes ~20 ms and building the grid ~45 ms: whoever has a thread
// to spare makes them once per embedding (makeRenderOrder) and hands them over with the columns.
struct ScatterRenderOrder {
    std::vector<std::uint32_t> order;   // render position k → particle index
    std::vector<float> x, y;            // x[order[k]], y[order[k]]
    std::shared_ptr<const cryo::PointGrid> grid;   // over the columns in particle order; may be null
};
using ScatterOrder = std::shared_ptr<const ScatterRenderOrder>;

// A named 2-D coordinate source ("PCA 1/2", "UMAP", "z1/z2").
struct ScatterEmbedding {
    QString name, xTitle, yTitle;
    ScatterColumn x, y;
    ScatterOrder order = nullptr;   // null: the view sorts the points itself when it shows them
};

// A named colour source for the colour chooser ("density", "k-means (20)", "defocus").
struct ScatterColourSource {
    QString name;
    ScatterColouring colouring;
};

// A named per-particle column (range picks in the selection panel).
struct ScatterValueColumn {
    QString name;
    ScatterColumn values;
};
