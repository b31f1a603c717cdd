#pragma once
// The time left in a training run whose epochs come in kinds that take different times (ab
// initio: searching and training epochs, consensus or not). A finished epoch gives its kind's
// duration; the current epoch is projected from the fraction done; an epoch of a kind not yet
// timed is assumed to take as long as the current one will. Torch-free.
#include <map>
#include <vector>

namespace cryo {

class EtaEstimator {
public:
    // The wall time of a whole epoch (training, searching, saving) of `kind`; the latest counts.
    void epochFinished(int kind, double seconds);
    // A new epoch starts; laterKinds: the kinds of the epochs still to come after it.
    void epochStarted(const std::vector<int>& laterKinds);
    // Seconds to the end of the last epoch, `elapsed` seconds into the current epoch with
    // `fraction` (0..1) of it done; 0 while nothing of the current epoch is done.
    double secondsLeft(double elapsed, double fraction) const;

private:
    std::map<int, double> m_seconds;   // kind → duration of its latest finished epoch
    std::map<int, int> m_later;        // kind → epochs of that kind after the current one
};

} // namespace cryo
