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
    // With ChildStop::afterImages: images per second from warmupImages to afterImages, timed
    // by watching its progress line (every 0.1 s); 0 if it ended before.
    double steadyImagesPerSecond = 0;
    double steadyCpuMsPerImage = 0;   // its CPU time (all threads) per image over the same span
};

// When to interrupt a child (SIGINT, as Ctrl-C); 0: never.
struct ChildStop {
    double afterSeconds = 0;
    long long afterImages = 0;   // once its progress line labelled `label` ("label […] 1234/50000 …")
    std::string label;           // has passed this many
    long long warmupImages = 0;  // with afterImages: the steady rate is timed from here on
};

// Runs `program` with `arguments`, measured; its output goes to a file read back at the end.
ChildRun runProgram(const std::string& program, const std::vector<std::string>& arguments, ChildStop stop = {});
// The program called `name` beside this one, else `fallback`.
std::string programBeside(const std::string& name, const std::string& fallback);
// runProgram of the cryoscape beside this program (else the build's).
ChildRun runCryoscape(const std::vector<std::string>& arguments, ChildStop stop = {});

// The last "R/s" rate of a progress line labelled `label` in `output` (ProgressPrinter's
// "label [===]  12%  1234/50000  456/s  ETA …"), or of an "N images/s" epoch line; 0 if none.
double lastRate(const std::string& output, const std::string& label);

// Removes the folder unless the user named it (keep = true).
void removeUnlessKept(const std::filesystem::path& folder, bool keep);

} // namespace scalebench
