#pragma once
// `cryoscape backproject` and the explorer's "Backproject Selection" as one function from a
// request (files and a selection) to a result (maps and FSC), optionally written to a
// directory: the CLI and the GUI are thin adapters over it.
//
// Written to outDir (each file atomically):
//   backprojection.mrc             the map of all selected particles, weighted by its signal-to-
//                                  noise ratio (from the half-map FSC) and low-pass filtered at the
//                                  half-map FSC = 0.143 resolution
//   backprojection_unfiltered.mrc  the same before both filters
//   half_a.mrc, half_b.mrc         the half maps
//   fsc.txt                        "# frequency_1/A fsc" then one line per Fourier shell
// Maps carry the pixel size and origin 0 (the box centre at voxel D/2, like the decoder's maps).
#include "reconstruct/Backprojection.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

namespace cryo {

struct BackprojectionRequest {
    std::filesystem::path particles;      // .star, .cs, .txt or .mrcs (then poses must be given)
    std::filesystem::path poses;          // optional: cryoDRGN pose.pkl, or a .star/.cs of the same particles
    std::filesystem::path ctf;            // optional: cryoDRGN ctf.pkl, or a .star/.cs of the same particles
    std::filesystem::path posesFromRun;   // optional: an ab initio run (directory or run.h5) on these particles
    std::filesystem::path index;          // optional: selection file (.txt list or cryoDRGN .pkl)
    std::optional<std::vector<std::size_t>> selection;   // or the selection itself (0-based, any order)
    std::filesystem::path dataDirectory;  // where to look for the stacks
    double pixelSize = 0;                 // Å; > 0 overrides the files
    std::size_t maxParticles = 0;         // > 0: only the first N of the selection
    BackprojectionOptions options;
    std::filesystem::path outDir;         // empty: nothing is written
    // Called once the inputs are open and checked, with the number of particles to backproject
    // (so that progress, a fraction, can be shown in particles).
    std::function<void(std::size_t particles)> opened;
};

// Throws UsageError for contradicting options (poses and posesFromRun, index and selection),
// FileError / UsageError naming the file for unreadable or inconsistent inputs, and
// AnalysisCancelled when stopped (then nothing is written).
BackprojectionResult runBackprojection(const BackprojectionRequest& request, const AnalysisContext& context = {});

// Writes the files listed above into dir (created if needed).
void writeBackprojection(const BackprojectionResult& result, const std::filesystem::path& dir);
// "# frequency_1/A fsc" and one "%.6f %.6f" line per shell.
void writeFscTable(const FscCurve& curve, const std::filesystem::path& path);

} // namespace cryo
