#pragma once
// bench_scale's child processes: `cryoscape simulate` and `cryoscape train` run as the user
// runs them, measured from outside (wall and CPU time, peak resident memory, their output).
#include <filesystem>
#include <string>
#include <vector>

namespace scalebench {

struct ChildRun {
    double wallSeconds = 0, cpuSeconds = 0;
    double peakResidentMb = 0;   // the child's ru_maxrss
    bool succeeded = false;      // exit status 0
    std::string output;          // its stdout and stderr
};

// Runs the cryoscape beside this program (else the build's) with `arguments`; with
// stopAfterSeconds > 0, interrupts it (SIGINT, as Ctrl-C) after that long.
ChildRun runCryoscape(const std::vector<std::string>& arguments, double stopAfterSeconds = 0);

// The last "R/s" rate of a progress line labelled `label` in `output` (ProgressPrinter's
// "label [===]  12%  1234/50000  456/s  ETA …"), or of an "N images/s" epoch line; 0 if none.
double lastRate(const std::string& output, const std::string& label);

// Removes the folder unless the user named it (keep = true).
void removeUnlessKept(const std::filesystem::path& folder, bool keep);

} // namespace scalebench
