#include "train/EtaEstimator.h"

#include <algorithm>

namespace cryo {

void EtaEstimator::epochFinished(int kind, double seconds) { m_seconds[kind] = seconds; }

void EtaEstimator::epochStarted(const std::vector<int>& laterKinds)
{
    m_later.clear();
    for (int k : laterKinds)
        ++m_later[k];
}

double EtaEstimator::secondsLeft(double elapsed, double fraction) const
{
    if (!(fraction > 0))
        return 0;
    const double projected = elapsed / std::min(1.0, fraction);   // the current epoch, whole
    double left = std::max(0.0, projected - elapsed);
    for (const auto& [kind, count] : m_later) {
        const auto timed = m_seconds.find(kind);
        left += count * (timed != m_seconds.end() ? timed->second : projected);
    }
    return left;
}

} // namespace cryo
