#pragma once
// Poses and CTF taken from another file than the particles (cryoscape train --poses/--ctf):
// cryoDRGN's pose.pkl / ctf.pkl, or the poses/CTF columns of a RELION .star or cryoSPARC .cs
// with the same particles in the same order.
#include "particles/ParticleTypes.h"

#include <filesystem>
#include <vector>

namespace cryo {

// imageSize and pixelSize are those of the particle images (cryoDRGN stores shifts as
// fractions of the box). Throws FileError when the file has no poses / no CTF.
std::vector<ParticlePose> readPoseOverride(const std::filesystem::path& path, int imageSize, double pixelSize);
std::vector<CtfParams> readCtfOverride(const std::filesystem::path& path);

} // namespace cryo
