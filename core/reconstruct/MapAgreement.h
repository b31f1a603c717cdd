#pragma once
// Where a decoder's map shows density that the particles' own backprojection does not
// support: the "is this in the data, or did the network make it up?" check of issue #19.
//
// The decoder's map is brought to the backprojection's terms -- the same solvent mask, the
// same per-shell Wiener weighting (from the backprojection's half-map FSC) and low-pass filter
// at its FSC = 0.143 resolution, then scaled onto it by least squares (the two are in different
// density units) -- and subtracted from the backprojection's filtered map. The difference is
// expressed in standard deviations of the backprojection's own noise, measured on the half-map
// difference (A − B)/2 filtered the same way inside the mask. A decoder feature the data
// support leaves |excess| ≲ 2; one the data lack stands out as excess ≥ 3 (or more).
// A difference map (rather than colouring the decoder's surface by a local correlation) keeps
// the sign -- what the decoder adds is told apart from what it leaves out -- and shows the
// feature as a surface of its own, at a level with a fixed meaning (3 σ of the data's noise).
#include "io/Volume.h"
#include "reconstruct/Backprojection.h"
#include "reconstruct/FourierShellCorrelation.h"

namespace cryo {

struct MapAgreement {
    Volume excess;           // (scale·decoder − backprojection) / noiseSigma, both filtered; 0 outside the mask
    double scale = 0;        // decoder units → backprojection units
    double noiseSigma = 0;   // of the filtered backprojection, in its units
    FscCurve fsc;            // decoder (masked like the backprojection) vs the backprojection
    FscResolution resolution05;   // of that FSC
    std::size_t flaggedVoxels = 0;   // excess ≥ threshold
    double flaggedVolume = 0;        // Å³
};

// decoded: the decoder's map of the same particles (same box and voxel size as the
// backprojection; UsageError otherwise). threshold in noise standard deviations.
MapAgreement compareWithBackprojection(const Volume& decoded, const BackprojectionResult& backprojection,
                                       double threshold = 3.0);

} // namespace cryo
