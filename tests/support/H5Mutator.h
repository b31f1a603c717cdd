#pragma once
// Structured mutations of HDF5 files for the fuzz tests: what a damaged, hand-edited or
// hostile run.h5 / session file holds while still being valid HDF5 — attributes with edge
// values, arrays instead of scalars, strings instead of numbers; datasets replaced by others
// of another rank, type or size (up to 2^40 values that occupy no bytes); deleted objects;
// soft links that loop. The objects to mutate are found by walking the seed file, so a new
// HDF5 format needs no list of its own.
#include "support/FuzzMutator.h"

#include <hdf5.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace fuzz {

struct H5Objects {
    std::vector<std::string> datasets, groups;
    std::vector<std::pair<std::string, std::string>> attributes;   // (object, attribute)
};

namespace h5detail {

inline herr_t collectAttribute(hid_t, const char* name, const H5A_info_t*, void* data)
{
    auto* out = static_cast<std::pair<H5Objects*, std::string>*>(data);
    out->first->attributes.emplace_back(out->second, name);
    return 0;
}

inline herr_t collectObject(hid_t root, const char* name, const H5O_info_t* info, void* data)
{
    auto* objects = static_cast<H5Objects*>(data);
    const std::string path = std::string(name) == "." ? "/" : "/" + std::string(name);
    if (info->type == H5O_TYPE_DATASET)
        objects->datasets.push_back(path);
    else if (info->type == H5O_TYPE_GROUP)
        objects->groups.push_back(path);
    const hid_t object = H5Oopen(root, path.c_str(), H5P_DEFAULT);
    std::pair<H5Objects*, std::string> context{objects, path};
    H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, collectAttribute, &context);
    H5Oclose(object);
    return 0;
}

inline hid_t pickType(Mutator& m)
{
    const std::vector<hid_t> types{H5T_NATIVE_FLOAT, H5T_NATIVE_DOUBLE, H5T_NATIVE_INT32, H5T_NATIVE_INT64,
                                   H5T_NATIVE_UINT8, H5T_NATIVE_UINT64, H5T_C_S1};
    return m.pick(types);
}

inline double edgeValue(Mutator& m)
{
    const std::vector<double> values{0, -1, 1, 2, 49, 50, 51, 1e300, -1e300, 2147483648.0, 1e19,
                                     std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()};
    return m.pick(values);
}

} // namespace h5detail

// Every group, dataset and attribute of an HDF5 file.
inline H5Objects listH5Objects(const std::filesystem::path& file)
{
    H5Objects objects;
    const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    H5Ovisit(f, H5_INDEX_NAME, H5_ITER_NATIVE, h5detail::collectObject, &objects);
    H5Fclose(f);
    return objects;
}

class H5Mutator {
public:
    H5Mutator(Mutator& m, hid_t file) : m_m(m), m_file(file) {}

    // A scalar number, an array of numbers, or a string where an attribute was.
    void replaceAttribute(const std::string& object, const std::string& name)
    {
        const hid_t o = H5Oopen(m_file, object.c_str(), H5P_DEFAULT);
        H5Adelete(o, name.c_str());
        const int kind = int(m_m.below(3));
        const hsize_t count = kind == 1 ? 1 + m_m.below(2000) : 1;
        const hid_t space = kind == 1 ? H5Screate_simple(1, &count, nullptr) : H5Screate(H5S_SCALAR);
        const hid_t type = kind == 2 ? H5Tcopy(H5T_C_S1) : H5Tcopy(H5T_NATIVE_DOUBLE);
        std::string text = m_m.pick(std::vector<std::string>{"", "cryoscape-run", "cryoscape-session", "#zzzzzz",
                                                             "pca:99,-1", "z:0", std::string(5000, 'x')});
        if (kind == 2)
            H5Tset_size(type, text.size() + 1);
        const hid_t a = H5Acreate2(o, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT);
        std::vector<double> values(count);
        for (double& v : values)
            v = h5detail::edgeValue(m_m);
        H5Awrite(a, type, kind == 2 ? static_cast<const void*>(text.c_str()) : values.data());
        H5Aclose(a);
        H5Tclose(type);
        H5Sclose(space);
        H5Oclose(o);
    }

    // Another rank, type or size; huge ones are chunked and never written (no storage).
    void replaceDataset(const std::string& name)
    {
        H5Ldelete(m_file, name.c_str(), H5P_DEFAULT);
        const int rank = int(m_m.below(4));
        std::vector<hsize_t> dims(static_cast<std::size_t>(rank), 0), chunk(static_cast<std::size_t>(rank), 1);
        double values = 1;
        for (hsize_t& d : dims) {
            d = m_m.pick(std::vector<hsize_t>{0, 1, 2, 3, 9, 50, 51, hsize_t(1) << 20, hsize_t(1) << 40});
            values *= double(d);
        }
        const bool store = values <= 1e5;
        const hid_t type = h5detail::pickType(m_m);
        const hid_t space = rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, dims.data(), nullptr);
        const hid_t properties = H5Pcreate(H5P_DATASET_CREATE);
        if (!store || (rank > 0 && m_m.chance(0.2)))
            H5Pset_chunk(properties, rank, chunk.data());
        const hid_t set = H5Dcreate2(m_file, name.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT);
        if (store && type != H5T_C_S1 && set >= 0) {
            std::vector<double> data(static_cast<std::size_t>(values), 0.0);
            for (double& v : data)
                v = m_m.chance(0.8) ? double(m_m.below(60)) - 5 : h5detail::edgeValue(m_m);
            H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data());
        }
        H5Dclose(set);
        H5Pclose(properties);
        H5Sclose(space);
    }

    void remove(const std::string& name) { H5Ldelete(m_file, name.c_str(), H5P_DEFAULT); }

    // A soft link that points at itself or at another object.
    void loop(const std::string& name, const std::string& other)
    {
        H5Ldelete(m_file, name.c_str(), H5P_DEFAULT);
        H5Lcreate_soft(m_m.chance(0.5) ? name.c_str() : other.c_str(), m_file, name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
    }

    // One to three of the above on objects of `objects`.
    void mutate(const H5Objects& objects)
    {
        for (std::size_t n = 1 + m_m.below(3); n > 0; --n) {
            const int action = int(m_m.below(5));
            if ((action == 0 || objects.datasets.empty()) && !objects.attributes.empty()) {
                const auto& [object, name] = m_m.pick(objects.attributes);
                replaceAttribute(object, name);
            } else if (action <= 2 && !objects.datasets.empty()) {
                replaceDataset(m_m.pick(objects.datasets));
            } else if (action == 3 && !objects.datasets.empty()) {
                remove(m_m.chance(0.7) || objects.groups.empty() ? m_m.pick(objects.datasets)
                                                                 : m_m.pick(objects.groups));
            } else if (!objects.datasets.empty()) {
                loop(m_m.pick(objects.datasets), m_m.pick(objects.datasets));
            }
        }
    }

private:
    Mutator& m_m;
    hid_t m_file;
};

} // namespace fuzz
