#include "train/AbInitioSchedule.h"

#include "train/AbInitioState.h"

#include <algorithm>

namespace cryo {

AbInitioSchedule::AbInitioSchedule(const AbInitioOptions& options, int epochs, int boxSize,
                                   std::optional<int> storedResetEpoch)
    : m_options(options), m_boxSize(boxSize),
      m_resetEpoch(storedResetEpoch ? *storedResetEpoch : resolvedResetEpoch(options, epochs))
{
}

bool AbInitioSchedule::searchesIn(int epoch) const
{
    const int reset = m_resetEpoch, every = std::max(1, m_options.searchEvery);
    const int sinceReset = reset > 0 && epoch > reset ? epoch - reset - 1 : epoch - 1;
    return sinceReset % every == 0 && !(reset > 0 && epoch == reset + 1);
}

int AbInitioSchedule::passesAfter(int epoch) const
{
    int passes = 0;
    for (int e = 1; e <= epoch; ++e)
        passes += searchesIn(e) ? 1 : 0;
    return passes;
}

bool AbInitioSchedule::inConsensusStage(int epoch, int zdim) const
{
    return zdim > 0 && m_resetEpoch > 0 && epoch <= m_resetEpoch;
}

int AbInitioSchedule::searchRadius(int pass) const
{
    const AbInitioOptions& a = m_options;
    const int top = std::min(a.lMax, m_boxSize / 2);
    return a.lMaxStart <= 0 ? top : std::max(1, std::min(top, a.lMaxStart + pass * a.lMaxStep));
}

int AbInitioSchedule::searchChunk(int pass) const
{
    const int chunk = std::max(1, m_options.searchChunk);
    return pass < kEarlyPasses ? std::min(chunk, std::max(16, chunk / 4)) : chunk;
}

} // namespace cryo
