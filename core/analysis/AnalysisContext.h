#pragma once
// The small context every long latent-space analysis job takes (PCA, k-means, kNN, UMAP,
// density): a stop token and an optional progress sink.
//
// Cancellation convention for core/analysis: a job checks the token once per chunk of rows
// or per iteration/epoch and, when a stop was requested, throws cryo::AnalysisCancelled;
// it never returns a partial result. The progress callback gets fractions in [0, 1],
// non-decreasing, always on the calling thread (worker threads a job starts never call it).
#include <functional>
#include <stdexcept>
#include <stop_token>

namespace cryo {

class AnalysisCancelled : public std::runtime_error {
public:
    AnalysisCancelled() : std::runtime_error("analysis cancelled") {}
};

struct AnalysisContext {
    std::stop_token stop;
    std::function<void(double fraction)> progress;

    // Throws AnalysisCancelled when a stop was requested.
    void checkCancelled() const
    {
        if (stop.stop_requested())
            throw AnalysisCancelled();
    }
    void report(double fraction) const
    {
        if (progress)
            progress(fraction);
    }
    // A context for a sub-step that covers [begin, end] of this one's progress range.
    AnalysisContext sub(double begin, double end) const
    {
        AnalysisContext inner{stop, {}};
        if (progress) {
            auto outer = progress;
            inner.progress = [outer, begin, end](double f) { outer(begin + (end - begin) * f); };
        }
        return inner;
    }
};

} // namespace cryo
