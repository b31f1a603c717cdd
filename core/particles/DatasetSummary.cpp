#include "particles/DatasetSummary.h"

#include "particles/ParticleDataset.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace cryo {

namespace {

// Counts particles whose value fails a check; reported once per kind, with the first index.
struct Suspicious {
    std::string what;
    std::size_t count = 0, first = 0;
    void hit(std::size_t index)
    {
        if (count++ == 0)
            first = index;
    }
    void report(std::vector<std::string>& problems) const
    {
        if (count > 0)
            problems.push_back(std::to_string(count) + " particle(s) with " + what + " (first: particle " +
                               std::to_string(first) + ")");
    }
};

void summarizeCtf(const ParticleDataset& d, DatasetSummary& s)
{
    Suspicious nonPositive{"defocus <= 0 Å"}, huge{"defocus > 100,000 Å"}, badVoltage{"voltage outside 60-500 kV"},
        badAc{"amplitude contrast outside 0-1"}, nonFinite{"NaN/Inf CTF values"};
    for (std::size_t i = 0; i < d.size(); ++i) {
        const CtfParams& c = d.particles()[i].ctf;
        if (!std::isfinite(c.defocusU) || !std::isfinite(c.defocusV) || !std::isfinite(c.defocusAngle) ||
            !std::isfinite(c.phaseShift)) {
            nonFinite.hit(i);
            continue;
        }
        s.defocusU.add(c.defocusU);
        s.defocusV.add(c.defocusV);
        s.defocusAngle.add(c.defocusAngle);
        s.voltage.add(c.voltage);
        s.sphericalAberration.add(c.sphericalAberration);
        s.amplitudeContrast.add(c.amplitudeContrast);
        s.phaseShift.add(c.phaseShift);
        if (c.defocusU <= 0 || c.defocusV <= 0)
            nonPositive.hit(i);
        if (c.defocusU > 1e5 || c.defocusV > 1e5)
            huge.hit(i);
        if (c.voltage < 60 || c.voltage > 500)
            badVoltage.hit(i);
        if (c.amplitudeContrast < 0 || c.amplitudeContrast > 1)
            badAc.hit(i);
    }
    for (const Suspicious* x : {&nonFinite, &nonPositive, &huge, &badVoltage, &badAc})
        x->report(s.problems);
}

std::vector<StackFolder> stackFolders(const std::vector<StackInfo>& stacks)
{
    std::vector<StackFolder> folders;
    for (const StackInfo& stack : stacks) {
        if (stack.imageCount == 0)   // not found, or found and unreadable
            continue;
        std::error_code ec;
        const std::string folder = std::filesystem::absolute(stack.path, ec).lexically_normal().parent_path().string();
        const std::string origin = describeStackOrigin(stack.origin);
        auto same = [&](const StackFolder& f) { return f.folder == folder && f.origin == origin; };
        if (auto it = std::find_if(folders.begin(), folders.end(), same); it != folders.end())
            ++it->stacks;
        else
            folders.push_back({folder, origin, 1});
    }
    return folders;
}

// digits: 7 for people (values are floats), 9 in JSON (enough to round-trip a float).
std::string number(double v, int digits = 7)
{
    if (!std::isfinite(v))
        return "null";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    return buffer;
}

std::string jsonString(const std::string& text)
{
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string jsonRange(const ValueRange& r)
{
    return r.valid ? "{\"min\": " + number(r.min, 9) + ", \"max\": " + number(r.max, 9) + "}" : "null";
}

std::string textRange(const ValueRange& r, const char* unit)
{
    if (!r.valid)
        return "-";
    if (r.min == r.max)
        return number(r.min) + unit;
    return number(r.min) + " to " + number(r.max) + unit;
}

} // namespace

void ValueRange::add(double value)
{
    if (!valid) {
        min = max = value;
        valid = true;
    } else {
        min = std::min(min, value);
        max = std::max(max, value);
    }
}

DatasetSummary summarizeDataset(const ParticleDataset& d)
{
    DatasetSummary s;
    s.source = d.sourcePath().string();
    s.format = formatName(d.format());
    s.count = d.size();
    s.boxSize = d.boxSize();
    s.opticsGroups = d.opticsGroups();
    s.particlesPerGroup.assign(s.opticsGroups.size(), 0);
    for (const OpticsGroup& g : s.opticsGroups)
        s.pixelSize.add(g.pixelSize);
    for (const ParticleRecord& p : d.particles())
        ++s.particlesPerGroup[std::size_t(p.opticsGroup)];
    s.stackCount = d.stacks().size();
    for (const StackInfo& stack : d.stacks())
        s.missingStacks += stack.imageCount == 0 ? 1 : 0;
    s.stackFolders = stackFolders(d.stacks());
    s.inMemory = d.isInMemory();
    s.problems = d.problems();
    s.hasCtf = d.hasCtf();
    if (s.hasCtf)
        summarizeCtf(d, s);
    s.hasPoses = d.hasPoses();
    for (const ParticlePose& pose : d.poses()) {
        s.shiftX.add(pose.shiftX);
        s.shiftY.add(pose.shiftY);
    }
    if (s.boxSize % 2 != 0)
        s.problems.push_back("odd box size " + std::to_string(s.boxSize) + " (an even box is expected)");
    if (s.pixelSize.valid && s.pixelSize.max > 1.02 * s.pixelSize.min)
        s.problems.push_back("optics groups differ in pixel size by more than 2%");
    return s;
}

std::string summaryText(const DatasetSummary& s)
{
    std::ostringstream out;
    out << "Particles:      " << s.source << " (" << s.format << ")\n";
    out << "Count:          " << s.count << "\n";
    out << "Box:            " << s.boxSize << " x " << s.boxSize << " px\n";
    out << "Pixel size:     " << textRange(s.pixelSize, " Å") << "\n";
    out << "Image stacks:   " << s.stackCount;
    if (s.missingStacks > 0)
        out << " (" << s.missingStacks << " missing or unreadable)";
    out << (s.inMemory ? ", in memory\n" : "\n");
    constexpr std::size_t kListedFolders = 4;
    for (std::size_t i = 0; i < s.stackFolders.size() && i < kListedFolders; ++i) {
        const StackFolder& f = s.stackFolders[i];
        out << (i == 0 ? "Stacks from:    " : "                ") << f.folder << " (" << f.origin << "; " << f.stacks
            << (f.stacks == 1 ? " stack)\n" : " stacks)\n");
    }
    if (s.stackFolders.size() > kListedFolders)
        out << "                ... and " << s.stackFolders.size() - kListedFolders << " more folders\n";
    out << "Optics groups:  " << s.opticsGroups.size() << "\n";
    for (std::size_t g = 0; g < s.opticsGroups.size(); ++g) {
        const OpticsGroup& o = s.opticsGroups[g];
        out << "  " << o.id << (o.name.empty() ? "" : " " + o.name) << ": " << number(o.pixelSize) << " Å, "
            << o.imageSize << " px, " << number(o.voltage) << " kV, Cs " << number(o.sphericalAberration)
            << " mm, amplitude contrast " << number(o.amplitudeContrast) << ", " << s.particlesPerGroup[g]
            << " particles\n";
    }
    if (s.hasCtf) {
        out << "CTF defocus U:  " << textRange(s.defocusU, " Å") << "\n";
        out << "CTF defocus V:  " << textRange(s.defocusV, " Å") << "\n";
        out << "Defocus angle:  " << textRange(s.defocusAngle, "°") << "\n";
        out << "Voltage:        " << textRange(s.voltage, " kV") << "\n";
        out << "Cs:             " << textRange(s.sphericalAberration, " mm") << "\n";
        out << "Ampl. contrast: " << textRange(s.amplitudeContrast, "") << "\n";
        out << "Phase shift:    " << textRange(s.phaseShift, "°") << "\n";
    } else {
        out << "CTF:            none\n";
    }
    out << "Poses:          " << (s.hasPoses ? "yes" : "no");
    if (s.hasPoses)
        out << " (shifts x " << textRange(s.shiftX, " Å") << ", y " << textRange(s.shiftY, " Å") << ")";
    out << "\n";
    out << "Problems:       " << (s.problems.empty() ? "none" : std::to_string(s.problems.size())) << "\n";
    for (const std::string& p : s.problems)
        out << "  - " << p << "\n";
    return out.str();
}

std::string summaryJson(const DatasetSummary& s)
{
    std::ostringstream out;
    out << "{\"source\": " << jsonString(s.source) << ", \"format\": " << jsonString(s.format)
        << ", \"count\": " << s.count << ", \"box\": " << s.boxSize << ", \"pixel_size_A\": " << jsonRange(s.pixelSize)
        << ", \"stacks\": " << s.stackCount << ", \"missing_stacks\": " << s.missingStacks
        << ", \"in_memory\": " << (s.inMemory ? "true" : "false") << ", \"stack_folders\": [";
    for (std::size_t i = 0; i < s.stackFolders.size(); ++i)
        out << (i ? ", " : "") << "{\"folder\": " << jsonString(s.stackFolders[i].folder)
            << ", \"found\": " << jsonString(s.stackFolders[i].origin) << ", \"stacks\": " << s.stackFolders[i].stacks
            << "}";
    out << "], \"optics_groups\": [";
    for (std::size_t g = 0; g < s.opticsGroups.size(); ++g) {
        const OpticsGroup& o = s.opticsGroups[g];
        out << (g ? ", " : "") << "{\"id\": " << o.id << ", \"name\": " << jsonString(o.name)
            << ", \"pixel_size_A\": " << number(o.pixelSize, 9) << ", \"image_size\": " << o.imageSize
            << ", \"voltage_kV\": " << number(o.voltage, 9) << ", \"cs_mm\": " << number(o.sphericalAberration, 9)
            << ", \"amplitude_contrast\": " << number(o.amplitudeContrast, 9)
            << ", \"particles\": " << s.particlesPerGroup[g] << "}";
    }
    out << "], \"ctf\": ";
    if (s.hasCtf)
        out << "{\"defocus_u_A\": " << jsonRange(s.defocusU) << ", \"defocus_v_A\": " << jsonRange(s.defocusV)
            << ", \"defocus_angle_deg\": " << jsonRange(s.defocusAngle) << ", \"voltage_kV\": " << jsonRange(s.voltage)
            << ", \"cs_mm\": " << jsonRange(s.sphericalAberration)
            << ", \"amplitude_contrast\": " << jsonRange(s.amplitudeContrast)
            << ", \"phase_shift_deg\": " << jsonRange(s.phaseShift) << "}";
    else
        out << "null";
    out << ", \"poses\": " << (s.hasPoses ? "true" : "false");
    if (s.hasPoses)
        out << ", \"shift_x_A\": " << jsonRange(s.shiftX) << ", \"shift_y_A\": " << jsonRange(s.shiftY);
    out << ", \"problems\": [";
    for (std::size_t i = 0; i < s.problems.size(); ++i)
        out << (i ? ", " : "") << jsonString(s.problems[i]);
    out << "]}\n";
    return out.str();
}

std::string describeDataset(const ParticleDataset& dataset, bool json)
{
    const DatasetSummary summary = summarizeDataset(dataset);
    return json ? summaryJson(summary) : summaryText(summary);
}

} // namespace cryo
