#pragma once
// Hierarchical agglomerative clustering (Euclidean) with average, Ward or complete linkage,
// by the nearest-neighbour-chain algorithm on a full distance matrix: O(n²) memory and
// time, for up to a few thousand items (the landscape clusters ~100–1000 masked volumes).
//
// Merge heights follow scipy.cluster.hierarchy.linkage: average = mean pairwise Euclidean
// distance, complete = the largest one, Ward = sqrt(2·Δ(sum of squares)) (scipy's Ward
// distance, which equals the Euclidean distance for two single items). Merges are listed by
// increasing height with scipy's ids: items 0..n−1, merge i creates cluster n + i.
#include "analysis/AnalysisContext.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cryo {

enum class Linkage { Average, Ward, Complete };

// "average", "ward", "complete" (case-sensitive); throws UsageError otherwise.
Linkage parseLinkage(const std::string& name);
const char* linkageName(Linkage linkage);

struct DendrogramMerge {
    std::int32_t a = 0, b = 0;   // cluster ids, a < b
    double height = 0;
    std::int32_t size = 0;       // items in the new cluster
};

struct Dendrogram {
    std::size_t count = 0;                  // items
    std::vector<DendrogramMerge> merges;    // count − 1, increasing height

    // Flat labels for `clusters` clusters (1..count): the first count − clusters merges.
    // Labels are 0..clusters−1 in the order of each cluster's lowest item. Throws UsageError.
    std::vector<std::int32_t> cut(int clusters) const;
};

class AgglomerativeClustering {
public:
    // squaredDistances: n × n row-major, symmetric, zero diagonal (only the upper triangle
    // is read). Throws UsageError for n < 1 or a wrong size; AnalysisCancelled on stop.
    static Dendrogram fitSquaredDistances(std::vector<double> squaredDistances, std::size_t n, Linkage linkage,
                                          const AnalysisContext& context = {});
    // Rows: n × dim floats (distances computed in double).
    static Dendrogram fit(const float* rows, std::size_t n, std::size_t dim, Linkage linkage,
                          const AnalysisContext& context = {});
};

} // namespace cryo
