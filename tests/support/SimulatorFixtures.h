#pragma once
// The simulator tests' small data set (60 particles, D = 32, 6 Å/px, seed 42) and a reader
// of whole MRC files (tst_simulator, tst_simulatorphysics).
#include "io/MrcFile.h"
#include "sim/Simulator.h"

#include <filesystem>
#include <vector>

namespace simtest {

inline cryo::SimulationOptions smallOptions(const std::filesystem::path& dir)
{
    cryo::SimulationOptions o;
    o.outDir = dir;
    o.particles = 60;
    o.box = 32;
    o.pixelSize = 6.0;
    o.seed = 42;
    return o;
}

inline std::vector<float> readAll(const std::filesystem::path& path)
{
    cryo::MrcReader r(path);
    std::vector<float> v(std::size_t(r.header().nx) * r.header().ny * r.header().nz);
    r.readSections(0, r.header().nz, v.data());
    return v;
}

} // namespace simtest
