#pragma once
#include "io/Volume.h"

// A small asymmetric test object (three Gaussian lobes joined by a bridge) in a box of
// `box` voxels at 2 Å/voxel, for the first start before any data is at hand.
cryo::Volume makeDemoMap(int box);
