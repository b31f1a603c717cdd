#pragma once
// A summary of a particle dataset for `cryoscape info PARTICLES [--json]` and the GUI:
// counts, geometry, optics groups, CTF ranges, poses, and problems worth a look.
#include "particles/ParticleTypes.h"

#include <cstddef>
#include <string>
#include <vector>

namespace cryo {

class ParticleDataset;

struct ValueRange {
    double min = 0, max = 0;
    bool valid = false;         // false until a value was added
    void add(double value);
};

// A folder the image stacks were read from, and by which rule (particles/StackPathResolver.h).
struct StackFolder {
    std::string folder;         // absolute, normalised
    std::string origin;         // "beside the metadata file", "in the data folder given", ...
    std::size_t stacks = 0;
};

struct DatasetSummary {
    std::string source;         // the file opened
    std::string format;         // "RELION star", ...
    std::size_t count = 0;
    int boxSize = 0;            // pixels
    ValueRange pixelSize;       // Å, over optics groups
    std::vector<OpticsGroup> opticsGroups;
    std::vector<std::size_t> particlesPerGroup;   // parallel to opticsGroups
    std::size_t stackCount = 0, missingStacks = 0;
    std::vector<StackFolder> stackFolders;   // in order of first use; stacks that opened only
    bool inMemory = false;
    bool hasCtf = false;
    ValueRange defocusU, defocusV, defocusAngle, voltage, sphericalAberration, amplitudeContrast, phaseShift;
    bool hasPoses = false;
    ValueRange shiftX, shiftY;  // Å
    std::vector<std::string> problems;   // from opening, plus suspicious values found here
};

DatasetSummary summarizeDataset(const ParticleDataset& dataset);
std::string summaryText(const DatasetSummary& summary);
std::string summaryJson(const DatasetSummary& summary);   // one JSON object, ends with '\n'
// Convenience for the CLI: summaryJson or summaryText of summarizeDataset(dataset).
std::string describeDataset(const ParticleDataset& dataset, bool json);

} // namespace cryo
